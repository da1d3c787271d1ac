import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutputFile } from '../../src/node/output-file.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-temporary-'));

/** The temporary name openOutputFile makes for a target with Math.random() returning `value`. */
const temporaryName = (target: string, value: number) => `.${target}.tmp-${process.pid}-${Math.floor(value * 2 ** 48).toString(36)}`;

describe('openOutputFile: the temporary file beside the target', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never opens a file that is already there: a taken name is tried again with another, and the file there is left as it was', async () => {
    const taken = temporaryName('out.csv', 0.25);
    writeFileSync(join(directory, taken), 'someone else’s file');
    vi.spyOn(Math, 'random').mockReturnValueOnce(0.25).mockReturnValueOnce(0.5);
    const output = await openOutputFile(join(directory, 'out.csv'));
    output.write(new TextEncoder().encode('a\n1\n'));
    await output.commit();
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('a\n1\n');
    expect(readFileSync(join(directory, taken), 'utf8')).toBe('someone else’s file');
  });

  it('gives up with an error naming the output when every name tried is taken', async () => {
    writeFileSync(join(directory, temporaryName('full.csv', 0.75)), 'x');
    vi.spyOn(Math, 'random').mockReturnValue(0.75);
    await expect(openOutputFile(join(directory, 'full.csv'))).rejects.toThrow(/full\.csv/);
    expect(readdirSync(directory)).not.toContain('full.csv');
  });
});
