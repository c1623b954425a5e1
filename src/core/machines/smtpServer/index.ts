export { smtpServerMachine } from './machine';
export { ServerSession, type ServerSessionOptions, type ServerSessionOutput } from './session';
export {
  defaultPolicy,
  KNOWN_EXTENSIONS,
  offers,
  type Extension,
  type ServerPolicy,
} from './policy';
export { REPLIES, buildReply, type ReplyName } from './replies';
export type * from './types';
