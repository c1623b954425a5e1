// The console's model without a DOM: the transcript it builds, what each line is, how each line
// is explained, and the simulated hosts behind the preset servers.
import { SimulatedClock } from 'xstate';
import { describe, expect, test } from 'vitest';
import { ConsoleSession, fromOctets, toOctets } from '../../src/ui/console/consoleSession.svelte';
import { decodeBase64Visible, explainEntry, rfcUrl } from '../../src/ui/console/explain';
import { GREYLIST_DELAY_SECONDS, PRESETS } from '../../src/ui/console/presets';
import { transcriptText, type Entry } from '../../src/ui/console/transcript';
import { i18n } from '../../src/i18n/index.svelte';

function open(presetId = 'www', now = () => 0) {
  const session = new ConsoleSession({ presetId, now, clock: new SimulatedClock() });
  session.connect();
  return session;
}

const last = (session: ConsoleSession): Entry => session.entries.at(-1) as Entry;

describe('ConsoleSession', () => {
  test('the textbook session, line for line, as a transcript', () => {
    const s = open();
    for (const line of [
      'HELO mydomain.com',
      'MAIL FROM:<sender@mydomain.com>',
      'RCPT TO:<friend@example.com>',
      'DATA',
      'Subject: test message',
      '',
      'Hello,',
      '.',
      'QUIT',
    ]) {
      expect(s.send(line)).toBe(true);
    }
    const text = transcriptText(s.entries).replace(/queued as [0-9A-F]{10}/, 'queued as ID');
    expect(text).toBe(
      [
        '$ telnet www.example.com 25',
        'Trying 192.0.2.25...',
        'Connected to www.example.com.',
        "Escape character is '^]'.",
        'S: 220 www.example.com ESMTP Postfix',
        'C: HELO mydomain.com',
        'S: 250 Hello mydomain.com',
        'C: MAIL FROM:<sender@mydomain.com>',
        'S: 250 Ok',
        'C: RCPT TO:<friend@example.com>',
        'S: 250 Ok',
        'C: DATA',
        'S: 354 End data with <CR><LF>.<CR><LF>',
        'C: Subject: test message',
        'C: ',
        'C: Hello,',
        'C: .',
        'S: 250 Ok: queued as ID',
        'C: QUIT',
        'S: 221 Bye',
        'Connection closed by foreign host.',
        '',
      ].join('\n'),
    );
    expect(s.connected).toBe(false);
    expect(s.send('NOOP')).toBe(false);
    expect(s.host('www')?.stored[0]?.text).toBe('Subject: test message\r\n\r\nHello,\r\n');
  });

  test('typed text goes out as UTF-8 octets, as from a terminal', () => {
    const s = open();
    for (const line of [
      'HELO x',
      'MAIL FROM:<a@x.example>',
      'RCPT TO:<friend@example.com>',
      'DATA',
    ]) {
      s.send(line);
    }
    s.send('Grüße, 你好');
    s.send('.');
    expect(s.host('www')?.stored[0]?.text).toBe(toOctets('Grüße, 你好\r\n'));
    expect(s.entries.at(-3)).toMatchObject({ side: 'C', text: 'Grüße, 你好' });
    expect(fromOctets(toOctets('<müller@x.example>'))).toBe('<müller@x.example>');
    expect(fromOctets('plain')).toBe('plain');
  });

  test('message text lines are told apart from commands, part by part', () => {
    const s = open();
    s.send('HELO x');
    s.send('MAIL FROM:<a@x.example>');
    s.send('RCPT TO:<friend@example.com>');
    s.send('DATA');
    expect(s.mode).toBe('text');
    const parts = ['Subject: hi', ' folded', '', 'QUIT', '..dot', '.'].map((line) => {
      s.send(line);
      const entry = s.entries.findLast((e) => e.side === 'C');
      return entry?.side === 'C' && entry.kind === 'text' ? entry.part : entry?.kind;
    });
    expect(parts).toEqual(['header', 'header', 'blank', 'body', 'dotStuffed', 'end']);
    expect(s.mode).toBe('command');
    expect(last(s)).toMatchObject({ side: 'S', code: 250, verb: 'DATA' });
  });

  test('enhanced codes are kept only when they were on the wire', () => {
    const s = open('mxb');
    s.send('MAIL FROM:<a@b.example>');
    expect(last(s)).toMatchObject({ code: 503 });
    expect(last(s)).not.toHaveProperty('enhanced'); // before EHLO: no enhanced codes
    s.send('EHLO x');
    s.send('MAIL FROM:<a@x.example>');
    expect(last(s)).toMatchObject({ code: 250, enhanced: '2.1.0', lines: ['250 2.1.0 Ok'] });
  });

  test('AUTH: after 334 the next line is a response, not a command', () => {
    const s = open('mxb');
    s.send('EHLO x');
    s.send('AUTH PLAIN');
    expect(s.mode).toBe('auth');
    s.send('AGFsaWNlAHNlY3JldA==');
    expect(s.entries.at(-2)).toMatchObject({ side: 'C', kind: 'auth' });
    expect(last(s)).toMatchObject({ code: 235, verb: 'AUTH' });
    expect(s.mode).toBe('command');
  });

  test('disconnect and reconnect to another server', () => {
    const s = open();
    s.presetId = 'mxb';
    s.connect();
    expect(s.entries.map((e) => (e.side === 'note' ? e.text : '')).filter(Boolean)).toContain(
      'Connection closed.',
    );
    expect(s.connectedTo?.host).toBe('mx.b.example');
    s.disconnect();
    expect(s.connected).toBe(false);
    expect(last(s)).toMatchObject({ side: 'note', text: 'Connection closed.' });
    s.clear();
    expect(s.entries).toEqual([]);
  });

  test('ETRN counts the messages queued for the backup domain', () => {
    const s = open('mxb');
    s.send('EHLO x');
    s.send('ETRN a.example');
    expect(last(s)).toMatchObject({ code: 251 });
    s.send('MAIL FROM:<a@x.example>');
    s.send('RCPT TO:<someone@a.example>');
    s.send('DATA');
    s.send('Subject: for a');
    s.send('.');
    s.send('ETRN a.example');
    expect(last(s)).toMatchObject({
      code: 253,
      lines: ['253 OK, 1 pending messages for node a.example started'],
    });
    s.send('ETRN elsewhere.example');
    expect(last(s)).toMatchObject({ code: 458 });
  });

  test('greylisting: 450 first, the same triplet passes after the delay', () => {
    let now = 1_000_000;
    const s = open('mxc', () => now);
    s.send('EHLO x');
    s.send('MAIL FROM:<a@x.example>');
    s.send('RCPT TO:<carol@c.example>');
    expect(last(s)).toMatchObject({ code: 450 });
    s.send('RCPT TO:<carol@c.example>');
    expect(last(s)).toMatchObject({ code: 450 });
    now += GREYLIST_DELAY_SECONDS * 1000;
    s.connect();
    s.send('EHLO x');
    s.send('MAIL FROM:<a@x.example>');
    s.send('RCPT TO:<carol@c.example>');
    expect(last(s)).toMatchObject({ code: 250 });
  });

  test('every preset greets with 220 and answers its suggestions', () => {
    for (const preset of PRESETS) {
      const s = open(preset.id);
      expect(last(s)).toMatchObject({ side: 'S', code: 220 });
      for (const line of preset.suggestions) s.send(line);
      const codes = s.entries.flatMap((e) => (e.side === 'S' ? [e.code] : []));
      expect(codes.at(-1), preset.id).toBe(221);
      expect(
        codes.filter((c) => c === 500),
        preset.id,
      ).toEqual([]);
    }
  });
});

