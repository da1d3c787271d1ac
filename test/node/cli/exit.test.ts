/**
 * The executable ends as soon as a run is done, without the runtime's teardown (and only when
 * nothing is still queued on its standard streams): the output, the summary line and the exit
 * code are those of the complete run, also for a reader that takes the output slowly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, runCliProcess, startCli } from '../../helpers/cli-process.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-exit-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// 30,000 rows: about 1.5 MB of output, many times what a pipe holds.
const rows = Array.from({ length: 30_000 }, (_, index) => `r${index},${(index % 3) + 1},${((index >> 1) % 3) + 1},3,2,${index % 7 === 0 ? '' : '1'},3`);
writeFileSync(join(directory, 'survey.csv'), `id,lone3,lone4,lone7,lone8,lone9,lone10\n${rows.join('\n')}\n`);
const score = ['score', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}'];

describe('CLI executable: ending a finished run', () => {
  it('a reader that starts late gets the whole output on stdout, exit code 0', async () => {
    const written = await runCliProcess([...score, '--out', 'scored.csv', '--quiet'], { cwd: directory });
    expect(written.code).toBe(0);
    const expected = readFileSync(join(directory, 'scored.csv'), 'utf8');
    expect(expected.length).toBeGreaterThan(1_000_000);

    const child = startCli([...score, '--quiet'], { cwd: directory });
    child.stdin?.end();
    // Nothing is read for a while: the CLI's writes fill the pipe and wait.
    child.stdout?.pause();
    const run = finished(child);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout?.resume();
    const { code, stdout } = await run;
    expect(code).toBe(0);
    expect(stdout).toBe(expected);
  });

  it('the summary line on stderr and the exit code of a run with bad rows survive the early end', async () => {
    writeFileSync(join(directory, 'bad.csv'), 'id,lone3,lone4,lone7,lone8,lone9,lone10\nr1,7,3,3,2,3,3\nr2,1,1,1,1,1,1\n');
    const run = await runCliProcess(['score', 'bad.csv', '--coding', 'manual', '--columns', 'lone{n}', '--out', 'bad-scored.csv'], { cwd: directory });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 rows read, 1 scored, 1 not scored (1 bad).');
    expect(readFileSync(join(directory, 'bad-scored.csv'), 'utf8').split('\n')).toHaveLength(4);
  });
});
