/**
 * A replaced output file beyond its first `writtenHere` bytes is written by the thread pool, from
 * copies, at each chunk's own position, while the caller goes on. Run here with `writtenHere` low,
 * so that small files take that path: the bytes arrive whole and in order although the caller
 * reuses its buffer at once; commit waits for every write; a discard in the middle of writes
 * leaves no file and no open descriptor; a full disk is a `ScoringError` naming the output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutputFile } from '../../src/node/output-file.js';
import { random } from '../helpers/dataset.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-thread-pool-'));
const mounted: string[] = [];
afterAll(() => {
  for (const mount of mounted) spawnSync('umount', [mount]);
  rmSync(directory, { recursive: true, force: true });
});

/** Open descriptors of this process. */
const openDescriptors = () => readdirSync('/proc/self/fd').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('openOutputFile: writes on the thread pool', () => {
  it('chunks of random sizes from one reused buffer, some beyond the first bytes written here: the file holds them whole, in order', async () => {
    const next = random(7);
    const target = join(directory, 'random.csv');
    const output = await openOutputFile(target, { writtenHere: 100_000 });
    const buffer = new Uint8Array(600_000);
    const expected: Buffer[] = [];
    let value = 0;
    for (let chunk = 0; chunk < 60; chunk++) {
      const length = Math.floor(next() * buffer.length);
      for (let index = 0; index < length; index++) buffer[index] = (value = (value * 31 + 7) % 251);
      expected.push(Buffer.from(buffer.subarray(0, length)));
      const waited = output.write(buffer.subarray(0, length));
      // The caller may reuse its buffer at once: what was given is already copied.
      buffer.fill(0);
      if (waited !== undefined) await waited;
    }
    expect(existsSync(target)).toBe(false);
    await output.commit();
    expect(readFileSync(target).equals(Buffer.concat(expected))).toBe(true);
    expect(readdirSync(directory).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('commit waits for writes the caller did not wait for', async () => {
    const target = join(directory, 'unawaited.csv');
    const output = await openOutputFile(target, { writtenHere: 0 });
    // More writes than the thread pool has threads: some are still queued when commit is called.
    const chunk = new Uint8Array(1 << 20);
    for (let count = 0; count < 64; count++) void output.write(chunk.fill(count));
    await output.commit();
    const written = readFileSync(target);
    expect(written.length).toBe(64 << 20);
    for (let count = 0; count < 64; count++) expect(written[(count << 20) + 12345]).toBe(count);
  });

  it('a discard while writes are under way: no file, the old content kept, and the descriptor closed once they end', async () => {
    const target = join(directory, 'discarded.csv');
    writeFileSync(target, 'old\n');
    const before = openDescriptors();
    const output = await openOutputFile(target, { writtenHere: 0 });
    const chunk = new Uint8Array(8 << 20).fill(66);
    for (let count = 0; count < 4; count++) void output.write(chunk);
    output.discard();
    expect(readdirSync(directory).filter((name) => name.includes('discarded.csv.tmp-'))).toEqual([]);
    await settle();
    expect(openDescriptors()).toBe(before);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(() => output.write(chunk)).toThrow(expect.objectContaining({ code: 'unwritable_output' }));
    await expect(output.commit()).rejects.toMatchObject({ code: 'unwritable_output' });
  });

  it('a full disk (a 256 kB tmpfs): a ScoringError unwritable_output naming the output and ENOSPC, no file left, the descriptor closed', async (context) => {
    const mount = mkdtempSync(join(tmpdir(), 'djg-thread-pool-full-'));
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]).status !== 0) {
      context.skip('mounting a tmpfs needs root (CI runs as root)');
    }
    mounted.push(mount);
    const target = join(mount, 'full.csv');
    writeFileSync(target, 'old\n');
    const before = openDescriptors();
    const output = await openOutputFile(target, { name: 'full.csv', writtenHere: 0 });
    const chunk = new Uint8Array(1 << 20).fill(67);
    let error: unknown;
    try {
      for (let count = 0; count < 4; count++) {
        const waited = output.write(chunk);
        if (waited !== undefined) await waited;
      }
      await output.commit();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'unwritable_output' });
    expect((error as Error).message).toMatch(/full\.csv.*ENOSPC/);
    await settle();
    expect(readdirSync(mount)).toEqual(['full.csv']);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(openDescriptors()).toBe(before);
  });
});
