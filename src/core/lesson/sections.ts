// The Markdown after the front matter: the intro, then one section per `## ` heading (headings
// inside fenced code blocks do not count). Each section opens with its ```step block; its
// narration may hold a `<!-- reveal -->` line, which splits it into what is shown before the
// student predicts the reply and what is shown after.
import { closesFence, fenceOpening, fencedLines } from './fences';

/** The line that ends the part of a step shown before the prediction. */
export const REVEAL_MARKER = '<!-- reveal -->';
/** Lines meant as the marker but not written exactly so (`<!--reveal-->`, `<!-- Reveal -->`). */
const LOOKS_LIKE_REVEAL = /^\s*<!--\s*reveal\b[^>]*-->\s*$/i;

export interface Section {
  title: string;
  /** lesson.md line of the heading. */
  line: number;
  /** The YAML inside the step block, when the section opens with one. */
  stepYaml?: { text: string; line: number; closed: boolean };
  /** The narration after the step block, up to the first `<!-- reveal -->` line. */
  body: string;
  /** The narration after the first `<!-- reveal -->` line; '' without one. */
  after: string;
  /** lesson.md lines of `<!-- reveal -->` lines (outside code blocks). */
  reveals: number[];
  /** lesson.md lines that look like a reveal marker but are not written exactly as one. */
  nearReveals: number[];
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
      ...narration(lines, headingLine + 1),
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
    ...narration(rest, headingLine + end + 2),
    strayStepBlocks: stepBlockLines(rest, headingLine + end + 2),
  };
}

/** The narration split at its first reveal line (outside code blocks); `firstLine`: of lines[0]. */
function narration(
  lines: readonly string[],
  firstLine: number,
): Pick<Section, 'body' | 'after' | 'reveals' | 'nearReveals'> {
  const fenced = fencedLines(lines);
  const reveals: number[] = [];
  const nearReveals: number[] = [];
  lines.forEach((line, i) => {
    if (fenced[i]) return;
    if (line.trim() === REVEAL_MARKER) reveals.push(i);
    else if (LOOKS_LIKE_REVEAL.test(line)) nearReveals.push(firstLine + i);
  });
  const cut = reveals[0];
  return {
    body: lines.slice(0, cut).join('\n').trim(),
    after:
      cut === undefined
        ? ''
        : lines
            .slice(cut + 1)
            .join('\n')
            .trim(),
    reveals: reveals.map((i) => firstLine + i),
    nearReveals,
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
