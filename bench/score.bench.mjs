// Throughput of `score` on answer objects with labels, against a naive scorer in the same run.
// Usage: npm run bench   (builds first; writes the table to stdout — copy it to docs/benchmarks.md)
import { createScorer, djg11, djg6, score } from '../dist/index.js';

const RESPONDENTS = 200_000;
const ROUNDS = 15;
const labels = ['yes', 'more or less', 'no', 'ja', 'min of meer', 'nee'];

let seed = 7;
function next() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

function makeRespondents(scale, missingRate) {
  return Array.from({ length: RESPONDENTS }, () => {
    const answers = {};
    for (const item of scale.items) answers[item.key] = next() < missingRate ? null : labels[Math.floor(next() * labels.length)];
    return answers;
  });
}

/** A straightforward scorer, as survey teams write it by hand. */
function naiveScore(scale, answers) {
  const yes = ['yes', 'ja'];
  const neutral = ['more or less', 'min of meer', 'min-of-meer', 'meer of minder'];
  const no = ['no', 'nee'];
  const points = {};
  let total = 0;
  let missing = 0;
  for (const item of scale.items) {
    const raw = answers[item.key];
    if (raw === null || raw === undefined) {
      points[item.key] = null;
      missing++;
      continue;
    }
    const label = String(raw).trim().toLowerCase();
    let point;
    if (neutral.includes(label)) point = 1;
    else if (yes.includes(label)) point = item.wording === 'negative' ? 1 : 0;
    else if (no.includes(label)) point = item.wording === 'negative' ? 0 : 1;
    else throw new Error(`unknown answer ${label}`);
    points[item.key] = point;
    total += point;
  }
  return { points, total: missing > scale.missing.total ? null : total };
}

function measure(name, run, respondents) {
  const rates = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (const answers of respondents) sink += run(answers).total ?? 0;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(respondents.length / seconds);
  }
  rates.sort((a, b) => a - b);
  if (sink === -1) console.log(sink);
  return { name, median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates.at(-1) };
}

const rows = [];
for (const [scale, missingRate] of [[djg6, 0.02], [djg6, 0], [djg11, 0.02], [djg11, 0]]) {
  const respondents = makeRespondents(scale, missingRate);
  const scorer = createScorer(scale);
  const data = `${missingRate * 100}% missing`;
  const results = [
    measure(`naive baseline (${scale.id}, ${data})`, (answers) => naiveScore(scale, answers), respondents),
    measure(`score(${scale.id}, answers), ${data}`, (answers) => score(scale, answers), respondents),
    measure(`createScorer(${scale.id}).score, ${data}`, (answers) => scorer.score(answers), respondents),
  ];
  const baseline = results[0].median;
  for (const result of results) rows.push({ ...result, ratio: result.median / baseline });
}

const format = (rate) => `${(rate / 1e6).toFixed(2)} M/s`;
console.log(`Node ${process.version}, ${RESPONDENTS.toLocaleString('en')} respondents with label answers, median of ${ROUNDS} rounds\n`);
console.log('| scorer | median | min | max | × naive |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${format(row.median)} | ${format(row.min)} | ${format(row.max)} | ${row.ratio.toFixed(2)} |`);
