import { describe, expect, it } from 'vitest';
import { fencedLines, fenceOpening } from '../../../src/core/lesson/fences';
import { splitFrontMatter } from '../../../src/core/lesson/frontMatter';
import { splitSections } from '../../../src/core/lesson/sections';

describe('splitFrontMatter', () => {
  it('splits the YAML between the --- lines from the body, with line numbers', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\n\nBody\n')).toEqual({
      yaml: 'title: A',
      yamlLine: 2,
      body: '\nBody\n',
      bodyLine: 4,
    });
    expect(splitFrontMatter('---\r\ntitle: A\r\n---\r\nBody')?.body).toBe('Body');
  });

  it('finds none without an opening and a closing line', () => {
    expect(splitFrontMatter('title: A\n---\n')).toBeUndefined();
    expect(splitFrontMatter('---\ntitle: A\n')).toBeUndefined();
  });
});

describe('fences', () => {
  it('opens with three or more backticks or tildes and closes with at least as many of the same', () => {
    expect(fenceOpening('```step')).toEqual({ char: '`', length: 3, info: 'step' });
    expect(fenceOpening('   ~~~~ json ')).toEqual({ char: '~', length: 4, info: 'json' });
    expect(fenceOpening('    ```')).toBeUndefined();
    expect(fenceOpening('``` a`b')).toBeUndefined();
    expect(fencedLines(['````', '```', '## inside', '````', '## outside'])).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('splitSections', () => {
  const body = [
    'Intro.',
    '',
    '## First',
    '',
    '```step',
    'at: start',
    '```',
    '',
    'Text one.',
    '',
    '```md',
    '## not a heading',
    '```',
    '',
    '## Second ##',
    'No block here.',
    '```step',
    'at: end',
    '```',
  ].join('\n');

  it('splits on "## " headings outside code blocks, each with its step block and body', () => {
    const split = splitSections(body, 10);
    expect(split.intro).toBe('Intro.');
    expect(split.strayStepBlocks).toEqual([]);
    expect(split.sections).toEqual([
      {
        title: 'First',
        line: 12,
        stepYaml: { text: 'at: start', line: 15, closed: true },
        body: 'Text one.\n\n```md\n## not a heading\n```',
        after: '',
        reveals: [],
        nearReveals: [],
        strayStepBlocks: [],
      },
      {
        title: 'Second',
        line: 24,
        body: 'No block here.\n```step\nat: end\n```',
        after: '',
        reveals: [],
        nearReveals: [],
        strayStepBlocks: [26],
      },
    ]);
  });
});

describe('splitSections: the <!-- reveal --> line', () => {
  const body = [
    '## A prediction',
    '```step',
    'at: start',
    '```',
    'Before.',
    '',
    '<!-- reveal -->',
    '',
    'After.',
    '```md',
    '<!-- reveal -->',
    '```',
    '<!--  reveal  -->',
    '<!-- reveal -->',
  ].join('\n');

  it('splits the narration at the first one outside code blocks, and lists them all', () => {
    const [section] = splitSections(body, 1).sections;
    expect(section).toMatchObject({
      body: 'Before.',
      after: 'After.\n```md\n<!-- reveal -->\n```\n<!--  reveal  -->\n<!-- reveal -->',
      reveals: [7, 14],
      nearReveals: [13],
    });
  });
});
