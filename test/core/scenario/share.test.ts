// Share links: every scenario and cursor survive the trip through a link, and every kind of broken
// or tampered link is refused with the layer that failed named.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { scenarioToJson } from '../../../src/core/scenario/serialize';
import {
  MAX_SHARE_BYTES,
  MAX_SHARE_CHARS,
  decodeCursor,
  decodeShare,
  decodeShareQuery,
  encodeScenario,
  fromBase64Url,
  packText,
  shareQuery,
  toBase64Url,
  unpackText,
} from '../../../src/core/scenario/share';
import { parseScenarioText } from '../../../src/core/scenario/validate';

const files = [
  ...readdirSync('src/app/simulator/presets').map((f) => `src/app/simulator/presets/${f}`),
  ...readdirSync('test/scenarios').map((f) => `test/scenarios/${f}`),
].filter((f) => f.endsWith('.json'));

function scenarioJson(file: string): unknown {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return scenarioToJson(parsed.scenario);
}

const backup = scenarioJson('src/app/simulator/presets/backup-mx-etrn.json');
const utf8 = (text: string) => new TextEncoder().encode(text);
const packBytes = (bytes: Uint8Array) => toBase64Url(zlibSync(bytes));

describe('base64url', () => {
  test('matches the platform encoder, without padding and URL-safe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = Buffer.from(bytes).toString('base64url');
        const text = toBase64Url(bytes);
        expect(text).toBe(expected);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  test.each([
    ['a', 'length 1 is not a possible base64 length'],
    ['ab+d', 'character 3 ("+") is not base64url'],
    ['ab/d', 'character 3 ("/") is not base64url'],
    ['abc=', 'character 4 ("=") is not base64url'],
    ['ab d', 'character 3 (" ") is not base64url'],
    ['abé', 'character 3 ("é") is not base64url'],
    ['AB', 'the last character has stray bits'],
  ])('refuses %j', (text, message) => {
    expect(fromBase64Url(text)).toBe(message);
  });
});

describe('round trip', () => {
  test.each(files)('%s and a cursor come back unchanged', (file) => {
    const json = scenarioJson(file);
    const query = new URLSearchParams(shareQuery(json, 42));
    const result = decodeShareQuery(query);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.json).toEqual(json);
    expect(result.cursor).toBe(42);
  });

  test('any JSON text survives packing', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        const packed = packText(text);
        expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(unpackText(packed)).toEqual({ ok: true, text });
      }),
    );
  });

  test('any scenario with any title and description, at any cursor', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }),
        fc.string({ maxLength: 200, unit: 'binary' }),
        fc.nat({ max: 1_000_000 }),
        (title, description, cursor) => {
          fc.pre(title.trim() !== '');
          const json = { ...(backup as object), title, description };
          const result = decodeShareQuery(new URLSearchParams(shareQuery(json, cursor)));
          if (!result.ok) return expect(result.error.kind).toBe('invalid');
          expect(result.json).toEqual(json);
          expect(result.cursor).toBe(cursor);
        },
      ),
    );
  });

  test('cursor 0 is left out of the link; a missing cursor reads as 0', () => {
    const query = shareQuery(backup, 0);
    expect(query).not.toContain('c=');
    const result = decodeShareQuery(new URLSearchParams(query));
    expect(result.ok && result.cursor).toBe(0);
  });

  test('compresses: the backup MX scenario fits in a short link', () => {
    expect(encodeScenario(backup).length).toBeLessThan(JSON.stringify(backup).length / 2);
  });
});

