import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCommand, parseCommand } from '../../../src/core/protocol/commands';
import { COMMAND_LINE_MAX, LOCAL_PART_MAX, PATH_MAX } from '../../../src/core/protocol/limits';
import { formatForwardPath, formatReversePath } from '../../../src/core/protocol/path';
import type {
  Command,
  ForwardPath,
  Mailbox,
  MailParams,
  NotifyKeyword,
  OtherParam,
  RcptParams,
  ReversePath,
} from '../../../src/core/protocol/types';

const RUNS = { numRuns: 1000 };
// Parsed commands are plain objects; fc.record would otherwise also build null-prototype ones.
const PLAIN = { noNullPrototype: true };

// --- Valid pieces of the RFC 5321 grammar ---

const ATEXT = "abcXYZ019!#$%&'*+-/=?^_`{|}~";
const atom = fc.string({ unit: fc.constantFrom(...ATEXT), minLength: 1, maxLength: 8 });
const dotString = fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('.'));
const qtext = fc.constantFrom(' ', '!', '#', '@', '>', '<', ':', ',', '[', ']', 'a', 'Z', '~');
const quotedPair = fc.constantFrom('\\"', '\\\\', '\\ ', '\\a');
const quotedString = fc
  .array(fc.oneof(qtext, quotedPair), { maxLength: 8 })
  .map((parts) => `"${parts.join('')}"`);
const localPart = fc.oneof(dotString, quotedString);

const label = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,8}[A-Za-z0-9])?$/);
const domainName = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));

const octet = fc.nat(255).map(String);
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hexGroup = fc.stringMatching(/^[0-9a-fA-F]{1,4}$/);
const hexGroups = (min: number, max: number) =>
  fc.array(hexGroup, { minLength: min, maxLength: max }).map((g) => g.join(':'));
const compressed = (maxGroups: number) =>
  fc
    .nat(maxGroups)
    .chain((left) =>
      fc.tuple(hexGroups(left, left), hexGroups(0, maxGroups - left)).map(([l, r]) => `${l}::${r}`),
    );
const ipv6 = fc.oneof(
  hexGroups(8, 8),
  compressed(6),
  fc.tuple(hexGroups(6, 6), ipv4).map(([g, v4]) => `${g}:${v4}`),
  fc.tuple(compressed(4), ipv4).map(([c, v4]) => (c.endsWith('::') ? c + v4 : `${c}:${v4}`)),
);
const generalLiteral = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9-]{0,5}[A-Za-z0-9]$/).filter((tag) => !/^ipv6$/i.test(tag)),
    fc.stringMatching(/^[!-Z^-~]{1,12}$/),
  )
  .map(([tag, content]) => `${tag}:${content}`);
const addressLiteral = fc
  .oneof(
    ipv4,
    fc.tuple(fc.constantFrom('IPv6:', 'ipv6:'), ipv6).map(([t, a]) => t + a),
    generalLiteral,
  )
  .map((inner) => `[${inner}]`);
const domain = fc.oneof(
  { weight: 3, arbitrary: domainName },
  { weight: 1, arbitrary: addressLiteral },
);

const mailbox: fc.Arbitrary<Mailbox> = fc
  .tuple(localPart, domain)
  .filter(([local]) => local.length <= LOCAL_PART_MAX)
  .map(([local, dom]) => ({ localPart: local, domain: dom, address: `${local}@${dom}` }));
const sourceRoute = fc.array(domainName, { maxLength: 2 });

const reversePath: fc.Arbitrary<ReversePath> = fc.oneof(
  fc.constant({ kind: 'null' as const }),
  fc.record({ kind: fc.constant('mailbox' as const), mailbox, sourceRoute }, PLAIN),
);
const forwardPath: fc.Arbitrary<ForwardPath> = fc.oneof(
  fc.constant({ kind: 'postmaster' as const }),
  fc.record({ kind: fc.constant('mailbox' as const), mailbox, sourceRoute }, PLAIN),
);

