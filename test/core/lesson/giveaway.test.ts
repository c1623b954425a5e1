import { describe, expect, it } from 'vitest';
import { cluesIn, replyClues } from '../../../src/core/lesson/giveaway';

/** What of `line` the text tells, or a failure if the line is no reply. */
function told(line: string, text: string): string[] {
  const clues = replyClues(line);
  if (clues === undefined) throw new Error(`${line} is no reply`);
  return cluesIn(text, clues);
}

describe('replyClues', () => {
  it('finds no clues in a line that is not a reply', () => {
    expect(replyClues('DATA')).toBeUndefined();
    expect(replyClues('EHLO alice-pc')).toBeUndefined();
  });

  it('takes the code, the enhanced code and three-word runs of the text', () => {
    const clues = replyClues('550 5.1.1 <carol@b.example>: Recipient address rejected');
    expect(clues?.code.label).toBe('550');
    expect(clues?.enhanced?.label).toBe('5.1.1');
    expect(clues?.phrases.map((p) => p.label)).toEqual([
      '<carol@b.example>: Recipient address',
      'Recipient address rejected',
    ]);
    expect(replyClues('221 Bye')?.phrases.map((p) => p.label)).toEqual(['Bye']);
    expect(replyClues('354')?.phrases).toEqual([]);
  });
});

describe('cluesIn', () => {
  const DATA = '354 End data with <CR><LF>.<CR><LF>';

  it('finds the code only as a number of its own', () => {
    expect(told(DATA, 'It answers 354.')).toEqual(['354']);
    expect(told(DATA, 'A 354-reply, or (354)')).toEqual(['354']);
    expect(told(DATA, 'Port 3540, 1354 bytes, 3.5.4')).toEqual([]);
  });

  it('finds the enhanced code, not a longer one', () => {
    const rcpt = '550 5.1.1 <carol@b.example>: Recipient address rejected';
    expect(told(rcpt, 'RFC 3463 calls 5.1.1 a bad mailbox.')).toEqual(['5.1.1']);
    expect(told(rcpt, 'Not 5.1.10, not 15.1.1, not 5.1.1.2.')).toEqual([]);
  });

  it("finds three words of the reply's text in a row, whatever the case and punctuation", () => {
    expect(told(DATA, 'The server says "end data with" something.')).toEqual(['"End data with"']);
    expect(told(DATA, 'It says: `354 End data with <CR><LF>.<CR><LF>`')).toEqual([
      '354',
      '"End data with <CR><LF>.<CR><LF>"',
    ]);
    expect(told(DATA, 'The data ends with a dot; end the data, with care.')).toEqual([]);
    const relay = '554 5.7.1 <bob@b.example>: Relay access denied';
    expect(told(relay, 'Relay access, denied!')).toEqual(['"Relay access denied"']);
    expect(told(relay, 'Relay access is denied.')).toEqual([]);
    expect(told(relay, 'Relay denied')).toEqual([]);
  });

  it('names overlapping runs as one stretch, separate ones apart', () => {
    const rcpt =
      '550 5.1.1 <carol@b.example>: Recipient address rejected: User unknown in local recipient table';
    expect(
      told(rcpt, 'It says Recipient address rejected: User unknown, and in local recipient table.'),
    ).toEqual(['"Recipient address rejected: User unknown"', '"in local recipient table"']);
  });

  it('matches a short text as a whole word', () => {
    expect(told('221 2.0.0 Bye', 'Then it says bye.')).toEqual(['"Bye"']);
    expect(told('221 2.0.0 Bye', 'Goodbye, byes.')).toEqual([]);
  });
});
