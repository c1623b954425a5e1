// A whole scenario and a cursor in a link, with no server: `#/sandbox?s=<scenario>&c=<cursor>`.
//
// `s` is the scenario JSON, as UTF-8, compressed with zlib (RFC 1950: a DEFLATE stream with an
// Adler-32 checksum) and written in unpadded base64url (RFC 4648 §5); `c` is the cursor, a decimal
// count of trace events. Both are URL-safe as they are. Decoding checks every layer and says
// which one failed, so that a link cut short or edited by hand gets a precise message, and it
// refuses anything that would decompress to more than MAX_SHARE_BYTES.
import { Inflate, zlibSync } from 'fflate';
import { coreText, english, type CoreText } from '../text/message';
import { findJsonSyntaxError } from './jsonText';
import type { Scenario, ScenarioError } from './types';
import { validateScenario } from './validate';

/** The largest scenario JSON a link may hold, in bytes of UTF-8. */
export const MAX_SHARE_BYTES = 200 * 1024;
/** Longer `s` values are refused before any work (zlib never grows text by more than this). */
export const MAX_SHARE_CHARS = Math.ceil(((MAX_SHARE_BYTES + 1024) * 4) / 3);
const MAX_CURSOR = 1e9;

export type ShareErrorKind =
  'missing' | 'tooLarge' | 'base64' | 'deflate' | 'utf8' | 'json' | 'invalid' | 'cursor';

export interface ShareError {
  kind: ShareErrorKind;
  /** A technical detail in English (a position, a limit), for the curious; may be absent. */
  detail?: string;
  /** For `json`: the detail as a structured text, for the page to show in its language. */
  problem?: CoreText;
  /** For `invalid`: the validation messages, as the editor shows them. */
  errors?: ScenarioError[];
}

export type ShareDecodeResult =
  | { ok: true; json: unknown; scenario: Scenario; cursor: number }
  | { ok: false; error: ShareError };

export type SharePayloadResult = { ok: true; text: string } | { ok: false; error: ShareError };

// ---------------------------------------------------------------------------------- base64url

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Unpadded base64url (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    if (b !== undefined) out += ALPHABET[(n >> 6) & 63];
    if (c !== undefined) out += ALPHABET[n & 63];
  }
  return out;
}

/** Strict unpadded base64url: the bytes, or what is wrong (a position counts from 1). */
export function fromBase64Url(text: string): Uint8Array | string {
  if (text.length % 4 === 1) return `length ${text.length} is not a possible base64 length`;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (LOOKUP[code] as number) : -1;
    if (digit < 0) return `character ${i + 1} (${JSON.stringify(text[i])}) is not base64url`;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  // The bits left over must be zero: otherwise two texts would mean the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return 'the last character has stray bits';
  return out;
}

// -------------------------------------------------------------------------------------- zlib

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class TooLarge extends Error {}

/** zlib-decompresses at most `limit` bytes, checking the header and the Adler-32 checksum. */
export function inflateLimited(data: Uint8Array, limit: number): Uint8Array | ShareError {
  if (data.length < 6) return { kind: 'deflate', detail: 'too short for zlib data' };
  const [cmf = 0, flg = 0] = data;
  if ((cmf & 15) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0)
    return { kind: 'deflate', detail: 'no zlib header' };
  if (flg & 32) return { kind: 'deflate', detail: 'a preset dictionary is not supported' };
  const body = data.subarray(2, data.length - 4);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk.slice());
    if (final) ended = true;
  });
  try {
    // Small input steps bound the memory a crafted stream can claim before the limit trips.
    const STEP = 1024;
    for (let i = 0; i < body.length; i += STEP)
      inflate.push(body.subarray(i, i + STEP), i + STEP >= body.length);
    if (body.length === 0) inflate.push(body, true);
  } catch (e) {
    if (e instanceof TooLarge)
      return { kind: 'tooLarge', detail: `more than ${limit} bytes once decompressed` };
    return { kind: 'deflate', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!ended) return { kind: 'deflate', detail: 'the compressed data stops early' };
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  const tail = data.subarray(data.length - 4);
  const expected =
    (((tail[0] as number) << 24) |
      ((tail[1] as number) << 16) |
      ((tail[2] as number) << 8) |
      (tail[3] as number)) >>>
    0;
  if (adler32(out) !== expected)
    return { kind: 'deflate', detail: 'checksum mismatch: the data was changed' };
  return out;
}

// ---------------------------------------------------------------------------------- payloads

/** Any text as a link-safe string (zlib, then base64url). */
export function packText(text: string): string {
  return toBase64Url(zlibSync(new TextEncoder().encode(text), { level: 9 }));
}

/** The text back from packText, or which layer is broken. */
export function unpackText(packed: string | null | undefined): SharePayloadResult {
  if (packed === null || packed === undefined || packed === '')
    return { ok: false, error: { kind: 'missing' } };
  if (packed.length > MAX_SHARE_CHARS)
    return {
      ok: false,
      error: {
        kind: 'tooLarge',
        detail: `${packed.length} characters, at most ${MAX_SHARE_CHARS}`,
      },
    };
  const bytes = fromBase64Url(packed);
  if (typeof bytes === 'string') return { ok: false, error: { kind: 'base64', detail: bytes } };
  const raw = inflateLimited(bytes, MAX_SHARE_BYTES);
  if (!(raw instanceof Uint8Array)) return { ok: false, error: raw };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch {
    return { ok: false, error: { kind: 'utf8', detail: 'the bytes are not UTF-8 text' } };
  }
}

// --------------------------------------------------------------------------------- scenarios

/** The value of `s` for a scenario (as JSON a teacher writes, e.g. from scenarioToJson). */
export function encodeScenario(json: unknown): string {
  return packText(JSON.stringify(json));
}

/** The query of a share link, without `?`: `s=…&c=…` (c left out at 0). */
export function shareQuery(json: unknown, cursor: number): string {
  const s = encodeScenario(json);
  const c = Math.max(0, Math.floor(cursor));
  return c > 0 ? `s=${s}&c=${c}` : `s=${s}`;
}

/** Reads `c`: absent means 0; anything but a plain decimal count is an error. */
export function decodeCursor(c: string | null | undefined): number | ShareError {
  if (c === null || c === undefined || c === '') return 0;
  if (!/^\d{1,10}$/.test(c) || Number(c) > MAX_CURSOR)
    return { kind: 'cursor', detail: `${JSON.stringify(c.slice(0, 40))} is not a cursor` };
  return Number(c);
}

/** `s` and `c` of a link back to a checked scenario and a cursor (clamped later by the run). */
export function decodeShare(s: string | null | undefined, c?: string | null): ShareDecodeResult {
  const cursor = decodeCursor(c);
  if (typeof cursor !== 'number') return { ok: false, error: cursor };
  const payload = unpackText(s);
  if (!payload.ok) return payload;
  let json: unknown;
  try {
    json = JSON.parse(payload.text);
  } catch (e) {
    const where = findJsonSyntaxError(payload.text);
    const problem = where
      ? coreText('json.at', { line: where.line, column: where.column, problem: where.problem })
      : coreText('json.engine', { message: e instanceof Error ? e.message : String(e) });
    return { ok: false, error: { kind: 'json', detail: english(problem), problem } };
  }
  const result = validateScenario(json);
  if (!result.ok) return { ok: false, error: { kind: 'invalid', errors: result.errors } };
  return { ok: true, json, scenario: result.scenario, cursor };
}

/** Reads a share link's query (`s`, `c`). */
export function decodeShareQuery(query: URLSearchParams): ShareDecodeResult {
  return decodeShare(query.get('s'), query.get('c'));
}
