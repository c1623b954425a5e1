// The presets' names in the current language. A preset without a name in the catalogue shows the
// title its JSON gives (scenario text, like a message body, is data and is not translated).
import { t, type MessageKey } from '../../i18n/index.svelte';
import { en } from '../../i18n/en';

export function presetTitle(id: string, fallback: string): string {
  const key = `sim.preset.${id}`;
  return key in en ? t(key as MessageKey) : fallback;
}
