// What the scenario's `expect` checks found (src/core/world/expect.ts), in English.
export const CHECK_TEXT = {
  'check.hasIt': '{mailbox} has it',
  'check.received': '{mailbox} received {seen}',
  'check.nothing': 'nothing',
  'check.firstDelivery': 'first delivery at {time}',
  'check.neverDelivered': 'never delivered',
  'check.limit': '{when}, limit {limit}',
  'check.queue': '{host} has {count} message(s) in its queue',
  'check.noConnection': 'there is no connection number {n}',
  'check.codesWere': 'codes were {codes}',
  'check.lineMissing': 'reply line not found in order: {line}',
  'check.codes': 'codes {codes}',
} as const;
