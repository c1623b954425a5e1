// The texts the core writes as data (src/core/text: validation problems, parser details, check
// results, timeline markers) in the page's language, through the `core.` keys of the catalogue.
// Reactive like t(): a template or `$derived` that calls these follows the language switch.
import type { ScenarioError } from '../core/scenario/types';
import { fillTemplate, type CoreText } from '../core/text/message';
import { i18n, translate, type Locale } from './index.svelte';
import type { LocalText } from './protocol';

/** A core text in `locale` (the current one by default); texts inside it are translated too. */
export function coreMessage(text: CoreText, locale: Locale = i18n.locale): string {
  return fillTemplate(translate(locale, `core.${text.key}`), text.values, (inner) =>
    coreMessage(inner, locale),
  );
}

/**
 * A validation problem as a whole sentence, path first (`hosts[2].ip: …`). A problem reported as
 * plain English (no structured text) stays English and says so in `lang`.
 */
export function scenarioErrorText(error: ScenarioError, locale: Locale = i18n.locale): LocalText {
  if (error.problem === undefined) return { text: error.message, lang: 'en' };
  const problem = coreMessage(error.problem, locale);
  return { text: error.path === '' ? problem : `${error.path}: ${problem}`, lang: locale };
}

/** The `lang` attribute for a text in `lang` on the current page: only when it differs. */
export function langIfOther(lang: Locale): Locale | undefined {
  return lang === i18n.locale ? undefined : lang;
}
