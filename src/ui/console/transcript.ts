// The console transcript as data: what each line is (a command, message text, an AUTH response,
// a server reply, telnet's own output) and the plain-text form for copying and downloading.
// The dialogue tracker follows the protocol from the outside, as a client would: after 354 the
// client's lines are message text until "."; after 334 the next line answers the challenge.
import type { Reply, Verb } from '../../core/protocol/types';
import { parseCommand } from '../../core/protocol/commands';

/** Where a message text line stands: header, the blank line, body, the final dot. */
export type TextPart = 'header' | 'blank' | 'body' | 'dotStuffed' | 'end';

export type ClientBody =
  | { side: 'C'; kind: 'command'; text: string }
  | { side: 'C'; kind: 'text'; text: string; part: TextPart }
  | { side: 'C'; kind: 'auth'; text: string };

export interface ServerBody {
  side: 'S';
  kind: 'reply';
  /** The wire lines, without CRLF. */
  lines: string[];
  code: number;
  /** The enhanced status code, only when it was on the wire. */
  enhanced?: string;
  /** The command this reply answers, for verb-specific meanings (ETRN, AUTH, MAIL SIZE). */
  verb?: Verb;
}

/** Output of the telnet program itself ("Connected to …"), not part of SMTP. */
export interface NoteBody {
  side: 'note';
  kind: 'note';
  text: string;
  /** Worth announcing to screen readers (connected, closed); the rest is telnet chatter. */
  announce?: boolean;
}

export type EntryBody = ClientBody | ServerBody | NoteBody;
export type Entry = EntryBody & { id: number };

export type InputMode = 'command' | 'text' | 'auth';

export class DialogueTracker {
  #mode: InputMode = 'command';
  #inHeader = false;
  #verb: Verb | undefined;

  /** What the client's next line will be. */
  get mode(): InputMode {
    return this.#mode;
  }

  client(text: string): ClientBody {
    switch (this.#mode) {
      case 'text':
        return { side: 'C', kind: 'text', text, part: this.#textPart(text) };
      case 'auth':
        this.#mode = 'command';
        return { side: 'C', kind: 'auth', text };
      case 'command': {
        const parsed = parseCommand(text);
        this.#verb = parsed.ok ? parsed.command.verb : parsed.error.verb;
        return { side: 'C', kind: 'command', text };
      }
    }
  }

  server(lines: string[], reply: Reply): ServerBody {
    const body: ServerBody = { side: 'S', kind: 'reply', lines: [...lines], code: reply.code };
    const first = lines[0] ?? '';
    if (reply.enhanced !== undefined && first.slice(4).startsWith(reply.enhanced)) {
      body.enhanced = reply.enhanced;
    }
    if (this.#verb !== undefined) body.verb = this.#verb;
    if (reply.code === 354) {
      this.#mode = 'text';
      this.#inHeader = true;
    } else {
      this.#mode = reply.code === 334 ? 'auth' : 'command';
    }
    return body;
  }

  #textPart(text: string): TextPart {
    if (text === '.') {
      this.#mode = 'command';
      return 'end';
    }
    if (text.startsWith('.')) return 'dotStuffed';
    if (this.#inHeader) {
      if (text === '') {
        this.#inHeader = false;
        return 'blank';
      }
      // A header field, or a folded continuation line (RFC 5322 §2.2.3).
      if (/^[!-9;-~]+:/.test(text) || /^[ \t]/.test(text)) return 'header';
      this.#inHeader = false; // no header at all: the text is all body
    }
    return 'body';
  }
}

/** One entry as the lines of a telnet-style transcript (`C: …`, `S: …`). */
export function entryLines(entry: EntryBody): string[] {
  switch (entry.side) {
    case 'C':
      return [`C: ${entry.text}`];
    case 'S':
      return entry.lines.map((line) => `S: ${line}`);
    case 'note':
      return [entry.text];
  }
}

/** The whole transcript as text, one line per wire line, ending with a newline. */
export function transcriptText(entries: readonly EntryBody[]): string {
  const lines = entries.flatMap(entryLines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
