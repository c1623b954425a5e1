// What a scenario's expect check asks, and what it found, in words of the current language.
import { formatDuration } from '../../../core/net/duration';
import type { CheckResult, Summary, TraceEvent } from '../../../core/trace/types';
import { outcomeFromSummary } from '../../../core/world/expect';
import { coreMessage } from '../../../i18n/coreText';
import { i18n, t } from '../../../i18n/index.svelte';
import type { LocalText } from '../../../i18n/protocol';

/**
 * What a check found (`bob@b.example has it`) in the current language: the check is evaluated
 * again from the run's summary and trace; should that not give the summary's result exactly,
 * the summary's English detail is shown as it is.
 */
export function checkDetail(
  result: CheckResult,
  summary: Summary,
  trace: readonly TraceEvent[],
): LocalText {
  const outcome = outcomeFromSummary(result, summary, trace);
  return outcome
    ? { text: coreMessage(outcome.reason), lang: i18n.locale }
    : { text: result.detail, lang: 'en' };
}

export function checkText(check: unknown): string {
  if (typeof check !== 'object' || check === null) return JSON.stringify(check);
  const c = check as Record<string, unknown>;
  const str = (key: string) => (typeof c[key] === 'string' ? (c[key] as string) : '');
  switch (c.check) {
    case 'delivered':
      if (typeof c.subject === 'string')
        return t('inspect.check.deliveredSubject', { mailbox: str('mailbox'), subject: c.subject });
      if (typeof c.subjectContains === 'string')
        return t('inspect.check.deliveredContains', {
          mailbox: str('mailbox'),
          text: c.subjectContains,
        });
      return t('inspect.check.delivered', { mailbox: str('mailbox') });
    case 'deliveredBefore':
      return t('inspect.check.deliveredBefore', {
        mailbox: str('mailbox'),
        time: typeof c.before === 'number' ? formatDuration(c.before) : String(c.before),
      });
    case 'queueEmpty':
      return t('inspect.check.queueEmpty', { host: str('host') });
    case 'session': {
      const parts: string[] = [];
      if (Array.isArray(c.codes))
        parts.push(t('inspect.check.codes', { codes: c.codes.join(' ') }));
      if (Array.isArray(c.replyLines))
        parts.push(t('inspect.check.replyLines', { count: c.replyLines.length }));
      return t('inspect.check.session', { n: String(c.session), what: parts.join(', ') });
    }
    default:
      return JSON.stringify(check);
  }
}
