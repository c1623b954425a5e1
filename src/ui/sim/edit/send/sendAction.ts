// The send form's fields as a `send` event, the way a teacher would write it.
import { parse } from '../form/convert';

export interface SendFields {
  host: string;
  /** The submission server; '' to deliver by MX from the host itself. */
  via: string;
  port: string;
  user: string;
  password: string;
  from: string;
  /** Recipients, separated by commas or line ends. */
  to: string;
  subject: string;
  body: string;
}

/** The keys of the event that the form shows, for placing errors. */
export const SEND_KEYS = [
  'host',
  'via',
  'port',
  'auth',
  'auth.user',
  'auth.password',
  'from',
  'to',
  'subject',
  'body',
] as const;

export function sendJson(f: SendFields): Record<string, unknown> {
  const port = f.via === '' ? undefined : parse('number', f.port);
  return {
    do: 'send',
    host: f.host,
    ...(f.via === '' ? {} : { via: f.via }),
    ...(port === undefined || port === 25 ? {} : { port }),
    ...(f.user === '' ? {} : { auth: { user: f.user, password: f.password } }),
    from: f.from.trim(),
    to: parse('list', f.to) ?? [],
    ...(f.subject === '' ? {} : { subject: f.subject }),
    ...(f.body === '' ? {} : { body: f.body }),
  };
}
