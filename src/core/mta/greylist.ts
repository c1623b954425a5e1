// Greylisting (RFC 6647): an unknown (client IP, sender, recipient) triplet is deferred; the
// same triplet is let through once `delay` has passed since it was first seen.
export class Greylist {
  readonly #firstSeen = new Map<string, number>();
  readonly #delay: number;

  constructor(delay: number) {
    this.#delay = delay;
  }

  check(triplet: { ip: string; sender: string; recipient: string }, now: number): 'pass' | 'defer' {
    const key = `${triplet.ip}|${triplet.sender.toLowerCase()}|${triplet.recipient.toLowerCase()}`;
    const first = this.#firstSeen.get(key);
    if (first === undefined) {
      this.#firstSeen.set(key, now);
      return 'defer';
    }
    return now - first >= this.#delay ? 'pass' : 'defer';
  }
}
