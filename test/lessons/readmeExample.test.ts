// The complete example lesson in lessons/README.md must be a lesson that passes every check: a
// teacher who copies it into a folder gets a working lesson.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/core/lesson/check';
import { parseLesson } from '../../src/core/lesson/parse';

const README = readFileSync(new URL('../../lessons/README.md', import.meta.url), 'utf8');

/** The body of the fenced block whose info string is `info` (fences of 3 or more backticks). */
function block(info: string): string {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => /^`{3,}/.test(l) && l.replace(/^`+/, '').trim() === info);
  if (start < 0) throw new Error(`no block ${info} in lessons/README.md`);
  const fence = /^`+/.exec(lines[start]!)![0];
  const end = lines.findIndex((l, i) => i > start && l.trim() === fence);
  return lines.slice(start + 1, end).join('\n') + '\n';
}

describe('the example lesson in lessons/README.md', () => {
  const files = {
    'lesson.md': block('markdown lesson'),
    'scenario.json': block('json scenario'),
    'exercises.json': block('json exercises'),
  };

  it('parses and passes every lesson check', () => {
    const parsed = parseLesson('11-unknown-user', files);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    expect(checkLesson(parsed.lesson)).toEqual([]);
    expect(parsed.lesson.steps.length).toBeGreaterThan(2);
    expect(new Set(parsed.lesson.exercises.map((e) => e.kind))).toEqual(
      new Set(['predict', 'quiz', 'task']),
    );
  });

  it('is caught when broken: a step that finds nothing is named', () => {
    const broken = {
      ...files,
      'lesson.md': files['lesson.md'].replace(/at: .*/, 'at: { note: "no such note" }'),
    };
    const parsed = parseLesson('11-unknown-user', broken);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(
      checkLesson(parsed.lesson)
        .map((e) => e.where)
        .join('\n'),
    ).toMatch(/step 1/);
  });
});
