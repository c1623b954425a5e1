// The core's texts on the page: every key has English (the core's own) and German, and real
// problems, parser details, check results and markers come out in either language.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCommand } from '../../src/core/protocol/commands';
import { validateScenario } from '../../src/core/scenario/validate';
import { CORE_EN, type CoreTextKey } from '../../src/core/text/english';
import { coreText, english, type CoreText } from '../../src/core/text/message';
import { Timeline } from '../../src/core/trace/timeline';
import { outcomeFromSummary } from '../../src/core/world/expect';
import { simulate } from '../../src/core/world/simulate';
import { coreMessage, scenarioErrorText } from '../../src/i18n/coreText';
import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';

const keys = Object.keys(CORE_EN) as CoreTextKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const SCENARIOS = join(import.meta.dirname, '../scenarios');
const scenarioFiles = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));

describe('the catalogue', () => {
  test('every core key has its English text (the core’s own) and a German one', () => {
    for (const key of keys) {
      expect(en[`core.${key}`], key).toBe(CORE_EN[key]);
      expect(de[`core.${key}`]?.trim(), key).toBeTruthy();
      expect(placeholders(de[`core.${key}`]), key).toEqual(placeholders(CORE_EN[key]));
    }
    const coreKeys = Object.keys(en).filter((k) => k.startsWith('core.'));
    expect(coreKeys.sort()).toEqual(keys.map((k) => `core.${k}`).sort());
  });

  test('German is German: most texts differ from the English', () => {
    const same = keys.filter((k) => de[`core.${k}`] === CORE_EN[k]);
    // Only texts made of values and symbols read the same.
    expect(same.sort()).toEqual(
      [
        'json.engine',
        'json.wanted.colon',
        'marker.delivery',
        'marker.note',
        'marker.session',
      ].sort(),
    );
  });
});

describe('formatting in each language', () => {
  test('in English, exactly what the core says', () => {
    const samples: CoreText[] = [
      coreText('scenario.problem.wrongType', {
        expected: coreText('scenario.expected.hosts'),
        got: coreText('scenario.got.items', { count: 3 }),
      }),
      coreText('json.at', { line: 2, column: 3, problem: coreText('json.unterminated') }),
      coreText('marker.session', {
        from: 'a',
        to: 'b',
        port: 25,
        result: coreText('marker.result.refused'),
      }),
    ];
    for (const sample of samples) expect(coreMessage(sample, 'en')).toBe(english(sample));
  });

  test('a validation problem in German, path first', () => {
    const result = validateScenario({
      title: 'x',
      hosts: [{ name: 'a', ip: '10.0.0.300', role: 'mta' }],
      events: [{ at: '1s', do: 'linkDown', between: ['a'] }],
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.errors.map((e) => scenarioErrorText(e, 'de'))).toEqual([
      {
        text: 'hosts[0].ip: "10.0.0.300" ist ungültig, erwartet wird eine IPv4-Adresse',
        lang: 'de',
      },
      {
        text: 'events[0].between: erwartet wird eine Liste von zwei Hosts, gefunden: 1 Einträge',
        lang: 'de',
      },
    ]);
  });

  test('a problem given only as plain English stays English, and says so', () => {
    const error = { path: 'x', message: 'x: something new' };
    expect(scenarioErrorText(error, 'de')).toEqual({ text: 'x: something new', lang: 'en' });
  });

  test('a parser detail in German', () => {
    const result = parseCommand('RCPT TO:<a@b.example> NOTIFY=sometimes');
    if (result.ok || !result.error.reason) throw new Error('expected a reason');
    expect(coreMessage(result.error.reason, 'de')).toBe(
      'NOTIFY muss NEVER sein oder eine Liste aus SUCCESS,FAILURE,DELAY',
    );
  });
});

describe('every scenario of the test suite', () => {
  test.each(scenarioFiles)('%s: checks told again, markers in both languages', (file) => {
    const result = validateScenario(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const run = simulate(result.scenario);
    for (const check of run.summary.expect) {
      // The page evaluates each check again; it must find exactly what the summary says.
      const again = outcomeFromSummary(check, run.summary, run.trace);
      expect(again, check.detail).toBeDefined();
      if (!again) continue;
      expect(coreMessage(again.reason, 'en')).toBe(check.detail);
      expect(coreMessage(again.reason, 'de')).not.toMatch(/\{\w+\}/);
    }
    for (const marker of new Timeline(run.trace).markers) {
      expect(coreMessage(marker.text, 'en')).toBe(english(marker.text));
      expect(coreMessage(marker.text, 'de')).not.toMatch(/\{\w+\}/);
    }
  });

  test.each(scenarioFiles)('%s: every problem of broken copies in both languages', (file) => {
    const doc = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as Record<string, unknown>;
    const broken = [
      { ...doc, hosts: 'x' },
      { ...doc, events: [{ at: 'soon', do: 'send', host: 'nobody', to: [] }, 42] },
      { ...doc, dns: [{ name: '-', type: 'MX', value: '..', preference: -1 }, {}] },
      { ...doc, expect: [{ session: 0 }, { delivered: 'x' }, {}] },
    ];
    for (const value of broken) {
      const result = validateScenario(value);
      if (result.ok) throw new Error('expected problems');
      for (const error of result.errors) {
        expect(error.problem, error.message).toBeDefined();
        expect(scenarioErrorText(error, 'en').text).toBe(error.message);
        expect(scenarioErrorText(error, 'de').text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
