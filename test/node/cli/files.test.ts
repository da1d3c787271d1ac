import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/cli.js';

// Real-shaped files: as Dutch Excel saves "CSV UTF-8" (BOM, ";", CRLF, decimal commas) and as
// Excel on Windows saves plain CSV (Windows-1252, ";", CRLF). Scores by the worked example of
// reference §6: ja,ja,ja,nee,ja,ja on items 3,4,7,8,9,10 is total 4, emotional 3, social 1.
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'files');
const excelFile = join(fixtures, 'enquete-excel-nl.csv');
const windowsFile = join(fixtures, 'enquete-cp1252.csv');
const folder = mkdtempSync(join(tmpdir(), 'files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The cells of one CSV line (quotes undone; no line breaks inside cells). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map(([, cell = '']) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell));
}

/** Rows of CSV output, keyed by header. */
function rows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const names = cells(header);
  return lines.map((line) => Object.fromEntries(cells(line).map((cell, index) => [names[index], cell])));
}

describe('score enquete.csv --columns order:seed:q12_{i} on the file Dutch Excel wrote', () => {
  it('the delimiter, BOM and CRLF are read; NA and . are missing; "weet niet" is a bad row until declared', async () => {
    const { code, stdout, stderr } = await runCliCaptured(['score', excelFile, '--columns', 'order:seed:q12_{i}']);
    expect(code).toBe(1);
    const scored = rows(stdout);
    expect(scored.map((row) => row['respnr'])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(scored.map((row) => [row['total'], row['emotional'], row['social']])).toEqual([
      ['4', '3', '1'],
      ['2', '0', '2'],
      ['3', '', '1'], // NA: one missing item, the 6-item total tolerates one (MANUAL §4)
      ['4', '', '2'], // ".": missing; "min of meer" scores 1 (MANUAL §3)
      ['', '', ''],
      ['4', '3', '1'],
      ['0', '0', '0'],
    ]);
    expect(stderr).toContain('"weet niet" is not an answer label');
    const declared = await runCliCaptured(['score', excelFile, '--columns', 'order:seed:q12_{i}', '--missing-values', 'NA,.,weet niet', '-q']);
    expect(declared.code).toBe(0);
    expect(rows(declared.stdout)[4]?.['total']).toBe('3');
  });

  it('--verbose tells the encoding, the delimiter and each item\'s column', async () => {
    const { stderr } = await runCliCaptured(['score', excelFile, '--columns', 'order:seed:q12_{i}', '--verbose']);
    expect(stderr).toContain('delimiter ";" (found from the header line)');
    expect(stderr).toContain('encoding utf-8');
    expect(stderr).toContain('item closeTo <- column 5 "q12_4"');
  });

  it('--excel writes it back for Excel: BOM, ";", CRLF, the weights with decimal commas as they came', async () => {
    const out = join(folder, 'scored.csv');
    const { code } = await runCliCaptured(['score', excelFile, '--columns', 'order:seed:q12_{i}', '--missing-values', 'NA,.,weet niet', '--excel', '--out', out, '-q']);
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[1]).toBe('1;ja;ja;ja;nee;ja;ja;1,624;4;3;1;1;moderately lonely;0;');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('without --columns, the error lists the columns found and suggests the spec', async () => {
    const { code, stderr } = await runCliCaptured(['score', excelFile]);
    expect(code).toBe(2);
    expect(stderr).toContain('"respnr", "q12_1", "q12_2"');
    expect(stderr).toContain("'order:NAME:q12_{i}'");
  });
});

describe('summary --weights Weegfactor with decimal commas', () => {
  it('reads 1,624 as 1.624: weighted shares from the weights as written; a blank weight is counted missing', async () => {
    const { code, stdout } = await runCliCaptured(['summary', excelFile, '--columns', 'order:seed:q12_{i}', '--missing-values', 'NA,.,weet niet', '--weights', 'Weegfactor', '--format', 'json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    const weights = [1.624, 0.812, 1.2, 0.95, 1, 2.5];
    const sum = weights.reduce((total, weight) => total + weight, 0);
    expect(summary.weights.sum).toBeCloseTo(sum, 10);
    expect(summary.weights.missing).toBe(1);
    // Only respondent 7 (weight 2,5) is not lonely.
    expect(summary.categories[0].weightedProportion).toBeCloseTo(2.5 / sum, 10);
  });

  it('a weight that cannot be read stops with exit 2 and names the line and cell; --decimal . refuses 1,624', async () => {
    const broken = join(folder, 'broken-weights.csv');
    writeFileSync(broken, readFileSync(excelFile, 'utf8').replace('0,812', 'twee'));
    const bad = await runCliCaptured(['summary', broken, '--columns', 'order:seed:q12_{i}', '--weights', 'Weegfactor']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Line 3: the weight "twee" in column "Weegfactor" is not a number');
    const point = await runCliCaptured(['summary', excelFile, '--columns', 'order:seed:q12_{i}', '--weights', 'Weegfactor', '--decimal', '.']);
    expect(point.code).toBe(2);
    expect(point.stderr).toContain('"1,624"');
  });
});

describe('a Windows-1252 file (vraag_één, ’t, –, café)', () => {
  it('is read as Windows-1252, said once on stderr, written as UTF-8; its header names match', async () => {
    const { code, stdout, stderr } = await runCliCaptured(['score', windowsFile]);
    expect(code).toBe(0);
    expect(stderr.match(/read as Windows-1252/g)).toHaveLength(1);
    const scored = rows(stdout);
    expect(Object.keys(scored[0] ?? {})[1]).toBe('vraag_één');
    expect(scored[1]?.['opmerking']).toBe('’t is goed – café');
    expect(scored.map((row) => row['total'])).toEqual(['4', '2']);
  });

  it('--encoding utf-8 reads it as UTF-8 (U+FFFD, warnings); --quiet says nothing', async () => {
    const utf8 = await runCliCaptured(['score', windowsFile, '--encoding', 'utf-8']);
    expect(utf8.stdout).toContain('vraag_\uFFFD\uFFFD');
    expect(utf8.stderr).toContain('give --encoding windows-1252');
    const quiet = await runCliCaptured(['score', windowsFile, '-q']);
    expect(quiet.stderr).toBe('');
  });
});

describe('hostile options: usage errors with exit 2', () => {
  const input = () => excelFile;
  it.each([
    [['--delimiter', ';;'], '--delimiter'],
    [['--delimiter', '"'], '--delimiter'],
    [['--delimiter', ''], '--delimiter'],
    [['--encoding', 'utf-16'], 'Unknown encoding "utf-16"'],
    [['--encoding', 'klingon'], '--encoding'],
    [['--decimal', ';'], '--decimal'],
    [['--missing-values', 'NA,,.'], 'empty entry'],
    [['--missing-values', 'ja'], 'is an answer label'],
    [['--from', 'ndjson', '--delimiter', ';'], 'delimited input'],
    [['--excel', '--to', 'tsv'], '--excel and --to tsv disagree'],
  ])('%j', async (extra, message) => {
    const { code, stderr } = await runCliCaptured(['score', input(), '--columns', 'order:seed:q12_{i}', ...extra]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('an ambiguous header (as many "," as ";") asks for --delimiter, exit 2; with it the file scores', async () => {
    const ambiguous = join(folder, 'ambiguous.csv');
    // Six ";" and six "," in the header: a column named "a,b,c,d,e,f,g" by a careless export.
    writeFileSync(ambiguous, 'emptiness;leanOn;trust;closeTo;missPeople;rejected;a,b,c,d,e,f,g\nja;ja;ja;nee;ja;ja;x\n');
    const refused = await runCliCaptured(['score', ambiguous]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"," and ";" equally often');
    const named = await runCliCaptured(['score', ambiguous, '--delimiter', 'semicolon', '-q']);
    expect(named.code).toBe(0);
    expect(rows(named.stdout)[0]?.['a,b,c,d,e,f,g']).toBe('x');
  });

  it('a preset extended by a missing code works on the command line: --coding rivm;missing=9', async () => {
    const { code, stdout } = await runCliCaptured(['score', '-', '--coding', 'rivm;missing=9', '--columns', 'lone{n}', '-q'], { stdin: 'lone3,lone4,lone7,lone8,lone9,lone10\n9,1,1,3,1,1\n' });
    expect(code).toBe(0);
    expect(rows(stdout)[0]?.['total']).toBe('3');
  });

  it('--help names the new options and explains each dataset order in one line', async () => {
    const { stdout } = await runCliCaptured(['score', '--help']);
    for (const option of ['--delimiter CHAR', '--encoding NAME', '--missing-values LIST', '--decimal', '--excel', '--verbose']) expect(stdout).toContain(option);
    for (const order of ['seed', 'liss', 'cbs', 'rivm', 'manual']) expect(stdout).toMatch(new RegExp(`^ +${order} +[0-9,]+ +\\S`, 'm'));
  });
});

describe('a Windows-1252 header named in --columns', () => {
  it('emptiness=vraag_één matches the column once the file is read as Windows-1252', async () => {
    const spec = 'emptiness=vraag_één,leanOn=leanOn,trust=trust,closeTo=closeTo,missPeople=missPeople,rejected=rejected';
    const { code, stdout } = await runCliCaptured(['score', windowsFile, '--columns', spec, '-q']);
    expect(code).toBe(0);
    expect(rows(stdout).map((row) => row['total'])).toEqual(['4', '2']);
  });
});

describe('scoreFile takes the same reading options', () => {
  it('Dutch Excel CSV in, Excel-CSV out, with markers; onDialect tells what was found', async () => {
    const { scoreFile } = await import('../../../src/node/index.js');
    const { djg6, parseColumnSpec } = await import('../../../src/index.js');
    const out = join(folder, 'api.csv');
    const notes: unknown[] = [];
    const counts = await scoreFile(excelFile, out, {
      scale: djg6,
      columns: parseColumnSpec('order:seed:q12_{i}'),
      output: 'excel-csv',
      missingValues: ['NA', '.', 'weet niet'],
      onDialect: (note) => notes.push(note),
    });
    expect(counts).toEqual({ read: 7, scored: 7, notScored: 0, bad: 0 });
    expect(notes).toContainEqual({ kind: 'delimiter', delimiter: ';', detected: true });
    expect(readFileSync(out, 'utf8').split('\r\n')[5]).toBe('5;weet niet;ja;ja;nee;ja;ja;1;3;;1;1;moderately lonely;1;');
  });
});
