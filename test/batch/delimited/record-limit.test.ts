import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type RowProblem, createBatchScorer, createDelimitedTokenizer, fieldText } from '../../../src/batch/internal.js';

const header = 'id,emptiness,leanOn,trust,closeTo,missPeople,rejected\n';
const encoder = new TextEncoder();

/** `count` rows `r<n>,ja,ja,ja,nee,ja,ja` (total 4) after the header, as one buffer; row `stray` starts with a quote. */
function survey(count: number, stray: number): Uint8Array {
  const row = encoder.encode('r0000000,ja,ja,ja,nee,ja,ja\n');
  const head = encoder.encode(header);
  const bytes = new Uint8Array(head.length + count * row.length);
  bytes.set(head);
  for (let index = 0; index < count; index++) bytes.set(row, head.length + index * row.length);
  bytes[head.length + (stray - 2) * row.length] = 0x22;
  return bytes;
}

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe('issue 8 #13: linear scanning and a bounded record size', () => {
  const bytes = survey(1_800_000, 2); // 50 MB, a stray quote at the start of row 2 (line 2)

  it('a 50 MB input with a stray quote on row 2 is scanned in linear time: bytes examined stay within 1.1 × the input + 4 MiB', () => {
    let records = 0;
    const tokenizer = createDelimitedTokenizer(() => records++);
    for (const chunk of chunksOf(bytes, 65_536)) tokenizer.push(chunk);
    tokenizer.end();
    expect(bytes.length).toBeGreaterThan(50_000_000);
    expect(tokenizer.bytesScanned).toBeLessThan(bytes.length * 1.1 + 4 * 2 ** 20);
    expect(records).toBe(1_800_001);
  });

  it('the same input is scored: row 2 is reported malformed on line 2, every later row is scored', () => {
    const problems: RowProblem[] = [];
    const scorer = createBatchScorer('csv', { scale: djg6, output: null, onProblem: (problem) => problems.push(problem) }, () => undefined);
    for (const chunk of chunksOf(bytes, 65_536)) scorer.push(chunk);
    scorer.end();
    expect(scorer.counts).toEqual({ read: 1_800_000, scored: 1_799_999, notScored: 1, bad: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, code: 'malformed_row' });
    expect(problems[0]?.message).toBe('a quoted field not closed within 1048576 bytes (maxRecordBytes; record starting on line 2): read up to its first line break');
  });

  it('a single 5 MB line in 64 KiB chunks is scanned about once, reported with its line, and the rows after it are scored', () => {
    const long = encoder.encode(`${header}${'x'.repeat(5_000_000)},ja,ja,ja,nee,ja,ja\nr2,ja,ja,ja,nee,ja,ja\n`);
    const lines: (string | null)[] = [];
    const tokenizer = createDelimitedTokenizer((record) => lines.push(`${record.line}:${record.fieldCount}:${record.problem ?? ''}`));
    for (const chunk of chunksOf(long, 65_536)) tokenizer.push(chunk);
    tokenizer.end();
    expect(tokenizer.bytesScanned).toBeLessThan(long.length * 2.2);
    expect(lines).toEqual(['1:7:', '2:0:record longer than 1048576 bytes (maxRecordBytes) starting on line 2', '3:7:']);
  });

  it('a quoted cell of 900 kB with line breaks, in 1 kB chunks, is read whole and scanned a small number of times', () => {
    const cell = 'line\n'.repeat(180_000);
    const text = encoder.encode(`a,b\n"${cell}",2\nx,y\n`);
    const fields: string[][] = [];
    const tokenizer = createDelimitedTokenizer((record) => fields.push(Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field))));
    for (const chunk of chunksOf(text, 1024)) tokenizer.push(chunk);
    tokenizer.end();
    expect(fields).toEqual([['a', 'b'], [cell, '2'], ['x', 'y']]);
    expect(tokenizer.bytesScanned).toBeLessThan(text.length * 3.2);
  });

  it('maxRecordBytes is configurable; a longer record is malformed_row with its line and the next rows are scored', () => {
    const problems: RowProblem[] = [];
    const scorer = createBatchScorer('csv', { scale: djg6, output: null, maxRecordBytes: 64, onProblem: (problem) => problems.push(problem) }, () => undefined);
    scorer.push(encoder.encode(`${header}${'x'.repeat(100)},ja,ja,ja,nee,ja,ja\nr2,ja,ja,ja,nee,ja,ja\n`));
    scorer.end();
    expect(scorer.counts).toEqual({ read: 2, scored: 1, notScored: 1, bad: 1 });
    expect(problems).toEqual([{ line: 2, code: 'malformed_row', message: 'record longer than 64 bytes (maxRecordBytes) starting on line 2' }]);
  });

  it('without a delimiter (as NDJSON is read), each line is one field', () => {
    const lines: string[] = [];
    const tokenizer = createDelimitedTokenizer((record) => lines.push(`${record.fieldCount}:${fieldText(record, 0)}`), { delimiter: null });
    tokenizer.push(encoder.encode('{"a":"x,y","b":"\\t"}\r\n\n"q\n'));
    tokenizer.end();
    expect(lines).toEqual(['1:{"a":"x,y","b":"\\t"}', '1:"q']);
  });

  it('gives the same records however the input is split into chunks, with stray quotes and a small record limit (property)', () => {
    const field = fc.oneof(fc.constantFrom('', '1', 'ja', '"', '""', '"a\nb"', '"x"y', 'a"b', '\r'), fc.string({ maxLength: 12 }));
    const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const tokenize = (chunks: Uint8Array[], limit: number, delimiter: string | null) => {
      const records: unknown[] = [];
      const tokenizer = createDelimitedTokenizer(
        (record) => records.push([record.line, record.problem, Array.from({ length: record.fieldCount }, (_, index) => fieldText(record, index))]),
        { maxRecordBytes: limit, delimiter },
      );
      for (const chunk of chunks) tokenizer.push(chunk.slice());
      tokenizer.end();
      return records;
    };
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 4, max: 40 }), fc.constantFrom(',', '\t', null), (rows, newline, cuts, limit, delimiter) => {
        const text = encoder.encode(`${rows.join(newline)}${newline}`);
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let previous = 0;
        for (const point of points) {
          chunks.push(text.subarray(previous, point));
          previous = point;
        }
        chunks.push(text.subarray(previous));
        expect(tokenize(chunks, limit, delimiter)).toEqual(tokenize([text], limit, delimiter));
      }),
      { numRuns: 1000 },
    );
  });
});
