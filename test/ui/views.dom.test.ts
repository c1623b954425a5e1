// @vitest-environment jsdom
// The three views in jsdom on a real simulation of the backup-MX preset: what they show at a
// cursor, and that clicks, keys and focus go to the simulator.
import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import NotFound from '../../src/app/pages/NotFound.svelte';
import backupMx from '../../src/app/simulator/presets/backup-mx-etrn.json';
import { Simulator } from '../../src/app/simulator/simulator.svelte';
import { i18n } from '../../src/i18n/index.svelte';
import LadderView from '../../src/ui/sim/views/LadderView.svelte';
import TopologyView from '../../src/ui/sim/views/TopologyView.svelte';
import TranscriptView from '../../src/ui/sim/views/TranscriptView.svelte';

const browserSvelte = (() => {
  try {
    unmount(mount(NotFound, { target: document.createElement('div'), props: { path: '/' } }));
    return true;
  } catch {
    return false;
  }
})();

beforeAll(() => {
  // jsdom has no ResizeObserver (bind:clientWidth uses one): sizes stay 0, the views use defaults.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
});

let cleanup: (() => void) | undefined;

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
  i18n.locale = 'en';
});

function simulator(): Simulator {
  const sim = new Simulator();
  if (!sim.loadJson(backupMx)) throw new Error('preset did not load');
  return sim;
}

function indexOf(sim: Simulator, text: string): number {
  const i = sim.timeline?.events.findIndex((e) => e.type === 'line' && e.text === text) ?? -1;
  if (i < 0) throw new Error(`no line ${text}`);
  return i;
}

function render(view: Component<{ sim: Simulator }>, sim = simulator()) {
  const target = document.createElement('div');
  document.body.append(target);
  const component = mount(view, { target, props: { sim } });
  flushSync();
  cleanup = () => unmount(component);
  return { sim, target };
}

describe.runIf(browserSvelte)('LadderView', () => {
  test('nothing before the first event; rows up to the cursor after', () => {
    const { sim, target } = render(LadderView);
    expect(target.textContent).toContain('Nothing here yet');
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const current = target.querySelector<HTMLButtonElement>('button[aria-current="step"]');
    expect(current?.textContent).toContain('ETRN b.example');
    expect(current?.getAttribute('aria-label')).toMatch(
      /ETRN b\.example, mx\.b\.example to backup\.b\.example, command$/,
    );
    expect(current?.tabIndex).toBe(0);
    // Only a window of rows is in the DOM, none after the cursor.
    const rows = [...target.querySelectorAll<HTMLButtonElement>('button[data-index]')];
    expect(rows.length).toBeLessThan(40);
    expect(rows.every((r) => Number(r.dataset.index) <= etrn)).toBe(true);
    const lanes = target.querySelector('.lanes')?.textContent ?? '';
    for (const host of ['alice-pc', 'mail.a.example', 'mx.b.example', 'backup.b.example', 'DNS'])
      expect(lanes).toContain(host);
  });

  test('a reply shows its class in words and a glyph; clicking a row moves the cursor', () => {
    const { sim, target } = render(LadderView);
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 3);
    flushSync();
    const reply = [...target.querySelectorAll<HTMLButtonElement>('button[data-index]')].find((b) =>
      b.textContent?.includes('253 OK'),
    );
    expect(reply?.textContent).toContain('✓ 253 OK');
    expect(reply?.getAttribute('aria-label')).toContain('2xx success');
    const row = target.querySelector<HTMLButtonElement>(`button[data-index="${etrn}"]`);
    row?.click();
    flushSync();
    expect(sim.cursor).toBe(etrn + 1);
    // Nothing is chosen: every other view follows the cursor.
    expect(sim.selection).toEqual({});
    expect(target.querySelector('button[aria-current="step"]')?.getAttribute('data-index')).toBe(
      String(etrn),
    );
  });

  test('one connection: two lanes; later events can be shown greyed', () => {
    const { sim, target } = render(LadderView);
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const buttons = [...target.querySelectorAll<HTMLButtonElement>('.modes button')];
    buttons[1]?.click();
    flushSync();
    expect(buttons[1]?.getAttribute('aria-pressed')).toBe('true');
    expect(target.querySelectorAll('.lanes .lane')).toHaveLength(2);
    expect(buttons[1]?.textContent).toContain('#10');
    const later = target.querySelector<HTMLInputElement>('input[type="checkbox"]');
    later?.click();
    flushSync();
    const greyed = target.querySelectorAll('button.later');
    expect(greyed.length).toBeGreaterThan(0);
    expect(greyed[0]?.getAttribute('aria-label')).toContain('later');
  });

  test('arrow keys move the focus between rows without moving the cursor', async () => {
    const { sim, target } = render(LadderView);
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const current = target.querySelector<HTMLButtonElement>('button[aria-current="step"]');
    current?.focus();
    const event = new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true });
    const outer = vi.fn();
    window.addEventListener('keydown', outer);
    current?.dispatchEvent(event);
    await Promise.resolve();
    flushSync();
    await new Promise((r) => setTimeout(r, 0));
    window.removeEventListener('keydown', outer);
    expect(event.defaultPrevented).toBe(true);
    expect(outer).not.toHaveBeenCalled();
    const focused = document.activeElement as HTMLElement | null;
    expect(focused?.textContent).toContain('250 DSN');
    expect(focused?.tabIndex).toBe(0);
    expect(sim.cursor).toBe(etrn + 1);
  });
});

