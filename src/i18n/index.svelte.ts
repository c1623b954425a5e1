// Strings in one place. `t(key, vars)` reads the current locale, which is reactive: a template
// or `$derived` that calls `t` updates when the locale changes.
import { readSetting, writeSetting } from '../ui/storage';
import { de } from './de';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';
export type Locale = 'en' | 'de';
export type Vars = Record<string, string | number>;

/** The languages offered, each named in itself (for the language switch). */
export const LOCALES: ReadonlyArray<{ code: Locale; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
];

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, de };
const STORAGE_KEY = 'smtp-sim.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'de';
}

/** The stored choice, else the browser's first language we have, else English. */
export function initialLocale(
  stored: string | null,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  if (isLocale(stored)) return stored;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

class I18n {
  #locale = $state<Locale>(initialLocale(readSetting(STORAGE_KEY)));

  get locale(): Locale {
    return this.#locale;
  }

  set locale(value: Locale) {
    this.#locale = value;
    writeSetting(STORAGE_KEY, value);
    syncDocumentLanguage(value);
  }
}

function syncDocumentLanguage(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export const i18n = new I18n();
syncDocumentLanguage(i18n.locale);

/** The text for `key` in the current locale (reactive), with `{name}` placeholders filled. */
export function t(key: MessageKey, vars?: Vars): string {
  return format(MESSAGES[i18n.locale][key], vars);
}

/** The text for `key` in a given locale (not reactive): for tests and exports. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return format(MESSAGES[locale][key], vars);
}