// --- ESMTP parameters ---

const octets = fc.string({
  unit: fc.nat(255).map((code) => String.fromCharCode(code)),
  maxLength: 12,
});
const esmtpValue = fc.stringMatching(/^[!-<>-~]{1,10}$/);
const otherParams = (known: string[]): fc.Arbitrary<OtherParam[]> =>
  fc.array(
    fc.record(
      {
        keyword: fc
          .stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,8}$/)
          .filter((keyword) => !known.includes(keyword.toUpperCase())),
        value: esmtpValue,
      },
      { requiredKeys: ['keyword'], noNullPrototype: true },
    ),
    { maxLength: 3 },
  );

const mailParams: fc.Arbitrary<MailParams> = fc.record(
  {
    size: fc.maxSafeNat(),
    body: fc.constantFrom('7BIT' as const, '8BITMIME' as const),
    ret: fc.constantFrom('FULL' as const, 'HDRS' as const),
    envid: octets.filter((text) => text !== ''),
    auth: fc.oneof(
      fc.constant('<>'),
      octets.filter((text) => text !== ''),
    ),
    other: otherParams(['SIZE', 'BODY', 'RET', 'ENVID', 'AUTH']),
  },
  { requiredKeys: ['other'], noNullPrototype: true },
);

// An atom, minus the = that no esmtp-value may contain.
const addrType = atom.filter((text) => !text.includes('='));
const rcptParams: fc.Arbitrary<RcptParams> = fc.record(
  {
    notify: fc.oneof(
      fc.constant<NotifyKeyword[]>(['NEVER']),
      fc.shuffledSubarray(['SUCCESS' as const, 'FAILURE' as const, 'DELAY' as const], {
        minLength: 1,
      }),
    ),
    orcpt: fc.record({ type: addrType, address: octets.filter((text) => text !== '') }, PLAIN),
    other: otherParams(['NOTIFY', 'ORCPT']),
  },
  { requiredKeys: ['other'], noNullPrototype: true },
);

// --- Commands ---

const freeText = fc
  .string({
    unit: fc.nat(255).map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 30,
  })
  .filter((text) => !/[\r\n\0]/.test(text) && !text.startsWith(' ') && !text.endsWith(' '));
const token = fc.stringMatching(/^[!-~]{1,20}$/);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ verb: fc.constantFrom('HELO' as const, 'EHLO' as const), domain }, PLAIN),
  fc.record({ verb: fc.constant('MAIL' as const), path: reversePath, params: mailParams }, PLAIN),
  fc.record({ verb: fc.constant('RCPT' as const), path: forwardPath, params: rcptParams }, PLAIN),
  fc.record(
    {
      verb: fc.constantFrom('DATA' as const, 'RSET' as const, 'QUIT' as const, 'STARTTLS' as const),
    },
    PLAIN,
  ),
  fc.record(
    { verb: fc.constantFrom('NOOP' as const, 'HELP' as const), argument: freeText },
    { requiredKeys: ['verb'], noNullPrototype: true },
  ),
  fc.record({ verb: fc.constantFrom('VRFY' as const, 'EXPN' as const), argument: freeText }, PLAIN),
  fc.oneof(
    fc.record(
      {
        verb: fc.constant('ETRN' as const),
        kind: fc.constantFrom('node' as const, 'domain' as const),
        argument: domainName,
      },
      PLAIN,
    ),
    fc.record(
      {
        verb: fc.constant('ETRN' as const),
        kind: fc.constant('queue' as const),
        argument: atom,
      },
      PLAIN,
    ),
  ),
  fc.record(
    {
      verb: fc.constant('AUTH' as const),
      mechanism: fc.stringMatching(/^[A-Z0-9_-]{1,20}$/),
      initialResponse: fc.oneof(fc.constant('='), token),
    },
    { requiredKeys: ['verb', 'mechanism'], noNullPrototype: true },
  ),
);

