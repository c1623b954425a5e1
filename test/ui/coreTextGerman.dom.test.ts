// @vitest-environment jsdom
// Text the core writes, shown in German on a German page: a validation problem in the scenario
// editor, the detail of a syntax error in the console, what an accounting check found, and a
// scrubber mark's tooltip. None of it is marked as English any more.
import { flushSync, mount, tick, unmount } from 'svelte';
import { SimulatedClock } from 'xstate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import NotFound from '../../src/app/pages/NotFound.svelte';
import { Simulator } from '../../src/app/simulator/simulator.svelte';
import { i18n } from '../../src/i18n/index.svelte';
import Console from '../../src/ui/console/Console.svelte';
import { ConsoleSession } from '../../src/ui/console/consoleSession.svelte';
import Scrubber from '../../src/ui/sim/controls/Scrubber.svelte';
import ScenarioEditor from '../../src/ui/sim/edit/ScenarioEditor.svelte';
import AccountingPanel from '../../src/ui/sim/inspect/AccountingPanel.svelte';
import { presetJson } from './edit/fixtures';

const browserSvelte = (() => {
  try {
    unmount(mount(NotFound, { target: document.createElement('div'), props: { path: '/' } }));
    return true;
  } catch {
    return false;
  }
})();

let cleanup: (() => void) | undefined;

beforeEach(() => {
  i18n.locale = 'de';
});

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
  i18n.locale = 'en';
});

/** Mounts a component into a fresh element of the page; unmounted after the test. */
function show(make: (target: HTMLElement) => Record<string, unknown>): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = make(target);
  flushSync();
  cleanup = () => unmount(instance);
  return target;
}

function backupMx(): Simulator {
  const sim = new Simulator();
  sim.loadJson(presetJson());
  return sim;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    flushSync();
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe.runIf(browserSvelte)('core texts on a German page', { timeout: 20_000 }, () => {
  test('the scenario editor: problems next to the field and in the summary', async () => {
    const target = show((target) => mount(ScenarioEditor, { target, props: { sim: backupMx() } }));
    const ip = target.querySelector<HTMLInputElement>('#ed-hosts-2-ip');
    if (!ip) throw new Error('no ip field');
    ip.value = '10.0.0.300';
    ip.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();

    const field = target.querySelector('#ed-hosts-2-ip-err');
    expect(field?.textContent).toContain(
      '"10.0.0.300" ist ungültig, erwartet wird eine IPv4-Adresse',
    );
    expect(field?.querySelector('[lang]')).toBeNull();
    expect(field?.closest('[lang="en"]')).toBeNull();

    const summary = target.querySelector('#ed-summary');
    expect(summary?.textContent).toContain(
      'hosts[2].ip: "10.0.0.300" ist ungültig, erwartet wird eine IPv4-Adresse',
    );
    expect(summary?.querySelector('[lang="en"]')).toBeNull();

    // Back in English, the same problem reads as the CLI prints it.
    i18n.locale = 'en';
    flushSync();
    expect(field?.textContent).toContain('"10.0.0.300" is not an IPv4 address');
  });

  test('the console: the detail of a syntax error', () => {
    const session = new ConsoleSession({
      presetId: 'www',
      clock: new SimulatedClock(),
      now: () => 0,
    });
    const target = show((target) => mount(Console, { target, props: { session } }));
    const input = target.querySelector<HTMLInputElement>('#console-input');
    if (!input) throw new Error('no input');
    for (const text of ['HELO x', 'MAIL FROM:bad']) {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      flushSync();
      input.form?.requestSubmit();
      flushSync();
    }
    const line = [...target.querySelectorAll<HTMLButtonElement>('ol.transcript button.line')].find(
      (b) => b.textContent?.includes('MAIL FROM:bad'),
    );
    line?.focus();
    flushSync();

    const detail = target.querySelector('.explain .detail');
    expect(detail?.textContent).toBe('MAIL braucht FROM:<Adresse>');
    expect(detail?.getAttribute('lang')).toBeNull();
    // The reply on the wire stays protocol text.
    expect(target.querySelector('ol.transcript')?.textContent).toMatch(/S:501 .*Syntax/);
  });

  test('the accounting panel: what each check found', () => {
    const target = show((target) => mount(AccountingPanel, { target, props: { sim: backupMx() } }));
    const details = [...target.querySelectorAll('.checks .detail')];
    expect(details.map((d) => d.textContent)).toEqual([
      'bob@b.example hat sie erhalten',
      'backup.b.example hat 0 Nachricht(en) in der Warteschlange',
      'erste Zustellung bei 2h1m720ms, Frist 2h2m',
    ]);
    expect(details.every((d) => !d.hasAttribute('lang'))).toBe(true);
  });

  test('the scrubber: mark tooltips', () => {
    const target = show((target) => mount(Scrubber, { target, props: { sim: backupMx() } }));
    const titles = [...target.querySelectorAll('.mark[title]')].map((m) => m.getAttribute('title'));
    expect(titles.some((t) => t?.endsWith(' zurückgestellt'))).toBe(true);
    expect(titles.some((t) => /:25 (offen|Zeitüberschreitung)$/.test(t ?? ''))).toBe(true);
    expect(titles.some((t) => / (deferred|open|timeout)$/.test(t ?? ''))).toBe(false);
  });
});
