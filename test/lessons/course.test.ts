// The course the project promises: ten lessons in this order, each with two exercises or more,
// and the teacher's page.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/node/cli';
import { lessonFolders, loadLessonFolder } from '../../src/node/lessons';

const ROOT = fileURLToPath(new URL('../../lessons', import.meta.url));

const COURSE = [
  '01-sample-session',
  '02-talk-to-a-server',
  '03-ehlo-extensions',
  '04-reply-codes',
  '05-finding-the-server',
  '06-relaying',
  '07-queues-and-retries',
  '08-backup-mx-etrn',
  '09-pipelining-latency',
  '10-when-things-go-wrong',
];

describe('the course', () => {
  const lessons = lessonFolders(ROOT).map((dir) => {
    const parsed = loadLessonFolder(dir);
    if (!parsed.ok) throw new Error(`${dir}: ${parsed.errors.map((e) => e.message).join('; ')}`);
    return parsed.lesson;
  });

  it('starts with the ten lessons, in order', () => {
    expect(lessons.slice(0, COURSE.length).map((l) => l.folder)).toEqual(COURSE);
  });

  it('gives every lesson two exercises or more, and the course every kind', () => {
    for (const lesson of lessons)
      expect(lesson.exercises.length, lesson.folder).toBeGreaterThanOrEqual(2);
    const kinds = new Set(lessons.flatMap((l) => l.exercises.map((e) => e.kind)));
    expect(kinds).toEqual(new Set(['predict', 'quiz', 'task']));
  });

  it('runs every lesson scenario green through `smtp-sim run`', async () => {
    for (const lesson of lessons) {
      const out: string[] = [];
      const file = `${ROOT}/${lesson.folder}/scenario.json`;
      const code = await main(['run', file, '--quiet'], {
        out: (line) => out.push(line),
        err: (line) => out.push(line),
      });
      const last = out.join('\n').trimEnd().split('\n').at(-1);
      expect({ file: lesson.folder, code, last }).toMatchObject({
        code: 0,
        last: expect.stringMatching(/^OK/),
      });
    }
  });

  it('has a teacher’s page', () => {
    expect(existsSync(`${ROOT}/teachers.md`)).toBe(true);
  });
});
