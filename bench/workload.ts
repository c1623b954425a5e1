// The benchmark's mail: one 1 KB transaction (MAIL, RCPT, DATA, text, dot) and the server
// configuration both servers get: local domain example.com, mailbox bob, no relaying.
export const SENDER = 'alice@client.example';
export const RECIPIENT = 'bob@example.com';
export const MAILBOXES = ['alice@example.com', 'bob@example.com', 'friend@example.com'];
export const SIZE_LIMIT = 10_240_000;

function messageText(octets: number): string {
  let text = `Subject: bench\r\nFrom: <${SENDER}>\r\nTo: <${RECIPIENT}>\r\n\r\n`;
  const line = 'The quick brown fox jumps over the lazy dog, again and again and again.';
  while (text.length + line.length + 2 <= octets) text += line + '\r\n';
  return text + 'x'.repeat(Math.max(0, octets - text.length - 2)) + '\r\n';
}

/** About 1 KB of message text, CRLF line ends, no line starting with a dot. */
export const MESSAGE = messageText(1024);
export const MESSAGE_LINES = MESSAGE.split('\r\n').length - 1;

export const ENVELOPE = `MAIL FROM:<${SENDER}>\r\nRCPT TO:<${RECIPIENT}>\r\nDATA\r\n`;
export const TEXT_AND_DOT = MESSAGE + '.\r\n';
/** Lines the client sends per transaction: MAIL, RCPT, DATA, the text, the dot. */
export const LINES_PER_TRANSACTION = 3 + MESSAGE_LINES + 1;
