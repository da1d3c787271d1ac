import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { djg11, djg6, parseCoding } from '../../../src/index.js';
import { exitCodes } from '../../../src/node/cli/command.js';
import { syntaxCommand } from '../../../src/node/cli/commands/syntax-command.js';
import { runCli } from '../../../src/node/cli/main.js';
import { toR, toSpss, toSql } from '../../../src/syntax/index.js';

/** Runs `loneliness-scales syntax …` (the CLI's one error path) with in-memory streams; resolves to the exit code and what it wrote. */
async function run(args: readonly string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const code = await runCli(['syntax', ...args], { stdin: new PassThrough(), stdout, stderr, stderrIsTTY: false, cwd });
  return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}

const lone = { by: 'number', pattern: 'lone{n}' } as const;

describe('loneliness-scales syntax', () => {
  it('is a command named syntax with a summary and help', () => {
    expect(syntaxCommand.name).toBe('syntax');
    expect(syntaxCommand.summary).toMatch(/SPSS, R or SQL/);
    expect(syntaxCommand.help).toMatch(/--target spss\|r\|sql/);
  });

  it('prints the SPSS syntax the generator writes for --scale djg6 --coding manual --columns lone{n}', async () => {
    const result = await run(['--target', 'spss', '--scale', 'djg6', '--coding', 'manual', '--columns', 'lone{n}']);
    expect(result).toEqual({ code: exitCodes.ok, stdout: toSpss(djg6, { coding: 'manual', columns: lone }), stderr: '' });
  });

  it('prints R and SQL with the same options as score, plus --table, --names, --missing, --categories and --lang', async () => {
    const r = await run(['--target', 'r', '--scale', 'djg11', '--coding', 'rivm', '--columns', 'lone{n}', '--lang', 'nl']);
    expect(r.stdout).toBe(toR(djg11, { coding: 'rivm', columns: lone, language: 'nl' }));
    const sql = await run([
      '--target=sql',
      '--scale=djg11',
      '--coding=0=nee,1=min of meer,2=ja;missing=9',
      '--columns=lone{n}',
      '--table=survey.responses',
      '--names=total=djg_total,invalid_items=djg_invalid',
      '--missing=total=1,subscale=1',
      '--categories=subscale=ggd-2',
    ]);
    expect(sql.code).toBe(exitCodes.ok);
    expect(sql.stdout).toBe(
      toSql(djg11, {
        coding: parseCoding('0=nee,1=min of meer,2=ja;missing=9'),
        columns: lone,
        table: 'survey.responses',
        names: { total: 'djg_total', invalidItems: 'djg_invalid' },
        missing: { total: 1, subscale: 1 },
        categories: { subscale: 'ggd-2' },
      }),
    );
  });

  it('writes to --out, relative to the working directory', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'loneliness-syntax-'));
    try {
      const result = await run(['--target', 'sql', '--coding', 'manual', '--out', 'score.sql'], folder);
      expect(result).toEqual({ code: exitCodes.ok, stdout: '', stderr: '' });
      expect(readFileSync(join(folder, 'score.sql'), 'utf8')).toBe(toSql(djg6, { coding: 'manual' }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints its help with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(exitCodes.ok);
    expect(result.stdout).toBe(syntaxCommand.help);
  });

  it.each([
    [['--coding', 'manual'], /--target is required/],
    [['--target', 'stata', '--coding', 'manual'], /--target must be spss, r or sql/],
    [['--target', 'spss'], /--coding is required/],
    [['--target', 'spss', '--coding', 'manual', '--scale', 'ucla'], /--scale must be djg6 or djg11/],
    [['--target', 'spss', '--coding', 'nonsense'], /Unknown coding/],
    [['--target', 'spss', '--coding', 'manual', '--columns', 'q'], /Cannot read column spec/],
    [['--target', 'spss', '--coding', 'manual', '--columns', 'Q {n}'], /not an SPSS variable name/],
    [['--target', 'r', '--coding', 'manual', '--table', 't'], /--table applies to --target sql only/],
    [['--target', 'r', '--coding', 'manual', '--names', 'score=x'], /--names: cannot read/],
    [['--target', 'r', '--coding', 'manual', '--names', 'total=emptiness'], /is an item column/],
    [['--target', 'r', '--coding', 'manual', '--missing', 'total=many'], /must be a whole number/],
    [['--target', 'r', '--coding', 'manual', '--missing', 'total=7'], /missing\.total: 7 is not a whole number from 0 to 6/],
    [['--target', 'r', '--coding', 'manual', '--categories', 'total=cbs'], /--categories total=: "cbs" is not a total-score category convention of djg6; valid names: manual/],
    [['--target', 'r', '--coding', 'manual', '--verbose'], /unknown option --verbose/],
    [['--target', 'r', '--coding', 'manual', '--missing-total', '1', '--missing', 'total=2'], /disagree/],
    [['--target', 'r', '--coding', 'manual', '--scale', 'missing-file.json'], /--scale: cannot read missing-file\.json/],
  ])('exits 2 with a message for bad usage: %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/--help/);
  });
});
