import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { parseSimpleCsv, runCliCaptured } from '../../helpers/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'dialect-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const survey = 'lone3,lone4,lone7,lone8,lone9,lone10\n3,3,3,2,3,3\n3,3,3,2,,3\n';

describe('one CLI dialect: the same setting is spelled the same way in score, summary and syntax (issue 9)', () => {
  it('--missing-total / --missing-subscale and --missing total=,subscale= mean the same, in score and in syntax', async () => {
    const a = await runCliCaptured(['score', '-', '--coding', 'manual', '--columns', 'lone{n}', '--missing-total', '0', '-q'], { stdin: survey });
    const b = await runCliCaptured(['score', '-', '--coding', 'manual', '--columns', 'lone{n}', '--missing', 'total=0', '-q'], { stdin: survey });
    expect(a.stdout).toBe(b.stdout);
    expect(parseSimpleCsv(a.stdout).map((row) => row['total'])).toEqual(['4', '']);
    const c = await runCliCaptured(['syntax', '--target', 'r', '--coding', 'manual', '--missing-total', '0']);
    const d = await runCliCaptured(['syntax', '--target', 'r', '--coding', 'manual', '--missing', 'total=0']);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(d.stdout);
  });

  it('--categories NAME and --subscale-categories NAME, or --categories total=,subscale= pairs, everywhere', async () => {
    const a = await runCliCaptured(['syntax', '--target', 'sql', '--coding', 'manual', '--subscale-categories', 'cbs']);
    const b = await runCliCaptured(['syntax', '--target', 'sql', '--coding', 'manual', '--categories', 'subscale=cbs']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const none = await runCliCaptured(['syntax', '--target', 'sql', '--coding', 'manual', '--subscale-categories', 'none']);
    expect(none.stdout).not.toMatch(/emotional_category/);
    const score = await runCliCaptured(['score', '-', '--coding', 'manual', '--columns', 'lone{n}', '--categories', 'manual', '-q'], { stdin: survey });
    expect(score.code).toBe(0);
  });

  it('every command names the same scoring options in its help', async () => {
    for (const command of ['score', 'summary', 'syntax']) {
      const { stdout } = await runCliCaptured([command, '--help']);
      for (const option of ['--scale NAME|FILE', '--coding CODING', '--columns SPEC', '--missing-total N', '--subscale-categories', '--lang en|nl']) expect(stdout, command).toContain(option);
    }
  });
});

describe('--scale FILE: a scale definition file (issue 9)', () => {
  it('scores with a definition file exactly as with the scale it defines', async () => {
    const file = join(folder, 'my-djg6.json');
    writeFileSync(file, JSON.stringify(djg6));
    const byName = await runCliCaptured(['score', '-', '--coding', 'manual', '--columns', 'lone{n}', '-q'], { stdin: survey });
    const byFile = await runCliCaptured(['score', '-', '--scale', file, '--coding', 'manual', '--columns', 'lone{n}', '-q'], { stdin: survey });
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toBe(byName.stdout);
    const syntax = await runCliCaptured(['syntax', '--target', 'spss', '--scale', 'my-djg6.json', '--coding', 'manual'], { cwd: folder });
    expect(syntax.stdout).toBe((await runCliCaptured(['syntax', '--target', 'spss', '--coding', 'manual'])).stdout);
  });

  it('a definition defineScale refuses is exit 2 naming the field; so are a missing file and bad JSON', async () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...djg6, range: { ...djg6.range, total: 7 } }));
    const refused = await runCliCaptured(['score', '-', '--scale', bad, '-q'], { stdin: survey });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/range\.total: 7/);
    writeFileSync(join(folder, 'broken.json'), '{');
    expect((await runCliCaptured(['score', '-', '--scale', 'broken.json'], { stdin: survey, cwd: folder })).stderr).toMatch(/is not JSON/);
    expect((await runCliCaptured(['score', '-', '--scale', 'absent.json'], { stdin: survey, cwd: folder })).stderr).toMatch(/cannot read absent\.json/);
  });
});
