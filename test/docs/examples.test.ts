/**
 * Runs the `@example` of every export in the TSDoc of src/: a statement followed by a comment
 * holding a JavaScript value (`score(…).total; // 4`) must produce that value. Comments that are
 * prose are not checked, but their statements still run. Examples may use `await`. The runner is
 * shared with the guides (test/docs/guides.test.ts): run-example.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

const root = join(import.meta.dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

function examplesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const blocks: string[] = [];
  for (const match of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
    blocks.push((match[1] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'));
  }
  return blocks;
}

const files = sourceFiles(root).filter((file) => examplesOf(file).length > 0);

describe('TSDoc examples run and show true values', () => {
  it.each(files.map((file) => [relative(root, file), file]))('%s', async (_name, file) => {
    for (const example of examplesOf(file)) {
      for (const check of await runExample(example)) {
        expect(check.actual, `${check.expression}`).toEqual(check.expected);
      }
    }
  });
});
