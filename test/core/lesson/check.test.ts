import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../../src/core/lesson/check';
import { parseLesson } from '../../../src/core/lesson/parse';
import type { LessonError } from '../../../src/core/lesson/types';
import { editedExercises, editedFiles, FIXTURE, fixtureLesson } from './fixture';

function problems(files: Record<string, string>): string[] {
  const parsed = parseLesson(FIXTURE, files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return checkLesson(parsed.lesson).map(
    (e: LessonError) => `${e.file} | ${e.where} | ${e.message}`,
  );
}

describe('checkLesson', () => {
  it('finds nothing wrong with the fixture', () => {
    expect(checkLesson(fixtureLesson())).toEqual([]);
  });

  it("reports the scenario's failing checks", () => {
    const files = editedFiles('scenario.json', (t) =>
      t.replace('"subject": "Lunch?" }]', '"subject": "Dinner?" }]'),
    );
    expect(problems(files)).toEqual([
      `${FIXTURE}/scenario.json | expect[0] | fails: bob@example.com received "Lunch?"`,
    ]);
  });

  it('reports a step whose event is not in the trace', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('at: { note: Alice writes }', 'at: { note: Bob writes }'),
    );
    expect(problems(files)).toEqual([
      `${FIXTURE}/lesson.md | step 2 (The script begins) at | no note containing "Bob writes" after step 1`,
    ]);
  });

  it('reports a prediction whose choices miss the code the server sends', () => {
    const files = editedExercises((json) => {
      json.exercises[0]!.choices = [
        { code: 250, meaning: 'OK', why: 'No.' },
        { code: 554, meaning: 'No service', why: 'No.' },
      ];
    });
    expect(problems(files)).toEqual([
      `${FIXTURE}/exercises.json | exercises[0].choices | the server answers 220 at step 3 (The greeting), but no choice has that code`,
    ]);
  });

  it('reports a task already solved at the start, and a solution that does not solve it', () => {
    const files = editedExercises((json) => {
      json.exercises[2]!.checks = [{ queueEmpty: 'mail.example.com' }];
      json.exercises[2]!.solution = {
        explain: 'Take the server down.',
        events: [
          { at: '0s', do: 'down', host: 'mail.example.com' },
          { at: '10s', do: 'up', host: 'mail.example.com' },
        ],
      };
      json.exercises[2]!.prompt = 'Empty the queue.';
    });
    const found = problems(files);
    expect(found).toContainEqual(
      `${FIXTURE}/exercises.json | exercises[2] | the task is solved before the student does anything: its checks already hold at the start`,
    );
    const unsolved = editedExercises((json) => {
      json.exercises[2]!.solution = {
        explain: 'Do nothing useful.',
        events: [{ at: '5s', do: 'note', text: 'hm' }],
      };
    });
    expect(problems(unsolved)).toEqual([
      `${FIXTURE}/exercises.json | exercises[2].solution | does not solve the task: {"check":"delivered","mailbox":"carol@example.com","subject":"Hello Carol"}: carol@example.com received nothing`,
    ]);
  });

  it('reports a solution that breaks a rule of its own task', () => {
    const files = editedExercises((json) => {
      json.exercises[2]!.keep = ['hosts', 'dns', 'events'];
    });
    expect(problems(files)).toEqual([
      `${FIXTURE}/exercises.json | exercises[2].solution | does not solve the task: You changed the hosts; this task keeps them as they are.`,
    ]);
  });

  it('reports a prediction whose step tells the answer before the student predicts', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace('## The greeting', '## The 220 greeting')
        .replace(
          "Alice's program has connected and waits:",
          "Alice's program has connected and waits for `220 mail.example.com ESMTP Postfix`:",
        ),
    );
    expect(problems(files)).toEqual([
      `${FIXTURE}/lesson.md | step 3 (The 220 greeting) | the title gives the answer (220) away before the prediction: titles stay visible, so reword it`,
      `${FIXTURE}/lesson.md | step 3 (The 220 greeting) | the narration gives the answer (220, "mail.example.com ESMTP Postfix") away before the prediction: move it below a <!-- reveal --> line`,
    ]);
  });

  it('lets the text below the reveal line tell the answer, and a step without one be told', () => {
    const noReveal = editedFiles('lesson.md', (t) => t.replace('<!-- reveal -->\n\n', ''));
    expect(problems(noReveal)).toEqual([
      `${FIXTURE}/lesson.md | step 3 (The greeting) | the narration gives the answer (220, "mail.example.com ESMTP Postfix") away before the prediction: move it below a <!-- reveal --> line`,
    ]);
    const other = editedFiles('lesson.md', (t) =>
      t.replace('The script says what it is about to do.', 'The server will greet with 220.'),
    );
    expect(problems(other)).toEqual([]);
  });

  it('reports prose quoting a line that never happens', () => {
    const files = editedFiles('lesson.md', (t) => t.replace('said `QUIT`.', 'said `QUIT now`.'));
    expect(problems(files)).toEqual([
      `${FIXTURE}/lesson.md | step 6 (The end) | "QUIT now" is not a line of the simulation (quote lines as the trace has them; end with … to quote the start of a line)`,
    ]);
  });
});

describe('checkLesson: the lines below a reveal line', () => {
  it('are checked like the rest of the prose', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('Then the client says `EHLO alice-pc`.', 'Then the client says `EHLO bob-pc`.'),
    );
    expect(problems(files)).toEqual([
      `${FIXTURE}/lesson.md | step 3 (The greeting), below <!-- reveal --> | "EHLO bob-pc" is not a line of the simulation (quote lines as the trace has them; end with … to quote the start of a line)`,
    ]);
  });
});
