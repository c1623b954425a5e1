// BridgeConnection's limits, on a fake socket whose write buffer the test controls.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/core/machines/smtpServer/policy';
import { CoarseClock } from '../../src/node/coarseClock';
import { BridgeConnection, type ConnectionOptions } from '../../src/node/connection';

class FakeSocket extends EventEmitter {
  written: string[] = [];
  writable = true;
  writableLength = 0;
  writableNeedDrain = false;
  paused = false;
  destroyed = false;
  setEncoding() {}
  setNoDelay() {}
  write(text: string) {
    this.written.push(text);
    return true;
  }
  end(text?: string) {
    if (text) this.written.push(text);
    this.writable = false;
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
}

function connect(
  maxWriteBuffer = 1000,
  store: ConnectionOptions['store'] = () => ({ ok: true, queueId: 'Q1' }),
) {
  const socket = new FakeSocket();
  const clock = new CoarseClock();
  const connection = new BridgeConnection(socket as unknown as Socket, {
    policy: defaultPolicy('localhost', {
      localDomains: ['example.com'],
      mailboxes: ['bob@example.com'],
    }),
    store,
    clientIp: '127.0.0.1',
    clock,
    log: undefined,
    maxWriteBuffer,
    onClose: () => clock.stop(),
  });
  connection.start();
  return socket;
}

describe('BridgeConnection', () => {
  it('writes the replies to one chunk of pipelined commands in one write', () => {
    const socket = connect();
    socket.emit('data', 'EHLO x\r\nNOOP\r\nRSET\r\n');
    expect(socket.written.length).toBe(2);
    expect(socket.written[1]).toMatch(
      /^250-localhost Hello x \[127\.0\.0\.1\]\r\n[\s\S]*250 2\.0\.0 Ok\r\n250 2\.0\.0 Ok\r\n$/,
    );
    socket.emit('data', 'QUIT\r\n');
    expect(socket.written.at(-1)).toBe('221 2.0.0 Bye\r\n');
    expect(socket.writable).toBe(false);
  });

  it('stops reading while its replies wait, and reads again once they drained', () => {
    const socket = connect();
    socket.writableNeedDrain = true;
    socket.emit('data', 'NOOP\r\n');
    expect(socket.paused).toBe(true);
    socket.writableNeedDrain = false;
    socket.emit('drain');
    expect(socket.paused).toBe(false);
  });

  it('drops a client whose unread replies pass the limit', () => {
    const socket = connect(1000);
    socket.writableLength = 1001;
    socket.emit('data', 'NOOP\r\n');
    expect(socket.destroyed).toBe(true);
  });

  it('answers the end of the client side and survives a socket error', () => {
    const socket = connect();
    socket.emit('error', Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    socket.emit('end');
    expect(socket.writable).toBe(false);
  });

  it('ends only this connection, with 421, when the machine fails', () => {
    const socket = connect(1000, () => {
      throw new Error('disk on fire');
    });
    socket.emit(
      'data',
      'EHLO x\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n',
    );
    socket.emit('data', 'hi\r\n.\r\nNOOP\r\n');
    expect(socket.written.at(-1)).toBe('421 4.3.0 localhost Error: internal error\r\n');
    expect(socket.writable).toBe(false);
  });
});
