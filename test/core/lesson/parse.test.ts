import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/core/lesson/parse';
import type { LessonError } from '../../../src/core/lesson/types';
import {
  editedExercises,
  editedFiles,
  FIXTURE,
  fixtureFiles,
  fixtureLesson,
  parseErrors,
} from './fixture';

const MD = `${FIXTURE}/lesson.md`;
const EX = `${FIXTURE}/exercises.json`;

/** Errors as `file | where | message` lines: one assertion shows every field. */
const lines = (errors: readonly LessonError[]) =>
  errors.map((e) => `${e.file} | ${e.where} | ${e.message}`);

describe('parseLesson: a good lesson', () => {
  const lesson = fixtureLesson();

  it('takes the number and slug from the folder name', () => {
    expect(lesson).toMatchObject({ folder: FIXTURE, order: 1, slug: 'fixture-basics' });
  });

  it('reads the front matter', () => {
    expect(lesson.meta).toEqual({
      title: 'Fixture basics',
      summary: 'A small lesson the test suite uses to exercise every part of the lesson format.',
      minutes: 5,
      objectives: ['Read a greeting', 'Give a mailbox to a new user'],
      references: ['RFC 5321 §3.1', 'RFC 5321 §4.2'],
    });
  });

  it('keeps a "## " heading inside a code block in the intro, not as a step', () => {
    expect(lesson.intro).toContain('## Not a step');
    expect(lesson.steps.map((s) => s.title)).toEqual([
      'Before anything',
      'The script begins',
      'The greeting',
      'The extensions',
      'Delivered',
      'The end',
    ]);
  });

  it('reads each step block, with defaults for what it leaves out', () => {
    const [start, note, greeting, extensions, delivered, end] = lesson.steps;
    expect(start).toMatchObject({ number: 1, at: { kind: 'start' }, highlight: { kind: 'none' } });
    expect(start?.panel).toBe('transcript');
    expect(note).toMatchObject({
      at: { kind: 'note', text: 'Alice writes', nth: 1 },
      panel: 'log',
    });
    expect(note?.highlight).toEqual({ kind: 'event' });
    expect(greeting?.at).toEqual({
      kind: 'line',
      text: '220 ',
      dir: 'S',
      from: 'mail.example.com',
      nth: 1,
    });
    expect(greeting?.exercises).toEqual(['predict-greeting']);
    expect(extensions?.at).toEqual({ kind: 'line', text: '250', dir: 'S', nth: 6 });
    expect(extensions?.highlight).toEqual({ kind: 'connection' });
    expect(delivered?.at).toEqual({ kind: 'deliver', mailbox: 'bob@example.com', nth: 1 });
    expect(end).toMatchObject({
      at: { kind: 'end' },
      highlight: { kind: 'host', host: 'mail.example.com' },
      exercises: ['task-carol'],
    });
  });

  it('keeps the narration after the step block, smaller headings included', () => {
    const delivered = lesson.steps[4];
    expect(delivered?.body).toMatch(/^The server answers/);
    expect(delivered?.body).toContain('### A smaller heading stays in the step');
    expect(delivered?.body).not.toContain('```step');
  });

  it('splits a step at its <!-- reveal --> line: before it the body, after it `after`', () => {
    const [, note, greeting] = lesson.steps;
    expect(greeting?.body).toBe(
      "Alice's program has connected and waits: a client speaks only after the server has greeted it.",
    );
    expect(greeting?.after).toBe(
      'The server greets with `220 mail.example.com ESMTP Postfix`. Then the client says `EHLO alice-pc`.',
    );
    expect(note?.after).toBe('');
  });

  it('records the line of each step heading', () => {
    const text = fixtureFiles()['lesson.md'] as string;
    const headingLines = text
      .split('\n')
      .flatMap((l, i) => (l.startsWith('## ') && l !== '## Not a step' ? [i + 1] : []));
    expect(lesson.steps.map((s) => s.line)).toEqual(headingLines);
  });

  it('reads the exercises and the scenarios tasks start from', () => {
    expect(lesson.exercises.map((e) => [e.id, e.kind])).toEqual([
      ['predict-greeting', 'predict'],
      ['quiz-queued', 'quiz'],
      ['task-carol', 'task'],
    ]);
    const task = lesson.exercises[2];
    expect(task).toMatchObject({
      kind: 'task',
      scenario: 'task-carol.json',
      keep: ['dns', 'events'],
      allow: [],
      checks: [{ check: 'delivered', mailbox: 'carol@example.com', subject: 'Hello Carol' }],
    });
    expect(task?.kind === 'task' && task.solution.dns).toEqual({ add: [], remove: [] });
    expect(Object.keys(lesson.taskScenarios)).toEqual(['task-carol.json']);
    expect(lesson.taskScenarios['task-carol.json']?.scenario.title).toBe(
      'Fixture: Alice writes to Carol',
    );
    expect(lesson.scenario.title).toBe('Fixture: Alice writes to Bob');
    expect(lesson.scenarioJson).toMatchObject({ title: 'Fixture: Alice writes to Bob' });
  });

  it('ignores a byte-order mark', () => {
    const files = fixtureFiles();
    files['lesson.md'] = `\uFEFF${files['lesson.md'] as string}`;
    files['exercises.json'] = `\uFEFF${files['exercises.json'] as string}`;
    expect(parseLesson(FIXTURE, files).ok).toBe(true);
  });
});

