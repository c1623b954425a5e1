// Scenarios offered in the simulator's "open a scenario" list: the shared ones and a few more.
const files = import.meta.glob('./presets/*.json', { eager: true, import: 'default' });

export interface Preset {
  id: string;
  json: unknown;
  title: string;
}

export const PRESETS: Preset[] = Object.entries(files)
  .map(([path, json]) => ({
    id: path.replace(/^.*\/(.*)\.json$/, '$1'),
    json,
    title: (json as { title?: string }).title ?? path,
  }))
  .sort((a, b) => a.id.localeCompare(b.id));
