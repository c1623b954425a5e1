// Lesson Markdown made safe: raw HTML as text, only http(s) and relative links, images as their
// alt text, nothing that carries a script or a style; headings moved down on request.
import { describe, expect, test } from 'vitest';
import {
  escapeHtml,
  isSafeHref,
  renderInline,
  renderMarkdown,
} from '../../src/app/lessons/markdown';

describe('renderMarkdown', () => {
  test('ordinary Markdown: emphasis, code, lists, code blocks', () => {
    const html = renderMarkdown('Some **bold** and `250 Ok`.\n\n- one\n- two\n\n```\nEHLO x\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>250 Ok</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<pre><code>EHLO x\n</code></pre>');
  });

  test('raw HTML, block or inline, is shown as text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b style="color:red">b</b>\n\n<div onclick="x()">\nblock\n</div>',
    );
    expect(html).not.toMatch(/<(script|img|b|div)\b/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b style=&quot;color:red&quot;&gt;');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;');
  });

  test('links: http(s) and relative kept, other schemes lose the link but keep the text', () => {
    const html = renderMarkdown(
      '[a](https://www.rfc-editor.org/rfc/rfc5321) [b](#/sandbox?preset=x) [c](../docs/x.md) ' +
        '[d](javascript:alert(1)) [e](data:text/html,x) [f](mailto:x@y) [g](//evil.example/)',
    );
    expect(html).toContain(
      '<a href="https://www.rfc-editor.org/rfc/rfc5321" rel="noopener noreferrer">a</a>',
    );
    expect(html).toContain('<a href="#/sandbox?preset=x">b</a>');
    expect(html).toContain('<a href="../docs/x.md">c</a>');
    expect(html.match(/<a /g)).toHaveLength(3);
    for (const text of ['d', 'e', 'f', 'g']) expect(html).toContain(` ${text}`);
    expect(html).not.toMatch(/javascript:|data:|mailto:|evil/);
  });

  test('an image is its alt text; a link title is escaped', () => {
    expect(renderMarkdown('![the ladder](x.png)')).toBe('<p>the ladder</p>\n');
    expect(renderMarkdown('[x](/a "say \\"hi\\"")')).toContain('title="say &quot;hi&quot;"');
  });

  test('headings moved down', () => {
    expect(renderMarkdown('# One\n\n### Three', { headingShift: 1 })).toBe(
      '<h2>One</h2>\n<h4>Three</h4>\n',
    );
    expect(renderMarkdown('##### Five', { headingShift: 3 })).toBe('<h6>Five</h6>\n');
  });
});

describe('renderInline', () => {
  test('no paragraph around it, raw HTML as text', () => {
    expect(renderInline('A `code` and <i>raw</i>')).toBe(
      'A <code>code</code> and &lt;i&gt;raw&lt;/i&gt;',
    );
  });
});

describe('nothing becomes a link by itself', () => {
  test('an address in angle brackets is text with its brackets (an SMTP command)', () => {
    expect(renderInline('Alice sends RCPT TO:<carol@c.example> and waits.')).toBe(
      'Alice sends RCPT TO:&lt;carol@c.example&gt; and waits.',
    );
    expect(renderMarkdown('MAIL FROM:<alice@a.example>')).toBe(
      '<p>MAIL FROM:&lt;alice@a.example&gt;</p>\n',
    );
  });

  test('bare host names and addresses stay text', () => {
    const html = renderMarkdown(
      'The server www.example.com, the user bob@b.example, http://x.example',
    );
    expect(html).not.toContain('<a ');
    expect(html).toContain('www.example.com');
    expect(html).toContain('bob@b.example');
  });

  test('explicit links still work: [text](url) and <https://…>', () => {
    expect(renderInline('[RFC 5321](https://www.rfc-editor.org/rfc/rfc5321)')).toBe(
      '<a href="https://www.rfc-editor.org/rfc/rfc5321" rel="noopener noreferrer">RFC 5321</a>',
    );
    expect(renderInline('<https://example.org/x>')).toBe(
      '<a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>',
    );
  });

  test('inline code that is exactly an app address links there; other code stays code', () => {
    expect(renderInline('Open `#/sandbox` or `#/lessons`.')).toBe(
      'Open <a href="#/sandbox"><code>#/sandbox</code></a> or <a href="#/lessons"><code>#/lessons</code></a>.',
    );
    expect(renderInline('`#/lessons/<slug>` and `RCPT TO:<a@b>`')).toBe(
      '<code>#/lessons/&lt;slug&gt;</code> and <code>RCPT TO:&lt;a@b&gt;</code>',
    );
    expect(renderInline('`#/x" onclick="y`')).not.toContain('<a ');
  });
});

describe('helpers', () => {
  test.each([
    ['https://x.example/a', true],
    ['HTTP://x.example', true],
    ['#/lessons', true],
    ['/a/b', true],
    ['a/b:c', true],
    ['?x=1', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['mailto:x@y', false],
    ['//evil.example', false],
  ])('isSafeHref(%j) is %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });

  test('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