describe('parseLesson: the folder and its files', () => {
  it('wants NN-slug as the folder name', () => {
    for (const folder of ['1-basics', '01_basics', '01-Basics', '01-', 'basics']) {
      expect(lines(parseErrors(fixtureFiles(), folder))).toEqual([
        `${folder} | folder name | expected NN-slug: two digits, "-", then lowercase words joined by "-" (like 08-backup-mx-etrn)`,
      ]);
    }
  });

  it('needs lesson.md and scenario.json', () => {
    const files = fixtureFiles();
    delete files['lesson.md'];
    delete files['scenario.json'];
    expect(lines(parseErrors(files))).toEqual(
      expect.arrayContaining([
        `${MD} | the whole file | the file is missing; every lesson needs one`,
        `${FIXTURE}/scenario.json | the whole file | the file is missing; every lesson needs one`,
      ]),
    );
  });

  it('reports other files and scenarios no task starts from', () => {
    const files = {
      ...fixtureFiles(),
      'notes.md': '# notes',
      'spare.json': files0('scenario.json'),
    };
    expect(lines(parseErrors(files))).toEqual([
      `${FIXTURE}/notes.md | the whole file | a lesson folder holds lesson.md and .json files only`,
      `${FIXTURE}/spare.json | the whole file | no task starts from this scenario (name it in a task's "scenario")`,
    ]);
  });

  it('reports a broken scenario.json with the path of each problem', () => {
    const files = editedFiles('scenario.json', (t) =>
      t.replace('"192.0.2.25",\n      "role"', '"192.0.2.300",\n      "role"'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${FIXTURE}/scenario.json | hosts[1].ip | "192.0.2.300" is not an IPv4 address`,
    ]);
  });

  it('reports JSON syntax errors with line and column', () => {
    const files = editedFiles('exercises.json', (t) =>
      t.replace('"exercises": [', '"exercises": [,'),
    );
    const [error] = parseErrors(files);
    expect(error?.file).toBe(EX);
    expect(error?.where).toBe('line 2, column 17');
  });
});

describe('parseLesson: lesson.md', () => {
  it('wants front matter', () => {
    const files = editedFiles('lesson.md', (t) => t.replace(/^---\n/, ''));
    expect(lines(parseErrors(files))).toContain(
      `${MD} | line 1 | lesson.md must start with front matter: YAML between two lines of "---"`,
    );
  });

  it('reports unknown, missing and mistyped front matter keys', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace('minutes: 5', 'minutes: five\ncolour: red')
        .replace(/summary: .*\n/, '')
        .replace('  - RFC 5321 §4.2', '  - Postfix manual'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | front matter colour | unknown key (expected one of title, summary, minutes, objectives, references)`,
      `${MD} | front matter summary | missing, expected one sentence (not empty)`,
      `${MD} | front matter minutes | expected a whole number of minutes (1 or more), got "five"`,
      `${MD} | front matter references[1] | "Postfix manual" is not an RFC reference (like "RFC 5321 §4.2")`,
    ]);
  });

  it('reports YAML syntax errors with their line in lesson.md', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('at: { note: Alice writes }', 'at: { note: Alice writes'),
    );
    const errors = parseErrors(files);
    expect(errors.length).toBeGreaterThan(0);
    const text = files['lesson.md'] as string;
    const line = text.split('\n').indexOf('at: { note: Alice writes') + 1;
    for (const e of errors) expect(e.where).toMatch(/^step 2 \(The script begins\), line \d+$/);
    expect(errors.map((e) => e.where)).toContain(`step 2 (The script begins), line ${line + 1}`);
  });

  it('wants a step block right after each heading', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('## The script begins\n\n```step', '## The script begins\n\nToo early.\n\n```step'),
    );
    const text = files['lesson.md'] as string;
    const heading = text.split('\n').indexOf('## The script begins') + 1;
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | line ${heading + 4} | a \`\`\`step block belongs right after a "## " heading`,
      `${MD} | step 2 (The script begins), line ${heading} | the heading must be followed by a \`\`\`step block (with at: …)`,
    ]);
  });

  it('finds step blocks in the intro and a step block never closed', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace("Alice's program talks", "```step\nat: start\n```\n\nAlice's program talks")
        .replace(/```\n\nEverything is done\.[\s\S]*$/, 'exercises: [task-carol]\n'),
    );
    const errors = lines(parseErrors(files));
    expect(errors[0]).toMatch(
      /^01-fixture-basics\/lesson\.md \| line 13 \| a ```step block belongs/,
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/step 6 \(The end\), line \d+ \| the ```step block is never closed$/),
    );
  });

  it('wants at least one step', () => {
    const files = editedFiles('lesson.md', (t) => t.slice(0, t.indexOf('## Before anything')));
    expect(lines(parseErrors(files))).toContain(
      `${MD} | the whole file | no steps: each step starts with a "## " heading followed by a \`\`\`step block`,
    );
  });

  it('reports unknown keys, panels and selectors in step blocks', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace('panel: log', 'panel: inbox\nzoom: 2')
        .replace(
          'at: { deliver: bob@example.com }',
          'at: { deliver: bob@example.com, line: "250" }',
        )
        .replace('highlight: connection', 'highlight: everything')
        .replace('at: start', 'at: beginning'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 1 (Before anything) at | expected start, end, or an object with one of line, deliver, queue, connect, close, dns, note, host, link, got "beginning"`,
      `${MD} | step 2 (The script begins) zoom | unknown key (expected one of at, highlight, panel, exercises)`,
      `${MD} | step 2 (The script begins) panel | "inbox" is not one of transcript, explain, queue, dns, mailboxes, log, accounting, statechart, faults, console, send, editor`,
      `${MD} | step 4 (The extensions) highlight | "everything" is not one of event, connection, none`,
      `${MD} | step 5 (Delivered) at | one kind of event at a time, got line and deliver`,
    ]);
  });

  it('checks the fields of a selector, host names against the scenario', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace(
          'at: { line: "220 ", dir: S, from: mail.example.com }',
          'at: { line: "220 ", dir: X, from: mx.example.org, nth: 0 }',
        )
        .replace('at: { note: Alice writes }', 'at: { queue: send, colour: red }'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 2 (The script begins) at.colour | unknown key (expected one of queue, host, nth)`,
      `${MD} | step 2 (The script begins) at.queue | "send" is not one of enqueue, attempt, defer, deliver, bounce, warn, expire`,
      `${MD} | step 3 (The greeting) at.dir | "X" is not one of C, S`,
      `${MD} | step 3 (The greeting) at.from | "mx.example.org" is not one of the hosts (alice-pc, mail.example.com)`,
      `${MD} | step 3 (The greeting) at.nth | 0 is not a match number (1 or more)`,
    ]);
  });

  it('reads every kind of selector', () => {
    const selectors = [
      [
        '{ connect: mail.example.com, from: alice-pc, result: open, nth: 1 }',
        { kind: 'connect', to: 'mail.example.com', from: 'alice-pc', result: 'open', nth: 1 },
      ],
      ['{ close: true, by: alice-pc }', { kind: 'close', by: 'alice-pc', nth: 1 }],
      [
        '{ dns: mail.example.com, type: A, host: alice-pc }',
        { kind: 'dns', name: 'mail.example.com', type: 'A', host: 'alice-pc', nth: 1 },
      ],
      [
        '{ link: [alice-pc, mail.example.com], up: false }',
        { kind: 'link', between: ['alice-pc', 'mail.example.com'], up: false, nth: 1 },
      ],
      [
        '{ host: mail.example.com, up: false }',
        { kind: 'host', host: 'mail.example.com', up: false, nth: 1 },
      ],
      [
        '{ queue: deliver, host: mail.example.com, nth: 2 }',
        { kind: 'queue', action: 'deliver', host: 'mail.example.com', nth: 2 },
      ],
      ['end', { kind: 'end' }],
    ] as const;
    for (const [yaml, selector] of selectors) {
      const files = editedFiles('lesson.md', (t) =>
        t.replace('at: { note: Alice writes }', `at: ${yaml}`),
      );
      const result = parseLesson(FIXTURE, files);
      expect(result.ok && result.lesson.steps[1]?.at).toEqual(selector);
    }
  });
});

