// Reads a scenario file for a command: the validated scenario, or one line per problem
// (`FILE: hosts[2].ip: "10.0.0.300" is not an IPv4 address`).
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../core/scenario/validate';
import type { Scenario } from '../core/scenario/types';

export type ScenarioFile = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

export function readScenarioFile(file: string): ScenarioFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${file}: cannot read: ${(error as Error).message}`] };
  }
  const result = parseScenarioText(text);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.errors.map((e) => `${file}: ${e.message}`),
  };
}
