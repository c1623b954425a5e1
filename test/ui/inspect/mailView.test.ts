// Mailboxes at the cursor, the Received chain hop by hop, and postal-mime on hostile text: what
// it returns is plain text, the very characters of the message.
import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../../src/core/mail/message';
import {
  mailboxesAt,
  parseMail,
  parseReceived,
  receivedChain,
} from '../../../src/ui/sim/inspect/mailView';
import { hostileScenario, runJson, runPreset } from './helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('mailboxesAt', () => {
  test('only the messages delivered up to the cursor', () => {
    const { simulation, timeline } = runPreset('backup-mx-etrn');
    const deliver = timeline.events.findIndex((e) => e.type === 'deliver');
    expect(mailboxesAt(simulation.messages, timeline.viewAt(deliver).delivered)).toEqual([
      { mailbox: 'bob@b.example', messages: [], total: 1 },
    ]);
    const after = mailboxesAt(simulation.messages, timeline.viewAt(deliver + 1).delivered);
    expect(after[0]?.messages.map((m) => m.subject)).toEqual(['Hello']);
  });
});

describe('receivedChain', () => {
  test('three hops, oldest first, each with from, by, id and date', () => {
    const { simulation } = runPreset('backup-mx-etrn');
    const message = simulation.messages['bob@b.example']?.[0];
    const hops = receivedChain(parseMessage(message?.raw ?? '').headers);
    expect(hops.map((h) => [h.from, h.by])).toEqual([
      ['alice-pc', 'mail.a.example'],
      ['mail.a.example', 'backup.b.example'],
      ['backup.b.example', 'mx.b.example'],
    ]);
    expect(hops[0]).toMatchObject({
      n: 1,
      fromDetail: '(alice-pc [192.0.2.10])',
      with: 'ESMTP',
      for: '<bob@b.example>',
      date: 'Mon, 5 Jan 2026 09:00:01 +0000',
    });
    expect(hops[0]?.id).toMatch(/^[0-9A-F]+$/);
    // The backup held it for two hours: the wait shows between hop 2 and hop 3.
    expect(hops[0]?.waited).toBeUndefined();
    expect(hops[1]?.waited).toBe(30_000);
    expect(hops[2]?.waited).toBe(2 * 3600_000 + 29_000);
  });

  test('an odd header keeps its text', () => {
    expect(parseReceived('by x.example; Tue, 1 Jan 2030', 1)).toEqual({
      n: 1,
      raw: 'by x.example; Tue, 1 Jan 2030',
      by: 'x.example',
      date: 'Tue, 1 Jan 2030',
    });
  });
});

describe('parseMail (postal-mime)', () => {
  test('a hostile body and subject come back as the same characters, as text', async () => {
    const { simulation } = runJson(hostileScenario());
    const message = simulation.messages['bob@a.example']?.[0];
    expect(message?.body).toContain(HOSTILE);
    const mail = await parseMail(message?.raw ?? '');
    expect(mail.text).toContain(HOSTILE);
    expect(mail.subject).toBe('<b>bold</b> <script>alert(2)</script>');
    expect(mail.html).toBeUndefined();
    expect(mail.headers.find((h) => h.key.toLowerCase() === 'subject')?.value).toContain(
      '<script>',
    );
  });

  test('an HTML part is returned as source text (the component shows it in a <pre>)', async () => {
    const raw = [
      'From: a@b.example',
      'Subject: html',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>hi</p>${HOSTILE}`,
      '',
    ].join('\r\n');
    const mail = await parseMail(raw);
    expect(mail.html).toContain(HOSTILE);
  });
});
