// Replays one model path through a real ClientSession and checks every step:
// (a) the glue conforms to the model: the session, the inspected shadow actor and the model are
//     in the same state, and the session wrote what the shadow emitted;
// (b) before a timeout fires, the client waited the full RFC 5321 §4.5.3.2 minimum in silence;
// (c) the writes are what the independent oracle allows, done/close come exactly once, at the
//     end;
// and at the end (d) every recipient's outcome is what the replies decided.
// After the first oracle problem the path is still driven to its end (for coverage and (a)), but
// the oracle, which no longer knows what the client thinks, stops checking.
import { isDeepStrictEqual } from 'node:util';
import { ClientDriver, type Coverage } from './clientModelDriver';
import { LOST, type ClientFixture, type Letter } from './clientModelFixtures';
import type { ModelPath } from './clientModelGraph';
import { ClientOracle } from './clientModelOracle';

export interface ReplayFailure {
  /** What went wrong, without the path (to group failures). */
  problem: string;
  /** The letters up to the failing step. */
  path: string[];
  /** The dialogue up to the failing step (S: / C: lines). */
  transcript: string[];
}

function describeAct(letter: Letter): string[] {
  const act = letter.act;
  if (act.kind === 'reply') return act.lines.map((l) => `S: ${l}`);
  if (act.kind === 'bad') return [`S: ${act.line}    <malformed>`];
  return [`   <${letter.label}>`];
}

export function replayPath(
  fixture: ClientFixture,
  path: ModelPath,
  coverage?: Coverage,
): ReplayFailure | undefined {
  const driver = new ClientDriver(fixture, coverage);
  const oracle = new ClientOracle(fixture);
  const labels: string[] = ['connect'];
  const transcript: string[] = [];
  let failure: ReplayFailure | undefined;
  const fail = (problem: string) => {
    failure ??= { problem, path: [...labels], transcript: [...transcript] };
  };
  let oracleOn = true;
  const oracleFail = (problems: string[]) => {
    if (problems[0] !== undefined && oracleOn) {
      fail(problems[0]);
      oracleOn = false;
    }
  };
  oracleFail(oracle.start(driver.writes, driver.closed));

  const perform = (letter: Letter, modelState?: { value: unknown; status: string }) => {
    labels.push(letter.label);
    transcript.push(...describeAct(letter));
    const before = driver.writes.length;
    if (letter.act.kind === 'timeout') {
      const limit = oracle.waitLimit();
      const state = driver.session.state;
      driver.advance(limit - 1);
      if (
        oracleOn &&
        (driver.writes.length > before ||
          driver.closed ||
          !isDeepStrictEqual(state, driver.session.state))
      )
        oracleFail([
          `the client gave up on ${oracle.waitingFor()} before the RFC 5321 §4.5.3.2 minimum of ${limit / 60_000} min`,
        ]);
      driver.advance(1);
    } else {
      driver.apply(letter);
    }
    const writes = driver.writes.slice(before);
    transcript.push(
      ...writes.map((l) => `C: ${l}`),
      ...(driver.closed ? ['   <client closes>'] : []),
    );

    // (a) session, shadow and model agree.
    if (!isDeepStrictEqual(driver.session.state, driver.shadowState))
      fail(
        `session in ${JSON.stringify(driver.session.state)}, shadow actor in ${JSON.stringify(driver.shadowState)}`,
      );
    if (!isDeepStrictEqual(driver.writes, driver.shadowWrites))
      fail(`session wrote ${JSON.stringify(writes)}, the machine emitted something else`);
    if (modelState) {
      if (!isDeepStrictEqual(driver.session.state, modelState.value))
        fail(
          `session in ${JSON.stringify(driver.session.state)}, the model in ${JSON.stringify(modelState.value)}`,
        );
      if (driver.session.finished !== (modelState.status === 'done'))
        fail(`session finished=${driver.session.finished}, model ${modelState.status}`);
    }
    if (driver.closeCalls > 1 || driver.doneCalls > 1)
      fail(`close called ${driver.closeCalls} times, done ${driver.doneCalls} times`);
    if (driver.closed !== (driver.doneCalls === 1))
      fail(`close called ${driver.closeCalls} times but done ${driver.doneCalls} times`);

    // (c) the oracle.
    if (oracleOn) oracleFail(oracle.step(letter, writes, driver.closed));
  };

  for (const step of path.steps) perform(step.letter, step.state);
  // A path that ends with the session still open: the connection drops.
  if (!driver.closed) perform(LOST);
  // (d) outcomes.
  if (!driver.closed) fail('the session did not finish after the connection was lost');
  if (oracleOn) {
    labels.push('(outcomes)');
    oracleFail(oracle.finish(driver.outcomes));
  }
  return failure;
}