describe.runIf(browserSvelte)('TopologyView', () => {
  test('hosts by role with state and queue; the down host says so', () => {
    const { sim, target } = render(TopologyView);
    sim.seek(1);
    flushSync();
    const hosts = [...target.querySelectorAll<SVGElement>('[data-host]')];
    expect(hosts.map((h) => h.dataset.host)).toEqual([
      'alice-pc',
      'mail.a.example',
      'mx.b.example',
      'backup.b.example',
    ]);
    const mx = hosts[2];
    expect(mx?.querySelector('title')?.textContent).toBe(
      'mx.b.example, mail server, down, queue empty',
    );
    expect(mx?.querySelector('.cross')).not.toBeNull();
    expect(mx?.textContent).toContain('down');
    expect(hosts[3]?.querySelector('title')?.textContent).toContain('backup MX');
    expect(target.querySelectorAll('[tabindex="0"][data-host]')).toHaveLength(1);
  });

  test('the line at the cursor travels as a labelled packet, and the summary says so', () => {
    const { sim, target } = render(TopologyView);
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const packets = [...target.querySelectorAll('.packet')];
    expect(packets).toHaveLength(1);
    expect(packets[0]?.textContent).toContain('ETRN b.example');
    expect(target.querySelector('.conn-label')?.textContent).toBe('#10');
    const summary = target.querySelector('.visually-hidden')?.textContent ?? '';
    expect(summary).toContain('mx.b.example → backup.b.example: ETRN b.example');
    expect(summary).toContain('#10 mx.b.example → backup.b.example:25');
    expect(summary).toContain('backup.b.example (backup MX): up, queue: 1');
  });

  test('click, Enter and the arrow keys: select and move between hosts', () => {
    const { sim, target } = render(TopologyView);
    const hosts = () => [...target.querySelectorAll<SVGElement>('[data-host]')];
    hosts()[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    expect(sim.selection).toEqual({ host: 'mail.a.example' });
    expect(hosts()[1]?.getAttribute('aria-pressed')).toBe('true');
    hosts()[1]?.focus();
    hosts()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect((document.activeElement as SVGElement | null)?.dataset.host).toBe('mx.b.example');
    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    flushSync();
    expect(sim.selection).toEqual({ host: 'mx.b.example' });
  });
});

describe.runIf(browserSvelte)('TranscriptView', () => {
  test('the connection at the cursor, telnet style, up to the cursor', () => {
    const { sim, target } = render(TranscriptView);
    expect(target.textContent).toContain('No connection yet');
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const select = target.querySelector('select');
    expect(select?.value).toBe('');
    expect(select?.selectedOptions[0]?.textContent).toBe('Follow the cursor (now #10)');
    // jsdom has no layout: only the rows around the cursor are drawn.
    const lines = [...target.querySelectorAll<HTMLButtonElement>('button.line')];
    expect(lines.at(-2)?.textContent).toContain('S: 250 DSN');
    expect(lines.at(-2)?.textContent).toContain('✓');
    expect(lines.at(-1)?.textContent).toContain('C: ETRN b.example');
    expect(lines.at(-1)?.tabIndex).toBe(0);
    expect(lines.filter((l) => l.tabIndex === 0)).toHaveLength(1);
    expect(target.textContent).toContain('11 of 16 lines so far');
  });

  test('focusing a line selects it for the explanation; the picker chooses a connection', () => {
    const { sim, target } = render(TranscriptView);
    const etrn = indexOf(sim, 'ETRN b.example');
    sim.seek(etrn + 1);
    flushSync();
    const last = [...target.querySelectorAll<HTMLButtonElement>('button.line')].at(-1);
    last?.focus();
    flushSync();
    expect(sim.selection).toEqual({ conn: 10, line: etrn });
    expect(last?.classList.contains('selected')).toBe(true);
    const select = target.querySelector('select') as HTMLSelectElement;
    select.value = '3';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(sim.selection).toEqual({ conn: 3 });
    expect(select.value).toBe('3');
    expect(target.textContent).toContain('35 of 35 lines so far');
    expect([...target.querySelectorAll('button.line')].at(-1)?.textContent).toContain(
      'Connection closed by mail.a.example: client closed the connection.',
    );
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(sim.selection).toEqual({});
  });

  test('hovering a line explains it while the pointer stays, then gives the choice back', () => {
    const { sim, target } = render(TranscriptView);
    sim.seek(indexOf(sim, 'ETRN b.example') + 1);
    sim.select({ host: 'mx.b.example' });
    flushSync();
    const last = [...target.querySelectorAll<HTMLButtonElement>('button.line')].at(-1);
    last?.dispatchEvent(new PointerEvent('pointerenter'));
    flushSync();
    expect(sim.selection).toEqual({ host: 'mx.b.example', line: indexOf(sim, 'ETRN b.example') });
    last?.dispatchEvent(new PointerEvent('pointerleave'));
    flushSync();
    expect(sim.selection).toEqual({ host: 'mx.b.example' });
  });

  test('a later connection says when it opens; copy puts the text on the clipboard', async () => {
    const { sim, target } = render(TranscriptView);
    sim.seek(indexOf(sim, 'EHLO alice-pc') + 1);
    sim.select({ conn: 11 });
    flushSync();
    expect(target.textContent).toContain('Connection #11 opens at 02:01:00.480, after the cursor.');
    sim.select({});
    flushSync();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const copy = [...target.querySelectorAll('button')].find((b) => b.textContent === 'Copy');
    copy?.click();
    await vi.waitFor(() => {
      flushSync();
      expect(target.querySelector('[role="status"]')?.textContent).toBe(
        'Transcript copied to the clipboard.',
      );
    });
    expect(writeText).toHaveBeenCalledWith(
      'Connected to mail.a.example port 25.\nS: 220 mail.a.example ESMTP Postfix\nC: EHLO alice-pc\n',
    );
  });

  test('in German', () => {
    i18n.locale = 'de';
    const { sim, target } = render(TranscriptView);
    sim.seek(indexOf(sim, 'EHLO alice-pc') + 1);
    flushSync();
    expect(target.textContent).toContain('Verbunden mit mail.a.example, Port 25.');
    expect(target.textContent).toContain('Dem Cursor folgen (jetzt #1)');
  });
});
