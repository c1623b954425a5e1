import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../src/core/lesson/library';
import { fixtureFiles } from './fixture';

function asLibrary(folders: string[]): Record<string, string> {
  const files = fixtureFiles();
  return Object.fromEntries(
    folders.flatMap((folder) =>
      Object.entries(files).map(([name, text]) => [`${folder}/${name}`, text]),
    ),
  );
}

describe('parseLibrary', () => {
  it('parses every folder and sorts the lessons by number', () => {
    const { lessons, errors } = parseLibrary(asLibrary(['10-ten', '02-two', '01-one']));
    expect(errors).toEqual([]);
    expect(lessons.map((l) => [l.order, l.slug])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [10, 'ten'],
    ]);
  });

  it('keeps the good lessons and reports the broken ones', () => {
    const files = asLibrary(['01-one', '02-two']);
    files['02-two/lesson.md'] = 'no front matter';
    const { lessons, errors } = parseLibrary(files);
    expect(lessons.map((l) => l.folder)).toEqual(['01-one']);
    expect(errors.map((e) => e.file)).toContain('02-two/lesson.md');
  });

  it('reports two lessons with the same number or slug', () => {
    const { lessons, errors } = parseLibrary(asLibrary(['01-one', '01-first', '02-one']));
    expect(lessons).toHaveLength(3);
    expect(errors).toEqual([
      { file: '01-one', where: 'folder name', message: '01-first has the same number' },
      { file: '02-one', where: 'folder name', message: '01-one has the same slug' },
    ]);
  });
});
