// DNS over the virtual network: each query is a round trip to the scenario's DNS host (or to an
// implicit resolver one latency away), traced as a `dns` event when its answer arrives. The zone
// is read when the resolution starts; a DNS host that cannot be reached makes the query time out.
import { selectNextHops, type NextHopResult } from '../dns/mx';
import type { DnsQuery, LookupResult } from '../dns/records';
import type { ZoneStore } from '../dns/zone';
import type { Network } from '../net/network';
import type { Rng } from '../net/rng';
import type { Scheduler } from '../net/scheduler';
import type { Tracer } from './tracer';

/** How long a resolver waits for an answer before giving up (one try, as a simple stub resolver). */
export const DNS_TIMEOUT_MS = 5_000;

export interface ResolverDeps {
  scheduler: Scheduler;
  network: Network;
  zones: ZoneStore;
  rng: Rng;
  tracer: Tracer;
  /** The scenario's DNS host; undefined: an implicit resolver that is always reachable. */
  dnsHost: string | undefined;
}

export class Resolver {
  readonly #deps: ResolverDeps;

  constructor(deps: ResolverDeps) {
    this.#deps = deps;
  }

  /** RFC 5321 §5.1 next hops for a domain, after the queries' round trips. */
  nextHops(
    from: string,
    domain: string,
    self: { names: string[]; ips: string[] },
    done: (result: NextHopResult) => void,
  ): void {
    const { zones, rng } = this.#deps;
    const result = selectNextHops(domain, (name, type) => zones.lookup(name, type), {
      shuffle: (items) => rng.shuffle(items),
      selfNames: self.names,
      selfIps: self.ips,
    });
    this.#replay(
      from,
      result.queries,
      () => done(result),
      (timedOut) =>
        done({
          kind: 'temporary',
          reason: 'timeout',
          status: '4.4.3',
          message: `Host or domain name not found. Name service error for name=${timedOut.name} type=${timedOut.type}: Host not found, try again`,
          queries: result.queries,
        }),
    );
  }

  /** The first A record of a name, or why there is none. */
  address(
    from: string,
    name: string,
    done: (ip: string | undefined, error?: string) => void,
  ): void {
    const result = this.#deps.zones.lookup(name, 'A');
    const query: DnsQuery = { name, type: 'A', result };
    this.#replay(
      from,
      [query],
      () =>
        done(
          result.kind === 'answer' ? result.records[0]?.value : undefined,
          result.kind === 'answer' ? undefined : result.kind,
        ),
      () => done(undefined, 'timeout'),
    );
  }

  /** Queries go one after the other, each one round trip; the first unanswered one times out. */
  #replay(
    from: string,
    queries: DnsQuery[],
    answered: () => void,
    timedOut: (query: DnsQuery) => void,
  ): void {
    const { network, tracer, dnsHost, scheduler } = this.#deps;
    const step = (i: number) => {
      const query = queries[i];
      if (!query) {
        answered();
        return;
      }
      const trace = (result: LookupResult) =>
        tracer.record({
          type: 'dns',
          host: from,
          query: { name: query.name, type: query.type },
          ...(result.kind === 'answer' ? { answer: result.records } : { error: result.kind }),
        });
      const onAnswer = () => {
        trace(query.result);
        step(i + 1);
      };
      const onTimeout = () => {
        tracer.record({
          type: 'dns',
          host: from,
          query: { name: query.name, type: query.type },
          error: 'timeout',
        });
        timedOut(query);
      };
      if (query.result.kind === 'timeout') {
        scheduler.after(DNS_TIMEOUT_MS, onTimeout);
      } else if (dnsHost === undefined || dnsHost === from) {
        scheduler.after(2 * network.latency, onAnswer);
      } else {
        network.exchange(from, dnsHost, DNS_TIMEOUT_MS, onAnswer, onTimeout);
      }
    };
    step(0);
  }
}
