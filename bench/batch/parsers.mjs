// CSV parser comparison for the batch entry: speed on the 1,000,000-row benchmark survey
// (streamed in 1 MiB chunks; each parser tokenizes every row and reads one item column as a
// number), and correctness on RFC 4180 edge cases. Prints JSON.
// Usage: node bench/batch/parsers.mjs [file] [rounds]
import { createReadStream, readFileSync } from 'node:fs';
import { TextDecoder, TextEncoder } from 'node:util';
import { parse as csvParse } from 'csv-parse';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
// Internals of the batch layer, from source: run with `node --import tsx bench/batch/parsers.mjs`.
import { createDelimitedTokenizer, fieldText } from '../../src/batch/internal.ts';

const file = process.argv[2] ?? new URL('../.data/survey-1000000.csv', import.meta.url).pathname;
const rounds = Number(process.argv[3] ?? 5);
const COLUMN = 4; // lone3

const chunks = () => createReadStream(file, { highWaterMark: 1 << 20 });

const parsers = {
  async 'own tokenizer (bytes)'() {
    let rows = 0;
    let sum = 0;
    const tokenizer = createDelimitedTokenizer((record) => {
      rows++;
      const start = record.starts[COLUMN];
      const end = record.ends[COLUMN];
      let value = 0;
      for (let index = start; index < end; index++) value = value * 10 + record.bytes[index] - 48;
      sum += end - start === 1 ? value : 0;
    });
    for await (const chunk of chunks()) tokenizer.push(chunk);
    tokenizer.end();
    return { rows, sum };
  },
  async 'own tokenizer (strings)'() {
    let rows = 0;
    let sum = 0;
    const tokenizer = createDelimitedTokenizer((record) => {
      rows++;
      const value = Number(fieldText(record, COLUMN));
      sum += value > 0 ? value : 0;
    });
    for await (const chunk of chunks()) tokenizer.push(chunk);
    tokenizer.end();
    return { rows, sum };
  },
  async udsv() {
    let rows = 0;
    let sum = 0;
    let parser = null;
    const decoder = new TextDecoder();
    const onData = (row) => {
      rows++;
      const value = Number(row[COLUMN]);
      sum += value > 0 ? value : 0;
    };
    for await (const chunk of chunks()) {
      const text = decoder.decode(chunk, { stream: true });
      parser ??= initParser(inferSchema(text));
      parser.chunk(text, parser.stringArrs, onData);
    }
    parser.end();
    return { rows, sum };
  },
  async papaparse() {
    let rows = 0;
    let sum = 0;
    await new Promise((resolve, reject) =>
      Papa.parse(chunks(), {
        chunk(results) {
          for (const row of results.data) {
            rows++;
            const value = Number(row[COLUMN]);
            sum += value > 0 ? value : 0;
          }
        },
        complete: resolve,
        error: reject,
      }),
    );
    return { rows, sum };
  },
  async 'csv-parse'() {
    let rows = 0;
    let sum = 0;
    for await (const row of chunks().pipe(csvParse({ relax_column_count: true }))) {
      rows++;
      const value = Number(row[COLUMN]);
      sum += value > 0 ? value : 0;
    }
    return { rows, sum };
  },
};

// RFC 4180 and real-world edge cases: input, expected rows.
const cases = [
  ['quoted delimiter', 'a,"b,c"\n', [['a', 'b,c']]],
  ['doubled quotes', 'a,"say ""hi"""\n', [['a', 'say "hi"']]],
  ['quoted line break', 'a,"x\ny"\n', [['a', 'x\ny']]],
  ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
  ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
  ['BOM', '\uFEFFa,b\n1,2\n', [['a', 'b'], ['1', '2']]],
  ['blank line', 'a\n\nb\n', [['a'], ['b']]],
  ['empty fields', 'a,,\n', [['a', '', '']]],
];

const correctness = {
  'own tokenizer (bytes)': (text) => {
    const out = [];
    const tokenizer = createDelimitedTokenizer((record) => out.push(Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field))));
    tokenizer.push(new TextEncoder().encode(text));
    tokenizer.end();
    return out;
  },
  udsv: (text) => {
    const parser = initParser(inferSchema(text.replace(/^\uFEFF/, '') + (text.endsWith('\n') ? '' : '\n')));
    return [...parser.schema.cols.map((col) => col.name)].length ? [parser.schema.cols.map((col) => col.name), ...parser.stringArrs(text)] : [];
  },
  papaparse: (text) => Papa.parse(text, { skipEmptyLines: true }).data,
  'csv-parse': (text) => {
    const out = [];
    const parser = csvParse({ bom: true, skip_empty_lines: true, relax_column_count: true });
    parser.on('readable', () => {
      let row;
      while ((row = parser.read()) !== null) out.push(row);
    });
    parser.write(text);
    parser.end();
    return out;
  },
};

const results = {};
for (const name of Object.keys(parsers)) results[name] = { seconds: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(parsers)) {
    const start = performance.now();
    const outcome = await run();
    results[name].seconds.push((performance.now() - start) / 1000);
    results[name].rows = outcome.rows;
    results[name].sum = outcome.sum;
  }
}
for (const [name, result] of Object.entries(results)) {
  const sorted = [...result.seconds].sort((a, b) => a - b);
  result.median = sorted[Math.floor(sorted.length / 2)];
  const check = correctness[name.startsWith('own') ? 'own tokenizer (bytes)' : name];
  result.edgeCases = Object.fromEntries(
    cases.map(([label, input, expected]) => {
      let ok;
      try {
        const output = (check ? check(input) : []).map((row) => row.map(String));
        ok = JSON.stringify(output.slice(output.length - expected.length)) === JSON.stringify(expected) && output.length === expected.length;
      } catch {
        ok = false;
      }
      return [label, ok];
    }),
  );
}
console.log(JSON.stringify({ file, bytes: readFileSync(file).length, rounds, results }, null, 2));
