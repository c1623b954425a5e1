// The trace: one append-only list of events that every view, lesson step and CLI output reads.
// The field names are the public contract of ../shared/spec/scenario-and-trace.md.
import type { DnsRecord } from '../dns/records';

export type ConnectResult = 'open' | 'refused' | 'timeout';

export type QueueAction =
  'enqueue' | 'attempt' | 'defer' | 'deliver' | 'bounce' | 'warn' | 'expire';

export type TraceEvent =
  | {
      t: number;
      type: 'connect';
      conn: number;
      from: string;
      to: string;
      port: number;
      result: ConnectResult;
    }
  | {
      t: number;
      type: 'line';
      conn: number;
      from: string;
      to: string;
      dir: 'C' | 'S';
      text: string;
      /** Sent into a broken connection: it never arrives. */
      lost?: boolean;
    }
  | { t: number; type: 'close'; conn: number; by: string; reason: string }
  | { t: number; type: 'state'; actor: string; value: unknown }
  | {
      t: number;
      type: 'dns';
      host: string;
      query: { name: string; type: string };
      answer?: DnsRecord[];
      error?: string;
    }
  | {
      t: number;
      type: 'queue';
      host: string;
      id: string;
      action: QueueAction;
      rcpt?: string[];
      reason?: string;
      next?: number;
    }
  | {
      t: number;
      type: 'deliver';
      host: string;
      mailbox: string;
      id: string;
      messageId: string;
      subject: string;
    }
  | { t: number; type: 'host'; host: string; up: boolean }
  | { t: number; type: 'link'; between: [string, string]; up: boolean }
  | { t: number; type: 'note'; text: string };

export type TraceEventType = TraceEvent['type'];

export interface StoredMessage {
  messageId: string;
  subject: string;
  headers: Array<[string, string]>;
  body: string;
  /** The whole message as stored, Return-Path and Received included. */
  raw: string;
}

export interface Accounting {
  accepted: number;
  delivered: number;
  bounced: number;
  queued: number;
  duplicated: number;
  lost: number;
}

export interface CheckResult {
  check: unknown;
  ok: boolean;
  detail: string;
}

export interface Summary {
  type: 'summary';
  mailboxes: Record<
    string,
    Array<{ messageId: string; subject: string; headers: Array<[string, string]>; body: string }>
  >;
  queues: Record<string, unknown[]>;
  accounting: Accounting;
  expect: CheckResult[];
}
