import { describe, expect, it } from 'vitest';
import { delaySubject } from '../../../src/core/mta/bounce';

describe('the delay notice subject', () => {
  it('names the configured warning time, as Sendmail does, in its largest exact unit', () => {
    expect(delaySubject(4 * 3_600_000)).toBe('Warning: could not send message for past 4 hours');
    expect(delaySubject(3_600_000)).toBe('Warning: could not send message for past 1 hour');
    expect(delaySubject(86_400_000)).toBe('Warning: could not send message for past 1 day');
    expect(delaySubject(30 * 60_000)).toBe('Warning: could not send message for past 30 minutes');
    expect(delaySubject(90 * 60_000)).toBe('Warning: could not send message for past 90 minutes');
  });
});
