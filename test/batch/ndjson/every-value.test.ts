import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { errorOf } from '../../helpers/errors.js';
import { type BatchOptions, type RowProblem, type TextFormat, createBatchScorer, createDelimitedTokenizer, fieldText } from '../../../src/batch/internal.js';

const items = 'emptiness,leanOn,trust,closeTo,missPeople,rejected';
const answers = 'ja,ja,ja,nee,ja,ja'; // total 4

function run(format: TextFormat, text: string, options: Omit<BatchOptions, 'scale'>): { output: string; problems: RowProblem[] } {
  const parts: Uint8Array[] = [];
  const problems: RowProblem[] = [];
  const scorer = createBatchScorer(format, { scale: djg6, onProblem: (problem) => problems.push(problem), ...options }, (bytes) => parts.push(bytes.slice()));
  scorer.push(new TextEncoder().encode(text));
  scorer.end();
  return { output: new TextDecoder().decode(Buffer.concat(parts)), problems };
}

const lines = (output: string) => output.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

function csvRows(output: string): string[][] {
  const rows: string[][] = [];
  const tokenizer = createDelimitedTokenizer((record) => rows.push(Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field))));
  tokenizer.push(new TextEncoder().encode(output));
  tokenizer.end();
  return rows;
}

describe('issue 8 #3: NDJSON output keeps every input value', () => {
  const header = `id,id,__proto__,total,reason,${items}`;
  const text = `${header}\nr1,r1-again,proto,99,because,${answers}\n`;

  it('CSV → NDJSON keeps a duplicate `id` (as id_2), the `__proto__` column and the input’s own total/reason', () => {
    const [row] = lines(run('csv', text, { output: 'ndjson', prefix: 'djg6_' }).output);
    expect(Object.keys(row as object)).toContain('__proto__');
    expect(Object.hasOwn(row as object, '__proto__')).toBe(true);
    expect(row).toMatchObject({ id: 'r1', id_2: 'r1-again', total: '99', reason: 'because', djg6_total: 4, djg6_reason: null });
    expect((row as Record<string, unknown>)['__proto__']).toBe('proto');
  });

  it('CSV → NDJSON without a prefix refuses a column named like a score column, naming it and suggesting --prefix', () => {
    const error = errorOf(() => run('csv', text, { output: 'ndjson' }));
    expect(error.code).toBe('duplicate_column');
    expect(error.value).toBe('total');
    expect(error.message).toMatch(/"total".*--prefix/);
  });

  it('a renamed duplicate does not take the name of another column (id, id, id_2 → id, id_3, id_2)', () => {
    const [row] = lines(run('csv', `id,id,id_2,${items}\na,b,c,${answers}\n`, { output: 'ndjson' }).output);
    expect(row).toMatchObject({ id: 'a', id_3: 'b', id_2: 'c' });
  });

  it('NDJSON → NDJSON refuses an input key `total` (first line or a later one) instead of overwriting it', () => {
    const object = JSON.parse(`{${items.split(',').map((key, index) => `"${key}":"${answers.split(',')[index]}"`).join(',')}}`);
    const first = errorOf(() => run('ndjson', `${JSON.stringify({ ...object, total: 7 })}\n`, {}));
    expect([first.code, first.value]).toEqual(['duplicate_column', 'total']);
    const later = errorOf(() => run('ndjson', `${JSON.stringify(object)}\n${JSON.stringify(object)}\n${JSON.stringify({ ...object, total: 7 })}\n`, {}));
    expect(later.message).toMatch(/^Line 3 has a key "total"/);
    const [kept] = lines(run('ndjson', `${JSON.stringify({ ...object, total: 7 })}\n`, { prefix: 'djg6_' }).output);
    expect(kept).toMatchObject({ total: 7, djg6_total: 4 });
  });

  it('NDJSON → NDJSON writes each line as it came (numbers as written, repeated keys), scores appended', () => {
    const line = `{"id":12345678901234567890,"x":1.50,"emptiness":"ja","leanOn":"ja","trust":"ja","closeTo":"nee","missPeople":"ja","rejected":"ja"}`;
    const { output } = run('ndjson', `${line}\n`, {});
    expect(output.startsWith(`${line.slice(0, -1)},"total":4,`)).toBe(true);
  });

  it('NDJSON → CSV keeps keys first seen after line 1 in the `_extra` column (a JSON object)', () => {
    const base = Object.fromEntries(items.split(',').map((key, index) => [key, answers.split(',')[index]]));
    const text = `${JSON.stringify({ id: 1, ...base })}\n${JSON.stringify({ id: 2, ...base, late: 'x', nested: { a: [1] } })}\n`;
    const rows = csvRows(run('ndjson', text, { output: 'csv' }).output);
    const columns = rows[0] as string[];
    expect(columns.slice(-2)).toEqual(['_extra', '_raw']);
    const extra = columns.indexOf('_extra');
    expect(rows[1]?.[extra]).toBe('');
    expect(JSON.parse(rows[2]?.[extra] as string)).toEqual({ late: 'x', nested: { a: [1] } });
    expect(rows[2]?.[columns.indexOf('total')]).toBe('4');
  });

  it('NDJSON → CSV with a malformed first line: the header is the first object’s keys, the bad line is kept in `_raw`, later rows keep their values', () => {
    const base = Object.fromEntries(items.split(',').map((key, index) => [key, answers.split(',')[index]]));
    const text = `{oops\n${JSON.stringify({ id: 'a', ...base })}\n${JSON.stringify({ id: 'b', ...base })}\n`;
    const { output, problems } = run('ndjson', text, { output: 'csv' });
    const rows = csvRows(output);
    const columns = rows[0] as string[];
    expect(columns.slice(0, 7)).toEqual(['id', ...items.split(',')]);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.[columns.indexOf('_raw')]).toBe('{oops');
    expect(rows[2]?.[0]).toBe('a');
    expect(rows[3]?.[0]).toBe('b');
    expect(rows[3]?.[columns.indexOf('_raw')]).toBe('');
    expect(problems).toEqual([{ line: 1, code: 'malformed_row', message: expect.stringMatching(/^not JSON/) }]);
  });

  it('NDJSON → CSV after more than 1 MiB of unreadable lines: the header is empty and every key of the objects goes to `_extra`', () => {
    const base = Object.fromEntries(items.split(',').map((key, index) => [key, answers.split(',')[index]]));
    const junk = `${'x'.repeat(100_000)}\n`.repeat(11);
    const rows = csvRows(run('ndjson', `${junk}${JSON.stringify({ id: 'a', ...base })}\n`, { output: 'csv' }).output);
    expect(rows[0]?.slice(-2)).toEqual(['_extra', '_raw']);
    expect(rows).toHaveLength(13);
    expect(rows[1]?.at(-1)).toBe('x'.repeat(100_000));
    expect(JSON.parse(rows[12]?.at(-2) as string)).toEqual({ id: 'a', ...base });
    expect(rows[12]?.[0]).toBe('4');
  });

  it('CSV → NDJSON keeps the fields of a ragged row beyond the header in `_extra`', () => {
    const [row] = lines(run('csv', `${items}\n${answers},spare,more\n`, { output: 'ndjson' }).output);
    expect(row).toMatchObject({ _extra: ['spare', 'more'], total: null });
  });
});
