// Lesson Markdown to HTML, safe to insert into the page: raw HTML in the source is shown as text,
// links go only to http(s) or to relative addresses (anything else keeps its text, without a
// link), images become their alt text (the site's CSP loads nothing from elsewhere), and no
// attribute can carry a style or a script. Headings may be moved down a level or more, so that a
// page's own h1 stays the only one. Nothing becomes a link by itself: `<alice@a.example>` (an SMTP
// address, as in `RCPT TO:<alice@a.example>`) stays text with its brackets, and bare host names
// or addresses stay text; `[text](url)` and `<https://…>` are links. Inline code that is exactly
// an address of the app (`#/sandbox`) links there.
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** http(s) addresses, in-page anchors and relative paths; not `javascript:`, `data:`, `mailto:`. */
export function isSafeHref(href: string): boolean {
  const value = href.trim();
  if (/^https?:\/\//i.test(value)) return true;
  // No scheme: a colon may appear only after a path, query or fragment has started.
  const colon = value.indexOf(':');
  if (colon < 0) return !value.startsWith('//');
  const first = value.search(/[/?#]/);
  return first >= 0 && first < colon && !value.startsWith('//');
}

/** An address inside the app, written as inline code: `#/lessons`, `#/sandbox`, `#/console`. */
const APP_ROUTE = /^#\/[a-z][\w-]*(?:\/[\w-]+)*$/;

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href.trim());
}

function makeMarked(headingShift: number): Marked {
  return new Marked({
    async: false,
    gfm: true,
    tokenizer: {
      // No bare-URL autolinks (www.example.com, alice@a.example): they stay text.
      url(): undefined {
        return undefined;
      },
    },
    renderer: {
      html({ text, block }: Tokens.HTML | Tokens.Tag): string {
        const shown = escapeHtml(text.replace(/\n+$/, ''));
        return block ? `<p>${shown}</p>\n` : shown;
      },
      link({ href, title, tokens, raw }: Tokens.Link): string {
        // `<alice@a.example>` is an address in angle brackets, not a link to write an email.
        if (/^mailto:/i.test(href) && raw.startsWith('<')) return escapeHtml(raw);
        const inner = this.parser.parseInline(tokens);
        if (!isSafeHref(href)) return inner;
        const titled = title ? ` title="${escapeHtml(title)}"` : '';
        const external = isExternal(href) ? ' rel="noopener noreferrer"' : '';
        return `<a href="${escapeHtml(href.trim())}"${titled}${external}>${inner}</a>`;
      },
      codespan({ text }: Tokens.Codespan): string {
        // marked leaves the text as written: escape it here.
        const code = `<code>${escapeHtml(text)}</code>`;
        return APP_ROUTE.test(text) ? `<a href="${escapeHtml(text)}">${code}</a>` : code;
      },
      image({ text }: Tokens.Image): string {
        return escapeHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading): string {
        const level = Math.min(6, depth + headingShift);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
  });
}

const cache = new Map<number, Marked>();

function markedFor(headingShift: number): Marked {
  let marked = cache.get(headingShift);
  if (!marked) {
    marked = makeMarked(headingShift);
    cache.set(headingShift, marked);
  }
  return marked;
}

export interface MarkdownOptions {
  /** Levels to move every heading down (`#` becomes h3 with 2). */
  headingShift?: number;
}

/** A block of Markdown (paragraphs, lists, code) as safe HTML. */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return markedFor(options.headingShift ?? 0).parse(source, { async: false });
}

/** One line of Markdown (emphasis, code, links) as safe HTML, without a paragraph around it. */
export function renderInline(source: string): string {
  return markedFor(0).parseInline(source, { async: false });
}
