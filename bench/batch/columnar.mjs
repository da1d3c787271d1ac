// In-process throughput of the columnar path: scoreColumns on 1,000,000 respondents coded in
// Int8Arrays (manual coding, 2% missing). Prints JSON: rows, runs, median seconds, respondents/s.
import { djg6 } from 'loneliness-scales';
import { scoreColumns } from 'loneliness-scales/batch';

const rows = 1_000_000;
let state = 42;
const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
const columns = {};
for (const number of [3, 4, 7, 8, 9, 10]) {
  const codes = new Int8Array(rows);
  for (let row = 0; row < rows; row++) codes[row] = next() < 0.02 ? -1 : 1 + Math.floor(next() * 3);
  columns[`lone${number}`] = codes;
}
const options = { scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } };
for (let warm = 0; warm < 3; warm++) scoreColumns(djg6, columns, options);
const runs = 15;
const seconds = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  scoreColumns(djg6, columns, options);
  seconds.push((performance.now() - start) / 1000);
}
seconds.sort((a, b) => a - b);
const median = seconds[Math.floor(runs / 2)];
console.log(JSON.stringify({ rows, runs, median, perSecond: rows / median }));
