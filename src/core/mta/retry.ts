// When to try again (Postfix qmgr: the time the message has spent in the queue, kept between
// minimal_backoff_time and maximal_backoff_time; RFC 5321 §4.5.4.1).
import type { RetryPolicy } from '../scenario/types';

export function retryDelay(policy: RetryPolicy, timeInQueue: number): number {
  return Math.min(policy.max, Math.max(policy.first, timeInQueue));
}

/** The whole schedule of attempts for a message that never gets through, for lessons and tests. */
export function retrySchedule(policy: RetryPolicy, firstAttemptAt = 0): number[] {
  const times = [firstAttemptAt];
  let t = firstAttemptAt;
  while (t < policy.giveUp) {
    t += retryDelay(policy, t);
    times.push(t);
  }
  return times;
}