describe('explanations', () => {
  test('a reply: meaning, class, enhanced code, RFC sections', () => {
    const s = open('mxb');
    s.send('EHLO x');
    s.send('RCPT TO:<bob@b.example>');
    const e = explainEntry(last(s));
    expect(e?.heading).toBe('Reply 503');
    expect(e?.rows.map((r) => [r.label, r.value, r.rfc])).toEqual([
      [
        'Meaning',
        'Bad sequence of commands: not allowed at this point of the session',
        'RFC 5321 §4.2.3',
      ],
      ['Class', '5xx Permanent Negative Completion', 'RFC 5321 §4.2.1'],
      ['Enhanced code 5.5.1', 'Invalid command (or not allowed at this point)', 'RFC 3463 §3.6'],
    ]);
    expect(e?.announcement).toBe(
      'From the server: 503 5.5.1 Error: need MAIL command. Reply 503. ' +
        'Meaning: Bad sequence of commands: not allowed at this point of the session. RFC 5321 §4.2.3. ' +
        'Class: 5xx Permanent Negative Completion. Not done, and repeating the same command will fail again. RFC 5321 §4.2.1. ' +
        'Enhanced code 5.5.1: Invalid command (or not allowed at this point). RFC 3463 §3.6.',
    );
  });

  test('a reply in its command context (ETRN)', () => {
    const s = open('mxb');
    s.send('EHLO x');
    s.send('ETRN a.example');
    expect(explainEntry(last(s))?.rows[0]?.value).toBe('OK, no messages waiting for node <x>');
  });

  test('a client command, and a syntax error in one', () => {
    const s = open();
    s.send('MAIL FROM:bad');
    const command = s.entries.at(-2) as Entry;
    const e = explainEntry(command);
    expect(e?.heading).toBe('Command MAIL');
    expect(e?.rows[0]).toMatchObject({
      label: 'Syntax error',
      detail: 'MAIL needs FROM:<address>',
    });
    expect(e?.rows[0]?.detailLang).toBeUndefined();
    expect(e?.rows[1]).toMatchObject({ label: 'Meaning', rfc: 'RFC 5321 §4.1.1.2' });
    expect(e?.rows[2]).toMatchObject({
      label: 'Syntax',
      value: 'MAIL FROM:<reverse-path> [SP mail-parameters]',
    });
    s.send('HELLO');
    expect(explainEntry(s.entries.at(-2) as Entry)?.heading).toBe('Not a command');
  });

  test('German explanations, the parser detail included', () => {
    const s = open();
    s.send('HELO x');
    s.send('MAIL FROM:bad');
    i18n.locale = 'de';
    try {
      const reply = explainEntry(last(s));
      expect(reply?.heading).toBe('Antwort 501');
      expect(reply?.rows[0]).toMatchObject({
        value: 'Syntaxfehler in Parametern oder Argumenten',
        lang: 'de',
      });
      const command = explainEntry(s.entries.at(-2) as Entry);
      expect(command?.rows[0]).toMatchObject({
        label: 'Syntaxfehler',
        detail: 'MAIL braucht FROM:<Adresse>',
      });
      expect(command?.rows[0]?.detailLang).toBeUndefined();
    } finally {
      i18n.locale = 'en';
    }
  });

  test('telnet output has no explanation', () => {
    const s = open();
    expect(explainEntry(s.entries[0] as Entry)).toBeNull();
  });

  test('base64 made readable, and RFC links', () => {
    expect(decodeBase64Visible('AGFsaWNlAHNlY3JldA==')).toBe('\\0alice\\0secret');
    expect(decodeBase64Visible('not base64!')).toBeUndefined();
    expect(rfcUrl('RFC 5321 §4.2.3')).toBe(
      'https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2.3',
    );
    expect(rfcUrl('RFC 1985')).toBe('https://www.rfc-editor.org/rfc/rfc1985.html');
    expect(rfcUrl('somewhere')).toBeUndefined();
  });
});
