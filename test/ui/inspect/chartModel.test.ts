// The statechart drawn from the real machines: the model read from toDirectedGraph, its ELK
// input, and a real layout by elkjs turned into absolute boxes and paths.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import { smtpClientMachine } from '../../../src/core/machines/smtpClient/machine';
import { smtpServerMachine } from '../../../src/core/machines/smtpServer/machine';
import {
  BADGE_SPACE,
  fromElkLayout,
  initialId,
  internalLines,
  toElkGraph,
} from '../../../src/ui/sim/inspect/chartElk';
import {
  chartModel,
  edgeLabel,
  eventLabel,
  guardName,
  type ChartTransition,
} from '../../../src/ui/sim/inspect/chartModel';

const server = chartModel(smtpServerMachine);
const client = chartModel(smtpClientMachine);

describe('chartModel', () => {
  test('every state of the server machine, compound ones with their initial child', () => {
    const ids = server.nodes.map((n) => n.id);
    expect(ids).toContain('smtpServer.session.transaction.hasRecipients');
    expect(server.initial).toBe('smtpServer.greeting');
    const session = server.nodes.find((n) => n.id === 'smtpServer.session');
    expect(session?.kind).toBe('compound');
    expect(session?.initial).toBe('smtpServer.session.awaitingHello');
    expect(server.nodes.find((n) => n.id === 'smtpServer.closed')?.kind).toBe('final');
    const ready = server.nodes.find((n) => n.id === 'smtpServer.session.ready');
    expect(ready?.parent).toBe('smtpServer.session');
  });

  test('eventless transitions (left out by toDirectedGraph) are read from `always`', () => {
    const edge = server.edges.find((e) => e.id === 'smtpServer.greeting→smtpServer.session');
    expect(edge?.label).toEqual(['always']);
    const refused = server.transitions.filter(
      (tr) => tr.source === 'smtpServer.greeting' && tr.target === 'smtpServer.refused',
    );
    expect(refused.map((tr) => tr.guard)).toEqual(['greetingFaultRefuses', 'refusesConnections']);
  });

  test('edges are labelled with their events, and with the guard when it is short', () => {
    const toReady = server.edges.find(
      (e) => e.id === 'smtpServer.session→smtpServer.session.ready',
    );
    expect(toReady?.label).toEqual(['HELO', 'EHLO', 'RSET [hasGreeted]']);
    const mail = server.edges.find(
      (e) => e.id === 'smtpServer.session.ready→smtpServer.session.transaction',
    );
    expect(mail?.label).toEqual(['MAIL']);
    const endOfData = server.edges.find(
      (e) => e.id === 'smtpServer.session.receivingText→smtpServer.session.ready',
    );
    expect(endOfData?.label).toEqual(['FAULT', 'END_OF_DATA […]']);
  });

  test('transitions without a target stay inside their state', () => {
    const ready = server.nodes.find((n) => n.id === 'smtpServer.session.ready');
    expect(ready?.internal.map((tr) => tr.guard)).toEqual([
      'authRequiredButMissing',
      'hasUnsupportedMailParameter',
      'declaredSizeTooBig',
    ]);
    const session = server.nodes.find((n) => n.id === 'smtpServer.session');
    expect(internalLines(session as NonNullable<typeof session>).join(' ')).toContain('NOOP');
  });

  test('exits shared by many states are listed in each state, not drawn', () => {
    const hello = client.nodes.find((n) => n.id === 'smtpClient.hello');
    expect(hello?.exits.map((tr) => tr.event)).toEqual(
      expect.arrayContaining(['LOST', 'BAD_REPLY', 'after commandTimeout']),
    );
    // LOST → done leaves eight states: listed in them, not drawn…
    expect(client.edges.map((e) => e.id)).not.toContain('smtpClient.hello→smtpClient.done');
    expect(client.transitions.filter((tr) => tr.event === 'LOST').length).toBeGreaterThan(4);
    // …except where it is a state's only way out, drawn with every event of its edge.
    expect(client.edges.find((e) => e.id === 'smtpClient.quitting→smtpClient.done')?.label).toEqual(
      ['REPLY', 'LOST', 'BAD_REPLY', 'after commandTimeout'],
    );
    // A state entered from few others is no hub: hello → afterHello stays drawn.
    expect(client.edges.map((e) => e.id)).toContain('smtpClient.hello→smtpClient.afterHello');
    expect(internalLines(hello as NonNullable<typeof hello>).join(' ')).toContain('→ done:');
    // The happy path stays drawn.
    expect(client.edges.map((e) => e.id)).toContain('smtpClient.greeting→smtpClient.hello');
    // The server has no transition shared by that many states: all drawn.
    expect(server.nodes.every((n) => n.exits.length === 0)).toBe(true);
  });

  test('timers and guards get readable names', () => {
    expect(eventLabel('xstate.after.commandTimeout.smtpClient.hello')).toEqual({
      event: 'after commandTimeout',
      kind: 'after',
    });
    expect(eventLabel('')).toEqual({ event: 'always', kind: 'always' });
    expect(guardName('isPositive')).toBe('isPositive');
    const not = Object.assign(function not() {}, { guards: ['offersAuth'] });
    expect(guardName(not)).toBe('!offersAuth');
    expect(guardName({ type: 'x' })).toBe('x');
    expect(guardName(undefined)).toBeUndefined();
  });

  test('long labels are cut to a few lines', () => {
    const many: ChartTransition[] = 'ABCDEFG'
      .split('')
      .map((event) => ({ source: 's', target: 't', event, kind: 'event' }));
    expect(edgeLabel(many)).toEqual(['A', 'B', 'C', 'D', '+3']);
  });
});

