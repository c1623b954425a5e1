// The scenario the editing tests work on: the backup MX preset, read as a fresh JSON value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PRESETS = join(import.meta.dirname, '../../../src/app/simulator/presets');

export function presetJson(id = 'backup-mx-etrn'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PRESETS, `${id}.json`), 'utf8')) as Record<string, unknown>;
}
