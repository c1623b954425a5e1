// @vitest-environment jsdom
// The console component in jsdom: type a line, see the reply, its explanation and the
// announcement. Needs Svelte's browser build (resolve.conditions ['browser'] for this project);
// under the server build `mount` is unavailable and the tests are skipped.
import { flushSync, mount, unmount } from 'svelte';
import { SimulatedClock } from 'xstate';
import { afterEach, describe, expect, test, vi } from 'vitest';
import NotFound from '../../src/app/pages/NotFound.svelte';
import Console from '../../src/ui/console/Console.svelte';
import { ConsoleSession } from '../../src/ui/console/consoleSession.svelte';

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

function render(presetId = 'www') {
  const session = new ConsoleSession({ presetId, clock: new SimulatedClock(), now: () => 0 });
  const target = document.createElement('div');
  document.body.append(target);
  const component = mount(Console, { target, props: { session } });
  flushSync();
  cleanup = () => unmount(component);
  const input = target.querySelector<HTMLInputElement>('#console-input');
  if (!input) throw new Error('no input');
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    input.form?.requestSubmit();
    flushSync();
  };
  const lines = () => [...target.querySelectorAll<HTMLButtonElement>('ol.transcript button.line')];
  const text = (selector: string) => target.querySelector(selector)?.textContent ?? '';
  return { session, target, input, type, lines, text };
}

describe.runIf(browserSvelte)('Console component', () => {
  test('connects on its own and explains the greeting', () => {
    const { lines, text } = render();
    expect(lines().at(-1)?.textContent).toContain('S:220 www.example.com ESMTP Postfix');
    expect(text('.explain h3')).toBe('Reply 220');
    expect(text('[data-testid="announcer"]')).toContain('Connected to www.example.com.');
    expect(text('[data-testid="announcer"]')).toContain('Service ready');
  });

  test('HELO x → 250 Hello x, explained and announced; the input keeps the focus', () => {
    const { input, type, lines, text } = render();
    input.focus();
    type('HELO x');
    const all = lines();
    expect(all.at(-2)?.textContent).toContain('C:HELO x');
    expect(all.at(-1)?.textContent).toContain('S:250 Hello x');
    expect(all.at(-1)?.getAttribute('aria-current')).toBe('true');
    expect(text('.explain h3')).toBe('Reply 250');
    expect(text('.explain')).toContain('Requested mail action okay, completed');
    expect(text('.explain')).toContain('2xx Positive Completion');
    expect(text('[data-testid="announcer"]')).toContain(
      'From the server: 250 Hello x. Reply 250. Meaning: Requested mail action okay, completed.',
    );
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
  });

  test('a focused client line explains the command; arrows move, Escape returns', () => {
    const { input, type, lines, text } = render();
    type('MAIL FROM:<a@b.example>');
    const client = lines().find((b) => b.textContent?.includes('MAIL FROM'));
    client?.focus();
    flushSync();
    expect(text('.explain h3')).toBe('Command MAIL');
    expect(text('.explain')).toContain('RFC 5321 §4.1.1.2');
    expect(text('[data-testid="announcer"]')).toContain(
      'From you (the client): MAIL FROM:<a@b.example>',
    );
    // One tab stop: the selected line.
    expect(lines().filter((b) => b.tabIndex === 0)).toEqual([client]);

    client?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    flushSync();
    expect(document.activeElement?.textContent).toContain('503');
    expect(text('.explain h3')).toBe('Reply 503');
    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(document.activeElement).toBe(input);
  });

  test('message text lines are labelled; ↑ recalls earlier lines', () => {
    const { input, type, lines } = render();
    for (const line of [
      'HELO x',
      'MAIL FROM:<a@x.example>',
      'RCPT TO:<friend@example.com>',
      'DATA',
    ]) {
      type(line);
    }
    type('Subject: <b>not html</b>');
    const textLine = lines().at(-1);
    expect(textLine?.textContent).toContain('message text');
    // Rendered as text, never as markup.
    expect(textLine?.querySelector('b')).toBeNull();
    expect(textLine?.textContent).toContain('<b>not html</b>');

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    flushSync();
    expect(input.value).toBe('Subject: <b>not html</b>');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    flushSync();
    expect(input.value).toBe('DATA');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    flushSync();
    expect(input.value).toBe('');
  });

  test('"try these" fills the input; copy without a clipboard says what to do', async () => {
    const { input, target, text } = render();
    const suggestion = [...target.querySelectorAll<HTMLButtonElement>('.try button')].find(
      (b) => b.textContent?.trim() === 'HELO mydomain.com',
    );
    suggestion?.click();
    flushSync();
    expect(input.value).toBe('HELO mydomain.com');
    expect(document.activeElement).toBe(input);

    const copy = [...target.querySelectorAll('button')].find(
      (b) => b.textContent === 'Copy transcript',
    );
    copy?.click();
    await vi.waitFor(() => {
      flushSync();
      expect(text('.tools .status')).toContain('Copying is not allowed here');
    });
  });

  test('after QUIT the connection is closed and Enter explains why nothing happens', () => {
    const { type, text } = render();
    type('QUIT');
    expect(text('[data-testid="announcer"]')).toContain('Connection closed by foreign host.');
    expect(text('#console-input-hint')).toContain('The connection is closed');
    type('NOOP');
    expect(text('[data-testid="announcer"]')).toContain('Not connected');
  });
});
