// One SMTP command line (without CRLF) to a Command, and back.
import { COMMAND_LINE_MAX, DOMAIN_MAX } from './limits';
import { formatMailParams, formatRcptParams, parseMailParams, parseRcptParams } from './params';
import {
  formatForwardPath,
  formatReversePath,
  isAddressLiteral,
  isDomain,
  parseForwardPath,
  parseReversePath,
} from './path';
import { coreText, english, type CoreText, type TextValue } from '../text/message';
import type { CoreTextKey } from '../text/english';
import type { Command, CommandSyntaxError, ParseResult, Verb } from './types';

const VERBS: ReadonlySet<string> = new Set<Verb>([
  'HELO',
  'EHLO',
  'MAIL',
  'RCPT',
  'DATA',
  'RSET',
  'VRFY',
  'EXPN',
  'HELP',
  'NOOP',
  'QUIT',
  'ETRN',
  'STARTTLS',
  'AUTH',
]);

const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const SASL_MECHANISM = /^[A-Za-z0-9_-]{1,20}$/;

function isVerb(text: string): text is Verb {
  return VERBS.has(text);
}

function failure(error: CommandSyntaxError): ParseResult {
  return { ok: false, error };
}

/** The detail of a syntax error, in English and as a structured text. */
function because(
  key: CoreTextKey,
  values?: Record<string, TextValue>,
): { detail: string; reason: CoreText } {
  const reason = coreText(key, values);
  return { detail: english(reason), reason };
}

function syntax(verb: Verb, key: CoreTextKey, values?: Record<string, TextValue>): ParseResult {
  return failure({ kind: 'syntax', verb, ...because(key, values) });
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

function splitArguments(text: string): string[] {
  return text.split(' ').filter((word) => word !== '');
}

export function parseCommand(line: string): ParseResult {
  // §4.5.3.1.4 counts the CRLF that the caller has already removed.
  if (line.length > COMMAND_LINE_MAX - 2) {
    return failure({
      kind: 'lineTooLong',
      ...because('syntax.lineTooLong', { length: line.length + 2, limit: COMMAND_LINE_MAX }),
    });
  }
  const space = line.indexOf(' ');
  const word = space < 0 ? line : line.slice(0, space);
  const rest = space < 0 ? '' : trimSpaces(line.slice(space));
  // ASCII-only upper-casing: String.toUpperCase maps "ı" to "I" and "ſ" to "S".
  const verb = word.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
  if (!isVerb(verb)) {
    const why =
      trimSpaces(line) === ''
        ? because('syntax.emptyLine')
        : word === ''
          ? because('syntax.leadingSpace')
          : because('syntax.unknownCommand', { word: JSON.stringify(word) });
    return failure({ kind: 'unrecognized', ...why });
  }
  // Keeps every parsed command safe to write back as one line.
  if (/[\r\n\0]/.test(line)) return syntax(verb, 'syntax.controlCharacters');
  return parseArguments(verb, rest);
}

function parseArguments(verb: Verb, rest: string): ParseResult {
  switch (verb) {
    case 'HELO':
    case 'EHLO':
      return parseHello(verb, rest);
    case 'MAIL':
      return parseMail(rest);
    case 'RCPT':
      return parseRcpt(rest);
    case 'DATA':
    case 'RSET':
    case 'QUIT':
    case 'STARTTLS':
      return rest === '' ? ok({ verb }) : syntax(verb, 'syntax.noArgument', { verb });
    case 'NOOP':
    case 'HELP':
      return ok(rest === '' ? { verb } : { verb, argument: rest });
    case 'VRFY':
      return rest === '' ? syntax(verb, 'syntax.vrfyArgument') : ok({ verb, argument: rest });
    case 'EXPN':
      return rest === '' ? syntax(verb, 'syntax.expnArgument') : ok({ verb, argument: rest });
    case 'ETRN':
      return parseEtrn(rest);
    case 'AUTH':
      return parseAuth(rest);
  }
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

function parseHello(verb: 'HELO' | 'EHLO', rest: string): ParseResult {
  const args = splitArguments(rest);
  const domain = args[0];
  if (domain === undefined) return syntax(verb, 'syntax.helloMissing', { verb });
  if (args.length > 1) return syntax(verb, 'syntax.helloTooMany', { verb });
  if (!isDomain(domain) && !isAddressLiteral(domain)) {
    return syntax(verb, 'syntax.helloBad', { verb, domain: JSON.stringify(domain) });
  }
  if (domain.length > DOMAIN_MAX) {
    return syntax(verb, 'syntax.hostnameTooLong', { length: domain.length, limit: DOMAIN_MAX });
  }
  return ok({ verb, domain });
}

/**
 * Splits `FROM:<path> params` (or `TO:`). Like Postfix, one space may follow the colon.
 * Undefined when the prefix or the angle brackets are missing.
 */
function splitPathArgument(
  rest: string,
  prefix: RegExp,
): { path: string; tail: string } | undefined {
  const match = prefix.exec(rest);
  if (match === null) return undefined;
  const start = match[0].length - 1;
  const end = pathEnd(rest, start) ?? rest.indexOf('>', start);
  if (end < 0) return undefined;
  return { path: rest.slice(start, end + 1), tail: rest.slice(end + 1) };
}

// The first `>` outside a quoted local part or an address literal, both of which may contain one.
function pathEnd(text: string, start: number): number | undefined {
  let inQuotes = false;
  let inLiteral = false;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '\\') i++;
      else if (char === '"') inQuotes = false;
    } else if (inLiteral) {
      if (char === ']') inLiteral = false;
    } else if (char === '"') inQuotes = true;
    else if (char === '[') inLiteral = true;
    else if (char === '>') return i;
  }
  return undefined;
}

