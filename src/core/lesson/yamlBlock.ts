// YAML as lessons write it (front matter, step blocks): a parsed value, or the syntax problems with
// their lines in the file (the block's first line is `firstLine`).
import { parseDocument } from 'yaml';

export type YamlResult =
  { ok: true; value: unknown } | { ok: false; problems: Array<{ line: number; message: string }> };

export function parseYamlBlock(source: string, firstLine: number): YamlResult {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: firstLine + (e.linePos?.[0].line ?? 1) - 1,
        message: firstSentence(e.message),
      })),
    };
  }
  return { ok: true, value: doc.toJS() };
}

/** Without the position and source excerpt the yaml package appends: the line number says where. */
function firstSentence(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}
