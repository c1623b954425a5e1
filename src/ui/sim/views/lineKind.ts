// What a line on the wire is, for drawing it: a client command, message text (after 354 until the
// final dot), an AUTH response (after 334), or a reply of class 2, 3, 4 or 5. The second cue
// besides colour is a glyph per class.
import type { TraceEvent } from '../../../core/trace/types';

export type ReplyDigit = '2' | '3' | '4' | '5';
export type LineStyle = 'command' | 'text' | 'auth' | `reply${ReplyDigit}` | 'other';

/** The class digit of a reply line (`250 Ok`, `250-SIZE`, `421`), if it is one. */
export function replyDigit(text: string): ReplyDigit | undefined {
  const m = /^([2-5])\d\d(?:[ -]|$)/.exec(text);
  return m ? (m[1] as ReplyDigit) : undefined;
}

/** A glyph per reply class: success, go on, try again later, failed. */
export const CLASS_GLYPH: Record<ReplyDigit, string> = { '2': '✓', '3': '→', '4': '⟳', '5': '✗' };

export function styleDigit(style: string): ReplyDigit | undefined {
  return style.startsWith('reply') ? (style.slice(5) as ReplyDigit) : undefined;
}

type LineEvent = Extract<TraceEvent, { type: 'line' }>;

/**
 * Follows each connection's dialogue to tell commands from message text. Feed it the line events
 * of a trace in order (any mix of connections).
 */
export class LineClassifier {
  readonly #mode = new Map<number, 'command' | 'text' | 'auth'>();

  classify(e: LineEvent): LineStyle {
    if (e.dir === 'S') {
      const digit = replyDigit(e.text);
      // The last line of a reply decides what the client sends next.
      if (digit && e.text[3] !== '-') {
        const code = e.text.slice(0, 3);
        this.#mode.set(e.conn, code === '354' ? 'text' : code === '334' ? 'auth' : 'command');
      }
      return digit ? `reply${digit}` : 'other';
    }
    const mode = this.#mode.get(e.conn) ?? 'command';
    if (mode === 'text') {
      if (e.text === '.') this.#mode.set(e.conn, 'command');
      return 'text';
    }
    if (mode === 'auth') {
      this.#mode.set(e.conn, 'command');
      return 'auth';
    }
    return 'command';
  }
}
