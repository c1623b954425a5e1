// Model-based tests of the SMTP server machine (xstate/graph).
//
// For four policies, paths over the machine are generated from a finite alphabet of things a
// client can do on the wire (test/helpers/serverModelFixtures.ts) so that every edge of the
// abstract state graph is taken (serverModelGraph.ts). Each path is replayed through a real
// ServerSession with a SimulatedClock (serverModelDriver.ts), and every step is checked
// (serverModelReplay.ts): (a) the session's state equals the model's, (b) the reply is
// well-formed and its code is what an independent oracle written from the fidelity reference
// allows (serverModelOracle.ts), with enhanced codes only where RFC 2034 puts them, and the
// server closes only after 221 or 421. Finally, every state node and every transition of the
// machine definition must have been visited or taken by some replayed step.
import { describe, expect, test } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ServerSession } from '../../../../src/core/machines/smtpServer/session';
import {
  allStateNodeIds,
  allTransitionKeys,
  emptyCoverage,
  type Coverage,
} from '../../../helpers/serverModelDriver';
import {
  allFixtures,
  fullFixture,
  refusedFixture,
  type ServerFixture,
} from '../../../helpers/serverModelFixtures';
import { generatePaths } from '../../../helpers/serverModelGraph';
import { replayPath, type ReplayFailure } from '../../../helpers/serverModelReplay';

interface FixtureRun {
  paths: number;
  steps: number;
  states: number;
  edges: number;
  /** Distinct problems, each with the first path that showed it and how often it occurred. */
  failures: Array<ReplayFailure & { count: number }>;
}

const coverage: Coverage = emptyCoverage();
const runs = new Map<string, FixtureRun>();

function run(fixture: ServerFixture): FixtureRun {
  const done = runs.get(fixture.name);
  if (done) return done;
  const graph = generatePaths(fixture);
  const failures = new Map<string, ReplayFailure & { count: number }>();
  let steps = 0;
  for (const path of graph.paths) {
    steps += path.steps.length;
    const failure = replayPath(fixture, path, coverage);
    if (!failure) continue;
    const seen = failures.get(failure.problem);
    if (seen) seen.count += 1;
    else failures.set(failure.problem, { ...failure, count: 1 });
  }
  const result = {
    paths: graph.paths.length,
    steps,
    states: graph.states,
    edges: graph.edges,
    failures: [...failures.values()],
  };
  runs.set(fixture.name, result);
  return result;
}

const fixtures = allFixtures();

describe.each(fixtures.map((f) => [f.name, f] as const))('%s policy', (_name, fixture) => {
  test('every generated path replays through ServerSession as the model and the oracle say', () => {
    const result = run(fixture);
    expect(result.paths).toBeGreaterThan(0);
    const report = result.failures.map(
      (f) =>
        `${f.problem}\n  seen on ${f.count} path(s), first: ${f.path.join(' → ')}\n  ${f.transcript.join('\n  ')}`,
    );
    expect(report).toEqual([]);
  }, 60_000);
});

describe('coverage of the machine definition, over all policies', () => {
  test('every state node is visited', { timeout: 60_000 }, () => {
    for (const f of fixtures) run(f);
    const missing = allStateNodeIds().filter((id) => !coverage.nodes.has(id));
    expect(missing).toEqual([]);
  });

  test(
    'every transition (source, event, candidate) is taken, `always` included',
    { timeout: 60_000 },
    () => {
      for (const f of fixtures) run(f);
      const all = allTransitionKeys();
      expect(all.length).toBeGreaterThan(60);
      const missing = all.filter((key) => !coverage.transitions.has(key));
      expect(missing).toEqual([]);
      // Nothing outside the definition was recorded either.
      expect([...coverage.transitions].filter((key) => !all.includes(key))).toEqual([]);
    },
  );
});

// Things the finite graph cannot express, driven by hand.
describe('scenarios outside the graph', () => {
  test('a learning greylist hook defers a triplet the first time and passes it on retry', () => {
    const fixture = fullFixture();
    const seen = new Set<string>();
    const replies: string[] = [];
    const session = new ServerSession(
      {
        policy: fixture.policy,
        hooks: {
          ...fixture.hooks,
          greylist: ({ ip, sender, recipient }) => {
            const triplet = `${ip}/${sender}/${recipient}`;
            if (seen.has(triplet)) return 'pass';
            seen.add(triplet);
            return 'defer';
          },
        },
        clientIp: fixture.clientIp,
        clock: new SimulatedClock(),
      },
      { reply: (lines) => replies.push(...lines), close: () => undefined },
    );
    session.start();
    const send = (line: string) => {
      const before = replies.length;
      session.receive(`${line}\r\n`);
      return replies.slice(before);
    };
    send('EHLO client.example');
    expect(send('MAIL FROM:<new@client.example>')).toEqual(['250 2.1.0 Ok']);
    expect(send('RCPT TO:<bob@b.example>')[0]).toMatch(/^450 4\.7\.1 /);
    expect(send('DATA')[0]).toMatch(/^554 /);
    expect(send('RSET')).toEqual(['250 2.0.0 Ok']);
    expect(send('MAIL FROM:<new@client.example>')).toEqual(['250 2.1.0 Ok']);
    expect(send('RCPT TO:<bob@b.example>')).toEqual(['250 2.1.5 Ok']);
    expect(send('DATA')[0]).toMatch(/^354 /);
  });

  // ServerHooks.fault: "A forced reply changes no state, except that 421 closes the connection".
  test('a 421 forced on a command closes a refused session too', () => {
    const fixture = refusedFixture();
    const replies: string[] = [];
    let closed = false;
    const session = new ServerSession(
      {
        policy: fixture.policy,
        hooks: {
          ...fixture.hooks,
          fault: (verb) =>
            verb === 'NOOP'
              ? { code: 421, enhanced: '4.3.2', lines: ['mx.b.example Service shutting down'] }
              : undefined,
        },
        clientIp: fixture.clientIp,
        clock: new SimulatedClock(),
      },
      { reply: (lines) => replies.push(...lines), close: () => (closed = true) },
    );
    session.start();
    session.receive('NOOP\r\n');
    expect(replies).toEqual([
      '554 mx.b.example ESMTP not accepting connections',
      '421 mx.b.example Service shutting down',
    ]);
    expect(closed).toBe(true);
  });

  // RFC 5321 §4.1.1.4: the end of the data is exactly <CRLF>.<CRLF>, and <LF>-only line ends must
  // not be taken for it; src/core/protocol/framing.ts says the same ("the DATA command counts as
  // [the line before] for the first one"). A DATA line ended by a bare LF followed by `.` CRLF is
  // `\n.\r\n`, not `\r\n.\r\n`, so the `.` is message text.
  test('a DATA line ended by a bare LF does not let the next "." end the data', () => {
    const fixture = fullFixture();
    const replies: string[] = [];
    const session = new ServerSession(
      {
        policy: fixture.policy,
        hooks: fixture.hooks,
        clientIp: '192.0.2.10',
        clock: new SimulatedClock(),
      },
      { reply: (lines) => replies.push(...lines), close: () => undefined },
    );
    session.start();
    session.receive(
      'EHLO client.example\r\nMAIL FROM:<a@client.example>\r\nRCPT TO:<bob@b.example>\r\n',
    );
    const before = replies.length;
    session.receive('DATA\n.\r\n');
    expect(replies.slice(before)).toEqual(['354 End data with <CR><LF>.<CR><LF>']);
    expect(session.state).toEqual({ session: 'receivingText' });
  });
});
