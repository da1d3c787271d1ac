import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../src/index.js';
import { BadRowError } from '../../src/batch/index.js';
import { type ScoreFileOptions, scoreFile } from '../../src/node/index.js';

const header = 'id,lone3,lone4,lone7,lone8,lone9,lone10';
const survey = `${header}\nr1,3,3,3,2,3,3\nr2,1,1,1,1,1,1\n`;
const options: ScoreFileOptions = { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } };

const directories: string[] = [];
function workspace(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'djg-score-file-'));
  directories.push(directory);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** The rejection of a promise that must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('scoreFile: typed errors, nothing lost, nothing left behind', () => {
  it('issue 8 #5: an output in a missing directory rejects with ScoringError unwritable_output (no unhandled error event)', async () => {
    const directory = workspace({ 's.csv': survey });
    const error = await rejection(scoreFile(join(directory, 's.csv'), join(directory, 'missing', 'out.csv'), options));
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'unwritable_output', value: join(directory, 'missing', 'out.csv') });
    expect((error as Error).message).toContain('cannot create a file in its directory: the directory does not exist');
  });

  it('issue 8 #5: a missing input rejects with ScoringError unreadable_input and leaves no output file', async () => {
    const directory = workspace();
    const error = await rejection(scoreFile(join(directory, 'absent.csv'), join(directory, 'out.csv'), options));
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'unreadable_input' });
    expect(readdirSync(directory)).toEqual([]);
    const folder = await rejection(scoreFile(directory, join(directory, 'out.csv'), options));
    expect(folder).toMatchObject({ code: 'unreadable_input' });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('issue 8 #1: scoreFile(a, a) and scoreFile(a, link to a) reject with same_file; the input is untouched', async () => {
    const directory = workspace({ 'a.csv': survey });
    symlinkSync('a.csv', join(directory, 'link.csv'));
    for (const output of ['a.csv', 'link.csv']) {
      const error = await rejection(scoreFile(join(directory, 'a.csv'), join(directory, output), options));
      expect(error).toBeInstanceOf(ScoringError);
      expect(error).toMatchObject({ code: 'same_file' });
    }
    expect(readFileSync(join(directory, 'a.csv'), 'utf8')).toBe(survey);
    expect(readdirSync(directory).sort()).toEqual(['a.csv', 'link.csv']);
  });

  it('issue 8 #2: a strict stop or a missing column leaves an existing output byte-identical and no temporary file', async () => {
    const directory = workspace({ 'bad.csv': `${header}\nr1,3,3,3,2,3,3\nr2,7,3,3,2,3,3\n`, 'narrow.csv': 'id,lone3\n1,3\n', 'out.csv': 'previous result\n' });
    const stop = await rejection(scoreFile(join(directory, 'bad.csv'), join(directory, 'out.csv'), { ...options, strict: true }));
    expect(stop).toBeInstanceOf(BadRowError);
    const usage = await rejection(scoreFile(join(directory, 'narrow.csv'), join(directory, 'out.csv'), options));
    expect(usage).toMatchObject({ code: 'missing_column' });
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('previous result\n');
    expect(readdirSync(directory).sort()).toEqual(['bad.csv', 'narrow.csv', 'out.csv']);
  });

  it('a complete run replaces an existing output; an aborted run (AbortSignal) leaves it as it was', async () => {
    const directory = workspace({ 's.csv': survey, 'out.csv': 'previous result\n' });
    const counts = await scoreFile(join(directory, 's.csv'), join(directory, 'out.csv'), options);
    expect(counts).toMatchObject({ read: 2, scored: 2 });
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toMatch(/^id,lone3,.*total/);
    writeFileSync(join(directory, 'out.csv'), 'previous result\n');
    writeFileSync(join(directory, 'big.csv'), `${header}\n${'r,3,3,3,2,3,3\n'.repeat(300_000)}`);
    const controller = new AbortController();
    let rows = 0;
    const run = scoreFile(join(directory, 'big.csv'), join(directory, 'out.csv'), {
      ...options,
      signal: controller.signal,
      onRow: () => {
        if (++rows === 100_000) controller.abort(new Error('stopped by the caller'));
      },
    });
    expect(((await rejection(run)) as Error).message).toBe('stopped by the caller');
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('previous result\n');
    expect(readdirSync(directory).sort()).toEqual(['big.csv', 'out.csv', 's.csv']);
  });

  it('an output name near the 255-byte limit still gets a temporary file beside it', async () => {
    const directory = workspace({ 's.csv': survey });
    const long = `${'ø'.repeat(125)}.csv`;
    expect(Buffer.byteLength(long)).toBe(254);
    await scoreFile(join(directory, 's.csv'), join(directory, long), options);
    expect(readdirSync(directory).sort()).toEqual(['s.csv', long].sort());
  });

  it('a regular file under /dev (/dev/shm) is replaced like any file, not appended to', async (context) => {
    if (!existsSync('/dev/shm')) return context.skip('no /dev/shm');
    const directory = workspace({ 's.csv': survey });
    const target = join(mkdtempSync('/dev/shm/djg-score-file-'), 'out.csv');
    directories.push(join(target, '..'));
    writeFileSync(target, 'previous result\n');
    await scoreFile(join(directory, 's.csv'), target, options);
    expect(readFileSync(target, 'utf8')).toMatch(/^id,lone3,/);
  });

  it('issue 8: a FIFO is an input', async (context) => {
    const directory = workspace();
    const fifo = join(directory, 'input.csv');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return context.skip('mkfifo is not available');
    const run = scoreFile(fifo, join(directory, 'out.csv'), options);
    createWriteStream(fifo).end(survey);
    expect(await run).toMatchObject({ read: 2, scored: 2 });
    expect(existsSync(join(directory, 'out.csv'))).toBe(true);
  });
});
