import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { scenarioToJson } from '../../../src/core/scenario/serialize';
import { parseScenarioText, validateScenario } from '../../../src/core/scenario/validate';

const files = [
  ...readdirSync('../shared/scenarios').map((f) => `../shared/scenarios/${f}`),
  ...readdirSync('test/scenarios').map((f) => `test/scenarios/${f}`),
].filter((f) => f.endsWith('.json'));

test.each(files)('%s survives export and import unchanged', (file) => {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const again = validateScenario(JSON.parse(JSON.stringify(scenarioToJson(parsed.scenario))));
  if (!again.ok) throw new Error(again.errors.map((e) => e.message).join('\n'));
  expect(again.scenario).toEqual(parsed.scenario);
});
