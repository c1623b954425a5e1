export { smtpClientMachine } from './machine';
export { ClientSession, type ClientSessionOptions, type ClientSessionOutput } from './session';
export { RFC_TIMEOUTS } from './types';
export type * from './types';
