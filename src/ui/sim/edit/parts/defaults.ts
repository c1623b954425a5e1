// Sensible first choices for the fault forms, read from the script: the servers that receive
// its mail (the MX targets of its recipients' domains, most preferred first), and the host that
// sends it.
import type { Scenario } from '../../../../core/scenario/types';

/** Mail servers: MX targets of the script's recipients first, then other MX targets, then the rest. */
export function likelyServers(scenario: Scenario | undefined): string[] {
  if (!scenario) return [];
  const mtas = scenario.hosts.filter((h) => h.role === 'mta').map((h) => h.name);
  const domains = new Set(
    scenario.events.flatMap((e) =>
      e.do === 'send' ? e.to.map((a) => a.slice(a.lastIndexOf('@') + 1)) : [],
    ),
  );
  const mx = scenario.dns
    .flatMap((r) => (r.type === 'MX' ? [r] : []))
    .sort(
      (a, b) =>
        Number(domains.has(b.name)) - Number(domains.has(a.name)) || a.preference - b.preference,
    )
    .map((r) => r.value);
  return [...new Set([...mx, ...mtas])].filter((name) => mtas.includes(name));
}

/** The host the script's first message leaves from: its submission server, or the sender. */
export function likelySender(scenario: Scenario | undefined): string | undefined {
  const send = scenario?.events.find((e) => e.do === 'send');
  return send?.do === 'send' ? (send.via ?? send.host) : undefined;
}

/** The domain of the script's first recipient. */
export function likelyDomain(scenario: Scenario | undefined): string | undefined {
  const send = scenario?.events.find((e) => e.do === 'send');
  const to = send?.do === 'send' ? send.to[0] : undefined;
  return to?.slice(to.lastIndexOf('@') + 1);
}
