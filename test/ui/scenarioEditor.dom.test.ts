// @vitest-environment jsdom
// The scenario editor in jsdom: a broken file shows each problem next to its field (with
// aria-invalid and aria-describedby), the summary leads to the field, and nothing runs.
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import NotFound from '../../src/app/pages/NotFound.svelte';
import { presetJson } from './edit/fixtures';
import { Simulator } from '../../src/app/simulator/simulator.svelte';
import ScenarioEditor from '../../src/ui/sim/edit/ScenarioEditor.svelte';

const browserSvelte = (() => {
  try {
    unmount(mount(NotFound, { target: document.createElement('div'), props: { path: '/' } }));
    return true;
  } catch {
    return false;
  }
})();

let cleanup: (() => void) | undefined;

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.innerHTML = '';
});

const backupMx = () => presetJson();

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    flushSync();
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
}

function render() {
  const sim = new Simulator();
  sim.loadJson(backupMx());
  const target = document.createElement('div');
  document.body.append(target);
  const component = mount(ScenarioEditor, { target, props: { sim } });
  flushSync();
  cleanup = () => unmount(component);
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    target.querySelector<T & Element>(selector);
  const importFile = async (text: string) => {
    const input = $<HTMLInputElement>('[data-testid="scenario-import"]');
    if (!input) throw new Error('no import input');
    const file = new File([text], 'broken.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
  };
  const button = (name: string) =>
    [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  return { sim, target, $, importFile, button };
}

describe.runIf(browserSvelte)('ScenarioEditor', { timeout: 20_000 }, () => {
  test('shows the scenario as a form without problems', () => {
    const { $ } = render();
    expect($<HTMLInputElement>('#ed-title')?.value).toBe('Backup MX and ETRN');
    expect($('#ed-summary')).toBeNull();
    expect($('#ed-hosts-title')?.textContent).toBe('Hosts (4)');
  });

  test('a broken file: errors next to the fields, a summary that leads there, nothing runs', async () => {
    const { sim, $, importFile, button } = render();
    const before = sim.simulation;
    const broken = backupMx();
    const hosts = broken.hosts as Array<Record<string, unknown>>;
    hosts[2] = { ...hosts[2], ip: '10.0.0.300', colour: 'red' };
    await importFile(JSON.stringify(broken));
    expect(sim.simulation).toBe(before);

    const ip = $<HTMLInputElement>('#ed-hosts-2-ip');
    expect(ip?.value).toBe('10.0.0.300');
    expect(ip?.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ip?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain('ed-hosts-2-ip-err');
    expect($('#ed-hosts-2-ip-err')?.textContent).toContain('"10.0.0.300" is not an IPv4 address');
    // The unknown key has no field: it shows on the host itself.
    expect($('#ed-hosts-2-err')?.textContent).toContain('colour: unknown key');
    // The host with problems is open.
    expect(ip?.closest('details')?.open).toBe(true);
    // Other fields are not marked.
    expect($('#ed-hosts-1-ip')?.getAttribute('aria-invalid')).toBeNull();

    const summary = $('#ed-summary');
    expect(summary?.textContent).toContain('Problems: 2');
    const link = [...(summary?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.startsWith('hosts[2].ip'),
    );
    link?.click();
    await settle();
    expect(document.activeElement).toBe(ip);

    // Apply does nothing but say why, and moves the focus to the summary.
    button('Apply and rerun')?.click();
    await settle();
    expect(sim.simulation).toBe(before);
    expect($('[data-testid="editor-status"]')?.textContent).toContain('Not applied');
    expect(document.activeElement?.id).toBe('ed-summary');

    // Fixing both problems clears them; Apply then reruns the world.
    if (ip) {
      ip.value = '198.51.100.25';
      ip.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    expect(ip?.getAttribute('aria-invalid')).toBeNull();
    const json = button('JSON');
    json?.click();
    await settle();
    const area = $<HTMLTextAreaElement>('#ed-json');
    expect(area?.value).toContain('"colour": "red"');
    if (area) {
      area.value = area.value.replace(/,\s*"colour": "red"/, '');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    expect($('#ed-summary')).toBeNull();
    button('Apply and rerun')?.click();
    await settle();
    expect(sim.simulation).not.toBe(before);
    expect($('[data-testid="editor-status"]')?.textContent).toContain('Applied');
  });

  test('JSON that does not parse: the JSON tab, with the line and column', async () => {
    const { $, importFile } = render();
    await importFile('{\n  "title": "x",\n  "hosts": [}\n');
    expect($('#ed-json')).not.toBeNull();
    expect($('#ed-json')?.getAttribute('aria-invalid')).toBe('true');
    expect($('#ed-summary')?.textContent).toContain('line 3');
  });

  test('adding an event puts the focus in it; moving keeps the focus on the button', async () => {
    const { $, button } = render();
    const select = $<HTMLSelectElement>('#ed-new-kind');
    if (select) {
      select.value = 'fault';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    button('Add the event')?.click();
    await settle();
    expect(document.activeElement?.id).toBe('ed-events-4-at');
    expect($<HTMLSelectElement>('#ed-events-4-command')?.value).toBe('RCPT');
    $<HTMLButtonElement>('#ed-events-4-up')?.click();
    await settle();
    expect(document.activeElement?.id).toBe('ed-events-3-up');
    expect($<HTMLSelectElement>('#ed-events-3-do')?.value).toBe('fault');
  });
});
