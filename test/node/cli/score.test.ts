import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimpleCsv, runCliCaptured } from '../../helpers/cli.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-cli-'));
function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}
const header = 'id,lone3,lone4,lone7,lone8,lone9,lone10';
const byNumber = ['--coding', 'manual', '--columns', 'lone{n}'];

describe('loneliness-scales score', () => {
  it('appends total, emotional, social, category code and label, missing items and reason to every row, in order (SEED worked example)', async () => {
    const input = file('seed.csv', `${header}\nr1,3,3,3,2,3,3\nr2,,,3,3,1,1\n`);
    const { code, stdout } = await runCliCaptured(['score', input, ...byNumber, '--lang', 'nl']);
    expect(code).toBe(0);
    const rows = parseSimpleCsv(stdout);
    expect(rows[0]).toMatchObject({ id: 'r1', total: '4', emotional: '3', social: '1', category: '1', category_label: 'matig eenzaam', missing_items: '0', reason: '' });
    expect(rows[1]).toMatchObject({ id: 'r2', total: '', missing_items: '2', reason: '2 of 6 items missing; the total allows 1' });
  });

  it('every input row gives exactly one output row; malformed rows keep their data and get a reason with exit code 1', async () => {
    const input = file('bad.csv', `\uFEFF${header}\r\nr1,3,3,3,2,3,3\r\n\r\nr2,3,3\r\nr3,9,3,3,2,3,3\r\nr4,3,3,3,2,3,3,extra\r\nr5,"3",3,3,2,3,3\r\n`);
    const { code, stdout, stderr } = await runCliCaptured(['score', input, ...byNumber]);
    expect(code).toBe(1);
    const rows = parseSimpleCsv(stdout.replaceAll('\r', ''));
    expect(rows.map((row) => row.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(stdout).toContain('r2,3,3,,,,,,,,,,,"ragged row: 3 fields, the header has 7"');
    expect(rows[2]?.reason).toContain('is not in coding manual');
    expect(stdout).toContain('(extra: extra)');
    expect(rows[4]?.total).toBe('4');
    expect(stderr).toMatch(/bad\.csv:4: ragged row/);
    expect(stderr).toMatch(/bad\.csv:5: Item "emptiness"/);
  });

  it('an unterminated quote is reported with its line number and does not crash the run', async () => {
    const input = file('quote.csv', `${header}\nr1,3,3,3,2,3,3\n"r2,3,3,3,2,3,3\nr3,3,3,3,2,3,3\n`);
    const { code, stderr } = await runCliCaptured(['score', input, ...byNumber]);
    expect(code).toBe(1);
    expect(stderr).toContain('quote.csv:3: unterminated quoted field');
  });

  it('--strict stops at the first bad row with exit code 3', async () => {
    const input = file('strict.csv', `${header}\nr1,3,3,3,2,3,3\nr2,7,3,3,2,3,3\nr3,3,3,3,2,3,3\n`);
    const { code, stderr } = await runCliCaptured(['score', input, ...byNumber, '--strict']);
    expect(code).toBe(3);
    expect(stderr).toContain('Line 3');
  });

  it('a column missing from the header is a usage error naming it, before any row is written (exit 2)', async () => {
    const input = file('missing.csv', 'id,lone3,lone4\n1,3,3\n');
    const { code, stdout, stderr } = await runCliCaptured(['score', input, ...byNumber]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('column "lone7" is not in the data');
  });

  it('hints at --columns when the default mapping finds no item columns, and at --coding for numeric codes', async () => {
    const input = file('hints.csv', `${header}\nr1,3,3,3,2,3,3\n`);
    const { stderr } = await runCliCaptured(['score', input]);
    expect(stderr).toContain("A column spec that fits them: 'lone{n}'");
    expect(stderr).toContain('--columns SPEC');
    const keyed = file('hints-keyed.csv', 'emptiness,leanOn,trust,closeTo,missPeople,rejected\n3,3,3,2,3,3\n');
    expect((await runCliCaptured(['score', keyed])).stderr).toContain('name their coding with --coding');
  });

  it('a duplicated column is a usage error naming it (exit 2)', async () => {
    const input = file('duplicate.csv', 'lone3,lone3,lone4,lone7,lone8,lone9,lone10\n1,1,1,1,1,1,1\n');
    const { code, stderr } = await runCliCaptured(['score', input, ...byNumber]);
    expect(code).toBe(2);
    expect(stderr).toContain('"lone3" occurs more than once');
  });

  it('neutralises formula-like cells in CSV output; identifiers and negative codes pass unchanged (OWASP)', async () => {
    const input = file('inject.csv', `${header}\n=HYPERLINK("x"),3,3,3,2,-1,3\n@r2,3,3,3,2,3,3\nr-3,3,3,3,2,3,3\n`);
    const { stdout } = await runCliCaptured(['score', input, ...byNumber]);
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",3,3,3,2,-1,3,/);
    expect(lines[2]?.startsWith("'@r2,")).toBe(true);
    expect(lines[3]?.startsWith('r-3,3,3,3,2,3,3,')).toBe(true);
  });

  it('maps columns by a dataset order (CBS: items 3, 4, 7, 9, 8, 10) and reads TSV in, NDJSON out', async () => {
    const input = file('cbs.tsv', 'q1\tq2\tq3\tq4\tq5\tq6\n3\t3\t3\t3\t2\t3\n');
    const { stdout } = await runCliCaptured(['score', input, '--coding', 'manual', '--columns', 'order:cbs:q{i}', '--to', 'ndjson']);
    expect(JSON.parse(stdout)).toMatchObject({ q1: '3', total: 4, emotional: 3, social: 1, category: 1, category_label: 'moderately lonely' });
  });

  it('reads NDJSON from stdin with numbers and labels, writes CSV with a prefix', async () => {
    const stdin = '{"id":1,"emptiness":3,"leanOn":3,"trust":3,"closeTo":2,"missPeople":3,"rejected":3}\nnot json\n';
    const { code, stdout } = await runCliCaptured(['score', '-', '--from', 'ndjson', '--to', 'csv', '--coding', 'manual', '--prefix', 'djg6_'], { stdin });
    expect(code).toBe(1);
    const rows = parseSimpleCsv(stdout);
    expect(rows[0]?.djg6_total).toBe('4');
    expect(rows).toHaveLength(2);
  });

  it('--out writes the file; custom codings and explicit column maps are read', async () => {
    const input = file('custom.csv', 'V3,V4,V7,V8,V9,V10\n2,0,0,1,2,9\n');
    const out = join(directory, 'custom-out.csv');
    const columns = 'emptiness=V3,leanOn=V4,trust=V7,closeTo=V8,missPeople=V9,rejected=V10';
    const { code } = await runCliCaptured(['score', input, '--coding', '0=nee,1=min of meer,2=ja;missing=9', '--columns', columns, '--out', out]);
    expect(code).toBe(0);
    expect(parseSimpleCsv(readFileSync(out, 'utf8'))[0]).toMatchObject({ total: '5', missing_items: '1' });
  });

  it('--fsync flushes --out to disk before the rename and writes the same rows', async () => {
    const input = file('fsync.csv', `${header}\nr1,3,3,3,2,3,3\n`);
    const plain = join(directory, 'fsync-plain.csv');
    const durable = join(directory, 'fsync-durable.csv');
    expect((await runCliCaptured(['score', input, ...byNumber, '--out', plain])).code).toBe(0);
    expect((await runCliCaptured(['score', input, ...byNumber, '--out', durable, '--fsync'])).code).toBe(0);
    expect(readFileSync(durable, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const input = file('quiet.csv', `${header}\nr1,3,3,3,2,3,3\n`);
    const { stderr } = await runCliCaptured(['score', input, ...byNumber, '--quiet']);
    expect(stderr).toBe('');
  });
});
