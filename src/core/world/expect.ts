// The scenario's `expect` checks, evaluated over the trace and the end state.
import type { ExpectCheck } from '../scenario/types';
import type { CheckResult, StoredMessage, TraceEvent } from '../trace/types';
import { formatDuration } from '../net/duration';

export interface EndState {
  trace: readonly TraceEvent[];
  mailbox(address: string): StoredMessage[];
  queueLength(host: string): number;
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
  m: StoredMessage,
): boolean {
  if (check.subject !== undefined && m.subject !== check.subject) return false;
  if (check.subjectContains !== undefined && !m.subject.includes(check.subjectContains))
    return false;
  return true;
}

export function evaluate(check: ExpectCheck, state: EndState): CheckResult {
  switch (check.check) {
    case 'delivered': {
      const box = state.mailbox(check.mailbox);
      const ok = box.some((m) => subjectMatches(check, m));
      const seen = box.map((m) => JSON.stringify(m.subject)).join(', ') || 'nothing';
      return {
        check,
        ok,
        detail: ok ? `${check.mailbox} has it` : `${check.mailbox} received ${seen}`,
      };
    }
    case 'deliveredBefore': {
      const first = state.trace.find(
        (e) => e.type === 'deliver' && e.mailbox === check.mailbox.toLowerCase(),
      );
      const ok = first !== undefined && first.t < check.before;
      const when = first ? `first delivery at ${formatDuration(first.t)}` : 'never delivered';
      return { check, ok, detail: `${when}, limit ${formatDuration(check.before)}` };
    }
    case 'queueEmpty': {
      const n = state.queueLength(check.host);
      return { check, ok: n === 0, detail: `${check.host} has ${n} message(s) in its queue` };
    }
    case 'session': {
      const lines = sessionReplyLines(state.trace, check.session);
      if (!lines)
        return { check, ok: false, detail: `there is no connection number ${check.session}` };
      const codes = replyCodes(lines);
      if (check.codes && codes.join(',') !== check.codes.join(',')) {
        return { check, ok: false, detail: `codes were ${codes.join(', ')}` };
      }
      const missing = check.replyLines ? isSubsequence(check.replyLines, lines) : undefined;
      if (missing !== undefined)
        return { check, ok: false, detail: `reply line not found in order: ${missing}` };
      return { check, ok: true, detail: `codes ${codes.join(', ')}` };
    }
  }
}
