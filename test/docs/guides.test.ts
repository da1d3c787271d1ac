/**
 * Runs the code of the guides: every ```ts and ```js block of README.md and docs/**.md, in the
 * order written, the blocks of one page as one program (a later block may use what an earlier one
 * defined, as a reader following the page does). `expression; // value` lines are checked as in
 * the TSDoc examples (run-example.ts). A block that cannot run here (browser code, a fragment of a
 * page) is preceded by a line `<!-- not run: reason -->`; the reason is required.
 * Each page runs in a fresh folder holding the sample files of `loneliness-scales example`
 * (enquete-nl.csv, survey-coded.csv, and survey.csv, the coded one), as a reader's folder would.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/node/cli/sample-files.js';
import { runExample } from './run-example.js';

const repository = join(import.meta.dirname, '../..');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'api' ? [] : markdownFiles(join(folder, entry.name));
    return entry.name.endsWith('.md') ? [join(folder, entry.name)] : [];
  });
}

/** A page's code blocks: the runnable ones, and those marked as not run, with the reason. */
export function codeBlocks(text: string): { run: string[]; skipped: string[] } {
  const run: string[] = [];
  const skipped: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)((?:<!-- not run: ([^\n]*?) -->\n)?)```(?:ts|js|typescript|javascript)\n([\s\S]*?)\n```(?=\n|$)/g)) {
    if (match[1] !== '') {
      if ((match[2] ?? '').trim() === '') throw new Error('a block marked "not run" must say why');
      skipped.push(match[3] ?? '');
    } else run.push(match[3] ?? '');
  }
  return { run, skipped };
}

const pages = [join(repository, 'README.md'), ...markdownFiles(join(repository, 'docs'))].filter((file) => codeBlocks(readFileSync(file, 'utf8')).run.length > 0);

const start = process.cwd();
let folder: string | undefined;
afterEach(() => {
  process.chdir(start);
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('the code in the guides runs and shows true values', () => {
  it.each(pages.map((file) => [relative(repository, file), file]))('%s', async (_name, file) => {
    folder = mkdtempSync(join(tmpdir(), 'djg-guide-'));
    for (const sample of sampleFiles) writeFileSync(join(folder, `${sample.name}.csv`), sample.text);
    writeFileSync(join(folder, 'survey.csv'), sampleFiles.find((sample) => sample.name === 'survey-coded')?.text ?? '');
    process.chdir(folder);
    const { run } = codeBlocks(readFileSync(file, 'utf8'));
    for (const check of await runExample(run.join('\n'))) {
      expect(check.actual, `${check.expression}`).toEqual(check.expected);
    }
  });
});

describe('the guides runner can fail', () => {
  it('a wrong value in a comment is reported', async () => {
    const [check] = await runExample('1 + 1; // 3');
    expect(check).toMatchObject({ expected: 3, actual: 2 });
  });

  it('an error thrown by a block fails the page', async () => {
    await expect(runExample("import { score } from 'loneliness-scales';\nscore({}, {});")).rejects.toThrow();
  });

  it('a block marked not run needs a reason, and is left out', () => {
    expect(codeBlocks('<!-- not run: browser only -->\n```js\nwindow.x;\n```\n```ts\n1;\n```\n')).toEqual({ run: ['1;'], skipped: ['window.x;'] });
    expect(() => codeBlocks('<!-- not run:  -->\n```js\nx;\n```\n')).toThrow(/why/);
  });
});
