// Grouped summary benchmark: `summary --by` against plain `summary` on the same generated
// 1,000,000-row, 11-item CSV (MANUAL coding) with a grouping column of 500 values, an age column
// and a weight column, scoring the 6-item scale. Each round runs both, in turn; the table reports
// medians over the rounds, the same-run ratio, and peak RSS (GNU time). Runs the built CLI.
// Usage: npm run build && node bench/batch/summary-by.mjs [--rounds 3 --rows 1000000 --groups 500]
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { answerCells, argument, createRandom, data, measure, median, root } from '../lib.mjs';

const rounds = Number(argument('--rounds', 3));
const rows = Number(argument('--rows', 1_000_000));
const groupCount = Number(argument('--groups', 500));

const next = createRandom(20261127);

/** The survey: id, region (groupCount values), age, weight, lone1..lone11 (1 = no … 3 = yes; blanks, -1). Deterministic. */
async function survey() {
  const file = join(data, `summary-by-${rows}-${groupCount}.csv`);
  if (existsSync(file)) return file;
  const stream = createWriteStream(file);
  stream.write(`id,region,age,weight,${Array.from({ length: 11 }, (_, index) => `lone${index + 1}`).join(',')}\n`);
  let buffer = '';
  for (let id = 1; id <= rows; id++) {
    let line = `${id},region${Math.floor(next() * groupCount)},${18 + Math.floor(next() * 80)},${(0.2 + next() * 3).toFixed(3)}`;
    line += answerCells(next);
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise((resolvePromise) => stream.once('drain', resolvePromise));
      buffer = '';
    }
  }
  stream.end(buffer);
  await new Promise((resolvePromise) => stream.on('finish', resolvePromise));
  return file;
}

const input = await survey();
const base = [process.execPath, join(root, 'dist/cli.js'), 'summary', input, '--coding', 'manual', '--columns', 'lone{n}', '--weights', 'weight', '--quiet', '--format', 'json'];
const variants = [
  { name: 'summary (weighted)', command: base },
  { name: `summary --by region (${groupCount} groups, weighted)`, command: [...base, '--by', 'region'] },
  { name: `summary --by region,age:18-24,25-49,50-64,65-74,75+`, command: [...base, '--by', 'region,age:18-24,25-49,50-64,65-74,75+'] },
];


const results = variants.map(() => ({ seconds: [], rss: [] }));
for (let round = 0; round < rounds; round++) {
  variants.forEach((variant, index) => {
    const { seconds, rssMb } = measure(variant.command);
    results[index].seconds.push(seconds);
    results[index].rss.push(rssMb);
  });
}
const baseline = median(results[0].seconds);
console.log(`${rows.toLocaleString('en')} rows, ${rounds} rounds, medians\n`);
console.log('| run | seconds | ratio to plain summary | peak RSS (MB) |');
console.log('|---|---:|---:|---:|');
variants.forEach((variant, index) => {
  const seconds = median(results[index].seconds);
  console.log(`| ${variant.name} | ${seconds.toFixed(2)} | ${(seconds / baseline).toFixed(2)}× | ${median(results[index].rss).toFixed(0)} |`);
});
