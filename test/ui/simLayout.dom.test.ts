// @vitest-environment jsdom
// The simulator's panels as tabs: a panel once opened stays mounted when another tab is chosen
// (what was typed or chosen in it is kept), but does not follow the cursor while hidden, and
// shows the cursor's moment again as soon as its tab is chosen.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import NotFound from '../../src/app/pages/NotFound.svelte';
import backupMx from '../../src/app/simulator/presets/backup-mx-etrn.json';
import { Simulator } from '../../src/app/simulator/simulator.svelte';
import SimLayout from '../../src/ui/sim/layout/SimLayout.svelte';

const browserSvelte = (() => {
  try {
    unmount(mount(NotFound, { target: document.createElement('div'), props: { path: '/' } }));
    return true;
  } catch {
    return false;
  }
})();

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
  // jsdom has no matchMedia: a wide screen.
  window.matchMedia ??= ((query: string) => ({
    matches: query.includes('min-width'),
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
});

let cleanup: (() => void) | undefined;

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
});

describe.runIf(browserSvelte)('SimLayout panels', () => {
  test('a hidden panel stays mounted, pauses, and catches up when shown', () => {
    const sim = new Simulator();
    expect(sim.loadJson(backupMx)).toBe(true);
    const target = document.createElement('div');
    document.body.append(target);
    const instance = mount(SimLayout, { target, props: { sim, openPanel: 'accounting' } });
    cleanup = () => unmount(instance);
    flushSync();

    const panel = () => target.querySelector<HTMLElement>('#sim-panels-panel-accounting');
    const tab = (id: string) => target.querySelector<HTMLButtonElement>(`#sim-panels-tab-${id}`);
    const atStart = panel()?.textContent ?? '';
    sim.end();
    flushSync();
    const atEnd = panel()?.textContent ?? '';
    expect(atEnd).not.toBe(atStart);

    // Hidden: still there, no longer following the cursor.
    tab('transcript')?.click();
    flushSync();
    expect(panel()?.hidden).toBe(true);
    sim.home();
    flushSync();
    expect(panel()?.textContent).toBe(atEnd);

    // Shown again: the cursor's moment at once.
    tab('accounting')?.click();
    flushSync();
    expect(panel()?.hidden).toBe(false);
    expect(panel()?.textContent).toBe(atStart);
  });
});
