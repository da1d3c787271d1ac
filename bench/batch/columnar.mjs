// In-process throughput of the columnar path: scoreColumns on the 6-item scale, one column per
// item, for every kind of typed array (and plain arrays), in three scenarios:
//   clean    codes 1-3, 2% missing answers (code 9, declared missing)
//   invalid  the same plus 0.1% invalid codes (7): those respondents get the core's error
//   zero     a Uint8Array using 0 for missing with the MANUAL's coding, where 0 is not a code:
//            2% of answers are invalid (about 11% of respondents)
// Kinds run in a shuffled order within each repetition, so that the ratios to Int8Array come
// from the same conditions. Prints JSON: rows, runs, the Int8Array clean median and rate (read by
// bench/batch/run.mjs), and per scenario and kind the median seconds, rate and ratio to Int8Array
// (`ratioToInt8`, of the medians), and the medians over the repetitions of each repetition's own
// ratio, in elapsed time (`pairedRatio`) and in the process's processor time (`cpuRatio`; its
// median seconds `cpuMedian`): on a
// machine shared with other work, a repetition slowed by it is slowed for every kind alike, and
// processor time leaves out the time the process waited for a core.
// Usage: node bench/batch/columnar.mjs [--rows 1000000] [--runs 5] [--kinds Uint8Array,Float64Array] [--src]
//        (--kinds: Int8Array, the baseline, and these; --src scores with the TypeScript sources:
//        node --import tsx bench/batch/columnar.mjs --src)
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const rows = argument('--rows', 1_000_000);
const runs = argument('--runs', 5);
const source = process.argv.includes('--src');
const { djg6, defineCoding } = await import(source ? '../../src/index.ts' : 'loneliness-scales');
const { scoreColumns } = await import(source ? '../../src/batch/index.ts' : 'loneliness-scales/batch');

let state = 42;
const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
const numbers = [3, 4, 7, 8, 9, 10];
/** Codes per item: 1-3, `missing` with probability 2%, `invalid` with probability 0.1% (when given). */
function codes(missing, invalid) {
  return numbers.map(() => {
    const column = new Array(rows);
    for (let row = 0; row < rows; row++) {
      const draw = next();
      column[row] = invalid !== undefined && draw < 0.001 ? invalid : draw < 0.021 ? missing : 1 + Math.floor(next() * 3);
    }
    return column;
  });
}

const allKinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, Array];
const kindsIndex = process.argv.indexOf('--kinds');
const kinds = kindsIndex === -1 ? allKinds : allKinds.filter((Kind) => Kind === Int8Array || process.argv[kindsIndex + 1].split(',').includes(Kind.name));
const columnsOf = (Kind, values) =>
  Object.fromEntries(numbers.map((number, item) => [`lone${number}`, Kind === Array ? [...values[item]] : Kind.from(values[item], Kind.name.startsWith('Big') ? BigInt : undefined)]));
const withNine = defineCoding({ name: 'manual, 9 = no answer', codes: { 1: 'no', 2: 'more or less', 3: 'yes' }, missingCodes: [9] });
const columns = { by: 'number', pattern: 'lone{n}' };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the cases of one scenario in a shuffled order per repetition; ratios are to its first case (Int8Array). */
function measure(cases) {
  for (const item of cases) {
    item.seconds = [];
    item.cpu = [];
    for (let warm = 0; warm < 2; warm++) scoreColumns(djg6, item.data, item.options);
  }
  for (let run = 0; run < runs; run++) {
    for (const item of [...cases].sort(() => next() - 0.5)) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      scoreColumns(djg6, item.data, item.options);
      item.seconds.push((performance.now() - start) / 1000);
      const used = process.cpuUsage(cpu);
      item.cpu.push((used.user + used.system) / 1e6);
    }
  }
  const [first] = cases;
  const baseline = median(first.seconds);
  const paired = (values, base) => median(values.map((value, run) => value / base[run]));
  return cases.map((item) => ({
    scenario: item.scenario,
    kind: item.kind,
    median: median(item.seconds),
    perSecond: rows / median(item.seconds),
    ratioToInt8: median(item.seconds) / baseline,
    pairedRatio: paired(item.seconds, first.seconds),
    cpuMedian: median(item.cpu),
    cpuRatio: paired(item.cpu, first.cpu),
  }));
}

const options = { scoring: { coding: withNine }, columns };
const clean = codes(9);
const results = measure([
  ...kinds.map((Kind) => ({ scenario: 'clean', kind: Kind.name, data: columnsOf(Kind, clean), options })),
  { scenario: 'zero', kind: 'Uint8Array', data: columnsOf(Uint8Array, codes(0)), options: { scoring: { coding: 'manual' }, columns } },
]);
const invalid = codes(9, 7);
results.push(...measure(kinds.map((Kind) => ({ scenario: 'invalid', kind: Kind.name, data: columnsOf(Kind, invalid), options }))));
const int8 = results[0];
console.log(JSON.stringify({ rows, runs, median: int8.median, perSecond: int8.perSecond, results }));
