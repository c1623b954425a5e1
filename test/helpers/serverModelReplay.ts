// Replays a model path through a real ServerSession and checks every step against the model
// (the glue conforms to it) and against the independent oracle (the replies are right).
import { isDeepStrictEqual } from 'node:util';
import type { Coverage } from './serverModelDriver';
import { WireDriver, enhancedCodeOf, readReplies, type WireReply } from './serverModelDriver';
import type { ModelPath } from './serverModelGraph';
import { ServerOracle, type ExpectedReply, type Prediction } from './serverModelOracle';
import type { ServerFixture } from './serverModelFixtures';

export interface ReplayFailure {
  /** What went wrong, without the path (to group failures). */
  problem: string;
  /** The letters up to the failing step. */
  path: string[];
  /** The dialogue up to the failing step (C: / S: lines). */
  transcript: string[];
}

function describeCodes(r: ExpectedReply): string {
  return `${r.codes.join(' or ')} (${r.why})`;
}

/** What is wrong with `reply` given what the oracle expects. */
export function replyProblems(reply: WireReply | undefined, expected: ExpectedReply): string[] {
  if (!reply) return [`no reply, expected ${describeCodes(expected)}`];
  const problems: string[] = [];
  if (!expected.codes.includes(reply.code)) {
    problems.push(`got ${reply.code}, expected ${describeCodes(expected)}`);
  }
  for (const line of reply.lines) {
    const enhanced = enhancedCodeOf(line);
    if (expected.enhanced === 'forbidden' && enhanced !== undefined) {
      problems.push(`enhanced code ${enhanced} where none may appear (${expected.why})`);
    }
    if (expected.enhanced === 'required' && enhanced?.[0] !== String(reply.code)[0]) {
      problems.push(`no matching enhanced code on a ${reply.code} reply (${expected.why})`);
    }
  }
  if (expected.ehloKeywords) {
    const advertised = reply.lines.slice(1).map((l) => l.slice(4).split(' ')[0] ?? '');
    if (!isDeepStrictEqual([...advertised].sort(), [...expected.ehloKeywords].sort())) {
      problems.push(
        `EHLO advertises ${advertised.join(',')}; expected ${expected.ehloKeywords.join(',')}`,
      );
    }
  }
  return problems;
}

/**
 * Checks one reply batch against a prediction, commits the oracle, and checks the trailing 421
 * of the hard error limit. Returns the problems found.
 */
export function checkBatch(
  oracle: ServerOracle,
  prediction: Prediction,
  lines: string[],
): string[] {
  const { replies, problems } = readReplies(lines);
  let used = 0;
  if (prediction.reply) {
    problems.push(...replyProblems(replies[0], prediction.reply));
    used = 1;
  }
  prediction.commit(prediction.reply ? replies[0]?.code : undefined);
  if (oracle.errorLimitReached()) {
    const limit = oracle.tooManyErrors();
    if (limit.reply) problems.push(...replyProblems(replies[used], limit.reply));
    limit.commit(replies[used]?.code);
    used += 1;
  }
  if (replies.length > used) {
    problems.push(
      `unexpected extra reply: ${replies
        .slice(used)
        .map((r) => r.lines.join(' / '))
        .join(' | ')}`,
    );
  }
  return problems;
}

/** Replays one path; returns the first failure, if any. */
export function replayPath(
  fixture: ServerFixture,
  path: ModelPath,
  coverage?: Coverage,
): ReplayFailure | undefined {
  const driver = new WireDriver(fixture, coverage);
  const oracle = new ServerOracle(fixture);
  const labels: string[] = ['connect'];
  const transcript: string[] = [...driver.lines.map((l) => `S: ${l}`)];
  const fail = (problem: string): ReplayFailure => ({ problem, path: labels, transcript });

  const greetingProblems = checkBatch(oracle, oracle.greeting(), driver.lines);
  if (greetingProblems[0] !== undefined) return fail(greetingProblems[0]);

  for (const step of path.steps) {
    const { letter } = step;
    labels.push(letter.label);
    if (letter.wire.kind === 'line') transcript.push(`C: ${letter.wire.text.slice(0, 100)}`);
    else transcript.push(`C: <${letter.label}>`);
    const prediction = oracle.predict(letter.meaning);
    const lines = driver.apply(letter.wire);
    transcript.push(...lines.map((l) => `S: ${l}`));

    // (a) The glue conforms to the model: same state after the same wire input.
    const modelValue = step.state.value;
    if (!isDeepStrictEqual(driver.session.state, modelValue)) {
      return fail(
        `session is in ${JSON.stringify(driver.session.state)}, the model in ${JSON.stringify(modelValue)}`,
      );
    }
    if (driver.closed !== (step.state.status === 'done')) {
      return fail(`session ${driver.closed ? 'closed' : 'open'}, model ${step.state.status}`);
    }

    // (b) The replies are well-formed and what the reference says.
    const problems = checkBatch(oracle, prediction, lines);
    if (problems[0] !== undefined) return fail(problems[0]);
    if (driver.closed !== oracle.closed) {
      return fail(
        `session ${driver.closed ? 'closed' : 'still open'}; the oracle says ${oracle.closed ? 'closed' : 'open'}`,
      );
    }
    // §3.8: the server closes only after 221 or 421 (or when the peer closes).
    if (driver.closed && letter.wire.kind !== 'close') {
      const last = driver.lines[driver.linesAtClose - 1] ?? '';
      if (!/^(221|421) /.test(last)) return fail(`closed after ${JSON.stringify(last)}`);
    }
    // The oracle's own view of the session agrees with the machine's state.
    if (!isDeepStrictEqual(oracle.expectedState(), driver.session.state)) {
      return fail(
        `the oracle expects state ${JSON.stringify(oracle.expectedState())}, the session is in ${JSON.stringify(driver.session.state)}`,
      );
    }
  }
  return undefined;
}
