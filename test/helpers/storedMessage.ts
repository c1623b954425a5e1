// What the bridge writes to a maildir, with the queue id and the date masked, so stored files can
// be compared byte for byte with what a client sent.
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const QUEUE_ID = /\b(id )[0-9A-F]{12}\b/;
const DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/m;

export function maskTrace(stored: string): string {
  return stored.replace(QUEUE_ID, '$1QUEUEID').replace(DATE, 'DATE');
}

export interface Expected {
  from: string;
  helo: string;
  text: string;
  /** Only with exactly one recipient. */
  recipient?: string;
  protocol?: string;
  by?: string;
  clientIp?: string;
}

/** The stored form of `text` with QUEUEID and DATE placeholders (see maskTrace). */
export function expectedStored(e: Expected): string {
  const by = `\tby ${e.by ?? 'localhost'} (smtp-sim) with ${e.protocol ?? 'ESMTP'} id QUEUEID`;
  const tail =
    e.recipient === undefined ? `${by};\r\n\tDATE` : `${by}\r\n\tfor <${e.recipient}>; DATE`;
  return (
    `Return-Path: <${e.from}>\r\n` +
    `Received: from ${e.helo} (unknown [${e.clientIp ?? '127.0.0.1'}])\r\n${tail}\r\n` +
    e.text
  );
}

/** The messages in one mailbox folder, as latin1 strings (one char per octet), by file name. */
export function readMailbox(maildir: string, mailbox: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(maildir, mailbox)).filter((n) => n.endsWith('.eml'));
  } catch {
    return [];
  }
  return names.sort().map((n) => readFileSync(join(maildir, mailbox, n)).toString('latin1'));
}

/** Every file under `dir`, relative paths, sorted; none when `dir` does not exist. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}