function files0(name: string): string {
  return fixtureFiles()[name] as string;
}

describe('parseLesson: the <!-- reveal --> line', () => {
  const lineOf = (files: Record<string, string>, text: string, nth = 1) => {
    const all = (files['lesson.md'] as string).split('\n');
    let found = -1;
    for (let k = 0; k < nth; k += 1) found = all.indexOf(text, found + 1);
    return found + 1;
  };

  it('allows one per step: a second one is an error', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('Then the client says', '\n<!-- reveal -->\n\nThen the client says'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 3 (The greeting), line ${lineOf(files, '<!-- reveal -->', 2)} | a second <!-- reveal --> line: a step has at most one (the text below it is shown once the student has predicted the reply)`,
    ]);
  });

  it('belongs to a step with a predict exercise', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace(
        'The script says what it is about to do.',
        'The script says.\n\n<!-- reveal -->\n\nWhat.',
      ),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 2 (The script begins), line ${lineOf(files, '<!-- reveal -->')} | only a step with a predict exercise can hide text until the answer: remove the <!-- reveal --> line, or offer a predict exercise here`,
    ]);
  });

  it('wants it written exactly, and leaves one inside a code block alone', () => {
    const near = editedFiles('lesson.md', (t) => t.replace('<!-- reveal -->', '<!--Reveal-->'));
    expect(lines(parseErrors(near))).toEqual([
      `${MD} | step 3 (The greeting), line ${lineOf(near, '<!--Reveal-->')} | write the reveal line exactly as <!-- reveal -->, alone on its line`,
    ]);
    const fenced = editedFiles('lesson.md', (t) =>
      t.replace(
        'Nothing has happened yet.',
        'Nothing yet.\n\n```markdown\n<!-- reveal -->\n<!--reveal-->\n```',
      ),
    );
    const result = parseLesson(FIXTURE, fenced);
    expect(result.ok ? [] : lines(result.errors)).toEqual([]);
    expect(result.ok && result.lesson.steps[0]).toMatchObject({
      body: 'Nothing yet.\n\n```markdown\n<!-- reveal -->\n<!--reveal-->\n```',
      after: '',
    });
  });

  it('may have nothing before it, and takes surrounding spaces', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace(/Alice's program has connected[^\n]*\n\n<!-- reveal -->/, '  <!-- reveal -->  '),
    );
    const result = parseLesson(FIXTURE, files);
    expect(result.ok ? [] : lines(result.errors)).toEqual([]);
    expect(result.ok && result.lesson.steps[2]?.body).toBe('');
    expect(result.ok && result.lesson.steps[2]?.after).toMatch(/^The server greets/);
  });
});

