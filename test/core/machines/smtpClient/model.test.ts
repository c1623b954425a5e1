// Model-based tests of the SMTP client machine (xstate/graph).
//
// For eight inputs (test/helpers/clientModelFixtures.ts: one or two transactions, one or two
// recipients, PIPELINING on and off, STARTTLS required or opportunistic, AUTH), paths over the
// machine are generated from a finite alphabet of server behaviours — replies of every class to
// every command, a malformed line, a lost connection, silence past the RFC 5321 §4.5.3.2 limit —
// so that every edge of the abstract state graph is taken (clientModelGraph.ts). Each path is
// replayed through a real ClientSession with a SimulatedClock (clientModelDriver.ts) and every
// step is checked (clientModelReplay.ts): the session is where the model is, it waited the full
// RFC minimum before a timeout, it wrote exactly what an independent oracle written from the RFCs
// allows (clientModelOracle.ts), and at the end every recipient's outcome is what the replies
// decided. Finally every state node and every transition of the machine definition must have
// been taken by some replayed step.
import { describe, expect, test, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { ClientSession } from '../../../../src/core/machines/smtpClient/session';
import type { RecipientOutcome } from '../../../../src/core/machines/smtpClient/types';
import {
  allStateNodeIds,
  allTransitionKeys,
  emptyCoverage,
  type Coverage,
} from '../../../helpers/clientModelDriver';
import {
  AUTH,
  FIXTURE_TIMEOUTS,
  allFixtures,
  type ClientFixture,
} from '../../../helpers/clientModelFixtures';
import { generatePaths } from '../../../helpers/clientModelGraph';
import { authPlainLine } from '../../../helpers/clientModelOracle';
import { replayPath, type ReplayFailure } from '../../../helpers/clientModelReplay';

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

function run(fixture: ClientFixture): FixtureRun {
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

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  test('every generated path replays through ClientSession as the model and the oracle say', () => {
    const result = run(fixture);
    expect(result.paths).toBeGreaterThan(0);
    const report = result.failures.map(
      (f) =>
        `${f.problem}\n  seen on ${f.count} path(s), first: ${f.path.join(' → ')}\n  ${f.transcript.join('\n  ')}`,
    );
    expect(report).toEqual([]);
  }, 60_000);
});

describe('coverage of the machine definition, over all inputs', () => {
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
      expect(all.length).toBeGreaterThan(40);
      const missing = all.filter((key) => !coverage.transitions.has(key));
      expect(missing).toEqual([]);
      // Nothing outside the definition was recorded either.
      expect([...coverage.transitions].filter((key) => !all.includes(key))).toEqual([]);
    },
  );
});

// --- scenarios outside the graph's alphabet ------------------------------------------------

interface Dialogue {
  transcript: string[];
  outcomes: RecipientOutcome[][] | undefined;
  finished: boolean;
  /** Thrown by a call into the session. */
  error?: unknown;
  /** Reported later by xstate (an error inside an action stops the actor and is rethrown from a
   * timer when nobody listens for errors). */
  asyncError?: unknown;
}

/** Drives a session with reply texts ('LOST' drops the connection); returns what happened. */
function dialogue(
  replies: string[],
  options: Partial<ClientFixture['options']> = {},
  text = 'Subject: t\r\n\r\nhello\r\n',
): Dialogue {
  const transcript: string[] = [];
  let outcomes: RecipientOutcome[][] | undefined;
  const session = new ClientSession(
    {
      options: {
        hostname: 'mail.a.example',
        starttls: 'never',
        pipelining: true,
        timeouts: FIXTURE_TIMEOUTS,
        ...options,
      },
      transactions: [{ from: 'alice@a.example', recipients: ['bob@b.example'], text }],
      clock: new SimulatedClock(),
    },
    {
      send: (lines) => transcript.push(...lines.map((l) => `C: ${l}`)),
      close: () => transcript.push('   <client closes>'),
      done: (o) => (outcomes = o),
    },
  );
  // xstate rethrows an unobserved actor error from a timer: catch it with fake timers.
  vi.useFakeTimers();
  let error: unknown;
  let asyncError: unknown;
  try {
    session.start();
    for (const r of replies) {
      if (session.finished) break;
      if (r === 'LOST') {
        transcript.push('   <connection lost>');
        session.lost('connection lost');
        continue;
      }
      transcript.push(...r.split('\r\n').map((l) => `S: ${l}`));
      session.receive(`${r}\r\n`);
    }
  } catch (e) {
    error = e;
  }
  try {
    vi.runOnlyPendingTimers();
  } catch (e) {
    asyncError = e;
  } finally {
    vi.useRealTimers();
  }
  return {
    transcript,
    outcomes,
    finished: session.finished,
    ...(error !== undefined ? { error } : {}),
    ...(asyncError !== undefined ? { asyncError } : {}),
  };
}

