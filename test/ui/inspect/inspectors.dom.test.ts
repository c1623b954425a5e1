// @vitest-environment jsdom
// The inspectors in jsdom: a hostile message body and subject shown as text in the mailbox (no
// element made of them, nothing run), and the event log's filters and row clicks.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import NotFound from '../../../src/app/pages/NotFound.svelte';
import { Simulator } from '../../../src/app/simulator/simulator.svelte';
import EventLog from '../../../src/ui/sim/inspect/EventLog.svelte';
import ExplainPanel from '../../../src/ui/sim/inspect/ExplainPanel.svelte';
import MailboxInspector from '../../../src/ui/sim/inspect/MailboxInspector.svelte';
import { hostileScenario, presetJson } from './helpers';

const browserSvelte = (() => {
  try {
    unmount(mount(NotFound, { target: document.createElement('div'), props: { path: '/' } }));
    return true;
  } catch {
    return false;
  }
})();

const HOSTILE = '<img src=x onerror=alert(1)>';
let cleanup: (() => void) | undefined;

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
});

function render(
  component: typeof MailboxInspector | typeof EventLog | typeof ExplainPanel,
  sim: Simulator,
) {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(component, { target, props: { sim } });
  flushSync();
  cleanup = () => unmount(instance);
  return target;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    flushSync();
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.runIf(browserSvelte)('MailboxInspector', () => {
  test('a hostile body and subject are shown as their characters; nothing is made of them', async () => {
    const sim = new Simulator();
    expect(sim.loadJson(hostileScenario())).toBe(true);
    const target = render(MailboxInspector, sim);
    expect(target.textContent).toContain('0 so far, 1 by the end');
    sim.end();
    flushSync();
    const details = target.querySelector<HTMLDetailsElement>('details.message');
    expect(details).not.toBeNull();
    expect(details?.querySelector('summary')?.textContent).toContain(
      '<b>bold</b> <script>alert(2)</script>',
    );
    if (!details) return;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await until(() => target.querySelector('pre.text') !== null, 'the parsed text');
    expect(target.querySelector('pre.text')?.textContent).toContain(HOSTILE);
    const raw = details.querySelector('.raw pre')?.textContent ?? '';
    expect(raw).toContain(HOSTILE);
    expect(raw).toContain('Received: from alice-pc');
    // The Received chain, hop by hop.
    expect(target.querySelector('ol.hops')?.textContent).toContain('alice-pc');
    // Nothing of the message became markup.
    expect(target.querySelector('img, script, b')).toBeNull();
    expect(target.innerHTML).not.toContain('<img');
    expect(target.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe.runIf(browserSvelte)('EventLog', () => {
  function setup() {
    const sim = new Simulator();
    expect(sim.loadJson(presetJson('backup-mx-etrn'))).toBe(true);
    const target = render(EventLog, sim);
    sim.end();
    flushSync();
    const rows = () => [...target.querySelectorAll<HTMLButtonElement>('button.row')];
    const box = (label: string) =>
      [...target.querySelectorAll<HTMLLabelElement>('fieldset label')]
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input') as HTMLInputElement;
    return { sim, target, rows, box };
  }

  test('only the rows on screen are rendered, newest last, the current one marked', () => {
    const { sim, target, rows } = setup();
    expect(target.textContent).toContain(`${sim.length} shown of ${sim.length} events so far`);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(sim.length);
    const current = target.querySelector('button.row[aria-current="true"]');
    expect(current?.textContent).toContain('▶');
  });

  test('type filter: only DNS events; host filter: only that host', () => {
    const { target, rows, box } = setup();
    for (const type of [
      'connect',
      'line',
      'close',
      'state',
      'queue',
      'delivery',
      'host',
      'link',
      'note',
    ]) {
      const input = box(type);
      input.checked = false;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    flushSync();
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().every((r) => r.classList.contains('type-dns'))).toBe(true);

    const select = target.querySelector<HTMLSelectElement>('select');
    if (!select) throw new Error('no host filter');
    select.value = 'alice-pc';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().every((r) => r.textContent?.includes('alice-pc asks'))).toBe(true);
  });

  test('a row moves the cursor just after its event', () => {
    const { sim, target, rows } = setup();
    sim.seek(5);
    flushSync();
    expect(target.textContent).toContain('5 shown of 5');
    expect(rows()).toHaveLength(5);
    const second = rows()[1];
    expect(second?.dataset.index).toBe('1');
    second?.click();
    flushSync();
    expect(sim.cursor).toBe(2);
    expect(rows()).toHaveLength(2);
    expect(rows()[1]?.getAttribute('aria-current')).toBe('true');
  });
});

describe.runIf(browserSvelte)('ExplainPanel', () => {
  test('the line the cursor passed is explained, and the same text is in a polite live region', () => {
    const sim = new Simulator();
    sim.loadJson(presetJson('backup-mx-etrn'));
    const target = render(ExplainPanel, sim);
    const index =
      sim.timeline?.events.findIndex((e) => e.type === 'line' && e.text === '250 2.1.0 Ok') ?? -1;
    sim.seek(index + 1);
    flushSync();
    expect(target.querySelector('h3')?.textContent).toBe('Reply 250');
    const live = target.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toContain('Requested mail action okay, completed');
    expect(live?.textContent).toContain('RFC 5321 §4.2.3');
    // A selected line wins over the cursor.
    const mail =
      sim.timeline?.events.findIndex((e) => e.type === 'line' && e.text.startsWith('MAIL FROM')) ??
      -1;
    sim.select({ line: mail });
    flushSync();
    expect(target.querySelector('h3')?.textContent).toBe('Command MAIL');
  });
});