describe('parseLesson: exercises.json and its links to the steps', () => {
  it('reports an exercise a step names but exercises.json lacks, and one no step offers', () => {
    const files = editedFiles('lesson.md', (t) =>
      t.replace('exercises: [quiz-queued]', 'exercises: [quiz-queue]'),
    );
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 5 (Delivered) exercises[0] | no exercise has the id "quiz-queue" in exercises.json`,
      `${EX} | exercises[1] | no step offers "quiz-queued" (add it to a step's exercises: [...])`,
    ]);
  });

  it('wants a predict exercise at a step that selects a server reply', () => {
    const files = editedFiles('lesson.md', (t) =>
      t
        .replace('exercises: [predict-greeting]', '')
        .replace('panel: log', 'panel: log\nexercises: [predict-greeting]'),
    );
    const text = files['lesson.md'] as string;
    const reveal = text.split('\n').indexOf('<!-- reveal -->') + 1;
    expect(lines(parseErrors(files))).toEqual([
      `${MD} | step 2 (The script begins) exercises[0] | "predict-greeting" is a predict exercise: the step's at must select a server reply, like { line: "250 ", dir: S }`,
      `${MD} | step 3 (The greeting), line ${reveal} | only a step with a predict exercise can hide text until the answer: remove the <!-- reveal --> line, or offer a predict exercise here`,
    ]);
  });

  it('reports duplicate ids, unknown kinds, unknown and missing keys', () => {
    const files = editedExercises((json) => {
      const [predict, quiz] = json.exercises;
      (quiz as Record<string, unknown>).id = 'predict-greeting';
      (predict as Record<string, unknown>).colour = 'red';
      delete (predict as Record<string, unknown>).prompt;
      json.exercises.push({ id: 'Bad Id', kind: 'essay' });
    });
    expect(lines(parseErrors(files))).toEqual(
      expect.arrayContaining([
        `${EX} | exercises[0].colour | unknown key (expected one of id, kind, prompt, choices)`,
        `${EX} | exercises[0].prompt | missing, expected a text (not empty)`,
        `${EX} | exercises[3].id | "Bad Id" is not an id (lowercase letters, digits and "-")`,
        `${EX} | exercises[3].kind | "essay" is not one of predict, quiz, task`,
        `${EX} | exercises[1].id | "predict-greeting" is already the id of exercises[0]`,
      ]),
    );
  });

  it('wants predict codes of three digits, each once', () => {
    const files = editedExercises((json) => {
      const choices = json.exercises[0]?.choices as Array<Record<string, unknown>>;
      (choices[1] as Record<string, unknown>).code = 220;
      (choices[2] as Record<string, unknown>).code = 25;
    });
    expect(lines(parseErrors(files))).toEqual([
      `${EX} | exercises[0].choices[2].code | 25 is not a reply code (three digits, 200 to 599)`,
    ]);
    const twice = editedExercises((json) => {
      const choices = json.exercises[0]?.choices as Array<Record<string, unknown>>;
      (choices[1] as Record<string, unknown>).code = 220;
    });
    expect(lines(parseErrors(twice))).toEqual([
      `${EX} | exercises[0].choices[1].code | 220 is already the code of choices[0]`,
    ]);
  });

  it('wants exactly one correct quiz choice', () => {
    for (const correct of [true, false]) {
      const files = editedExercises((json) => {
        const choices = json.exercises[1]?.choices as Array<Record<string, unknown>>;
        for (const c of choices) c.correct = correct;
      });
      expect(lines(parseErrors(files))).toEqual([
        `${EX} | exercises[1].choices | exactly one choice must have "correct": true, got ${correct ? 2 : 0}`,
      ]);
    }
  });

  it('checks task checks with the scenario validator, against the task scenario’s hosts', () => {
    const files = editedExercises((json) => {
      json.exercises[2]!.checks = [
        { delivered: 'carol' },
        { queueEmpty: 'mx.example.org' },
        { session: 1 },
      ];
      json.exercises[2]!.tools = ['editor', 'hammer'];
      json.exercises[2]!.keep = ['mailboxes'];
      json.exercises[2]!.allow = ['explode'];
    });
    expect(lines(parseErrors(files))).toEqual([
      `${EX} | exercises[2].tools[1] | "hammer" is not one of console, send, faults, editor`,
      `${EX} | exercises[2].keep[0] | "mailboxes" is not one of hosts, dns, events, settings`,
      `${EX} | exercises[2].allow[0] | "explode" is not one of send, down, up, linkDown, linkUp, dns, etrn, session, note, fault`,
      `${EX} | exercises[2].checks[0].delivered | "carol" is not an email address (local@domain)`,
      `${EX} | exercises[2].checks[1].queueEmpty | "mx.example.org" is not one of the hosts (alice-pc, mail.example.com)`,
      `${EX} | exercises[2].checks[2] | a session check needs codes, replyLines or both`,
    ]);
  });

  it('reports a task scenario file that is not there', () => {
    const files = editedExercises((json) => {
      json.exercises[2]!.scenario = 'task-dave.json';
    });
    expect(lines(parseErrors(files))).toEqual([
      `${EX} | exercises[2].scenario | there is no file "task-dave.json" in the lesson folder`,
      `${FIXTURE}/task-carol.json | the whole file | no task starts from this scenario (name it in a task's "scenario")`,
    ]);
  });

  it('reports a malformed solution', () => {
    const files = editedExercises((json) => {
      json.exercises[2]!.solution = {
        explain: '',
        events: [{ at: 'soon', do: 'send' }],
        hosts: { 'mx.example.org': { etrn: true } },
        dns: { add: [{ name: 'example.com', type: 'MX', value: 'mail.example.com' }] },
      };
    });
    expect(lines(parseErrors(files))).toEqual([
      `${EX} | exercises[2].solution.explain | "" is not a text (not empty)`,
      `${EX} | exercises[2].solution.events[0].at | "soon" is not a duration (like "40ms", "1.5s" or "2h1m")`,
      `${EX} | exercises[2].solution.events[0].host | missing, expected one of the hosts (alice-pc, mail.example.com)`,
      `${EX} | exercises[2].solution.events[0].from | missing, expected an email address, or "" for the null sender`,
      `${EX} | exercises[2].solution.events[0].to | missing, expected a list of email addresses`,
      `${EX} | exercises[2].solution.hosts["mx.example.org"] | "mx.example.org" is not one of the hosts (alice-pc, mail.example.com)`,
      `${EX} | exercises[2].solution.dns.add[0].preference | missing, expected an MX preference (0 to 65535)`,
    ]);
  });

  it('reports a solution that cannot be applied or gives a broken scenario', () => {
    const missingRecord = editedExercises((json) => {
      json.exercises[2]!.solution = {
        explain: 'Remove a record.',
        dns: { remove: [{ name: 'example.org', type: 'A', value: '192.0.2.1' }] },
      };
    });
    expect(lines(parseErrors(missingRecord))).toEqual([
      `${EX} | exercises[2].solution | there is no DNS record example.org A 192.0.2.1 to remove`,
    ]);
    const brokenHost = editedExercises((json) => {
      json.exercises[2]!.solution = {
        explain: 'Break it.',
        hosts: { 'mail.example.com': { size: -1 } },
      };
    });
    expect(lines(parseErrors(brokenHost))).toEqual([
      `${EX} | exercises[2].solution | applied to task-carol.json, it gives a broken scenario: hosts[1].size: -1 is not a size in octets (0 or more; 0: no limit)`,
    ]);
  });
});