describe('toElkGraph and fromElkLayout', () => {
  test('compound states nest their children; initial markers come first', () => {
    const graph = toElkGraph(server);
    expect(graph.layoutOptions?.['elk.algorithm']).toBe('layered');
    expect(graph.layoutOptions?.['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
    expect(graph.children?.[0]?.id).toBe(initialId('smtpServer'));
    const session = graph.children?.find((c) => c.id === 'smtpServer.session');
    expect(session?.children?.[0]?.id).toBe(initialId('smtpServer.session'));
    expect(session?.children?.map((c) => c.id)).toContain('smtpServer.session.transaction');
    const ready = session?.children?.find((c) => c.id === 'smtpServer.session.ready');
    expect(ready?.width).toBeGreaterThan(BADGE_SPACE);
    const edge = graph.edges?.find(
      (e) => e.id === 'smtpServer.session.ready→smtpServer.session.transaction',
    );
    expect(edge?.labels?.[0]).toMatchObject({ text: 'MAIL', height: expect.any(Number) });
    expect(edge?.labels?.[0]?.width).toBeGreaterThan(0);
  });

  test('elkjs lays out both machines; boxes sit inside their parents', async () => {
    const elk = new ELK();
    for (const model of [server, client]) {
      const layout = fromElkLayout(await elk.layout(toElkGraph(model)));
      expect(layout.width).toBeGreaterThan(0);
      for (const node of model.nodes) {
        const box = layout.boxes.get(node.id);
        expect(box, node.id).toBeDefined();
        const parent = node.parent ? layout.boxes.get(node.parent) : undefined;
        if (box && parent) {
          expect(box.x).toBeGreaterThanOrEqual(parent.x);
          expect(box.y).toBeGreaterThanOrEqual(parent.y);
          expect(box.x + box.width).toBeLessThanOrEqual(parent.x + parent.width + 0.01);
          expect(box.y + box.height).toBeLessThanOrEqual(parent.y + parent.height + 0.01);
        }
      }
      for (const edge of layout.edges) {
        expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
        for (const p of edge.points) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeGreaterThanOrEqual(0);
        }
      }
      expect(layout.edges.length).toBe(
        model.edges.length + model.nodes.filter((n) => n.initial).length + 1,
      );
    }
  }, 20_000);
});
