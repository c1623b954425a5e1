// Lines in the prose come from the simulation: every quoted SMTP reply or command in the lesson's
// texts must occur in one of its traces (the lesson's, the tasks' starts and solutions).
import type { TraceEvent } from '../trace/types';
import { codeSpans } from './codeSpans';
import { stepName } from './errors';
import { REVEAL_MARKER } from './sections';
import type { Lesson, LessonError } from './types';

const REPLY = /^\d{3}[ -]/;
const COMMAND =
  /^(HELO|EHLO|MAIL FROM:|RCPT TO:|DATA|QUIT|RSET|NOOP|VRFY|EXPN|HELP|ETRN|STARTTLS|AUTH)(?=\s|:|<|$)/i;
const ELLIPSIS = /\s*(?:…|\.\.\.)$/;

/**
 * A quote that claims to be a wire line: a reply with text, or a command with an argument. A bare
 * code (`250`) or a bare verb (`DATA`, `RCPT TO:`) names a thing rather than quotes a line.
 */
export function quotesWireLine(quote: string): boolean {
  const q = quote.replace(ELLIPSIS, '').trim();
  if (REPLY.test(q)) return q.length > 4;
  const verb = COMMAND.exec(q)?.[0];
  return verb !== undefined && q.slice(verb.length).trim() !== '';
}

interface Text {
  file: string;
  where: string;
  markdown: string;
}

function lessonTexts(lesson: Lesson): Text[] {
  const md = `${lesson.folder}/lesson.md`;
  const json = `${lesson.folder}/exercises.json`;
  const texts: Text[] = [{ file: md, where: 'intro', markdown: lesson.intro }];
  for (const step of lesson.steps) {
    texts.push({ file: md, where: stepName(step), markdown: step.body });
    if (step.after !== '')
      texts.push({
        file: md,
        where: `${stepName(step)}, below ${REVEAL_MARKER}`,
        markdown: step.after,
      });
  }
  lesson.exercises.forEach((ex, i) => {
    const at = (field: string, markdown: string | undefined) => {
      if (markdown !== undefined)
        texts.push({ file: json, where: `exercises[${i}].${field}`, markdown });
    };
    switch (ex.kind) {
      case 'predict':
        at('prompt', ex.prompt);
        ex.choices.forEach((c, k) => {
          at(`choices[${k}].meaning`, c.meaning);
          at(`choices[${k}].why`, c.why);
        });
        break;
      case 'quiz':
        at('question', ex.question);
        ex.choices.forEach((c, k) => {
          at(`choices[${k}].text`, c.text);
          at(`choices[${k}].why`, c.why);
        });
        break;
      case 'task':
        at('title', ex.title);
        at('prompt', ex.prompt);
        at('hint', ex.hint);
        at('solution.explain', ex.solution.explain);
        break;
    }
  });
  return texts;
}

export function lintProse(
  lesson: Lesson,
  traces: readonly (readonly TraceEvent[])[],
): LessonError[] {
  const lines = traces.flatMap((trace) =>
    trace.flatMap((e) => (e.type === 'line' ? [e.text] : [])),
  );
  const errors: LessonError[] = [];
  for (const text of lessonTexts(lesson)) {
    for (const quote of codeSpans(text.markdown)) {
      if (!quotesWireLine(quote)) continue;
      const wanted = quote.replace(ELLIPSIS, '');
      if (lines.some((l) => l.includes(wanted))) continue;
      errors.push({
        file: text.file,
        where: text.where,
        message: `${JSON.stringify(quote)} is not a line of the simulation (quote lines as the trace has them; end with … to quote the start of a line)`,
      });
    }
  }
  return errors;
}
