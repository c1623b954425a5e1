// Text the core writes for people, kept as data: a key into the catalogue plus the values to fill
// in. The core's catalogue is English (the CLI prints it, tests compare it); the page formats the
// same keys in its own language (src/i18n/areas/core.*). A value can itself be a text, so that a
// phrase such as "an IPv4 address" is translated where it is quoted.
import { CORE_EN, type CoreTextKey } from './english';

export type { CoreTextKey } from './english';

export type TextValue = string | number | CoreText;

export interface CoreText {
  readonly key: CoreTextKey;
  readonly values?: Readonly<Record<string, TextValue>>;
}

export function coreText(key: CoreTextKey, values?: Record<string, TextValue>): CoreText {
  return values === undefined ? { key } : { key, values };
}

/** Fills `{name}` placeholders of `template`; nested texts are formatted by `inner`. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, TextValue>> | undefined,
  inner: (text: CoreText) => string,
): string {
  if (values === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? inner(value) : String(value);
  });
}

/** The text in English, as the CLI prints it. */
export function english(text: CoreText): string {
  return fillTemplate(CORE_EN[text.key], text.values, english);
}
