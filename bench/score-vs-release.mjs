// createScorer(scale).score on label objects, this checkout against the previous release built by
// bench/batch/vs-release.mjs (bench/.data/release-<ref>/), in the same process, rounds alternating.
// Usage: npm run build && node bench/batch/vs-release.mjs --rounds 1 && node bench/score-vs-release.mjs [--release f1ccc6a]
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const release = argument('--release', 'f1ccc6a');
const [old, current] = await Promise.all([import(join(root, `bench/.data/release-${release}/dist/index.js`)), import(join(root, 'dist/index.js'))]);
const labels = ['yes', 'more or less', 'no', 'ja', 'min of meer', 'nee'];
let seed = 7;
const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log('| scale, missing | release | this checkout | ratio |');
console.log('|---|---|---|---|');
for (const [name, rate] of [['djg6', 0.02], ['djg6', 0], ['djg11', 0.02], ['djg11', 0]]) {
  const respondents = Array.from({ length: 200_000 }, () => {
    const answers = {};
    for (const item of old[name].items) answers[item.key] = next() < rate ? null : labels[Math.floor(next() * labels.length)];
    return answers;
  });
  const scorers = [old.createScorer(old[name]), current.createScorer(current[name])];
  const rates = [[], []];
  let sink = 0;
  for (let round = 0; round < 15; round++) {
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = process.hrtime.bigint();
      for (const answers of respondents) sink += scorers[index].score(answers).total ?? 0;
      rates[index].push(respondents.length / (Number(process.hrtime.bigint() - start) / 1e9) / 1e6);
    }
  }
  if (sink < 0) console.log(sink);
  const [a, b] = rates.map(median);
  console.log(`| ${name}, ${rate * 100}% | ${a.toFixed(2)} M/s | ${b.toFixed(2)} M/s | ${(b / a).toFixed(2)} |`);
}
