/**
 * Output on a pipe (`score survey.csv | gzip`): written straight to the descriptor while the reader
 * keeps up, through the stream when the pipe stays full, and in order either way. The bytes are
 * those of `--out`, whatever the reader's pace; a reader that closes early ends the run quietly.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRows, toCsv } from '../../helpers/dataset.js';
import { cliCommand, runCliProcess } from '../../helpers/cli-process.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-pipe-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// 60,000 rows: about 3.5 MB of output, many times what a pipe or socket holds.
writeFileSync(join(directory, 'survey.csv'), toCsv(generateRows(60_000, 'manual', 11, 0.05)));
const score = ['score', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}', '--quiet'];
let expected = '';

beforeAll(async () => {
  const written = await runCliProcess([...score, '--out', 'scored.csv'], { cwd: directory });
  expect(written.code).toBe(0);
  expected = readFileSync(join(directory, 'scored.csv'), 'utf8');
  expect(expected.length).toBeGreaterThan(3_000_000);
});

/** Runs `score` into a bash pipeline `| READER` that writes `file`; the CLI's status, its stderr and the file. */
async function throughShellPipe(reader: string, file: string): Promise<{ code: number | null; stderr: string; text: string }> {
  const run = await runCliProcess(score, { cwd: directory, shell: 'bash', shellSuffix: `| ${reader}; exit \${PIPESTATUS[0]}` });
  return { code: run.code, stderr: run.stderr, text: readFileSync(join(directory, file), 'utf8') };
}

describe('CLI output on a pipe', () => {
  it('a reader that keeps up gets the bytes of --out', async () => {
    const run = await runCliProcess(score, { cwd: directory });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected);
  });

  it('a shell pipe whose reader keeps up (| cat) gets the bytes of --out', async () => {
    expect(await throughShellPipe('cat > piped.csv', 'piped.csv')).toEqual({ code: 0, stderr: '', text: expected });
  });

  it('a shell pipe whose reader stops again and again, each time longer than the CLI waits on a full pipe, gets the bytes of --out, in order', async () => {
    // Reads 64 KiB at a time and sleeps after each read: 40 ms (longer than the 10 ms the CLI waits
    // before it hands the rest to its stream), then 2 ms twice (the pipe has room again while the
    // stream still holds bytes), until the end.
    writeFileSync(
      join(directory, 'slow-reader.cjs'),
      `const fs = require('node:fs');
const buffer = Buffer.alloc(1 << 16);
const sleeps = [40, 2, 2];
let reads = 0;
const out = fs.openSync(process.argv[2], 'w');
const pause = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  const count = fs.readSync(0, buffer, 0, buffer.length, null);
  if (count === 0) break;
  fs.writeSync(out, buffer, 0, count);
  Atomics.wait(pause, 0, 0, sleeps[reads++ % sleeps.length]);
}
`,
    );
    const run = await throughShellPipe(`${JSON.stringify(process.execPath)} slow-reader.cjs slowly.csv`, 'slowly.csv');
    expect(run.text.length).toBe(expected.length);
    expect(run).toEqual({ code: 0, stderr: '', text: expected });
  });

  it('a shell pipe whose reader starts late (| { sleep 0.3; cat; }) gets the bytes of --out', async () => {
    expect(await throughShellPipe('{ sleep 0.3; cat > late.csv; }', 'late.csv')).toEqual({ code: 0, stderr: '', text: expected });
  });

  it('a reader that closes early (| head) ends the run with status 0 and nothing on stderr', async () => {
    expect(await throughShellPipe('head -c 100 > head.txt', 'head.txt')).toEqual({ code: 0, stderr: '', text: expected.slice(0, 100) });
  });

  it('a reader that never reads: the run waits in the event loop, not in a write, so SIGINT ends it at once', async () => {
    const fifo = join(directory, 'stalled.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opened for reading and writing, so that the open does not wait for a writer: a reader that never reads.
    const stalled = openSync(fifo, 'r+');
    const [command = '', ...rest] = cliCommand;
    const child = spawn(command, [...rest, ...score], { cwd: directory, stdio: ['ignore', stalled, 'pipe'] });
    try {
      const exited = once(child, 'exit');
      // Long enough for the CLI to start and fill the FIFO (64 KiB of 3.5 MB).
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(child.exitCode).toBeNull();
      const sent = Date.now();
      child.kill('SIGINT');
      const ended = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running 5 s after SIGINT'), 5000))]);
      expect(ended).toEqual([null, 'SIGINT']);
      expect(Date.now() - sent).toBeLessThan(1000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      closeSync(stalled);
    }
  });
});
