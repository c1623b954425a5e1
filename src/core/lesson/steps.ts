// Steps bound to the trace: each step's selector is searched for just after the previous step's
// event, so steps follow the trace in order and `nth` counts from there.
import type { TraceEvent } from '../trace/types';
import { stepName } from './errors';
import type { Lesson, LessonError, ResolvedStep, StepSelector } from './types';

export type ResolveStepsResult =
  { ok: true; steps: ResolvedStep[] } | { ok: false; errors: LessonError[] };

type SearchSelector = Exclude<StepSelector, { kind: 'start' } | { kind: 'end' }>;

const sameName = (a: string, b: string) =>
  a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

export function matches(selector: SearchSelector, e: TraceEvent): boolean {
  switch (selector.kind) {
    case 'line':
      return (
        e.type === 'line' &&
        e.text.includes(selector.text) &&
        (selector.dir === undefined || e.dir === selector.dir) &&
        (selector.from === undefined || e.from === selector.from)
      );
    case 'deliver':
      return e.type === 'deliver' && e.mailbox === selector.mailbox.toLowerCase();
    case 'queue':
      return (
        e.type === 'queue' &&
        e.action === selector.action &&
        (selector.host === undefined || e.host === selector.host)
      );
    case 'connect':
      return (
        e.type === 'connect' &&
        e.to === selector.to &&
        (selector.from === undefined || e.from === selector.from) &&
        (selector.result === undefined || e.result === selector.result)
      );
    case 'close':
      return e.type === 'close' && (selector.by === undefined || e.by === selector.by);
    case 'dns':
      return (
        e.type === 'dns' &&
        sameName(e.query.name, selector.name) &&
        (selector.type === undefined || e.query.type === selector.type) &&
        (selector.host === undefined || e.host === selector.host)
      );
    case 'note':
      return e.type === 'note' && e.text.includes(selector.text);
    case 'host':
      return e.type === 'host' && e.host === selector.host && e.up === selector.up;
    case 'link':
      return (
        e.type === 'link' &&
        e.up === selector.up &&
        selector.between.every((name) => e.between.includes(name))
      );
  }
}

/** The selector in words, for messages: `line containing "ETRN b.example" sent by the client`. */
export function describeSelector(selector: StepSelector): string {
  switch (selector.kind) {
    case 'start':
    case 'end':
      return selector.kind;
    case 'line': {
      const by =
        selector.dir === undefined
          ? ''
          : selector.dir === 'S'
            ? ' from a server'
            : ' from a client';
      const from = selector.from === undefined ? '' : ` sent by ${selector.from}`;
      return `line containing ${JSON.stringify(selector.text)}${by}${from}`;
    }
    case 'deliver':
      return `delivery to ${selector.mailbox}`;
    case 'queue':
      return `queue ${selector.action}${selector.host === undefined ? '' : ` at ${selector.host}`}`;
    case 'connect':
      return [
        `connection to ${selector.to}`,
        selector.from === undefined ? '' : ` from ${selector.from}`,
        selector.result === undefined ? '' : ` (${selector.result})`,
      ].join('');
    case 'close':
      return `connection closed${selector.by === undefined ? '' : ` by ${selector.by}`}`;
    case 'dns':
      return [
        `DNS query for ${selector.type === undefined ? '' : `${selector.type} `}${selector.name}`,
        selector.host === undefined ? '' : ` by ${selector.host}`,
      ].join('');
    case 'note':
      return `note containing ${JSON.stringify(selector.text)}`;
    case 'host':
      return `${selector.host} going ${selector.up ? 'up' : 'down'}`;
    case 'link':
      return `link ${selector.between.join(' ↔ ')} going ${selector.up ? 'up' : 'down'}`;
  }
}

export function resolveSteps(lesson: Lesson, trace: readonly TraceEvent[]): ResolveStepsResult {
  const errors: LessonError[] = [];
  const steps: ResolvedStep[] = [];
  let cursor = 0;
  lesson.steps.forEach((step, i) => {
    const file = `${lesson.folder}/lesson.md`;
    const where = `${stepName(step)} at`;
    const after = i === 0 ? 'from the start' : `after step ${i}`;
    const at = step.at;
    if (at.kind === 'start') {
      if (cursor > 0) {
        errors.push({
          file,
          where,
          message: `start goes back before step ${i}; steps follow the trace in order`,
        });
      }
      cursor = 0;
      steps.push({ step, cursor });
      return;
    }
    if (at.kind === 'end') {
      cursor = trace.length;
      steps.push({ step, cursor, ...(cursor > 0 && { index: cursor - 1 }) });
      return;
    }
    let seen = 0;
    let found: number | undefined;
    for (let k = cursor; k < trace.length; k += 1) {
      if (matches(at, trace[k] as TraceEvent)) {
        seen += 1;
        if (seen === at.nth) {
          found = k;
          break;
        }
      }
    }
    if (found === undefined) {
      const what = describeSelector(at);
      errors.push({
        file,
        where,
        message:
          seen === 0
            ? `no ${what} ${after}`
            : `only ${seen} ${what} ${after}, but nth is ${at.nth}`,
      });
      return;
    }
    cursor = found + 1;
    steps.push({ step, cursor, index: found });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/** The events between the previous step's point and this one's: what the step shows happening. */
export function stepExcerpt(
  trace: readonly TraceEvent[],
  steps: readonly ResolvedStep[],
  i: number,
): TraceEvent[] {
  const from = i === 0 ? 0 : (steps[i - 1]?.cursor ?? 0);
  const to = steps[i]?.cursor ?? from;
  return trace.slice(Math.min(from, to), to);
}
