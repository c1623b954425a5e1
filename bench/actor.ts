// The floor of any actor-based delivery: a bare XState actor of a small machine (4 states, one
// assign, no timers, no emitted events, no subscribers) created, started, sent 12 events and
// stopped. A simulated delivery runs two richer actors (client and server) through about as many
// events between them, so it cannot cost less than one of these sessions.
import { assign, createActor, setup } from 'xstate';

type BareEvent = { type: 'NEXT' } | { type: 'BACK' } | { type: 'DONE' };

const bareMachine = setup({
  types: { context: {} as { count: number }, events: {} as BareEvent },
}).createMachine({
  id: 'bare',
  initial: 'greeting',
  context: { count: 0 },
  states: {
    greeting: {
      on: {
        NEXT: {
          target: 'envelope',
          actions: assign({ count: ({ context }) => context.count + 1 }),
        },
      },
    },
    envelope: { on: { NEXT: 'data', BACK: 'greeting' } },
    data: { on: { NEXT: 'envelope', DONE: 'closed' } },
    closed: { on: { NEXT: 'greeting' } },
  },
});

/** 12 events, each one a transition (three of them through the assign). */
const EVENTS: readonly BareEvent[] = [
  { type: 'NEXT' }, // greeting → envelope
  { type: 'NEXT' }, // envelope → data
  { type: 'DONE' }, // data → closed
  { type: 'NEXT' }, // closed → greeting
  { type: 'NEXT' }, // greeting → envelope
  { type: 'BACK' }, // envelope → greeting
  { type: 'NEXT' }, // greeting → envelope
  { type: 'NEXT' }, // envelope → data
  { type: 'NEXT' }, // data → envelope
  { type: 'NEXT' }, // envelope → data
  { type: 'DONE' }, // data → closed
  { type: 'NEXT' }, // closed → greeting
];
export const EVENTS_PER_SESSION = EVENTS.length;

function session(): number {
  const actor = createActor(bareMachine);
  actor.start();
  for (const event of EVENTS) actor.send(event);
  const { count } = actor.getSnapshot().context;
  actor.stop();
  return count;
}

/** Sessions per wall second over `durationMs`, after a warm-up. */
export function actorSessionsPerSecond(durationMs: number, warmUpMs: number): number {
  const run = (ms: number) => {
    const start = performance.now();
    let sessions = 0;
    let transitions = 0;
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i++) transitions += session();
      sessions += 100;
    }
    // Every session leaves `greeting` three times, running the assign each time.
    if (transitions !== sessions * 3) throw new Error(`bare actor: ${transitions} assigns`);
    return sessions / ((performance.now() - start) / 1000);
  };
  run(warmUpMs);
  return run(durationMs);
}
