// Replies without variables are formatted once per policy and enhanced-code mode
// (src/core/machines/smtpServer/constantReplies.ts); the wire text must not change.
import { describe, expect, test } from 'vitest';
import { constantReplyEvent } from '../../../../src/core/machines/smtpServer/constantReplies';
import { defaultPolicy } from '../../../../src/core/machines/smtpServer/policy';
import type { ServerContext } from '../../../../src/core/machines/smtpServer/types';
import { startServer } from '../../../helpers/serverHarness';

function context(overrides: Partial<ServerContext> = {}): ServerContext {
  return {
    policy: defaultPolicy('mx.example.com', { texts: { ok: 'Fine by {hostname}' } }),
    hooks: { store: () => ({ ok: true, queueId: 'Q' }) },
    clientIp: '192.0.2.1',
    tls: false,
    errorCount: 0,
    messagesAccepted: 0,
    ...overrides,
  };
}

describe('constant replies', () => {
  test('are shared per policy and mode, and formatted as before', () => {
    const helo = context();
    const ehlo = { ...helo, hello: { verb: 'EHLO' as const, domain: 'c' } };
    expect(constantReplyEvent(helo, 'mailOk').lines).toEqual(['250 Ok']);
    expect(constantReplyEvent(ehlo, 'mailOk').lines).toEqual(['250 2.1.0 Ok']);
    expect(constantReplyEvent(ehlo, 'mailOk')).toBe(constantReplyEvent(ehlo, 'mailOk'));
    expect(constantReplyEvent(helo, 'mailOk')).not.toBe(constantReplyEvent(ehlo, 'mailOk'));
  });

  test('a host text with a variable is filled every time', () => {
    const c = context();
    expect(constantReplyEvent(c, 'ok').lines).toEqual(['250 Fine by mx.example.com']);
    expect(constantReplyEvent(c, 'ok')).not.toBe(constantReplyEvent(c, 'ok'));
  });

  test('two hosts with different texts keep their own', () => {
    const a = startServer({ hostname: 'a.example', texts: { mailOk: 'Sender fine' } });
    const b = startServer({ hostname: 'b.example' });
    a.send('EHLO c');
    b.send('EHLO c');
    expect(a.send('MAIL FROM:<x@c>')).toEqual(['250 2.1.0 Sender fine']);
    expect(b.send('MAIL FROM:<x@c>')).toEqual(['250 2.1.0 Ok']);
  });
});
