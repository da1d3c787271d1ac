import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDelimitedTokenizer, fieldText } from '../../../src/batch/internal.js';

function tokenize(chunks: readonly string[], delimiter = ','): { fields: string[]; line: number; problem: string | null }[] {
  const records: { fields: string[]; line: number; problem: string | null }[] = [];
  const tokenizer = createDelimitedTokenizer(
    (record) => records.push({ fields: Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field)), line: record.line, problem: record.problem }),
    { delimiter },
  );
  const encoder = new TextEncoder();
  // One buffer reused for every chunk, as file readers do: the tokenizer must copy what it keeps.
  const shared = new Uint8Array(1024);
  for (const chunk of chunks) {
    const bytes = encoder.encode(chunk);
    shared.fill(0x3f);
    shared.set(bytes);
    tokenizer.push(shared.subarray(0, bytes.length));
  }
  tokenizer.end();
  return records;
}

const fields = (text: string, delimiter = ',') => tokenize([text], delimiter).map((record) => record.fields);

describe('CSV tokenizer (RFC 4180 and the files people actually send)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks (RFC 4180 §2.5–2.7)', () => {
    expect(fields('a,"b,c","say ""hi""","two\nlines"\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines']]);
  });

  it('accepts CRLF, LF and a missing final line break (RFC 4180 §2.1–2.2)', () => {
    expect(fields('a,b\r\n1,2\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('strips a UTF-8 byte order mark before the header', () => {
    expect(fields('\uFEFFid,x\n1,2\n')).toEqual([['id', 'x'], ['1', '2']]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const records = tokenize(['a\n\n1\r\n\r\n2\n']);
    expect(records.map((record) => [record.fields, record.line])).toEqual([[['a'], 1], [['1'], 3], [['2'], 5]]);
  });

  it('keeps empty fields, including a quoted empty field and a trailing delimiter', () => {
    expect(fields('a,,""\n,\n')).toEqual([['a', '', ''], ['', '']]);
  });

  it('reports an unterminated quote with the line its record starts on; issue 8 #13: the record ends at its line break and the rows after it are read', () => {
    const records = tokenize(['a,b\n1,"open\n2,3\n']);
    expect(records[1]?.problem).toMatch(/unterminated quoted field \(record starting on line 2\)/);
    expect(records[1]?.fields).toEqual(['1', 'open']);
    expect(records[2]).toEqual({ fields: ['2', '3'], line: 3, problem: null });
  });

  it('keeps text after a closing quote in the field and reports the record as malformed', () => {
    const records = tokenize(['a,b\n"x"y,2\n']);
    expect(records[1]?.fields).toEqual(['x"y', '2']);
    expect(records[1]?.problem).toBe('text after a closing quote (record starting on line 2)');
  });

  it('counts line numbers across quoted line breaks', () => {
    expect(tokenize(['h\n"x\ny"\nz\n']).map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('reads UTF-8 text split between chunks', () => {
    const bytes = new TextEncoder().encode('naam\nZoë Ødegård\n');
    const records: string[] = [];
    const tokenizer = createDelimitedTokenizer((record) => records.push(fieldText(record, 0)));
    for (const byte of bytes) tokenizer.push(Uint8Array.of(byte));
    tokenizer.end();
    expect(records).toEqual(['naam', 'Zoë Ødegård']);
  });

  it('TSV: tabs delimit and quotes are plain characters', () => {
    expect(fields('a\t"b\n1\t2"x\n', '\t')).toEqual([['a', '"b'], ['1', '2"x']]);
  });

  it('gives the same records however the input is split into chunks (property)', () => {
    const field = fc.oneof(fc.constantFrom('', '1', '-1', 'ja', 'a b'), fc.string({ maxLength: 5 }).map((text) => `"${text.replaceAll('"', '""')}"`));
    const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 6 }), (lines, newline, cuts) => {
        const text = `${lines.join(newline)}${newline}`;
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let previous = 0;
        for (const point of points) {
          chunks.push(text.slice(previous, point));
          previous = point;
        }
        chunks.push(text.slice(previous));
        expect(tokenize(chunks)).toEqual(tokenize([text]));
      }),
      { numRuns: 300 },
    );
  });
});
