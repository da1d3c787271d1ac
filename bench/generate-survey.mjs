// Generates the benchmark survey: N respondents (default 1,000,000) of the 11-item scale as CSV,
// columns id,wave,lone1..lone11, coded as in the MANUAL (1 = no, 2 = more or less, 3 = yes),
// with missing answers as blanks and negative codes. Deterministic.
// Usage: node bench/generate-survey.mjs [rows] [out]   (default out: bench/.data/survey-<rows>.csv)
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { answerCells, createRandom } from './lib.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const out = resolve(process.argv[3] ?? new URL(`./.data/survey-${rows}.csv`, import.meta.url).pathname);
mkdirSync(dirname(out), { recursive: true });

const next = createRandom(20261127);

const stream = createWriteStream(out);
stream.write(`id,wave,${Array.from({ length: 11 }, (_, index) => `lone${index + 1}`).join(',')}\n`);
let buffer = '';
for (let id = 1; id <= rows; id++) {
  let line = `${id},2024`;
  line += answerCells(next);
  buffer += `${line}\n`;
  if (buffer.length > 1 << 20) {
    if (!stream.write(buffer)) await new Promise((resolvePromise) => stream.once('drain', resolvePromise));
    buffer = '';
  }
}
stream.end(buffer);
await new Promise((resolvePromise) => stream.on('finish', resolvePromise));
console.log(out);
