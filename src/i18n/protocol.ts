// The texts of the protocol catalogue in the current language. The catalogue in src/core is
// English; German comes from PROTOCOL_DE, keyed by the English text. What is not translated is
// returned in English with `lang: 'en'`, so that the page can mark it for screen readers.
import { i18n, type Locale } from './index.svelte';
import { PROTOCOL_DE } from './protocol.de';

export interface LocalText {
  text: string;
  /** The language the text is actually in. */
  lang: Locale;
}

const TRANSLATIONS: Record<Locale, Readonly<Record<string, string>> | undefined> = {
  en: undefined,
  de: PROTOCOL_DE,
};

/** A catalogue text (meaning, class name) in `locale`, the current one by default. */
export function protocolText(english: string, locale: Locale = i18n.locale): LocalText {
  const table = TRANSLATIONS[locale];
  if (!table) return { text: english, lang: 'en' };
  const whole = table[english];
  if (whole !== undefined) return { text: whole, lang: locale };
  // Composed texts such as "Permanent failure: Mailbox status" (RFC 3463 class and subject).
  const colon = english.indexOf(': ');
  if (colon > 0) {
    const head = table[english.slice(0, colon)];
    const tail = table[english.slice(colon + 2)];
    if (head !== undefined && tail !== undefined) return { text: `${head}: ${tail}`, lang: locale };
  }
  return { text: english, lang: 'en' };
}
