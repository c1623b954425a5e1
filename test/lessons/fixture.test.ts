// The lesson suite run on the fixture lesson, so that every part of it runs even before lessons/
// has lessons.
import { fileURLToPath } from 'node:url';
import { describeLesson } from './lessonSuite';

describeLesson(fileURLToPath(new URL('../fixtures/lessons/01-fixture-basics', import.meta.url)));
