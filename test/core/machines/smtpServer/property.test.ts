// Property tests of the SMTP server session (machine + glue) with fast-check: arbitrary bytes
// split anywhere, real commands mixed with garbage, pipelining, and the idle timeout.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReplyAccounting } from '../../../helpers/serverModelAccounting';
import { WireDriver, isTextstring, readReplies } from '../../../helpers/serverModelDriver';
import {
  B64_ALICE,
  B64_SECRET,
  PLAIN_ALICE_SECRET,
  defaultFixture,
  faultsFixture,
  fullFixture,
  refusedFixture,
  submissionFixture,
  type ServerFixture,
} from '../../../helpers/serverModelFixtures';

const RUNS = { numRuns: 1000 };

// --- generators ---------------------------------------------------------------------------

/** One octet as a latin1 character (the session's input encoding). */
const octet = fc.integer({ min: 0, max: 255 }).map((n) => String.fromCharCode(n));
/** Octets, with CR, LF, NUL and SMTP punctuation made likely. */
const wireChar = fc.oneof(
  { weight: 4, arbitrary: octet },
  { weight: 1, arbitrary: fc.constantFrom('\r', '\n', '\0', ' ', '.', ':', '<', '>', '@') },
);
/** The same without LF, for lines whose ends the test chooses. */
const lineChar = wireChar.filter((c) => c !== '\n');

function junk(unit: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.string({ unit, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit, minLength: 500, maxLength: 2000 }) },
  );
}

/** Junk behind a verb, so that arguments (echoed by VRFY, HELP, …) get junk too. */
function verbJunk(unit: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(
        'VRFY ',
        'EXPN ',
        'HELP ',
        'NOOP ',
        'MAIL FROM:',
        'RCPT TO:',
        'EHLO ',
        'AUTH ',
        'ETRN ',
        'DATA ',
      ),
      junk(unit),
    )
    .map(([verb, rest]) => verb + rest);
}

/** Valid commands, AUTH responses and message text from a small vocabulary. */
const VOCABULARY = [
  'EHLO client.example',
  'HELO client.example',
  'MAIL FROM:<a@client.example>',
  'MAIL FROM:<new@client.example>',
  'RCPT TO:<bob@b.example>',
  'RCPT TO:<nobody@b.example>',
  'RCPT TO:<x@elsewhere.example>',
  'RCPT TO:<Postmaster>',
  'DATA',
  'RSET',
  'NOOP',
  'HELP',
  'VRFY bob',
  'EXPN bob',
  'ETRN backup.example',
  'AUTH PLAIN',
  `AUTH PLAIN ${PLAIN_ALICE_SECRET}`,
  'AUTH LOGIN',
  B64_ALICE,
  B64_SECRET,
  PLAIN_ALICE_SECRET,
  '*',
  'Subject: hello',
  '',
  '.',
  '..a stuffed dot',
];

const command = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.constant('QUIT') },
  { weight: 1, arbitrary: fc.constant('STARTTLS') },
);

/** Commands and junk, each with the line end the client used. */
function mixedLines(withStartTls: boolean): fc.Arbitrary<string[]> {
  const cmd = withStartTls ? command : command.filter((c) => c !== 'STARTTLS');
  const line = fc.oneof(
    { weight: 6, arbitrary: cmd.map((c) => `${c}\r\n`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(junk(lineChar), verbJunk(lineChar)), fc.constantFrom('\r\n', '\n'))
        .map(([text, end]) => text + end),
    },
  );
  return fc.array(line, { maxLength: 24 });
}

