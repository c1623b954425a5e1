// lesson.md: the front matter, the intro, and one step per `## ` section with its ```step block.
import { isObject, Issues } from '../scenario/messages';
import { stepName, toLessonErrors } from './errors';
import { splitFrontMatter } from './frontMatter';
import { lessonMeta } from './meta';
import { REVEAL_MARKER, splitSections } from './sections';
import { stepBlock } from './selectors';
import type { LessonError, LessonMeta, LessonStep } from './types';
import { parseYamlBlock } from './yamlBlock';

export interface LessonMd {
  meta?: LessonMeta;
  intro: string;
  steps: LessonStep[];
  /** Exercise ids named in step blocks, also in steps with mistakes (so no exercise seems unoffered). */
  offered: string[];
  /** The lesson.md line of each step's `<!-- reveal -->` line, by step number (steps that have one). */
  reveals: Map<number, number>;
}

/** `hostNames`: the hosts of the lesson's scenario, when it is valid (for `from:`, `host:`…). */
export function readLessonMd(
  file: string,
  text: string,
  hostNames: readonly string[] | undefined,
  errors: LessonError[],
): LessonMd {
  const split = splitFrontMatter(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (split === undefined) {
    errors.push({
      file,
      where: 'line 1',
      message: 'lesson.md must start with front matter: YAML between two lines of "---"',
    });
    return { intro: '', steps: [], offered: [], reveals: new Map() };
  }
  const meta = readMeta(file, split.yaml, split.yamlLine, errors);
  const { intro, strayStepBlocks, sections } = splitSections(split.body, split.bodyLine);
  const stray = (line: number) =>
    errors.push({
      file,
      where: `line ${line}`,
      message: 'a ```step block belongs right after a "## " heading',
    });
  strayStepBlocks.forEach(stray);
  if (sections.length === 0) {
    errors.push({
      file,
      where: 'the whole file',
      message: 'no steps: each step starts with a "## " heading followed by a ```step block',
    });
  }
  const steps: LessonStep[] = [];
  const offered: string[] = [];
  const reveals = new Map<number, number>();
  sections.forEach((section, i) => {
    const name = stepName({ number: i + 1, title: section.title });
    section.strayStepBlocks.forEach(stray);
    for (const line of section.nearReveals) {
      errors.push({
        file,
        where: `${name}, line ${line}`,
        message: `write the reveal line exactly as ${REVEAL_MARKER}, alone on its line`,
      });
    }
    for (const line of section.reveals.slice(1)) {
      errors.push({
        file,
        where: `${name}, line ${line}`,
        message: `a second ${REVEAL_MARKER} line: a step has at most one (the text below it is shown once the student has predicted the reply)`,
      });
    }
    if (section.reveals[0] !== undefined) reveals.set(i + 1, section.reveals[0]);
    if (section.title === '') {
      errors.push({ file, where: `line ${section.line}`, message: 'a step heading needs a title' });
    }
    if (section.stepYaml === undefined) {
      errors.push({
        file,
        where: `${name}, line ${section.line}`,
        message: 'the heading must be followed by a ```step block (with at: …)',
      });
      return;
    }
    if (!section.stepYaml.closed) {
      errors.push({
        file,
        where: `${name}, line ${section.stepYaml.line - 1}`,
        message: 'the ```step block is never closed',
      });
      return;
    }
    const yaml = parseYamlBlock(section.stepYaml.text, section.stepYaml.line);
    if (!yaml.ok) {
      for (const p of yaml.problems) {
        errors.push({ file, where: `${name}, line ${p.line}`, message: p.message });
      }
      return;
    }
    offered.push(...namedExercises(yaml.value));
    const issues = new Issues();
    const block = stepBlock(hostNames).read(yaml.value, '', issues);
    errors.push(...toLessonErrors(file, issues.errors, name));
    if (block === undefined || issues.errors.length > 0) return;
    steps.push({
      number: i + 1,
      title: section.title,
      body: section.body,
      after: section.after,
      ...block,
      line: section.line,
    });
  });
  return { ...(meta && { meta }), intro, steps, offered, reveals };
}

function namedExercises(block: unknown): string[] {
  if (!isObject(block) || !Array.isArray(block.exercises)) return [];
  return block.exercises.filter((id): id is string => typeof id === 'string');
}

function readMeta(
  file: string,
  yaml: string,
  firstLine: number,
  errors: LessonError[],
): LessonMeta | undefined {
  const parsed = parseYamlBlock(yaml, firstLine);
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      errors.push({ file, where: `front matter, line ${p.line}`, message: p.message });
    }
    return undefined;
  }
  const issues = new Issues();
  const meta = lessonMeta.read(parsed.value ?? {}, '', issues);
  errors.push(...toLessonErrors(file, issues.errors, 'front matter'));
  return issues.errors.length > 0 ? undefined : meta;
}
