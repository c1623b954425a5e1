// ESMTP parameters of MAIL and RCPT (RFC 5321 §4.1.2 esmtp-param) and the RFC 3461 xtext encoding.
import { coreText, english, type TextValue } from '../text/message';
import type { CoreTextKey } from '../text/english';
import type {
  CommandSyntaxError,
  MailParams,
  NotifyKeyword,
  OtherParam,
  RcptParams,
} from './types';

export type ParamsResult<T> = { ok: true; value: T } | { ok: false; error: CommandSyntaxError };

const KEYWORD = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const VALUE = /^[\x21-\x3c\x3e-\x7e]+$/;
const SIZE = /^\d{1,20}$/;
// An atom (RFC 3461 addr-type) without the = that no esmtp-value may contain.
const ADDR_TYPE = /^[A-Za-z0-9!#$%&'*+\-/?^_`{|}~]+$/;
const MAIL_KEYWORDS: ReadonlySet<string> = new Set(['SIZE', 'BODY', 'RET', 'ENVID', 'AUTH']);
const RCPT_KEYWORDS: ReadonlySet<string> = new Set(['NOTIFY', 'ORCPT']);
const NOTIFY_ON: ReadonlySet<string> = new Set(['SUCCESS', 'FAILURE', 'DELAY']);

function bad<T>(
  parameter: string,
  key: CoreTextKey,
  values?: Record<string, TextValue>,
): ParamsResult<T> {
  const reason = coreText(key, values);
  return {
    ok: false,
    error: { kind: 'badParameter', parameter, detail: english(reason), reason },
  };
}

/** Splits `KEYWORD[=value] ...`, checks the esmtp-param grammar and refuses a repeated known keyword. */
function splitParams(text: string, known: ReadonlySet<string>): ParamsResult<OtherParam[]> {
  const params: OtherParam[] = [];
  const seen = new Set<string>();
  for (const token of text.split(' ')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const keyword = eq < 0 ? token : token.slice(0, eq);
    const value = eq < 0 ? undefined : token.slice(eq + 1);
    if (!KEYWORD.test(keyword) || (value !== undefined && !VALUE.test(value))) {
      const reason = coreText('syntax.param.malformed', { token: JSON.stringify(token) });
      return { ok: false, error: { kind: 'syntax', detail: english(reason), reason } };
    }
    // The grammar above is ASCII-only, so toUpperCase cannot map anything onto a keyword.
    const upper = keyword.toUpperCase();
    if (known.has(upper)) {
      if (seen.has(upper)) return bad(upper, 'syntax.param.repeated', { keyword: upper });
      seen.add(upper);
    }
    params.push(value === undefined ? { keyword } : { keyword, value });
  }
  return { ok: true, value: params };
}

export function parseMailParams(text: string): ParamsResult<MailParams> {
  const split = splitParams(text, MAIL_KEYWORDS);
  if (!split.ok) return split;
  const params: MailParams = { other: [] };
  for (const param of split.value) {
    const value = param.value ?? '';
    const upperValue = value.toUpperCase();
    switch (param.keyword.toUpperCase()) {
      case 'SIZE':
        if (!SIZE.test(value)) return bad('SIZE', 'syntax.param.size');
        params.size = Number(value);
        break;
      case 'BODY':
        if (upperValue !== '7BIT' && upperValue !== '8BITMIME') {
          return bad('BODY', 'syntax.param.body');
        }
        params.body = upperValue;
        break;
      case 'RET':
        if (upperValue !== 'FULL' && upperValue !== 'HDRS') {
          return bad('RET', 'syntax.param.ret');
        }
        params.ret = upperValue;
        break;
      case 'ENVID': {
        const envid = xtextDecode(value);
        if (envid === undefined || value === '') {
          return bad('ENVID', 'syntax.param.xtext', { keyword: 'ENVID' });
        }
        params.envid = envid;
        break;
      }
      case 'AUTH': {
        const auth = xtextDecode(value);
        if (auth === undefined || value === '') {
          return bad('AUTH', 'syntax.param.auth');
        }
        params.auth = auth;
        break;
      }
      default:
        params.other.push(param);
    }
  }
  return { ok: true, value: params };
}

export function parseRcptParams(text: string): ParamsResult<RcptParams> {
  const split = splitParams(text, RCPT_KEYWORDS);
  if (!split.ok) return split;
  const params: RcptParams = { other: [] };
  for (const param of split.value) {
    const value = param.value ?? '';
    switch (param.keyword.toUpperCase()) {
      case 'NOTIFY': {
        const notify = parseNotify(value);
        if (notify === undefined) {
          return bad('NOTIFY', 'syntax.param.notify');
        }
        params.notify = notify;
        break;
      }
      case 'ORCPT': {
        const semicolon = value.indexOf(';');
        const type = value.slice(0, semicolon);
        const address = xtextDecode(value.slice(semicolon + 1));
        if (semicolon < 0 || !ADDR_TYPE.test(type) || address === undefined || address === '') {
          return bad('ORCPT', 'syntax.param.orcpt');
        }
        params.orcpt = { type, address };
        break;
      }
      default:
        params.other.push(param);
    }
  }
  return { ok: true, value: params };
}

function parseNotify(value: string): NotifyKeyword[] | undefined {
  const keywords = value.toUpperCase().split(',');
  if (keywords.length === 1 && keywords[0] === 'NEVER') return ['NEVER'];
  const distinct = new Set(keywords);
  if (distinct.size !== keywords.length) return undefined;
  if (!keywords.every((keyword) => NOTIFY_ON.has(keyword))) return undefined;
  return keywords as NotifyKeyword[];
}

/** RFC 3461 §4: `+XX` becomes one octet (hex accepted in either case); undefined if malformed. */
export function xtextDecode(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '+') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else if (char >= '!' && char <= '~' && char !== '=') {
      out += char;
    } else {
      return undefined;
    }
  }
  return out;
}

/** RFC 3461 §4: octets outside `!`..`~`, and `+` and `=`, become `+XX`. */
export function xtextEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x21 && code <= 0x7e && char !== '+' && char !== '=') out += char;
    else if (code <= 0xff) out += hexOctet(code);
    // Strings here are latin1 octets; anything wider can only be sent as its UTF-8 octets.
    else for (const octet of new TextEncoder().encode(char)) out += hexOctet(octet);
  }
  return out;
}

function hexOctet(octet: number): string {
  return `+${octet.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The parameters as wire tokens, known ones first. */
export function formatMailParams(params: MailParams): string[] {
  const tokens: string[] = [];
  if (params.size !== undefined) tokens.push(`SIZE=${params.size}`);
  if (params.body !== undefined) tokens.push(`BODY=${params.body}`);
  if (params.ret !== undefined) tokens.push(`RET=${params.ret}`);
  if (params.envid !== undefined) tokens.push(`ENVID=${xtextEncode(params.envid)}`);
  if (params.auth !== undefined) tokens.push(`AUTH=${xtextEncode(params.auth)}`);
  return [...tokens, ...params.other.map(formatOther)];
}

export function formatRcptParams(params: RcptParams): string[] {
  const tokens: string[] = [];
  if (params.notify !== undefined) tokens.push(`NOTIFY=${params.notify.join(',')}`);
  if (params.orcpt !== undefined) {
    tokens.push(`ORCPT=${params.orcpt.type};${xtextEncode(params.orcpt.address)}`);
  }
  return [...tokens, ...params.other.map(formatOther)];
}

function formatOther(param: OtherParam): string {
  return param.value === undefined ? param.keyword : `${param.keyword}=${param.value}`;
}