/** Arbitrary lines: any octets, any or no line end (lone CR, lone LF, NUL, 8-bit, overlong). */
const arbitraryText = fc
  .array(
    fc.tuple(
      fc.oneof(junk(wireChar), verbJunk(wireChar), fc.constantFrom(...VOCABULARY)),
      fc.constantFrom('\r\n', '\n', '\r', '', '\r\n'),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.map(([text, end]) => text + end).join(''));

/** Cut points for splitting a text into chunks anywhere. */
const cuts = fc.array(fc.nat(), { maxLength: 12 });

function split(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const FIXTURES: Array<() => ServerFixture> = [
  defaultFixture,
  fullFixture,
  submissionFixture,
  refusedFixture,
  faultsFixture,
];
const anyFixture = fc.constantFrom(...FIXTURES);

// --- properties ---------------------------------------------------------------------------

describe('arbitrary input', () => {
  test('never throws, and every reply line is well-formed (RFC 5321 §4.2, §4.5.3.1.5)', () => {
    fc.assert(
      fc.property(anyFixture, arbitraryText, cuts, (makeFixture, text, at) => {
        const driver = new WireDriver(makeFixture());
        for (const chunk of split(text, at)) driver.session.receive(chunk);
        const { problems } = readReplies(driver.lines);
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  });

  // RFC 5321 §4.2: textstring = 1*(%d09 / %d32-126). Echoing a client's 8-bit or control octets
  // (VRFY, EXPN, HELP arguments) breaks the grammar; formatReply replaces C0 controls but not
  // octets 0x80-0xFF.
  test('reply text is HT, SP and printable US-ASCII only (RFC 5321 §4.2 textstring)', () => {
    fc.assert(
      fc.property(anyFixture, arbitraryText, (makeFixture, text) => {
        const driver = new WireDriver(makeFixture());
        driver.session.receive(text);
        const visible = (l: string) =>
          l.replace(
            /[^\t\x20-\x7e]/g,
            (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
          );
        expect(driver.lines.filter((l) => !isTextstring(l)).map(visible)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('commands mixed with junk', () => {
  test('one reply per command line, AUTH response and final dot, in order; closes only after 221 or 421', () => {
    fc.assert(
      fc.property(mixedLines(true), cuts, (lines, at) => {
        const fixture = fullFixture();
        const driver = new WireDriver(fixture);
        const accounting = new ReplyAccounting({
          hardErrorLimit: fixture.policy.hardErrorLimit,
          greetingCode: Number(driver.lines[0]?.slice(0, 3)),
        });
        for (const chunk of split(lines.join(''), at)) {
          const before = driver.lines.length;
          driver.session.receive(chunk);
          accounting.chunk(chunk, driver.lines.slice(before), driver.closed);
          if (driver.closed) {
            // §3.8: only after 221 or 421.
            expect(driver.lines[driver.linesAtClose - 1]).toMatch(/^(221|421) /);
            break;
          }
        }
        expect(accounting.problems).toEqual([]);
      }),
      RUNS,
    );
  });

  test('the same commands pipelined in one chunk get the same replies as one at a time', () => {
    fc.assert(
      fc.property(mixedLines(false), (lines) => {
        const together = new WireDriver(fullFixture());
        together.session.receive(lines.join(''));
        const apart = new WireDriver(fullFixture());
        for (const line of lines) apart.session.receive(line);
        expect(together.lines).toEqual(apart.lines);
        expect(together.closed).toBe(apart.closed);
        expect(together.session.state).toEqual(apart.session.state);
      }),
      RUNS,
    );
  });
});

describe('idle timeout (RFC 5321 §4.5.3.2.7)', () => {
  test('after any prefix, 299.999 s of silence change nothing and 300 s give 421 and close', () => {
    fc.assert(
      fc.property(mixedLines(true), cuts, (lines, at) => {
        const fixture = fullFixture();
        const driver = new WireDriver(fixture);
        const accounting = new ReplyAccounting({
          hardErrorLimit: fixture.policy.hardErrorLimit,
          greetingCode: Number(driver.lines[0]?.slice(0, 3)),
        });
        for (const chunk of split(lines.join(''), at)) {
          const before = driver.lines.length;
          driver.session.receive(chunk);
          accounting.chunk(chunk, driver.lines.slice(before), driver.closed);
        }
        if (driver.closed) return;
        const before = driver.lines.length;
        driver.clock.increment(fixture.policy.idleTimeoutMs - 1);
        expect(driver.lines.slice(before)).toEqual([]);
        expect(driver.closed).toBe(false);
        driver.clock.increment(1);
        const enhanced = accounting.hello === 'EHLO' ? '4\\.4\\.2 ' : '(?!\\d\\.\\d)';
        expect(driver.lines.slice(before)).toEqual([
          expect.stringMatching(new RegExp(`^421 ${enhanced}\\S.*timeout`)),
        ]);
        expect(driver.closed).toBe(true);
      }),
      RUNS,
    );
  });
});