function checkTail(verb: Verb, tail: string): CommandSyntaxError | undefined {
  if (tail === '' || tail.startsWith(' ')) return undefined;
  return {
    kind: 'syntax',
    verb,
    ...because('syntax.afterAddress', { tail: JSON.stringify(tail) }),
  };
}

function parseMail(rest: string): ParseResult {
  const split = splitPathArgument(rest, /^FROM: ?</i);
  if (split === undefined) return syntax('MAIL', 'syntax.mailFrom');
  const path = parseReversePath(split.path);
  if (!path.ok) return failure({ ...path.error, verb: 'MAIL' });
  const tailError = checkTail('MAIL', split.tail);
  if (tailError !== undefined) return failure(tailError);
  const params = parseMailParams(split.tail);
  if (!params.ok) return failure({ ...params.error, verb: 'MAIL' });
  return ok({ verb: 'MAIL', path: path.value, params: params.value });
}

function parseRcpt(rest: string): ParseResult {
  const split = splitPathArgument(rest, /^TO: ?</i);
  if (split === undefined) return syntax('RCPT', 'syntax.rcptTo');
  const path = parseForwardPath(split.path);
  if (!path.ok) return failure({ ...path.error, verb: 'RCPT' });
  const tailError = checkTail('RCPT', split.tail);
  if (tailError !== undefined) return failure(tailError);
  const params = parseRcptParams(split.tail);
  if (!params.ok) return failure({ ...params.error, verb: 'RCPT' });
  return ok({ verb: 'RCPT', path: path.value, params: params.value });
}

// RFC 1985: `ETRN node`, `ETRN @domain`, `ETRN #queue`.
function parseEtrn(rest: string): ParseResult {
  const args = splitArguments(rest);
  const arg = args[0];
  if (arg === undefined || args.length > 1) {
    return syntax('ETRN', 'syntax.etrnArgument');
  }
  const kind = arg.startsWith('@') ? 'domain' : arg.startsWith('#') ? 'queue' : 'node';
  const argument = kind === 'node' ? arg : arg.slice(1);
  if (kind === 'queue') {
    if (!ATOM.test(argument)) {
      return badEtrn(because('syntax.etrnQueue', { name: JSON.stringify(argument) }));
    }
  } else if (!isDomain(argument) || argument.length > DOMAIN_MAX) {
    return badEtrn(because('syntax.etrnDomain', { argument: JSON.stringify(argument) }));
  }
  return ok({ verb: 'ETRN', kind, argument });
}

function badEtrn(why: { detail: string; reason: CoreText }): ParseResult {
  return failure({ kind: 'badParameter', verb: 'ETRN', parameter: 'ETRN', ...why });
}

// RFC 4954: `AUTH mechanism [initial-response]`.
function parseAuth(rest: string): ParseResult {
  const args = splitArguments(rest);
  const [mechanism, initialResponse] = args;
  if (mechanism === undefined || args.length > 2) {
    return syntax('AUTH', 'syntax.authArguments');
  }
  if (!SASL_MECHANISM.test(mechanism)) return syntax('AUTH', 'syntax.authMechanism');
  const upper = mechanism.toUpperCase();
  return ok(
    initialResponse === undefined
      ? { verb: 'AUTH', mechanism: upper }
      : { verb: 'AUTH', mechanism: upper, initialResponse },
  );
}

/** The command as wire text, without CRLF. */
export function formatCommand(command: Command): string {
  switch (command.verb) {
    case 'HELO':
    case 'EHLO':
      return `${command.verb} ${command.domain}`;
    case 'MAIL':
      return [
        `MAIL FROM:${formatReversePath(command.path)}`,
        ...formatMailParams(command.params),
      ].join(' ');
    case 'RCPT':
      return [
        `RCPT TO:${formatForwardPath(command.path)}`,
        ...formatRcptParams(command.params),
      ].join(' ');
    case 'DATA':
    case 'RSET':
    case 'QUIT':
    case 'STARTTLS':
      return command.verb;
    case 'NOOP':
    case 'HELP':
      return command.argument ? `${command.verb} ${command.argument}` : command.verb;
    case 'VRFY':
    case 'EXPN':
      return `${command.verb} ${command.argument}`;
    case 'ETRN': {
      const prefix = { node: '', domain: '@', queue: '#' }[command.kind];
      return `ETRN ${prefix}${command.argument}`;
    }
    case 'AUTH':
      return command.initialResponse === undefined
        ? `AUTH ${command.mechanism}`
        : `AUTH ${command.mechanism} ${command.initialResponse}`;
  }
}
