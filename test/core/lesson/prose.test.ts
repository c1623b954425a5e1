import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../../src/core/lesson/codeSpans';
import { applySolution, runTask, taskStart } from '../../../src/core/lesson/exercises';
import { lintProse, quotesWireLine } from '../../../src/core/lesson/prose';
import type { Lesson, TaskExercise } from '../../../src/core/lesson/types';
import { simulate } from '../../../src/core/world/simulate';
import { fixtureLesson } from './fixture';

describe('codeSpans', () => {
  it('finds inline code spans, double-backtick ones and code block lines', () => {
    const markdown = [
      'The server says `220 mail.example.com ESMTP Postfix`, then `` `250` with a backtick ``.',
      'A span may run `over a',
      'line break` inside a paragraph.',
      '',
      '```text',
      '  250 DSN',
      '',
      '```',
      '~~~',
      '```not a closing fence for tildes',
      '~~~',
      'An unmatched ` backtick.',
    ].join('\n');
    expect(codeSpans(markdown)).toEqual([
      '250 DSN',
      '```not a closing fence for tildes',
      '220 mail.example.com ESMTP Postfix',
      '`250` with a backtick',
      'over a line break',
    ]);
  });
});

describe('quotesWireLine', () => {
  it('takes replies with text and commands with an argument as quotes of the wire', () => {
    const quotes = [
      '250 2.0.0 Ok: queued as …',
      '250-PIPELINING',
      '550 5.1.1 <carol@example.com>',
      'EHLO alice-pc',
      'ehlo alice-pc',
      'MAIL FROM:<alice@example.com>',
      'RCPT TO:<bob@example.com>',
      'ETRN b.example',
      'AUTH PLAIN',
    ];
    expect(quotes.filter(quotesWireLine)).toEqual(quotes);
  });

  it('leaves bare codes, bare verbs and other code alone', () => {
    const names = [
      '250',
      '4xx',
      '250 …',
      'DATA',
      'RCPT TO:',
      'QUIT',
      'mail.example.com',
      'relayFrom',
      'HELPER script',
      'datagram',
      '2500 items',
    ];
    expect(names.filter(quotesWireLine)).toEqual([]);
  });
});

describe('lintProse', () => {
  const lesson = fixtureLesson();
  const trace = simulate(lesson.scenario).trace;
  const task = lesson.exercises[2] as TaskExercise;
  const start = taskStart(lesson, task);
  const traces = [
    trace,
    runTask(task, start.json, start.json).trace,
    runTask(task, start.json, applySolution(start.json, task.solution)).trace,
  ];

  it('accepts the fixture, whose quotes come from its lesson and task traces', () => {
    expect(lintProse(lesson, traces)).toEqual([]);
  });

  it("needs the task traces for quotes of the task's lines", () => {
    expect(lintProse(lesson, [trace])).toEqual([
      {
        file: '01-fixture-basics/exercises.json',
        where: 'exercises[2].prompt',
        message: expect.stringMatching(
          /^"550 5\.1\.1 <carol@example\.com>: Recipient address rejected…" is not a line of the simulation/,
        ),
      },
      {
        file: '01-fixture-basics/exercises.json',
        where: 'exercises[2].solution.explain',
        message: expect.stringMatching(/^"RCPT TO:<carol@example\.com>" is not a line/),
      },
    ]);
  });

  it('names the place of every invented line, wherever it is', () => {
    const edited: Lesson = structuredClone(lesson);
    edited.intro += '\n\nIt says `220 mail.example.org ESMTP`.';
    edited.steps[1]!.body += '\n\n```\nEHLO bob-pc\n```';
    const quiz = edited.exercises[1];
    if (quiz?.kind !== 'quiz') throw new Error('fixture changed');
    quiz.choices[1]!.why = 'It would say `250 2.0.0 Read by Bob`.';
    expect(
      lintProse(edited, traces).map((e) => [e.file, e.where, e.message.split(' is not')[0]]),
    ).toEqual([
      ['01-fixture-basics/lesson.md', 'intro', '"220 mail.example.org ESMTP"'],
      ['01-fixture-basics/lesson.md', 'step 2 (The script begins)', '"EHLO bob-pc"'],
      [
        '01-fixture-basics/exercises.json',
        'exercises[1].choices[1].why',
        '"250 2.0.0 Read by Bob"',
      ],
    ]);
  });

  it('matches quotes case-sensitively, an ellipsis meaning "the line starts so"', () => {
    const edited: Lesson = structuredClone(lesson);
    edited.intro = '`ehlo alice-pc` and `250 2.0.0 Ok: queued as …` and `250 2.0.0 Ok: stored…`';
    expect(lintProse(edited, traces).map((e) => e.message.split(' is not')[0])).toEqual([
      '"ehlo alice-pc"',
      '"250 2.0.0 Ok: stored…"',
    ]);
  });
});
