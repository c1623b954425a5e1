// Scenario-validator problems (`path: problem`, or a JSON syntax error with its line) as lesson
// errors that name the file and the place.
import type { ScenarioError } from '../scenario/types';
import type { LessonError } from './types';

/** `prefix` goes before the path: `step 3 (The greeting)` before `at.nth`. */
export function toLessonErrors(
  file: string,
  errors: readonly ScenarioError[],
  prefix = '',
): LessonError[] {
  return errors.map((e) => {
    if (e.line !== undefined && e.column !== undefined) {
      return {
        file,
        where: `line ${e.line}, column ${e.column}`,
        message: e.message.replace(/^line \d+, column \d+: /, ''),
      };
    }
    const message =
      e.path !== '' && e.message.startsWith(`${e.path}: `)
        ? e.message.slice(e.path.length + 2)
        : e.message;
    const where = [prefix, e.path].filter((s) => s !== '').join(' ');
    return { file, where: where === '' ? 'the whole file' : where, message };
  });
}

/** How a step is named in messages: `step 3 (The greeting)`. */
export function stepName(step: { number: number; title: string }): string {
  return `step ${step.number} (${step.title})`;
}
