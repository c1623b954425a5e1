// The tests every lesson folder must pass: it parses; its scenario's checks hold with no mail lost;
// every step finds its event; its prose quotes only lines of the simulation; every prediction's
// right code passes and the others fail; every quiz's correct choice passes and the others fail;
// every task's solution passes and its unchanged start fails.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applySolution,
  checkPredict,
  checkQuiz,
  checkTask,
  predictAnswer,
  runTask,
  taskStart,
} from '../../src/core/lesson/exercises';
import { lintProse } from '../../src/core/lesson/prose';
import { resolveSteps } from '../../src/core/lesson/steps';
import type { Lesson, ResolvedStep } from '../../src/core/lesson/types';
import { simulate } from '../../src/core/world/simulate';
import { loadLessonFolder } from '../../src/node/lessons';

function stepsOf(lesson: Lesson): ResolvedStep[] {
  const resolved = resolveSteps(lesson, simulate(lesson.scenario).trace);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors, null, 2));
  return resolved.steps;
}

export function describeLesson(dir: string): void {
  describe(basename(dir), () => {
    const parsed = loadLessonFolder(dir);

    it('parses', () => {
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    });
    if (!parsed.ok) return;
    const lesson = parsed.lesson;
    const run = simulate(lesson.scenario);

    it('runs its scenario: every expect check holds and nothing is lost', () => {
      expect(run.summary.expect.filter((c) => !c.ok)).toEqual([]);
      expect(run.summary.accounting.lost).toBe(0);
    });

    it('finds the event of every step, in order', () => {
      const resolved = resolveSteps(lesson, run.trace);
      expect(resolved.ok ? [] : resolved.errors).toEqual([]);
      const cursors = resolved.ok ? resolved.steps.map((s) => s.cursor) : [];
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    });

    it('quotes only lines of the simulation in its prose', () => {
      const traces = [run.trace];
      for (const ex of lesson.exercises) {
        if (ex.kind !== 'task') continue;
        const start = taskStart(lesson, ex);
        traces.push(runTask(ex, start.json, start.json).trace);
        traces.push(runTask(ex, start.json, applySolution(start.json, ex.solution)).trace);
      }
      expect(lintProse(lesson, traces)).toEqual([]);
    });

    for (const ex of lesson.exercises) {
      switch (ex.kind) {
        case 'predict':
          it(`${ex.id}: the code the server sends passes, every other choice fails`, () => {
            const steps = stepsOf(lesson).filter((s) => s.step.exercises.includes(ex.id));
            expect(steps.length).toBeGreaterThan(0);
            for (const step of steps) {
              const actual = predictAnswer(run.trace, step);
              expect(actual).toBeDefined();
              const right = ex.choices.filter((c) => c.code === actual);
              expect(right).toHaveLength(1);
              for (const choice of ex.choices) {
                const verdict = checkPredict(ex, actual as number, choice.code);
                expect(verdict.ok).toBe(choice.code === actual);
                expect(verdict.chosen).toBe(choice);
                expect(verdict.right).toBe(right[0]);
              }
            }
          });
          break;
        case 'quiz':
          it(`${ex.id}: the correct choice passes, every other choice fails`, () => {
            ex.choices.forEach((choice, i) => {
              const verdict = checkQuiz(ex, i);
              expect(verdict.ok).toBe(choice.correct);
              expect(verdict.right?.correct).toBe(true);
            });
          });
          break;
        case 'task':
          it(`${ex.id}: the solution passes and the unchanged start fails`, () => {
            const start = taskStart(lesson, ex);
            const solved = checkTask(ex, start.json, applySolution(start.json, ex.solution));
            expect({ rules: solved.rules, failed: solved.checks.filter((c) => !c.ok) }).toEqual({
              rules: [],
              failed: [],
            });
            expect(solved.ok).toBe(true);
            expect(checkTask(ex, start.json, start.json).ok).toBe(false);
          });
          break;
      }
    }
  });
}
