// German strings for statechart, queue/DNS/mailbox inspectors, event log, accounting, explanations; typed against the English ones.
import type { inspectEn } from './inspect.en';

export const inspectDe: Record<keyof typeof inspectEn, string> = {
  'inspect.placeholder': '',
};
