// The front matter of lesson.md: title, summary, minutes, objectives, references.
import {
  integer,
  isString,
  listOf,
  nonEmpty,
  scalar,
  shape,
  type Check,
} from '../scenario/messages';
import type { LessonMeta } from './types';

const reference = scalar('an RFC reference (like "RFC 5321 §4.2")', isString, (s) =>
  /^RFC \d+\b/.test(s) ? s : undefined,
);

export const lessonMeta: Check<LessonMeta> = shape(
  'front matter with title, summary, minutes, objectives and references',
  ['title', 'summary', 'minutes', 'objectives', 'references'],
  (f) => {
    const title = f.req('title', nonEmpty('a title (not empty)'));
    const summary = f.req('summary', nonEmpty('one sentence (not empty)'));
    const minutes = f.req('minutes', integer('a whole number of minutes (1 or more)', 1));
    const objectives = f.req(
      'objectives',
      listOf('a list of objectives', nonEmpty('an objective (not empty)'), { nonEmpty: true }),
    );
    const references = f.req('references', listOf('a list of RFC references', reference));
    if (title === undefined || summary === undefined || minutes === undefined) return undefined;
    if (objectives === undefined || references === undefined) return undefined;
    return { title, summary, minutes, objectives, references };
  },
);
