// The quoted code in Markdown: every inline code span, and every line of a fenced code block.
import { closesFence, fenceOpening, type Fence } from './fences';

const SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

export function codeSpans(markdown: string): string[] {
  const found: string[] = [];
  const prose: string[] = [];
  let open: Fence | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (open !== undefined) {
      if (closesFence(line, open)) open = undefined;
      else found.push(line.trim());
      continue;
    }
    open = fenceOpening(line);
    if (open === undefined) prose.push(line);
  }
  // Code spans may run over a line break inside a paragraph, not past a blank line.
  for (const paragraph of prose.join('\n').split(/\n\s*\n/)) {
    for (const m of paragraph.matchAll(SPAN)) {
      // CommonMark: line endings become spaces, one space each side is stripped when both present.
      const inner = (m[2] ?? '').replace(/\n/g, ' ');
      found.push(/^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner);
    }
  }
  return found.filter((s) => s !== '');
}
