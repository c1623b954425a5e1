// Every text the core writes for people, in English, by key. The page's catalogue has the same
// keys under `core.` in each language (src/i18n/areas/core.en.ts is built from this one).
import { CHECK_TEXT } from './checks';
import { JSON_TEXT } from './json';
import { MARKER_TEXT } from './markers';
import { SCENARIO_TEXT } from './scenario';
import { SYNTAX_TEXT } from './syntax';

export const CORE_EN = {
  ...SCENARIO_TEXT,
  ...JSON_TEXT,
  ...SYNTAX_TEXT,
  ...CHECK_TEXT,
  ...MARKER_TEXT,
} as const satisfies Record<string, string>;

export type CoreTextKey = keyof typeof CORE_EN;
