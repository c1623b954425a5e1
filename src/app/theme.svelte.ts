// Light and dark themes. `system` follows prefers-color-scheme (pure CSS); `light` and `dark`
// set data-theme on <html>, which app.css reads. The choice is stored when storage allows.
import { readSetting, writeSetting } from '../ui/storage';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'smtp-sim.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

function apply(choice: ThemeChoice): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

class Theme {
  #choice = $state<ThemeChoice>('system');

  constructor() {
    const stored = readSetting(STORAGE_KEY);
    this.#choice = isThemeChoice(stored) ? stored : 'system';
    apply(this.#choice);
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set choice(value: ThemeChoice) {
    this.#choice = value;
    writeSetting(STORAGE_KEY, value);
    apply(value);
  }
}

export const theme = new Theme();
