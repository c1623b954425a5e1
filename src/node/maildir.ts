// Writes accepted messages to disk as `DIR/<mailbox>/<queueId>.eml`, byte for byte as stored:
// Return-Path and Received prepended to the unstuffed text, one latin1 char per octet. The write
// is synchronous because the server answers 250 only once the message is safe.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { prependHeaders, receivedHeader, returnPathHeader } from '../core/mail/traceHeaders';
import type { AcceptedMessage } from '../core/machines/smtpServer/types';

/** The message as delivered to its mailboxes, trace headers included. */
export function deliveredText(
  message: AcceptedMessage,
  o: { by: string; queueId: string; date: number },
): string {
  const reversePath =
    message.reversePath.kind === 'null' ? '' : message.reversePath.mailbox.address;
  const only = message.recipients.length === 1 ? message.recipients[0] : undefined;
  const received = receivedHeader({
    helo: message.helo,
    clientIp: message.clientIp,
    by: o.by,
    protocol: message.protocol,
    queueId: o.queueId,
    date: o.date,
    ...(only ? { recipient: only.address } : {}),
  });
  return prependHeaders(message.text, [returnPathHeader(reversePath), received]);
}

/**
 * A folder name for a mailbox that stays inside the maildir whatever the address: lower case,
 * anything but letters, digits and `@ . _ + = -` replaced by `_`, and no leading dot (so neither
 * `.` nor `..` nor a hidden folder).
 */
export function mailboxFolder(address: string): string {
  const safe = address
    .toLowerCase()
    .replace(/[^a-z0-9@._+=-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 200);
  return safe === '' ? '_' : safe;
}

/** Writes one copy per mailbox; returns the folders written to. Throws on any I/O error. */
export function writeToMaildir(
  dir: string,
  mailboxes: string[],
  queueId: string,
  text: string,
): string[] {
  const root = resolve(dir);
  const folders = [...new Set(mailboxes.map(mailboxFolder))];
  for (const mailbox of folders) {
    const folder = join(root, mailbox);
    if (!folder.startsWith(root + sep)) throw new Error(`unsafe mailbox folder: ${mailbox}`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${queueId}.eml`);
    const temp = join(folder, `.${queueId}.tmp`);
    writeFileSync(temp, text, 'latin1');
    renameSync(temp, file); // readers never see half a message
  }
  return folders;
}
