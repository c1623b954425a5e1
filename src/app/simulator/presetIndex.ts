// The presets' ids and titles only, for pages that list them (the home page) without bundling
// the scenarios themselves; the sandbox loads them from presets.ts.
const titles = import.meta.glob<string>('./presets/*.json', { eager: true, import: 'title' });

export interface PresetEntry {
  id: string;
  title: string;
}

/** The presets in the order the sandbox's picker shows them (by id). */
export const PRESET_INDEX: PresetEntry[] = Object.entries(titles)
  .map(([path, title]) => ({ id: path.replace(/^.*\/(.*)\.json$/, '$1'), title }))
  .sort((a, b) => a.id.localeCompare(b.id));

/** The scenario the sandbox opens when the address names none. */
export const DEFAULT_PRESET = 'backup-mx-etrn';