describe('broken and tampered links', () => {
  const good = encodeScenario(backup);

  test('no scenario at all', () => {
    expect(decodeShare(null)).toEqual({ ok: false, error: { kind: 'missing' } });
    expect(decodeShare('')).toEqual({ ok: false, error: { kind: 'missing' } });
  });

  test('not base64url', () => {
    const result = decodeShare(`${good.slice(0, 10)}!${good.slice(11)}`);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'base64', detail: 'character 11 ("!") is not base64url' },
    });
  });

  test('base64 but not zlib data', () => {
    const result = decodeShare(toBase64Url(utf8('{"title":"plain JSON, not compressed"}')));
    expect(result).toEqual({ ok: false, error: { kind: 'deflate', detail: 'no zlib header' } });
    expect(decodeShare('AAAA')).toMatchObject({ error: { kind: 'deflate' } });
  });

  test('cut short', () => {
    for (const cut of [8, 20, good.length - 12, good.length - 3]) {
      const text = good.slice(0, cut - (cut % 4 === 1 ? 1 : 0));
      const result = decodeShare(text);
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (!result.ok) expect(['deflate', 'base64']).toContain(result.error.kind);
    }
  });

  test('any one character changed is caught (never a different scenario)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: good.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        (at, char) => {
          fc.pre(good[at] !== char);
          const tampered = good.slice(0, at) + char + good.slice(at + 1);
          const result = decodeShare(tampered);
          if (result.ok) expect(result.json).toEqual(backup);
          else
            expect(['base64', 'deflate', 'utf8', 'json', 'invalid']).toContain(result.error.kind);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a checksum that does not match the data', () => {
    const bytes = zlibSync(utf8(JSON.stringify(backup)));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    expect(decodeShare(toBase64Url(bytes))).toEqual({
      ok: false,
      error: { kind: 'deflate', detail: 'checksum mismatch: the data was changed' },
    });
  });

  test('not UTF-8', () => {
    expect(decodeShare(packBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toMatchObject({
      ok: false,
      error: { kind: 'utf8' },
    });
  });

  test('not JSON: the line and column are given', () => {
    expect(decodeShare(packText('{"title": "x",\n  hosts: []}'))).toEqual({
      ok: false,
      error: {
        kind: 'json',
        detail:
          'line 2, column 3: Unexpected token "hosts", expected a property name in double quotes',
        problem: expect.anything(),
      },
    });
  });

  test('JSON that is not a valid scenario: the validation messages', () => {
    const broken = structuredClone(backup) as { hosts: Array<{ ip: string }> };
    (broken.hosts[1] as { ip: string }).ip = '10.0.0.300';
    const result = decodeShare(encodeScenario(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid');
    expect(result.error.errors?.map((e) => e.path)).toEqual(['hosts[1].ip']);
    expect(decodeShare(packText('[1, 2, 3]'))).toMatchObject({ error: { kind: 'invalid' } });
  });

  test('a small link that would decompress to too much is refused, not expanded', () => {
    const bomb = packText(' '.repeat(MAX_SHARE_BYTES + 1));
    expect(bomb.length).toBeLessThan(2000);
    expect(decodeShare(bomb)).toEqual({
      ok: false,
      error: { kind: 'tooLarge', detail: `more than ${MAX_SHARE_BYTES} bytes once decompressed` },
    });
    const justFits = packText(`${' '.repeat(MAX_SHARE_BYTES - 20)}{"title":"x"}`);
    expect(decodeShare(justFits)).toMatchObject({ error: { kind: 'invalid' } });
  });

  test('a link too long to be one of ours is refused before decoding', () => {
    expect(decodeShare('A'.repeat(MAX_SHARE_CHARS + 4))).toMatchObject({
      ok: false,
      error: { kind: 'tooLarge' },
    });
  });

  test.each(['-1', '1.5', 'abc', '1e3', ' 3', '99999999999', '0x10'])('cursor %j', (c) => {
    expect(decodeCursor(c)).toMatchObject({ kind: 'cursor' });
    expect(decodeShare(good, c)).toMatchObject({ ok: false, error: { kind: 'cursor' } });
  });

  test.each([
    ['', 0],
    ['0', 0],
    ['17', 17],
    ['000123', 123],
  ])('cursor %j reads as %d', (c, n) => {
    expect(decodeCursor(c)).toBe(n);
  });
});
