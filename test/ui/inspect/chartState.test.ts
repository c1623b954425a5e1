// Where an actor stands at the cursor: state paths, the last transition, the transitions on
// offer, and which actor the statechart shows.
import { describe, expect, test } from 'vitest';
import { modelFor } from '../../../src/ui/sim/inspect/chartLayout';
import {
  actorAt,
  availableTransitions,
  countBelow,
  lastStateActor,
  lastTransition,
  lineBefore,
  parseActor,
  pickActor,
  selfAndAncestors,
  stateLabel,
  statePath,
} from '../../../src/ui/sim/inspect/chartState';
import { runPreset } from './helpers';

const server = modelFor('server');
const client = modelFor('client');

describe('state paths', () => {
  test('a nested value gives every active state, outermost first', () => {
    expect(statePath({ session: { transaction: 'hasRecipients' } }, 'smtpServer')).toEqual([
      'smtpServer.session',
      'smtpServer.session.transaction',
      'smtpServer.session.transaction.hasRecipients',
    ]);
    expect(statePath('hello', 'smtpClient')).toEqual(['smtpClient.hello']);
    expect(statePath(undefined, 'x')).toEqual([]);
  });

  test('ancestors and labels', () => {
    expect(selfAndAncestors('smtpServer.session.ready', 'smtpServer')).toEqual([
      'smtpServer.session.ready',
      'smtpServer.session',
    ]);
    expect(stateLabel('smtpServer.session.transaction.hasRecipients', 'smtpServer')).toBe(
      'session › transaction › hasRecipients',
    );
  });

  test('actor ids', () => {
    expect(parseActor('mx.b.example/server#3')).toEqual({
      host: 'mx.b.example',
      role: 'server',
      conn: 3,
    });
    expect(parseActor('nonsense')).toBeUndefined();
  });
});

describe('lastTransition', () => {
  test('the innermost transition that leads from the old leaf to the new one, drawn as an edge', () => {
    const rcpt = lastTransition(
      server,
      'smtpServer.session.transaction.awaitingRecipient',
      'smtpServer.session.transaction.hasRecipients',
    );
    expect(rcpt.edgeIds).toEqual([
      'smtpServer.session.transaction→smtpServer.session.transaction.hasRecipients',
    ]);
    expect(rcpt.steps).toEqual([
      {
        source: 'smtpServer.session.transaction',
        target: 'smtpServer.session.transaction.hasRecipients',
        events: ['RCPT'],
      },
    ]);

    // END_OF_DATA from receivingText wins over HELO/EHLO/RSET defined on the session.
    const dot = lastTransition(
      server,
      'smtpServer.session.receivingText',
      'smtpServer.session.ready',
    );
    expect(dot.edgeIds).toEqual(['smtpServer.session.receivingText→smtpServer.session.ready']);
    expect(dot.steps[0]?.events).toEqual(['FAULT', 'END_OF_DATA']);
  });

  test('through a state left at once (never reported): both steps', () => {
    const via = lastTransition(client, 'smtpClient.hello', 'smtpClient.transaction.envelope');
    expect(via.steps.map((st) => [st.source, st.target, st.events])).toEqual([
      ['smtpClient.hello', 'smtpClient.afterHello', ['REPLY']],
      ['smtpClient.afterHello', 'smtpClient.transaction', ['always']],
    ]);
    expect(via.edgeIds).toEqual([
      'smtpClient.hello→smtpClient.afterHello',
      'smtpClient.afterHello→smtpClient.transaction',
    ]);
  });

  test('a shared exit is named but has no drawn edge', () => {
    const lost = lastTransition(client, 'smtpClient.hello', 'smtpClient.done');
    expect(lost.edgeIds).toEqual([]);
    expect(lost.steps[0]?.events).toContain('LOST');
  });

  test('no way at all: no steps', () => {
    expect(lastTransition(server, 'smtpServer.closed', 'smtpServer.session.ready').steps).toEqual(
      [],
    );
  });

  test('the transitions on offer: the state’s own first, then its ancestors’', () => {
    const offer = availableTransitions(server, 'smtpServer.session.ready');
    expect(offer[0]?.source).toBe('smtpServer.session.ready');
    expect(offer.some((tr) => tr.event === 'MAIL' && tr.target?.endsWith('transaction'))).toBe(
      true,
    );
    expect(offer.some((tr) => tr.event === 'QUIT' && tr.target === 'smtpServer.closed')).toBe(true);
  });
});

describe('actors in a trace', () => {
  const { timeline } = runPreset('backup-mx-etrn');
  const events = timeline.events;
  const actor = 'mail.a.example/server#1';
  const stateIndexes = events.flatMap((e, i) =>
    e.type === 'state' && e.actor === actor ? [i] : [],
  );

  test('actorAt gives the last state before the cursor and the one before it', () => {
    expect(actorAt(events, 0, actor)).toBeUndefined();
    const first = stateIndexes[0] as number;
    expect(actorAt(events, first + 1, actor)).toEqual({
      index: first,
      value: { session: 'awaitingHello' },
    });
    const second = stateIndexes[1] as number;
    const moment = actorAt(events, second + 1, actor);
    expect(moment?.value).toEqual({ session: 'ready' });
    expect(moment?.previous?.value).toEqual({ session: 'awaitingHello' });
    // Between two state events the state holds.
    expect(actorAt(events, second, actor)?.value).toEqual({ session: 'awaitingHello' });
  });

  test('the line before a state event is what triggered it', () => {
    const second = stateIndexes[1] as number;
    const lines = timeline.connections.get(1)?.lines ?? [];
    expect(lineBefore(events, lines, second)?.text).toBe('250 DSN');
  });

  test('pickActor: selected, else the chosen side in the connection in focus', () => {
    const known = ['a/server#1', 'b/client#1', 'c/server#2'];
    expect(pickActor({ selected: 'c/server#2', role: 'client', known })).toBe('c/server#2');
    expect(pickActor({ conn: 1, role: 'client', known })).toBe('b/client#1');
    expect(pickActor({ conn: 2, role: 'client', known })).toBe('c/server#2');
    expect(pickActor({ conn: 9, role: 'server', known })).toBeUndefined();
    expect(pickActor({ role: 'server', known, lastActor: 'b/client#1' })).toBe('a/server#1');
    expect(pickActor({ role: 'server', known })).toBeUndefined();
    expect(lastStateActor(events, (stateIndexes[0] as number) + 1)).toBe(actor);
  });

  test('countBelow is a binary search', () => {
    expect(countBelow([1, 3, 5], 0)).toBe(0);
    expect(countBelow([1, 3, 5], 3)).toBe(1);
    expect(countBelow([1, 3, 5], 4)).toBe(2);
    expect(countBelow([1, 3, 5], 99)).toBe(3);
  });
});
