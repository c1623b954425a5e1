// A hand-typed session read back from the trace: the connection the session event opened, its
// lines as console entries (C:/S: with telnet's own chatter around them), and where the cursor
// goes. While the student is still typing, the dialogue stops at the reply to the last line
// typed: what the server does later (a timeout while the student thinks) has not happened yet.
import { ReplyReader } from '../../../../core/protocol/replyFormat';
import type { TraceEvent } from '../../../../core/trace/types';
import { DialogueTracker, type EntryBody, type InputMode } from '../../../console/transcript';

export interface SessionSpec {
  host: string;
  server: string;
  serverIp: string;
  port: number;
  /** The lines typed so far. */
  lines: readonly string[];
}

export type DialogueState = 'open' | 'closed' | 'failed';

export interface Dialogue {
  /** The connection number in the trace, when it was found. */
  conn?: number;
  entries: EntryBody[];
  /** The cursor just after the last event shown. */
  cursor: number;
  state: DialogueState;
  /** What the next line typed will be. */
  mode: InputMode;
  /** How many typed lines reached the server (the rest came after it closed). */
  sent: number;
}

const note = (text: string, announce = false): EntryBody => ({
  side: 'note',
  kind: 'note',
  text,
  ...(announce ? { announce } : {}),
});

/** The connect event of the session: the first one from host to server:port from `from` on. */
export function findSession(
  trace: readonly TraceEvent[],
  spec: Pick<SessionSpec, 'host' | 'server' | 'port'>,
  from: number,
): number {
  for (let i = Math.max(0, from); i < trace.length; i += 1) {
    const e = trace[i] as TraceEvent;
    if (
      e.type === 'connect' &&
      e.from === spec.host &&
      e.to === spec.server &&
      e.port === spec.port
    )
      return i;
  }
  return -1;
}

/**
 * The dialogue of the session whose connect event is at `start`. `live`: the student may still
 * type, so the dialogue ends with the reply to the last line (or with the last line, when it is
 * message text, which gets no reply of its own).
 */
export function readDialogue(
  trace: readonly TraceEvent[],
  start: number,
  spec: SessionSpec,
  live: boolean,
): Dialogue {
  const entries: EntryBody[] = [
    note(`$ telnet ${spec.server} ${spec.port}`),
    note(`Trying ${spec.serverIp}...`),
  ];
  const connect = trace[start];
  if (connect?.type !== 'connect') {
    entries.push(note('telnet: Unable to connect to remote host: No route to host', true));
    return { entries, cursor: start < 0 ? 0 : start, state: 'failed', mode: 'command', sent: 0 };
  }
  if (connect.result !== 'open') {
    const why = connect.result === 'refused' ? 'Connection refused' : 'Connection timed out';
    entries.push(note(`telnet: Unable to connect to remote host: ${why}`, true));
    return {
      conn: connect.conn,
      entries,
      cursor: start + 1,
      state: 'failed',
      mode: 'command',
      sent: 0,
    };
  }
  entries.push(note(`Connected to ${spec.server}.`, true), note("Escape character is '^]'."));

  const tracker = new DialogueTracker();
  const reader = new ReplyReader();
  let wire: string[] = [];
  let sent = 0;
  let cursor = start + 1;
  let state: DialogueState = 'open';
  /** Live: every typed line is out; waiting for one reply (or for nothing, in message text). */
  let awaiting = live && spec.lines.length === 0 ? 1 : 0;
  let done = false;

  for (let i = start + 1; i < trace.length && !done; i += 1) {
    const e = trace[i] as TraceEvent;
    if (!('conn' in e) || e.conn !== connect.conn) continue;
    if (live && sent === spec.lines.length && awaiting === 0 && e.type === 'line') break;
    if (e.type === 'line' && e.dir === 'C') {
      entries.push(tracker.client(e.text));
      sent += 1;
      cursor = i + 1;
      if (live && sent === spec.lines.length) {
        awaiting = tracker.mode === 'text' ? 0 : 1;
        if (awaiting === 0) done = true;
      }
    } else if (e.type === 'line') {
      if (e.lost) continue; // it never reached the client
      wire.push(e.text);
      const reply = reader.push(e.text);
      cursor = i + 1;
      if (reply === null) continue;
      if (!('error' in reply)) entries.push(tracker.server(wire, reply));
      wire = [];
      if (live && sent === spec.lines.length && awaiting > 0) awaiting -= 1;
    } else if (e.type === 'close') {
      // The script closing after the last line is the student still sitting at the prompt.
      if (live && e.by === spec.host) break;
      cursor = i + 1;
      if (state === 'closed') continue;
      state = 'closed';
      entries.push(
        note(
          e.by === spec.host ? 'Connection closed.' : 'Connection closed by foreign host.',
          true,
        ),
      );
      if (live) done = true;
    }
  }
  return { conn: connect.conn, entries, cursor, state, mode: tracker.mode, sent };
}