function pathFits(c: Command): boolean {
  if (c.verb === 'MAIL') return formatReversePath(c.path).length <= PATH_MAX;
  if (c.verb === 'RCPT') return formatForwardPath(c.path).length <= PATH_MAX;
  return true;
}

const validCommand = command.filter(
  (c) => pathFits(c) && formatCommand(c).length <= COMMAND_LINE_MAX - 2,
);

// --- Arbitrary input, biased towards SMTP-looking text to reach deep into the parser ---

const smtpPiece = fc.constantFrom(
  'MAIL',
  'rcpt',
  'EHLO',
  'ETRN',
  'AUTH',
  'VRFY',
  'DATA',
  'FROM:',
  'TO:',
  '<',
  '>',
  '<>',
  '@',
  '"',
  '\\',
  '[',
  ']',
  'IPv6:',
  ':',
  '::',
  ',',
  '.',
  '#',
  'a',
  'Z',
  '1',
  '255',
  ' ',
  '  ',
  '=',
  '+',
  '+2B',
  ';',
  'SIZE',
  'BODY',
  'NOTIFY',
  'ORCPT',
  'ENVID',
  'Postmaster',
  '\r',
  '\n',
  '\0',
  '\xff',
  '\u0131',
);
const pieces = fc.array(smtpPiece, { maxLength: 30 }).map((list) => list.join(''));
const verbThenPieces = fc
  .tuple(
    fc.constantFrom('MAIL FROM:<', 'mail from: <', 'RCPT TO:<', 'HELO ', 'EHLO ', 'ETRN ', 'AUTH '),
    pieces,
  )
  .map(([head, tail]) => head + tail);
// A valid line with a few pieces inserted or characters deleted: near misses of every rule.
const mutated = fc
  .tuple(
    validCommand.map(formatCommand),
    fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.oneof(smtpPiece, fc.constant(''))), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([line, edits]) =>
    edits.reduce((text, [position, deleted, inserted]) => {
      const at = position % (text.length + 1);
      return text.slice(0, at) + inserted + text.slice(at + deleted);
    }, line),
  );
const anyLine = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', ' ', 'A', '<', '>', '@'), maxLength: 600 }),
  pieces,
  verbThenPieces,
  mutated,
);

describe('parseCommand on arbitrary input', () => {
  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const result = parseCommand(line);
        if (result.ok) expect(typeof result.command.verb).toBe('string');
        else expect(result.error.detail.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('never throws on binary strings of up to 2000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (line) => {
        expect(() => parseCommand(line)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('refuses every line over 510 characters as lineTooLong', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 511, maxLength: 2000 }), (line) => {
        const result = parseCommand(line);
        expect(!result.ok && result.error.kind).toBe('lineTooLong');
      }),
      RUNS,
    );
  });

  it('re-parses what it formats to the same command, on one line', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const result = parseCommand(line);
        if (!result.ok) return;
        const formatted = formatCommand(result.command);
        expect(formatted).not.toMatch(/[\r\n]/);
        expect(parseCommand(formatted)).toStrictEqual(result);
      }),
      RUNS,
    );
  });
});

describe('formatCommand and parseCommand', () => {
  it('round-trip every valid command', () => {
    fc.assert(
      fc.property(validCommand, (c) => {
        expect(parseCommand(formatCommand(c))).toStrictEqual({ ok: true, command: c });
      }),
      RUNS,
    );
  });

  it('round-trip with lower-cased verbs, FROM: and TO:', () => {
    fc.assert(
      fc.property(validCommand, (c) => {
        const line = formatCommand(c).replace(/^(?:MAIL FROM:|RCPT TO:|[A-Z]+)/, (head) =>
          head.toLowerCase(),
        );
        expect(parseCommand(line)).toStrictEqual({ ok: true, command: c });
      }),
      RUNS,
    );
  });
});
