import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type BatchOptions, type DialectNote, type RowProblem, type TextFormat, createBatchScorer } from '../../../src/batch/index.js';
import { detectDelimiter, readDelimiter } from '../../../src/batch/delimited/dialect.js';
import { checkUtf8, readEncodingName, windows1252ToUtf8 } from '../../../src/batch/streams/encoding.js';

const encoder = new TextEncoder();
const items = ['emptiness', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected'];
const answers = ['ja', 'ja', 'ja', 'nee', 'ja', 'ja']; // total 4

/** Windows-1252 bytes of text made of Latin-1 characters. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

function run(input: Uint8Array | string, options: Partial<BatchOptions> = {}, format: TextFormat = 'csv', chunkSize = Infinity) {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const notes: DialectNote[] = [];
  const problems: RowProblem[] = [];
  const parts: Uint8Array[] = [];
  const scorer = createBatchScorer(
    format,
    { scale: djg6, output: 'csv', ...options, onDialect: (note) => notes.push(note), onProblem: (problem) => problems.push(problem) },
    (out) => parts.push(out.slice()),
  );
  for (let start = 0; start < bytes.length; start += Math.min(chunkSize, bytes.length)) scorer.push(bytes.slice(start, start + Math.min(chunkSize, bytes.length)));
  scorer.end();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  return { text, lines: text.trimEnd().split('\n'), counts: scorer.counts, notes, problems };
}

describe('the delimiter of a CSV file is found from its header line', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon (Dutch and Belgian Excel)'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('"%s" (%s): every row is read and scored', (delimiter) => {
    const input = `id${delimiter}${items.join(delimiter)}\n1${delimiter}${answers.join(delimiter)}\n2${delimiter}${answers.join(delimiter)}\n`;
    const { lines, counts, notes } = run(input);
    expect(counts).toEqual({ read: 2, scored: 2, notScored: 0, bad: 0 });
    expect(notes).toContainEqual({ kind: 'delimiter', delimiter, detected: true });
    expect(lines[1]).toBe(`1,${answers.join(',')},4,3,1,1,moderately lonely,0,`);
  });

  it('a delimiter inside quotes does not count: "a;b",c,d is comma-separated', () => {
    expect(detectDelimiter(encoder.encode('"a;b;c;d",x,y'))).toBe(',');
  });

  it('a header with no delimiter is one column (comma)', () => {
    expect(detectDelimiter(encoder.encode('emptiness'))).toBe(',');
  });

  it('an ambiguous header (as many ";" as ",") is an invalid_option error asking for the delimiter', () => {
    expect(() => run('a;b,c\n1;2,3\n')).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('--delimiter') }));
  });

  it('an ambiguous header read with a named delimiter is read with it', () => {
    const { counts, notes } = run(`x,y;${items.join(';')}\n1,2;${answers.join(';')}\n`, { delimiter: ';' });
    expect(counts.scored).toBe(1);
    expect(notes).toContainEqual({ kind: 'delimiter', delimiter: ';', detected: false });
  });

  it('the header is found whatever the chunks: one byte at a time gives the same output', () => {
    const input = `\uFEFFid;${items.join(';')}\r\n1;${answers.join(';')}\r\n`;
    expect(run(input, {}, 'csv', 1).text).toBe(run(input).text);
  });

  it('a header line longer than maxRecordBytes stops the search (bounded memory): a clear missing-column error', () => {
    expect(() => run(`${'x'.repeat(100)};${items.join(';')}\n`, { maxRecordBytes: 64 }, 'csv', 7)).toThrow(expect.objectContaining({ code: 'missing_column' }));
  });

  it('TSV keeps the tab unless a delimiter is named; NDJSON takes none', () => {
    expect(run(`${items.join('\t')}\n${answers.join('\t')}\n`, {}, 'tsv').counts.scored).toBe(1);
    expect(run(`${items.join('|')}\n${answers.join('|')}\n`, { delimiter: 'pipe' }, 'tsv').counts.scored).toBe(1);
    expect(() => run('{}\n', { delimiter: ';' }, 'ndjson')).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it.each(['ab', '"', '\n', '\r', '', 'é', '1', 'x', 42])('the delimiter %j is refused with invalid_option', (value) => {
    expect(() => readDelimiter(value)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => run('a\n', { delimiter: value as string })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it('named delimiters: tab, \\t, comma, semicolon, pipe', () => {
    expect(['tab', '\\t', 'comma', 'semicolon', 'pipe', 'TAB'].map(readDelimiter)).toEqual(['\t', '\t', ',', ';', '|', '\t']);
  });
});

describe('line ends and byte order marks', () => {
  const header = `id;${items.join(';')}`;
  const row = (id: number) => `${id};${answers.join(';')}`;

  it('CRLF, CR and LF, mixed in one file, all end lines; line numbers count each', () => {
    const { counts, lines, problems } = run(`\uFEFF${header}\r\n${row(1)}\r${row(2)}\n${row(3)}\r\n${row(4)}`);
    expect(counts).toEqual({ read: 4, scored: 4, notScored: 0, bad: 0 });
    expect(lines.map((line) => line.split(',')[0])).toEqual(['id', '1', '2', '3', '4']);
    expect(problems).toEqual([]);
  });

  it('a lone CR inside a quoted cell is part of the cell, not a line end', () => {
    const { counts, text } = run(`${header};note\r\n${row(1)};"a\rb"\r\n`);
    expect(counts.scored).toBe(1);
    expect(text).toContain('"a\rb"');
  });

  it('the BOM is dropped from the first header name only; a BOM mid-file stays in its cell and the row is kept', () => {
    const { lines, counts } = run(`\uFEFF${header}\n\uFEFF${row(1)}\n${row(2)}\n`);
    expect(lines[0]?.startsWith('id,')).toBe(true);
    expect(counts.read).toBe(2);
    expect(lines[1]?.startsWith('\uFEFF1,')).toBe(true);
  });

  it('a BOM split over chunks is still dropped', () => {
    expect(run(`\uFEFF${header}\n${row(1)}\n`, {}, 'csv', 1).lines[0]?.startsWith('id,')).toBe(true);
  });
});

describe('encodings: UTF-8 or Windows-1252, output always UTF-8', () => {
  const header = `id;vraag_één;${items.join(';')}`;
  const body = `1;café;${answers.join(';')}\n`;

  it('a Windows-1252 file (vraag_één, café) is found, read and written as UTF-8, told once', () => {
    const { lines, counts, notes, problems } = run(latin1(`${header}\n${body}`));
    expect(lines[0]?.startsWith('id,vraag_één,emptiness')).toBe(true);
    expect(lines[1]?.startsWith('1,café,ja')).toBe(true);
    expect(counts.scored).toBe(1);
    expect(problems).toEqual([]);
    expect(notes.filter((note) => note.kind === 'encoding')).toEqual([{ kind: 'encoding', encoding: 'windows-1252', detected: true }]);
  });

  it('the same text as UTF-8 is UTF-8', () => {
    const { lines, notes } = run(`${header}\n${body}`);
    expect(lines[0]?.startsWith('id,vraag_één,')).toBe(true);
    expect(notes).toContainEqual({ kind: 'encoding', encoding: 'utf-8', detected: true });
  });

  it('chunk boundaries do not change the verdict: one byte at a time, UTF-8 and Windows-1252', () => {
    expect(run(`${header}\n${body}`, {}, 'csv', 1).text).toBe(run(`${header}\n${body}`).text);
    expect(run(latin1(`${header}\n${body}`), {}, 'csv', 1).text).toBe(run(latin1(`${header}\n${body}`)).text);
  });

  it('Windows-1252 text whose first non-ASCII byte is a UTF-8 lead byte at a chunk end is still Windows-1252', () => {
    const bytes = latin1(`id;x;${items.join(';')}\n1;é;${answers.join(';')}\n`);
    const cut = bytes.indexOf(0xe9) + 1;
    const notes: DialectNote[] = [];
    const parts: Uint8Array[] = [];
    const scorer = createBatchScorer('csv', { scale: djg6, onDialect: (note) => notes.push(note) }, (out) => parts.push(out.slice()));
    scorer.push(bytes.slice(0, cut));
    scorer.push(bytes.slice(cut));
    scorer.end();
    expect(new TextDecoder().decode(Buffer.concat(parts))).toContain('1,é,ja');
    expect(notes).toContainEqual({ kind: 'encoding', encoding: 'windows-1252', detected: true });
  });

  it('a file cut in the middle of a UTF-8 character at its very end is not UTF-8', () => {
    const bytes = encoder.encode(`${items.join(',')}\n${answers.join(',')}\né`).slice(0, -1);
    expect(run(bytes).notes).toContainEqual({ kind: 'encoding', encoding: 'windows-1252', detected: true });
  });

  it('--encoding utf-8 keeps invalid bytes as U+FFFD with an invalid_utf8 warning per row', () => {
    const { lines, problems } = run(latin1(`${header}\n${body}`), { encoding: 'utf-8' });
    expect(lines[1]?.startsWith('1,caf\uFFFD,')).toBe(true);
    expect(problems.map((problem) => problem.code)).toContain('invalid_utf8');
  });

  it('--encoding windows-1252 transcodes even an ASCII start, and drops a UTF-8 BOM', () => {
    const { lines, notes } = run(Uint8Array.from([0xef, 0xbb, 0xbf, ...latin1(`${header}\n${body}`)]), { encoding: 'cp1252' as never });
    expect(lines[0]?.startsWith('id,vraag_één,')).toBe(true);
    expect(notes).toContainEqual({ kind: 'encoding', encoding: 'windows-1252', detected: false });
  });

  it('Windows-1252 bytes are transcoded by the WHATWG index: 0x80-0x9F typographic, 0xA0-0xFF as Latin-1', () => {
    // Node built with small ICU decodes "windows-1252" as Latin-1, so the index is written here.
    const all = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const out = new Uint8Array(256 * 3);
    const text = new TextDecoder().decode(out.subarray(0, windows1252ToUtf8(all, out)));
    expect(text).toHaveLength(256);
    expect([0x80, 0x81, 0x85, 0x8a, 0x92, 0x93, 0x96, 0x9f].map((byte) => text.charCodeAt(byte))).toEqual([0x20ac, 0x81, 0x2026, 0x160, 0x2019, 0x201c, 0x2013, 0x178]);
    for (let byte = 0; byte < 256; byte++) if (byte < 0x80 || byte >= 0xa0) expect(text.charCodeAt(byte)).toBe(byte);
  });

  it('UTF-8 checks: overlong forms, surrogates and code points above U+10FFFF are not UTF-8', () => {
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x80]]) {
      expect(checkUtf8(Uint8Array.from(bad), 0).verdict, JSON.stringify(bad)).toBe('invalid');
    }
    expect(checkUtf8(encoder.encode('één 😀'), 0).verdict).toBe('valid');
    expect(checkUtf8(Uint8Array.from([0x61, 0xf0, 0x9f]), 0)).toEqual({ verdict: 'incomplete', tail: 1 });
  });

  it.each(['utf-16', 'ebcdic', '', 'auto ', 'UTF8'])('encoding name %j: known names in any case are read, others refused', (name) => {
    if (name === 'auto ' || name === 'UTF8') expect(readEncodingName(name)).toMatch(/auto|utf-8/);
    else expect(() => readEncodingName(name)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it('NDJSON is UTF-8 unless named otherwise (RFC 8259)', () => {
    const row = Uint8Array.from([...encoder.encode('{"emptiness":"ja","leanOn":"ja","trust":"ja","closeTo":"nee","missPeople":"ja","rejected":"ja","name":"caf'), 0xe9, ...encoder.encode('"}\n')]);
    expect(run(row, {}, 'ndjson').problems.map((problem) => problem.code)).toEqual(['invalid_utf8']);
    expect(run(row, { encoding: 'windows-1252' }, 'ndjson').text).toContain('café');
  });
});

describe('UTF-16 with a byte order mark (Excel "Unicode text")', () => {
  const text = '\uFEFFid\temptiness\tleanOn\ttrust\tcloseTo\tmissPeople\trejected\tnaam\r\n1\tja\tja\tja\tnee\tja\tja\tcafé 😀\r\n';
  const utf16le = Uint8Array.from(Buffer.from(text, 'utf16le'));

  it('is found by its BOM and read as UTF-16LE, whatever the chunks (a character cut between chunks included)', () => {
    const whole = run(utf16le);
    expect(whole.lines[1]).toBe('1,ja,ja,ja,nee,ja,ja,café 😀,4,3,1,1,moderately lonely,0,');
    expect(whole.notes).toContainEqual({ kind: 'encoding', encoding: 'utf-16le', detected: true });
    expect(whole.notes).toContainEqual({ kind: 'delimiter', delimiter: '\t', detected: true });
    expect(run(utf16le, {}, 'csv', 1).text).toBe(whole.text);
    expect(run(utf16le, {}, 'csv', 3).text).toBe(whole.text);
  });

  it('an odd trailing byte does not hang or throw: it becomes U+FFFD', () => {
    const { counts } = run(Uint8Array.from([...utf16le, 0x41]));
    expect(counts.read).toBeGreaterThanOrEqual(1);
  });
});
