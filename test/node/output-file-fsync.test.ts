import { mkdtempSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutputFile } from '../../src/node/output-file.js';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, fdatasyncSync: vi.fn(original.fdatasyncSync), fsyncSync: vi.fn(original.fsyncSync) };
});

const directory = mkdtempSync(join(tmpdir(), 'djg-fsync-'));

describe('openOutputFile: flushing to disk is opt-in (fsync)', () => {
  afterEach(() => vi.mocked(fs.fdatasyncSync).mockClear());

  it('by default the temporary file is renamed without a flush, and the content is complete', async () => {
    const path = join(directory, 'plain.csv');
    const output = await openOutputFile(path);
    output.write(new TextEncoder().encode('a,b\n1,2\n'));
    await output.commit();
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    expect(vi.mocked(fs.fdatasyncSync)).not.toHaveBeenCalled();
  });

  it('with fsync, the file is flushed before the rename', async () => {
    const path = join(directory, 'durable.csv');
    const output = await openOutputFile(path, { fsync: true });
    output.write(new TextEncoder().encode('a,b\n'));
    await output.commit();
    expect(readFileSync(path, 'utf8')).toBe('a,b\n');
    expect(vi.mocked(fs.fdatasyncSync)).toHaveBeenCalledTimes(1);
  });
});