const EHLO_PIPELINING = '250-mx.b.example\r\n250 PIPELINING';

describe('scenarios outside the graph', () => {
  // RFC 5321 §4.3.2 (DATA: I: 354 -> data -> S: 250) and §4.2.5: only the reply to the final dot
  // decides delivery. A 2xx to the DATA command itself is a broken server; the message text was
  // never sent, so nobody may be reported delivered.
  test('a 250 to DATA (instead of 354) delivers nobody', () => {
    const d = dialogue([
      '220 mx.b.example ESMTP',
      EHLO_PIPELINING,
      '250 2.1.0 Ok',
      '250 2.1.5 Ok',
      '250 2.0.0 Ok',
      '221 2.0.0 Bye',
    ]);
    expect(d.transcript).not.toContain('C: hello');
    expect(d.outcomes?.[0]?.[0]?.status).not.toBe('delivered');
  });

  // Fidelity §1 (RFC 5321 §4.2.1, §4.3.2): clients act on the first digit. 3yz to DATA is the
  // positive intermediate reply: the client sends the text.
  test('a 3yz other than 354 to DATA is a go-ahead (clients act on the first digit)', () => {
    const d = dialogue([
      '220 mx.b.example ESMTP',
      EHLO_PIPELINING,
      '250 2.1.0 Ok',
      '250 2.1.5 Ok',
      '350 Go ahead',
      '250 2.0.0 Ok: queued',
      '221 2.0.0 Bye',
    ]);
    expect(d.transcript).toContain('C: hello');
    expect(d.outcomes?.[0]?.[0]?.status).toBe('delivered');
  });

  // The same rule for STARTTLS (RFC 3207 §4: 220 Ready to start TLS): a 2yz is a go-ahead. Going
  // on in plaintext after the server agreed to TLS would send MAIL into the handshake.
  test('a 2yz other than 220 to STARTTLS starts TLS (clients act on the first digit)', () => {
    let tls = false;
    const session = new ClientSession(
      {
        options: {
          hostname: 'mail.a.example',
          starttls: 'opportunistic',
          pipelining: true,
          timeouts: FIXTURE_TIMEOUTS,
        },
        transactions: [{ from: 'alice@a.example', recipients: ['bob@b.example'], text: 'x\r\n' }],
        clock: new SimulatedClock(),
      },
      {
        send: () => undefined,
        close: () => undefined,
        done: () => undefined,
        tlsStarted: () => (tls = true),
      },
    );
    session.start();
    session.receive('220 mx.b.example ESMTP\r\n250-mx.b.example\r\n250 STARTTLS\r\n');
    session.receive('250 2.0.0 Go ahead\r\n');
    expect(tls).toBe(true);
  });

  // RFC 4954 §4 / RFC 4616 §2: PLAIN carries UTF-8 strings. A password outside Latin-1 must not
  // crash the session (btoa throws on it), and must go out as UTF-8.
  test('AUTH PLAIN with a non-Latin-1 password: no crash, UTF-8 on the wire', () => {
    const auth = { user: 'jörg', password: 'pässwört€' };
    const d = dialogue(
      ['220 mx.b.example ESMTP', '250-mx.b.example\r\n250 AUTH PLAIN', '235 2.7.0 Ok'],
      { auth },
    );
    expect(d.error).toBeUndefined();
    expect(String(d.asyncError ?? 'none')).toBe('none');
    expect(d.transcript).toContain(`C: ${authPlainLine(auth.user, auth.password)}`);
  });

  test('AUTH PLAIN with a Latin-1 password goes out as UTF-8 (RFC 4616)', () => {
    const auth = { user: 'jörg', password: 'pässwört' };
    const d = dialogue(
      ['220 mx.b.example ESMTP', '250-mx.b.example\r\n250 AUTH PLAIN', '235 2.7.0 Ok'],
      { auth },
    );
    expect(d.transcript).toContain(`C: ${authPlainLine(auth.user, auth.password)}`);
  });

  test('ASCII credentials: the AUTH line the oracle expects', () => {
    const d = dialogue(
      ['220 mx.b.example ESMTP', '250-mx.b.example\r\n250 AUTH PLAIN', '235 2.7.0 Ok'],
      { auth: AUTH },
    );
    expect(d.transcript).toContain(`C: ${authPlainLine(AUTH.user, AUTH.password)}`);
  });

  // RFC 5321 §2.3.8, §4.1.1.4: a client MUST NOT send a bare CR except as part of CRLF.
  test('a bare CR in the message text never reaches the wire', () => {
    const d = dialogue(
      ['220 mx.b.example ESMTP', EHLO_PIPELINING, '250 2.1.0 Ok', '250 2.1.5 Ok', '354 go'],
      {},
      'Subject: t\r\n\r\none\rtwo\r\n',
    );
    expect(d.transcript.filter((l) => l.includes('\r'))).toEqual([]);
  });
});
