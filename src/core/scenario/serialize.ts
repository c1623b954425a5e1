// From a validated scenario back to the JSON a teacher writes: for export, share links and the
// sandbox editor. validateScenario(scenarioToJson(s)) gives s back.
import { formatDuration } from '../net/duration';
import { formatCidr } from '../net/ip';
import type { Scenario } from './types';

/** Back from the normalised scenario to JSON a teacher could have written. */
export function scenarioToJson(scenario: Scenario): unknown {
  const ms = formatDuration;
  return {
    title: scenario.title,
    ...(scenario.description ? { description: scenario.description } : {}),
    seed: scenario.seed,
    latency: ms(scenario.latency),
    ...(scenario.until !== undefined ? { until: ms(scenario.until) } : {}),
    hosts: scenario.hosts.map((h) => ({
      name: h.name,
      ip: h.ip,
      role: h.role,
      domains: h.domains,
      mailboxes: h.mailboxes,
      relayFrom: h.relayFrom.map(formatCidr),
      backupFor: h.backupFor,
      etrn: h.etrn,
      retry: {
        first: ms(h.retry.first),
        max: ms(h.retry.max),
        giveUp: ms(h.retry.giveUp),
        ...(h.retry.warnAfter !== undefined ? { warnAfter: ms(h.retry.warnAfter) } : {}),
      },
      banner: h.banner,
      size: h.size,
      extensions: h.extensions,
      ...(h.greylisting ? { greylisting: { delay: ms(h.greylisting.delay) } } : {}),
      users: h.users,
      ports: h.ports,
    })),
    dns: scenario.dns,
    events: scenario.events.map(({ at, ...rest }) => {
      const event: Record<string, unknown> = { at: ms(at), ...rest };
      if (rest.do === 'dns' && rest.action === 'fail')
        return { at: ms(at), do: 'dns', name: rest.name, fail: rest.fail };
      if (rest.do === 'dns' && rest.action === 'restore')
        return { at: ms(at), do: 'dns', restore: rest.name };
      if (rest.do === 'fault') {
        const r = rest.reply;
        event.reply =
          r === 'drop'
            ? 'drop'
            : [r.code, r.enhanced, r.lines.join(' ')].filter((x) => x !== undefined).join(' ');
      }
      return event;
    }),
    expect: scenario.expect.map((c) => {
      switch (c.check) {
        case 'delivered':
          return {
            delivered: c.mailbox,
            ...(c.subject ? { subject: c.subject } : {}),
            ...(c.subjectContains ? { subjectContains: c.subjectContains } : {}),
          };
        case 'deliveredBefore':
          return { deliveredBefore: ms(c.before), mailbox: c.mailbox };
        case 'queueEmpty':
          return { queueEmpty: c.host };
        case 'session':
          return {
            session: c.session,
            ...(c.codes ? { codes: c.codes } : {}),
            ...(c.replyLines ? { replyLines: c.replyLines } : {}),
          };
      }
    }),
  };
}
