// Postfix-like queue ids: uppercase hex, 12 digits, increasing. Seeded from the wall clock (1/16
// ms steps) so a restarted server writing to the same maildir never reuses an id.
export function queueIdGenerator(now: () => number = Date.now): () => string {
  let last = 0;
  return () => {
    last = Math.max(last + 1, Math.floor(now()) * 16);
    return last.toString(16).toUpperCase().padStart(12, '0').slice(-12);
  };
}
