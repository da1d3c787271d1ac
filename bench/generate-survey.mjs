// Generates the benchmark survey: N respondents (default 1,000,000) of the 11-item scale as CSV,
// columns id,wave,lone1..lone11, coded as in the MANUAL (1 = no, 2 = more or less, 3 = yes),
// with missing answers as blanks and negative codes. Deterministic.
// Usage: node bench/generate-survey.mjs [rows] [out]   (default out: bench/.data/survey-<rows>.csv)
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
const out = resolve(process.argv[3] ?? new URL(`./.data/survey-${rows}.csv`, import.meta.url).pathname);
mkdirSync(dirname(out), { recursive: true });

let state = 20261127;
function next() {
  state = (state + 0x6d2b79f5) >>> 0;
  let value = state;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}

const stream = createWriteStream(out);
stream.write(`id,wave,${Array.from({ length: 11 }, (_, index) => `lone${index + 1}`).join(',')}\n`);
let buffer = '';
for (let id = 1; id <= rows; id++) {
  let line = `${id},2024`;
  for (let item = 0; item < 11; item++) {
    const draw = next();
    line += draw < 0.02 ? ',' : draw < 0.03 ? ',-1' : `,${1 + Math.floor(next() * 3)}`;
  }
  buffer += `${line}\n`;
  if (buffer.length > 1 << 20) {
    if (!stream.write(buffer)) await new Promise((resolvePromise) => stream.once('drain', resolvePromise));
    buffer = '';
  }
}
stream.end(buffer);
await new Promise((resolvePromise) => stream.on('finish', resolvePromise));
console.log(out);
