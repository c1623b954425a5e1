// A scripted raw client session (the scenario's `session` and `etrn` events): each line is sent
// after the reply to the previous one, as a person at a telnet prompt would; after a 354 the
// message text goes out up to and including the final dot.
import type { Network } from '../net/network';
import { ReplyReader } from '../protocol/replyFormat';

export interface ScriptedSession {
  from: string;
  toIp: string;
  port: number;
  lines: string[];
}

export function runScriptedSession(
  network: Network,
  script: ScriptedSession,
  finished: () => void,
): void {
  network.connect({
    from: script.from,
    toIp: script.toIp,
    port: script.port,
    failed: finished,
    opened: (end) => {
      const replies = new ReplyReader();
      let next = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        if (end.open) end.close('session script finished');
        finished();
      };
      const sendNext = (lastCode: number) => {
        if (next >= script.lines.length) return finish();
        if (lastCode === 354) {
          // Message text: everything up to and including the line that is a lone dot.
          while (next < script.lines.length) {
            const line = script.lines[next++] as string;
            end.send(line);
            if (line === '.') break;
          }
          return;
        }
        end.send(script.lines[next++] as string);
      };
      return {
        data: (line) => {
          const reply = replies.push(line);
          if (reply === null || 'error' in reply) return;
          if (reply.code === 221 || reply.code === 421) {
            next = script.lines.length;
          }
          sendNext(reply.code);
        },
        closed: finish,
      };
    },
  });
}
