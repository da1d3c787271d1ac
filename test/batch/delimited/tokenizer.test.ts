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
  const encoded = chunks.map((chunk) => encoder.encode(chunk));
  const shared = new Uint8Array(Math.max(1024, ...encoded.map((bytes) => bytes.length)));
  for (const bytes of encoded) {
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

/** A reference reader of well-formed CSV (RFC 4180), written for clarity, not speed: records with their fields and first line. */
function reference(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let position = 0;
  let line = 1;
  while (position < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (text[position] === '"') {
        position++;
        for (;;) {
          if (text[position] === '"' && text[position + 1] === '"') {
            cell += '"';
            position += 2;
          } else if (text[position] === '"') {
            position++;
            break;
          } else {
            if (text[position] === '\n') line++;
            cell += text[position++];
          }
        }
      }
      while (position < text.length && !',\r\n'.includes(text[position] as string)) cell += text[position++];
      cells.push(cell);
      cell = '';
      if (text[position] === ',') {
        position++;
        continue;
      }
      break;
    }
    if (text[position] === '\r') position++;
    if (text[position] === '\n') position++;
    line++;
    if (cells.length === 1 && cells[0] === '' && !/^"/.test(text.slice(0, 0))) {
      // A blank line is no record (an empty quoted field "" is one; the generator below writes none alone).
      continue;
    }
    records.push({ fields: cells, line: start });
  }
  return records;
}

describe('CSV tokenizer: the plain-line fast path agrees with the full reader', () => {
  it('reads plain lines, quoted fields, CR, CRLF and blank lines, and lines of more than 64 fields, as a reference reader does (property)', () => {
    const plain = fc.constantFrom('', '1', '-1', '3', 'ja', 'a b', '=1', '@x', '+2');
    const quoted = fc.string({ maxLength: 4 }).map((text) => `"${text.replaceAll('"', '""')}"`);
    const shortLine = fc.array(fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted }), { minLength: 2, maxLength: 6 });
    const wideLine = fc.array(plain, { minLength: 60, maxLength: 140 });
    const line = fc.oneof({ weight: 6, arbitrary: shortLine }, { weight: 1, arbitrary: wideLine }, { weight: 1, arbitrary: fc.constant([] as string[]) }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 12 }), fc.nat({ max: 200 }), (lines, cut) => {
        const text = lines.map(([cells, end]) => cells + end).join('');
        const expected = reference(text);
        const whole = tokenize([text]).map(({ fields: cells, line: at }) => ({ fields: cells, line: at }));
        expect(whole).toEqual(expected);
        const at = cut % (text.length + 1);
        const split = tokenize([text.slice(0, at), text.slice(at)]).map(({ fields: cells, line: at2 }) => ({ fields: cells, line: at2 }));
        expect(split).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('marks a plain line whose cell starts like a formula, and only such a line', () => {
    const flags: boolean[] = [];
    const tokenizer = createDelimitedTokenizer((record) => flags.push(record.formulaCandidate));
    tokenizer.push(new TextEncoder().encode('a,b,c\n1,2,3\n1,=2,3\n1,2,@x\n-1,2,3\n1,2,\n'));
    tokenizer.end();
    // "-1" is flagged as a candidate only; the writer checks the whole cell (a number is no formula).
    expect(flags).toEqual([false, false, true, true, true, false]);
  });

  it('cuts a plain line longer than maxRecordBytes as the full reader does', () => {
    const records: { fields: number; problem: string | null; line: number }[] = [];
    const tokenizer = createDelimitedTokenizer((record) => records.push({ fields: record.fieldCount, problem: record.problem, line: record.line }), { maxRecordBytes: 16 });
    tokenizer.push(new TextEncoder().encode('a,b\n1,2\n1111111111,2222222222,3333\n3,4\n'));
    tokenizer.end();
    expect(records.map((record) => record.fields)).toEqual([2, 2, 0, 2]);
    expect(records[2]?.problem).toMatch(/longer than 16 bytes/);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4]);
  });
});
