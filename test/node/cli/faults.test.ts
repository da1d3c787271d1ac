/**
 * Fault tests of the CLI as a real process: an output over its input, interrupted runs, stops
 * and usage errors with an existing --out, read-only and full output locations. The promise under
 * test (docs/reliability.md, "Files and outputs"): the input is never destroyed, and the --out
 * name holds either its old content or the complete new output, never a part.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, runCliProcess, startCli } from '../../helpers/cli-process.js';

const header = 'id,lone3,lone4,lone7,lone8,lone9,lone10';
const survey = `${header}\nr1,3,3,3,2,3,3\nr2,1,1,1,1,1,1\nr3,,3,3,2,3,3\n`;
const byNumber = ['--coding', 'manual', '--columns', 'lone{n}'];
const isRoot = process.getuid?.() === 0;

const directories: string[] = [];
/** A fresh directory holding `files`. */
function workspace(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'djg-faults-'));
  directories.push(directory);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}
/** Temporary output files left in a directory (`.NAME.tmp-PID-RANDOM`). */
function leftovers(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.includes('.tmp-'));
}

/** Mounted tmpfs directories, unmounted after the tests. */
const mounts: string[] = [];
function mountTmpfs(directory: string, options: string): boolean {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', directory]).status === 0;
  if (mounted) mounts.push(directory);
  return mounted;
}
/** Whether this process may mount a tmpfs (root, outside a restricted container): probed once. */
const canMount = (() => {
  if (!isRoot) return false;
  const probe = mkdtempSync(join(tmpdir(), 'djg-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
})();
const mountSkip = 'mounting a tmpfs needs root (CI runs as root); skipped';

afterAll(() => {
  for (const directory of mounts.reverse()) spawnSync('umount', [directory]);
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('issue 8 #1: an output that is its input is refused (exit 2), the input untouched', () => {
  it('score s.csv --out s.csv', async () => {
    const directory = workspace({ 's.csv': survey });
    const run = await runCliProcess(['score', 's.csv', ...byNumber, '--out', 's.csv'], { cwd: directory });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('s.csv is the input file s.csv');
    expect(readFileSync(join(directory, 's.csv'), 'utf8')).toBe(survey);
    expect(leftovers(directory)).toEqual([]);
  });

  it('through a symlink, a hard link, another spelling of the path and a symlinked input', async () => {
    const directory = workspace({ 's.csv': survey });
    symlinkSync('s.csv', join(directory, 'link.csv'));
    linkSync(join(directory, 's.csv'), join(directory, 'hard.csv'));
    mkdirSync(join(directory, 'sub'));
    for (const [input, output] of [
      ['s.csv', 'link.csv'],
      ['s.csv', 'hard.csv'],
      ['s.csv', './sub/../s.csv'],
      ['link.csv', join(directory, 's.csv')],
    ] as const) {
      const run = await runCliProcess(['score', input, ...byNumber, '--out', output], { cwd: directory });
      expect(run.code, `${input} → ${output}`).toBe(2);
      expect(run.stderr).toContain(`${output} is the input file ${input}`);
      expect(readFileSync(join(directory, 's.csv'), 'utf8')).toBe(survey);
    }
    expect(leftovers(directory)).toEqual([]);
  });

  it('score b.csv >> b.csv (stdout is the input) stops at once instead of reading its own output', async () => {
    const directory = workspace({ 'b.csv': survey });
    const run = await runCliProcess(['score', 'b.csv', ...byNumber], { cwd: directory, shellSuffix: '>> b.csv' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('standard output is the input file b.csv');
    expect(readFileSync(join(directory, 'b.csv'), 'utf8')).toBe(survey);
  });

  it('score b.csv > b.csv (emptied by the shell) is the same usage error, not "the input is empty"', async () => {
    const directory = workspace({ 'b.csv': survey });
    const run = await runCliProcess(['score', 'b.csv', ...byNumber], { cwd: directory, shellSuffix: '> b.csv' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('standard output is the input file b.csv');
  });

  it('stdin redirected from the --out file, and summary with --out or --chart on its input', async () => {
    const directory = workspace({ 's.csv': survey });
    const fromStdin = await runCliProcess(['score', '-', ...byNumber, '--out', 's.csv'], { cwd: directory, shellSuffix: '< s.csv' });
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr).toContain('s.csv is the input file stdin');
    for (const option of ['--out', '--chart']) {
      const summary = await runCliProcess(['summary', 's.csv', ...byNumber, option, 's.csv'], { cwd: directory });
      expect(summary.code, option).toBe(2);
    }
    const appended = await runCliProcess(['summary', 's.csv', ...byNumber], { cwd: directory, shellSuffix: '>> s.csv' });
    expect(appended.code).toBe(2);
    expect(readFileSync(join(directory, 's.csv'), 'utf8')).toBe(survey);
  });
});

describe('issue 8 #2: a failed or stopped run leaves --out as it was', () => {
  it('--strict stop: an existing --out is byte-identical afterwards (exit 3), no temporary file left', async () => {
    const directory = workspace({ 'strict.csv': `${header}\nr1,3,3,3,2,3,3\nr2,7,3,3,2,3,3\n`, 'out.csv': 'previous result\n' });
    const run = await runCliProcess(['score', 'strict.csv', ...byNumber, '--strict', '--out', 'out.csv'], { cwd: directory });
    expect(run.code).toBe(3);
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('previous result\n');
    expect(leftovers(directory)).toEqual([]);
  });

  it('usage error (a column missing from the data): an existing --out of score and summary is unchanged (exit 2)', async () => {
    const directory = workspace({ 'missing.csv': 'id,lone3,lone4\n1,3,3\n', 'out.csv': 'previous result\n' });
    for (const command of ['score', 'summary']) {
      const run = await runCliProcess([command, 'missing.csv', ...byNumber, '--out', 'out.csv'], { cwd: directory });
      expect(run.code, command).toBe(2);
      expect(run.stderr).toContain('lone7');
      expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('previous result\n');
    }
    expect(leftovers(directory)).toEqual([]);
  });

  it('a usage error without an existing --out creates no file', async () => {
    const directory = workspace({ 'missing.csv': 'id,lone3,lone4\n1,3,3\n' });
    const run = await runCliProcess(['score', 'missing.csv', ...byNumber, '--out', 'new.csv'], { cwd: directory });
    expect(run.code).toBe(2);
    expect(readdirSync(directory)).toEqual(['missing.csv']);
  });

  it('summary checks --out before reading: an unwritable location fails at once, with stdin still open', async () => {
    const directory = workspace();
    const child = startCli(['summary', '-', ...byNumber, '--out', 'no/such/directory/report.txt'], { cwd: directory });
    // stdin is never closed: a command that read first would wait for ever.
    const run = await finished(child);
    child.stdin?.destroy();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot write no/such/directory/report.txt: cannot create a file in its directory: the directory does not exist');
  }, 20_000);

  it('a successful run replaces an existing --out completely, keeping its permission bits and a symlink to it', async () => {
    const directory = workspace({ 's.csv': survey, 'real.csv': 'previous result\n' });
    chmodSync(join(directory, 'real.csv'), 0o640);
    symlinkSync('real.csv', join(directory, 'out.csv'));
    const run = await runCliProcess(['score', 's.csv', ...byNumber, '--out', 'out.csv'], { cwd: directory });
    expect(run.code).toBe(0);
    expect(readFileSync(join(directory, 'real.csv'), 'utf8').split('\n')[1]).toMatch(/^r1,3,3,3,2,3,3,4,/);
    expect(statSync(join(directory, 'real.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe(readFileSync(join(directory, 'real.csv'), 'utf8'));
    expect(leftovers(directory)).toEqual([]);
  });
});

describe('issue 8 #2: SIGINT and SIGTERM during a large run leave no file at --out and no temporary file', () => {
  let big: string;
  beforeAll(() => {
    // About 42 MB: the run takes long enough to be interrupted after output has started.
    big = join(workspace(), 'big.csv');
    writeFileSync(big, `${header}\n${'r,3,3,3,2,3,3\n'.repeat(3_000_000)}`);
  });

  /** Starts a run into `out`, waits until its temporary file holds output, sends `signal`. */
  async function interrupt(signal: NodeJS.Signals, existing?: string) {
    const directory = workspace(existing === undefined ? {} : { 'out.csv': existing });
    const child = startCli(['score', big, ...byNumber, '--quiet', '--out', 'out.csv'], { cwd: directory });
    const run = finished(child);
    child.stdin?.end();
    let exited = false;
    void run.then(() => (exited = true));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [temporary] = leftovers(directory);
      if (temporary !== undefined && statSync(join(directory, temporary), { throwIfNoEntry: false })?.size) break;
      if (exited || Date.now() > deadline) throw new Error('the run ended before its output could be interrupted');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill(signal);
    return { directory, run: await run };
  }

  it('SIGINT: ends by the signal (status 130), nothing at --out', async () => {
    const { directory, run } = await interrupt('SIGINT');
    // Ended by the signal itself after the clean-up: a shell reports exit status 130.
    expect(run.signal).toBe('SIGINT');
    expect(run.stderr).toContain('SIGINT: stopped; the output was not written');
    expect(existsSync(join(directory, 'out.csv'))).toBe(false);
    expect(leftovers(directory)).toEqual([]);
  });

  it('SIGTERM: ends by the signal (status 143), an existing --out unchanged', async () => {
    const { directory, run } = await interrupt('SIGTERM', 'previous result\n');
    expect(run.signal).toBe('SIGTERM');
    expect(readFileSync(join(directory, 'out.csv'), 'utf8')).toBe('previous result\n');
    expect(leftovers(directory)).toEqual([]);
  });

  it('SIGTERM while waiting for a FIFO input that nobody writes: answered at once, nothing at --out', async (context) => {
    const directory = workspace();
    const fifo = join(directory, 'input.csv');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return context.skip('mkfifo is not available');
    const child = startCli(['score', fifo, ...byNumber, '--quiet', '--out', 'out.csv'], { cwd: directory });
    const run = finished(child);
    child.stdin?.end();
    while (leftovers(directory).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    // No writer ever opens the FIFO: the CLI waits in open(), and the signal still ends it.
    const result = await run;
    expect(result.signal).toBe('SIGTERM');
    expect(readdirSync(directory)).toEqual(['input.csv']);
  }, 20_000);
});

describe('issue 8: FIFOs, process substitution, /dev/stdin and - are inputs', () => {
  it('<(cat s.csv), /dev/stdin, a named FIFO and - score like the file itself', async () => {
    const directory = workspace({ 's.csv': survey });
    const expected = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet'], { cwd: directory });
    expect(expected.code).toBe(0);
    const substituted = await runCliProcess(['score', '--quiet', ...byNumber], { cwd: directory, shell: 'bash', shellSuffix: '<(cat s.csv)' });
    expect(substituted).toMatchObject({ code: 0, stdout: expected.stdout });
    const devStdin = await runCliProcess(['score', '/dev/stdin', ...byNumber, '--quiet'], { cwd: directory, stdin: survey });
    expect(devStdin).toMatchObject({ code: 0, stdout: expected.stdout });
    const dash = await runCliProcess(['score', '-', ...byNumber, '--quiet'], { cwd: directory, stdin: survey });
    expect(dash).toMatchObject({ code: 0, stdout: expected.stdout });
    const fifo = join(directory, 'pipe.csv');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const child = startCli(['score', 'pipe.csv', ...byNumber, '--quiet', '--out', 'from-fifo.csv'], { cwd: directory });
      const run = finished(child);
      child.stdin?.end();
      createWriteStream(fifo).end(survey);
      expect((await run).code).toBe(0);
      expect(readFileSync(join(directory, 'from-fifo.csv'), 'utf8')).toBe(expected.stdout);
    }
  });

  it('--out /dev/stdout appended to a log (>> log.txt) is written in place: the log keeps its start', async () => {
    const directory = workspace({ 's.csv': survey, 'log.txt': 'log start\n' });
    const expected = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet'], { cwd: directory });
    const run = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet', '--out', '/dev/stdout'], { cwd: directory, shellSuffix: '>> log.txt' });
    expect(run.code).toBe(0);
    expect(readFileSync(join(directory, 'log.txt'), 'utf8')).toBe(`log start\n${expected.stdout}`);
  });

  it('--out /dev/null and a process-substitution output are written in place, not replaced', async () => {
    const directory = workspace({ 's.csv': survey });
    const devNull = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet', '--out', '/dev/null'], { cwd: directory });
    expect(devNull.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const substituted = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet', '--out'], { cwd: directory, shell: 'bash', shellSuffix: '>(cat > copy.csv)' });
    expect(substituted.code).toBe(0);
    const expected = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet'], { cwd: directory });
    const copy = join(directory, 'copy.csv');
    // The substituted process finishes on its own after the CLI has exited.
    for (let wait = 0; wait < 200 && (!existsSync(copy) || readFileSync(copy, 'utf8') !== expected.stdout); wait++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(readFileSync(copy, 'utf8')).toBe(expected.stdout);
  });
});

describe('issue 8 #2: read-only and full output locations', () => {
  it('--out /dev/full (a device written at once) and > /dev/full: exit 3, the device and the full disk named', async () => {
    const directory = workspace({ 's.csv': survey });
    const named = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet', '--out', '/dev/full'], { cwd: directory });
    expect(named.code).toBe(3);
    expect(named.stderr).toMatch(/Cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
    const redirected = await runCliProcess(['score', 's.csv', ...byNumber, '--quiet'], { cwd: directory, shellSuffix: '> /dev/full' });
    expect(redirected.code).toBe(3);
    expect(redirected.stderr).toMatch(/ENOSPC/);
  });

  it('a read-only output location is a usage error (exit 2); an existing --out is unchanged', async (context) => {
    const directory = workspace({ 's.csv': survey });
    const locked = join(directory, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'out.csv'), 'previous result\n');
    if (isRoot) {
      // Root ignores permission bits: make the location read-only with a read-only mount instead.
      if (!canMount) return context.skip(mountSkip);
      expect(mountTmpfs(locked, 'size=64k')).toBe(true);
      writeFileSync(join(locked, 'out.csv'), 'previous result\n');
      expect(spawnSync('mount', ['-o', 'remount,ro', locked]).status).toBe(0);
    } else {
      chmodSync(locked, 0o555);
    }
    try {
      const run = await runCliProcess(['score', 's.csv', ...byNumber, '--out', 'locked/out.csv'], { cwd: directory });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Cannot write locked\/out\.csv: (cannot create a file in its directory: )?(permission denied|the file system is read-only)/);
      expect(readFileSync(join(locked, 'out.csv'), 'utf8')).toBe('previous result\n');
      expect(readdirSync(locked)).toEqual(['out.csv']);
    } finally {
      if (!isRoot) chmodSync(locked, 0o755);
    }
  });

  it('a full disk (64 kB tmpfs): exit 3, a clear message, no partial file, an existing --out unchanged, the space freed', async (context) => {
    if (!canMount) return context.skip(mountSkip);
    const directory = workspace();
    // About 150 kB of input, 400 kB of output: more than the tmpfs holds.
    writeFileSync(join(directory, 'survey.csv'), `${header}\n${'r,3,3,3,2,3,3\n'.repeat(10_000)}`);
    const full = join(directory, 'full');
    mkdirSync(full);
    expect(mountTmpfs(full, 'size=64k')).toBe(true);
    const fresh = await runCliProcess(['score', 'survey.csv', ...byNumber, '--out', 'full/scored.csv'], { cwd: directory });
    expect(fresh.code).toBe(3);
    expect(fresh.stderr).toContain('Cannot write full/scored.csv: no space left on the device (ENOSPC). full/scored.csv was not created.');
    expect(readdirSync(full)).toEqual([]);
    writeFileSync(join(full, 'scored.csv'), 'previous result\n');
    const existing = await runCliProcess(['score', 'survey.csv', ...byNumber, '--out', 'full/scored.csv'], { cwd: directory });
    expect(existing.code).toBe(3);
    expect(existing.stderr).toContain('full/scored.csv is unchanged.');
    expect(readFileSync(join(full, 'scored.csv'), 'utf8')).toBe('previous result\n');
    expect(readdirSync(full)).toEqual(['scored.csv']);
    // The temporary file's blocks were released: a small output still fits.
    writeFileSync(join(directory, 'small.csv'), survey);
    const small = await runCliProcess(['score', 'small.csv', ...byNumber, '--out', 'full/small-scored.csv'], { cwd: directory });
    expect(small.code).toBe(0);
  });

  it('summary and syntax on a full disk: exit non-zero, nothing written', async (context) => {
    if (!canMount) return context.skip(mountSkip);
    const directory = workspace({ 's.csv': survey });
    const full = join(directory, 'full');
    mkdirSync(full);
    expect(mountTmpfs(full, 'size=4k')).toBe(true);
    // Fill the tmpfs so that nothing more fits.
    writeFileSync(join(full, 'filler'), '');
    spawnSync('sh', ['-c', `cat /dev/zero > ${full}/filler 2>/dev/null`]);
    const summary = await runCliProcess(['summary', 's.csv', ...byNumber, '--format', 'svg', '--out', 'full/chart.svg'], { cwd: directory });
    expect(summary.code).toBe(3);
    expect(summary.stderr).toContain('no space left on the device (ENOSPC)');
    const syntax = await runCliProcess(['syntax', '--target', 'spss', ...byNumber, '--out', 'full/score.sps'], { cwd: directory });
    expect(syntax.code).not.toBe(0);
    expect(syntax.stderr).toContain('no space left on the device (ENOSPC)');
    expect(readdirSync(full)).toEqual(['filler']);
  });
});
