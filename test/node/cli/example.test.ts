import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../../src/node/cli/sample-files.js';
import { parseSimpleCsv, runCliCaptured } from '../../helpers/cli.js';

const repository = join(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'djg-example-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('loneliness-scales example: sample files for the first commands in an empty folder', () => {
  it.each(sampleFiles.map((file) => [file.name]))('%s is the same as the file of that name in examples/data', (name) => {
    const file = sampleFiles.find((candidate) => candidate.name === name);
    expect(file?.text).toBe(readFileSync(join(repository, 'examples/data', `${name}.csv`), 'utf8'));
  });

  it('prints the Dutch sample by default, and score reads what it printed', async () => {
    const printed = await runCliCaptured(['example']);
    expect(printed.code).toBe(0);
    expect(printed.stdout.split('\n')[0]).toBe('respondent,gemeente,leeftijd,emptiness,leanOn,trust,closeTo,missPeople,rejected');
    const scored = await runCliCaptured(['score', '-', '--quiet'], { stdin: printed.stdout });
    // r010 answered "misschien": a bad row, so exit code 1 — the row is still written.
    expect(scored.code).toBe(1);
    const rows = parseSimpleCsv(scored.stdout);
    expect(rows).toHaveLength(432);
    // The reference's worked example (SEED §6): yes, yes, yes, more or less, yes, yes → 4, moderately lonely.
    expect(rows[0]).toMatchObject({ respondent: 'r001', total: '4', emotional: '3', social: '1' });
  });

  it('writes the coded sample with --out, and summary reads it with --coding manual', async () => {
    const written = await runCliCaptured(['example', 'survey-coded', '--out', 'survey.csv'], { cwd: folder });
    expect(written).toMatchObject({ code: 0, stdout: '' });
    const summary = await runCliCaptured(['summary', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}', '--format', 'json'], { cwd: folder });
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ read: 40, scored: 40 });
  });

  it('refuses an unknown name, listing the files; --help lists them too', async () => {
    const unknown = await runCliCaptured(['example', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('enquete-nl, survey-coded');
    const help = await runCliCaptured(['example', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('survey-coded');
  });

  it('is in the overview, and no help text points at a file a new project lacks', async () => {
    const overview = await runCliCaptured(['--help']);
    expect(overview.stdout).toContain('loneliness-scales example > enquete-nl.csv');
    expect(overview.stdout).not.toContain('examples/data');
  });
});
