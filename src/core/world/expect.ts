// The scenario's `expect` checks, evaluated over the trace and the end state. What a check found
// is a structured text (src/core/text): the summary carries it in English as `detail`, and the
// page formats the same outcome in its own language (`outcomeFromSummary`).
import type { ExpectCheck } from '../scenario/types';
import type { CheckResult, StoredMessage, Summary, TraceEvent } from '../trace/types';
import { formatDuration } from '../net/duration';
import { coreText, english, type CoreText } from '../text/message';

export interface EndState {
  trace: readonly TraceEvent[];
  mailbox(address: string): ReadonlyArray<Pick<StoredMessage, 'subject'>>;
  queueLength(host: string): number;
}

export interface CheckOutcome {
  ok: boolean;
  /** What the check found: "bob@b.example has it", "codes were 220, 250, 550". */
  reason: CoreText;
}

/** The reply lines the server sent on the N-th connection that opened (from 1). */
export function sessionReplyLines(trace: readonly TraceEvent[], n: number): string[] | undefined {
  const opened = trace.filter((e) => e.type === 'connect' && e.result === 'open');
  const conn = opened[n - 1];
  if (!conn || conn.type !== 'connect') return undefined;
  return trace.flatMap((e) =>
    e.type === 'line' && e.conn === conn.conn && e.dir === 'S' ? [e.text] : [],
  );
}

/** One code per complete reply: the lines that end a reply (`250 …`, not `250-…`). */
export function replyCodes(lines: readonly string[]): number[] {
  return lines.filter((l) => l[3] !== '-').map((l) => Number(l.slice(0, 3)));
}

function isSubsequence(wanted: readonly string[], lines: readonly string[]): string | undefined {
  let i = 0;
  for (const line of lines) if (line === wanted[i]) i += 1;
  return i === wanted.length ? undefined : wanted[i];
}

function subjectMatches(
  check: { subject?: string; subjectContains?: string },
  m: Pick<StoredMessage, 'subject'>,
): boolean {
  if (check.subject !== undefined && m.subject !== check.subject) return false;
  if (check.subjectContains !== undefined && !m.subject.includes(check.subjectContains))
    return false;
  return true;
}

export function evaluate(check: ExpectCheck, state: EndState): CheckResult {
  const { ok, reason } = outcome(check, state);
  return { check, ok, detail: english(reason) };
}

/** Whether the check holds, and what it found. */
export function outcome(check: ExpectCheck, state: EndState): CheckOutcome {
  switch (check.check) {
    case 'delivered': {
      const { mailbox } = check;
      const box = state.mailbox(mailbox);
      const ok = box.some((m) => subjectMatches(check, m));
      if (ok) return { ok, reason: coreText('check.hasIt', { mailbox }) };
      const seen = box.map((m) => JSON.stringify(m.subject)).join(', ');
      return {
        ok,
        reason: coreText('check.received', {
          mailbox,
          seen: seen === '' ? coreText('check.nothing') : seen,
        }),
      };
    }
    case 'deliveredBefore': {
      const first = state.trace.find(
        (e) => e.type === 'deliver' && e.mailbox === check.mailbox.toLowerCase(),
      );
      const ok = first !== undefined && first.t < check.before;
      const when = first
        ? coreText('check.firstDelivery', { time: formatDuration(first.t) })
        : coreText('check.neverDelivered');
      return { ok, reason: coreText('check.limit', { when, limit: formatDuration(check.before) }) };
    }
    case 'queueEmpty': {
      const n = state.queueLength(check.host);
      return { ok: n === 0, reason: coreText('check.queue', { host: check.host, count: n }) };
    }
    case 'session': {
      const lines = sessionReplyLines(state.trace, check.session);
      if (!lines)
        return { ok: false, reason: coreText('check.noConnection', { n: check.session }) };
      const codes = replyCodes(lines).join(', ');
      if (check.codes && codes !== check.codes.join(', ')) {
        return { ok: false, reason: coreText('check.codesWere', { codes }) };
      }
      const missing = check.replyLines ? isSubsequence(check.replyLines, lines) : undefined;
      if (missing !== undefined) {
        return { ok: false, reason: coreText('check.lineMissing', { line: missing }) };
      }
      return { ok: true, reason: coreText('check.codes', { codes }) };
    }
  }
}

/**
 * The end state as a run's summary and trace tell it: enough to evaluate any check again (the
 * page does, to show what a check found in its own language).
 */
export function summaryEndState(summary: Summary, trace: readonly TraceEvent[]): EndState {
  return {
    trace,
    mailbox: (address) => summary.mailboxes[address.toLowerCase()] ?? [],
    queueLength: (host) => summary.queues[host]?.length ?? 0,
  };
}

/**
 * The outcome behind a result of the summary, or undefined when it cannot be told again exactly
 * (then the result's English `detail` is all there is).
 */
export function outcomeFromSummary(
  result: CheckResult,
  summary: Summary,
  trace: readonly TraceEvent[],
): CheckOutcome | undefined {
  const again = outcome(result.check as ExpectCheck, summaryEndState(summary, trace));
  return again.ok === result.ok && english(again.reason) === result.detail ? again : undefined;
}
