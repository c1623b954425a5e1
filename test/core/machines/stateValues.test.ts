import { describe, expect, it } from 'vitest';
import type { StateValue } from 'xstate';
import {
  internStateValue,
  onStateChange,
  sameStateValue,
} from '../../../src/core/machines/stateValues';

describe('sameStateValue', () => {
  it('compares nested state values by content, as their JSON would', () => {
    const values: StateValue[] = [
      'closed',
      'greeting',
      { session: 'ready' },
      { session: 'awaitingHello' },
      { session: { transaction: 'hasRecipients' } },
      { session: { transaction: 'awaitingRecipient' } },
      { session: 'ready', other: 'x' },
      {},
    ];
    for (const a of values) {
      for (const b of values) {
        const copy = JSON.parse(JSON.stringify(b)) as StateValue;
        expect(sameStateValue(a, copy)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }
    }
  });
});

describe('onStateChange', () => {
  it('reports each change once, with one shared object per distinct value', () => {
    const reported: StateValue[] = [];
    const listen = onStateChange((value) => reported.push(value));
    listen({ session: 'awaitingHello' });
    listen({ session: 'awaitingHello' });
    listen({ session: 'ready' });
    listen({ session: { transaction: 'awaitingRecipient' } });
    listen({ session: 'ready' });
    expect(reported).toEqual([
      { session: 'awaitingHello' },
      { session: 'ready' },
      { session: { transaction: 'awaitingRecipient' } },
      { session: 'ready' },
    ]);
    expect(reported[3]).toBe(reported[1]);
  });

  it('interns by the JSON key', () => {
    const first = { session: 'intern-test' };
    expect(internStateValue(JSON.stringify(first), first)).toBe(first);
    expect(internStateValue(JSON.stringify(first), { session: 'intern-test' })).toBe(first);
  });
});
