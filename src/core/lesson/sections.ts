// The Markdown after the front matter: the intro, then one section per `## ` heading (headings
// inside fenced code blocks do not count). Each section opens with its ```step block.
import { closesFence, fenceOpening, fencedLines } from './fences';

export interface Section {
  title: string;
  /** lesson.md line of the heading. */
  line: number;
  /** The YAML inside the step block, when the section opens with one. */
  stepYaml?: { text: string; line: number; closed: boolean };
  /** The narration after the step block. */
  body: string;
  /** lesson.md lines of `step` blocks that are not right after the heading. */
  strayStepBlocks: number[];
}

export interface SplitLesson {
  intro: string;
  /** lesson.md lines of `step` blocks in the intro. */
  strayStepBlocks: number[];
  sections: Section[];
}

const HEADING = /^## (.*)$/;

export function splitSections(body: string, firstLine: number): SplitLesson {
  const lines = body.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const starts = lines.flatMap((l, i) => (!fenced[i] && HEADING.test(l) ? [i] : []));
  const introEnd = starts[0] ?? lines.length;
  const introLines = lines.slice(0, introEnd);
  const sections = starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const title = (HEADING.exec(lines[start] as string)?.[1] ?? '').replace(/\s+#+\s*$/, '').trim();
    return readSection(title, lines.slice(start + 1, end), firstLine + start);
  });
  return {
    intro: introLines.join('\n').trim(),
    strayStepBlocks: stepBlockLines(introLines, firstLine),
    sections,
  };
}

function readSection(title: string, lines: string[], headingLine: number): Section {
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i += 1;
  const open = i < lines.length ? fenceOpening(lines[i] as string) : undefined;
  if (open === undefined || open.info !== 'step') {
    return {
      title,
      line: headingLine,
      body: lines.join('\n').trim(),
      strayStepBlocks: stepBlockLines(lines, headingLine + 1),
    };
  }
  let end = i + 1;
  while (end < lines.length && !closesFence(lines[end] as string, open)) end += 1;
  const rest = lines.slice(end + 1);
  return {
    title,
    line: headingLine,
    stepYaml: {
      text: lines.slice(i + 1, end).join('\n'),
      line: headingLine + i + 2,
      closed: end < lines.length,
    },
    body: rest.join('\n').trim(),
    strayStepBlocks: stepBlockLines(rest, headingLine + end + 2),
  };
}

function stepBlockLines(lines: readonly string[], firstLine: number): number[] {
  const found: number[] = [];
  let open: ReturnType<typeof fenceOpening>;
  lines.forEach((line, i) => {
    if (open === undefined) {
      open = fenceOpening(line);
      if (open?.info === 'step') found.push(firstLine + i);
    } else if (closesFence(line, open)) open = undefined;
  });
  return found;
}
