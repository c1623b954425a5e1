// English strings for statechart, queue/DNS/mailbox inspectors, event log, accounting, explanations.
export const inspectEn = {
  'inspect.placeholder': '',
} as const satisfies Record<string, string>;
