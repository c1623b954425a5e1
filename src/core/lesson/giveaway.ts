// A prediction is only worth making if nothing on screen has told the answer yet: the title of the
// step and its narration before the `<!-- reveal -->` line must not contain the reply the student
// is about to predict — its code, its enhanced status code, or its text.
import type { TraceEvent } from '../trace/types';
import { stepName } from './errors';
import { REVEAL_MARKER } from './sections';
import type { Lesson, LessonError, ResolvedStep } from './types';

/** Something in a reply that gives it away: shown as `label`, found by `pattern`. */
export interface Clue {
  label: string;
  pattern: RegExp;
}

/** The clues of a reply: its code, its enhanced code, and the runs of words of its text. */
export interface ReplyClues {
  code: Clue;
  enhanced?: Clue;
  /** Word runs of the text, in order: run i starts at the text's word i. */
  phrases: Clue[];
  /** The text's words as the reply has them, for naming a longer stretch of it. */
  words: string[];
  /** How many words each phrase has. */
  size: number;
}

const REPLY = /^(\d{3})(?:[ -](.*))?$/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s+|$)/;
/** How many words of the reply's text in a row give it away (fewer if the text is shorter). */
const PHRASE_WORDS = 3;
/** Punctuation and symbols trimmed off the ends of a reply's words (`<carol@b.example>:`). */
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** Between two words of a phrase: any spaces, punctuation and symbols. */
const BETWEEN = '[\\s\\p{P}\\p{S}]+';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The clues of a server reply line: the code as a number of its own (`354`, not `3540`), the
 * enhanced code (`5.1.1`), and every run of three words of the text after them (the whole text if
 * shorter), matched whatever the case and the punctuation or spaces between the words.
 */
export function replyClues(line: string): ReplyClues | undefined {
  const m = REPLY.exec(line.trim());
  if (m === null) return undefined;
  const code = m[1] as string;
  let text = (m[2] ?? '').trim();
  const found = ENHANCED.exec(text);
  let enhanced: Clue | undefined;
  if (found !== null) {
    const status = found[1] as string;
    enhanced = { label: status, pattern: new RegExp(`(?<![\\d.])${escape(status)}(?!\\.?\\d)`) };
    text = text.slice(found[0].length);
  }
  const words = text.split(/\s+/).filter((w) => w.replace(EDGE, '') !== '');
  const size = Math.min(PHRASE_WORDS, words.length);
  const phrases: Clue[] = [];
  for (let i = 0; size > 0 && i + size <= words.length; i += 1) {
    const phrase = words.slice(i, i + size).map((w) => escape(w.replace(EDGE, '')));
    phrases.push({
      label: words.slice(i, i + size).join(' '),
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${phrase.join(BETWEEN)}(?![\\p{L}\\p{N}])`, 'iu'),
    });
  }
  return {
    code: { label: code, pattern: new RegExp(`(?<!\\d)${code}(?!\\d)`) },
    ...(enhanced && { enhanced }),
    phrases,
    words,
    size,
  };
}

/**
 * What of the reply `text` tells, as labels: the code, the enhanced code, and each stretch of the
 * reply's text it repeats in quotes (runs that start at words next to each other joined into one stretch).
 */
export function cluesIn(text: string, clues: ReplyClues): string[] {
  const labels: string[] = [];
  if (clues.code.pattern.test(text)) labels.push(clues.code.label);
  if (clues.enhanced?.pattern.test(text)) labels.push(clues.enhanced.label);
  const hits = clues.phrases.flatMap((p, i) => (p.pattern.test(text) ? [i] : []));
  let k = 0;
  while (k < hits.length) {
    let last = hits[k] as number;
    const first = last;
    while (k + 1 < hits.length && hits[k + 1] === last + 1) {
      k += 1;
      last = hits[k] as number;
    }
    const stretch = clues.words.slice(first, last + clues.size).join(' ');
    labels.push(JSON.stringify(stretch.replace(/[:;,.]+$/, '')));
    k += 1;
  }
  return labels;
}

/** Steps offering a prediction whose title or narration before the reveal line tells the reply. */
export function giveAways(
  lesson: Lesson,
  trace: readonly TraceEvent[],
  steps: readonly ResolvedStep[],
): LessonError[] {
  const errors: LessonError[] = [];
  const file = `${lesson.folder}/lesson.md`;
  for (const { step, index } of steps) {
    const predicts = step.exercises.some(
      (id) => lesson.exercises.find((e) => e.id === id)?.kind === 'predict',
    );
    const event = index === undefined ? undefined : trace[index];
    if (!predicts || event?.type !== 'line' || event.dir !== 'S') continue;
    const clues = replyClues(event.text);
    if (clues === undefined) continue;
    const where = stepName(step);
    const inTitle = cluesIn(step.title, clues);
    if (inTitle.length > 0) {
      errors.push({
        file,
        where,
        message: `the title gives the answer (${inTitle.join(', ')}) away before the prediction: titles stay visible, so reword it`,
      });
    }
    const inBody = cluesIn(step.body, clues);
    if (inBody.length > 0) {
      errors.push({
        file,
        where,
        message: `the narration gives the answer (${inBody.join(', ')}) away before the prediction: move it below a ${REVEAL_MARKER} line`,
      });
    }
  }
  return errors;
}
