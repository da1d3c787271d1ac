import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { type Coding, type ScaleDefinition, type ScoreOptions, ScoringError, createScorer, defineCoding, djg11, djg6 } from '../../../src/index.js';
import { type CodeColumn, type ColumnarScores, compileScale, scoreColumns } from '../../../src/batch/internal.js';
import { random } from '../../helpers/dataset.js';

/**
 * Every columnar result must be the core's: for each row, the scores `createScorer(scale,
 * {coding}).safeScore` gives for the equivalent answer object (the numbers the column holds).
 */
function expectCoreScores(scale: ScaleDefinition, scores: ColumnarScores, rows: readonly Record<string, unknown>[], scoring: ScoreOptions) {
  const scorer = createScorer(scale, scoring);
  expect(scores.length).toBe(rows.length);
  const mismatches: string[] = [];
  rows.forEach((answers, row) => {
    const outcome = scorer.safeScore(answers);
    const actual = [scores.total[row], scores.emotional[row], scores.social[row], scores.category[row], scores.missingItems[row]];
    const error = scores.invalid.get(row);
    if (outcome.success) {
      const { total, emotional, social, category, missingItems } = outcome.data;
      const expected = [total ?? -1, emotional ?? -1, social ?? -1, category?.code ?? -1, missingItems.length];
      if (error !== undefined || actual.join() !== expected.join()) {
        mismatches.push(`row ${row} ${show(answers)}: columnar [${actual.join()}]${error ? ` ${error.code}` : ''}, core [${expected.join()}]`);
      }
    } else if (error?.code !== outcome.error.code || error.item !== outcome.error.item || !sameValue(error.value, outcome.error.value) || actual.some((value) => value !== -1)) {
      mismatches.push(`row ${row} ${show(answers)}: columnar [${actual.join()}] ${error?.code}/${error?.item}, core ${outcome.error.code}/${outcome.error.item}`);
    }
  });
  // Report a few mismatches by name rather than one opaque inequality.
  expect(mismatches.slice(0, 8)).toEqual([]);
  // No respondent is reported invalid that the core scores.
  for (const row of scores.invalid.keys()) expect(scorer.safeScore(rows[row]).success).toBe(false);
}

/** Equal values, -0 and 0 alike (the core reads both as code 0), NaN equal to itself. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function show(answers: Record<string, unknown>): string {
  return JSON.stringify(answers, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
}

type NumericArray = ArrayLike<number> & { readonly length: number };
type Kind = {
  readonly name: string;
  readonly make: (codes: readonly number[]) => NumericArray | BigInt64Array | BigUint64Array;
  /** The number the core is given for a stored value. */
  readonly read: (stored: number | bigint) => number;
  readonly codes: readonly number[];
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
/** Codes around the lookup table's edges and the coding's codes, plus every extreme of a 32-bit integer. */
const wideCodes = [...range(-300, 300), -32769, -32768, -32767, 32767, 32768, 65535, 65536, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, 2 ** 31, 2 ** 31 + 2];
/** 64-bit codes whose low 32-bit word is a code of the table (1, 3, 9, 255, -1, -128) but whose high word is not its sign. */
const longCodes = [2 ** 32 + 1, 2 ** 32 + 3, 2 ** 32 + 9, 2 ** 32 + 255, 2 ** 33 - 1, 2 ** 33 - 128, 2 ** 53, 2 ** 53 - 1, 2 ** 63, 2 ** 64 - 2 ** 11];
const floatCodes = [...wideCodes, -0, 0.5, -0.5, 1.5, 2.5, -1.5, 3.0000001, 127.5, -128.5, 255.5, 1e300, -1e300, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, 2 ** 53 + 2];
const kinds: readonly Kind[] = [
  { name: 'Int8Array', make: (codes) => Int8Array.from(codes), read: Number, codes: range(-128, 127) },
  { name: 'Uint8Array', make: (codes) => Uint8Array.from(codes), read: Number, codes: range(0, 255) },
  { name: 'Uint8ClampedArray', make: (codes) => Uint8ClampedArray.from(codes), read: Number, codes: range(0, 255) },
  { name: 'Int16Array', make: (codes) => Int16Array.from(codes), read: Number, codes: range(-32768, 32767) },
  { name: 'Uint16Array', make: (codes) => Uint16Array.from(codes), read: Number, codes: range(0, 65535) },
  { name: 'Int32Array', make: (codes) => Int32Array.from(codes), read: Number, codes: wideCodes.filter((code) => code >= -(2 ** 31) && code < 2 ** 31) },
  { name: 'Uint32Array', make: (codes) => Uint32Array.from(codes), read: Number, codes: wideCodes.filter((code) => code >= 0) },
  { name: 'Float32Array', make: (codes) => Float32Array.from(codes), read: (stored) => Math.fround(Number(stored)), codes: floatCodes },
  { name: 'Float64Array', make: (codes) => Float64Array.from(codes), read: Number, codes: floatCodes },
  { name: 'BigInt64Array', make: (codes) => BigInt64Array.from(codes, BigInt), read: Number, codes: [...wideCodes, ...longCodes, ...longCodes.map((code) => -code)] },
  { name: 'BigUint64Array', make: (codes) => BigUint64Array.from(codes, BigInt), read: Number, codes: [...wideCodes.filter((code) => code >= 0), ...longCodes] },
  { name: 'Array', make: (codes) => [...codes], read: Number, codes: floatCodes },
];

/** A custom coding with codes beyond 127 and a missing code above them, to exercise every table slot. */
const wideCoding: Coding = defineCoding({ name: 'wide', codes: { 0: 'nee', 128: 'min of meer', 255: 'ja', 200: 'ja!' }, missingCodes: [99, 254, 300, 65535] });
const codingsUnderTest: readonly (readonly [string, Coding | 'manual' | 'rivm5'])[] = [
  ['manual', 'manual'],
  ['rivm5', 'rivm5'],
  ['a custom coding with codes 0, 128, 200, 255 and missing codes 99, 254, 300, 65535', wideCoding],
];

/**
 * Scores `codes` on item `item` of the scale (the other items answered with `filler`) and checks
 * every row against the core.
 */
function checkItem(scale: ScaleDefinition, kind: Kind, coding: Coding | 'manual' | 'rivm5', item: number, codes: readonly number[], filler: number) {
  const stored = kind.make(codes);
  const data: Record<string, CodeColumn> = {};
  const rows: Record<string, unknown>[] = Array.from({ length: codes.length }, () => ({}));
  scale.items.forEach(({ key }, position) => {
    const column = position === item ? stored : kind.make(codes.map(() => filler));
    data[key] = column as CodeColumn;
    for (let row = 0; row < codes.length; row++) (rows[row] as Record<string, unknown>)[key] = kind.read((column as ArrayLike<number | bigint>)[row] as number | bigint);
  });
  const scoring = { coding };
  expectCoreScores(scale, scoreColumns(scale, data, { scoring }), rows, scoring);
}

describe('issue 8 #6: columnar scoring reads every code of every typed-array kind as the core does', () => {
  it('a Uint8Array code 129–131 is not read as 1–3, and 119–127 are not missing (unknown_code, as the core says)', () => {
    const codes = [...range(119, 131), 1, 2, 3];
    const data = Object.fromEntries(djg6.items.map(({ key }, item) => [key, Uint8Array.from(codes, (code) => (item === 0 ? code : 3))]));
    const scores = scoreColumns(djg6, data, { scoring: { coding: 'manual' } });
    for (let row = 0; row < 13; row++) {
      expect(scores.total[row]).toBe(-1);
      expect(scores.invalid.get(row)?.code).toBe('unknown_code');
      expect(scores.invalid.get(row)?.value).toBe(codes[row]);
    }
    // Codes 1, 2, 3 (no, more or less, yes) on emptiness, every other item "yes" (3).
    expect(Array.from(scores.total.subarray(13))).toEqual([2, 3, 3]);
  });

  for (const kind of kinds) {
    for (const [codingName, coding] of codingsUnderTest) {
      // A 16-bit kind has 65,536 codes, each invalid one an error object on both sides: every code
      // once (on the first item, with the first coding), and codes -300..300 and the extremes elsewhere.
      const sample = kind.codes.length > 1000 ? kind.codes.filter((code) => Math.abs(code) <= 300 || [-32768, -32767, 32767, 32768, 65535].includes(code)) : kind.codes;
      it(`${kind.name}, coding ${codingName}: ${sample === kind.codes ? 'every code' : 'every code on one item, a sample on the others'} scores as the core scores it on every djg6 item`, () => {
        // Most of these codes are errors: their stack traces are not needed, and cost most of the time.
        const { stackTraceLimit } = Error;
        Error.stackTraceLimit = 0;
        onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
        for (let item = 0; item < djg6.items.length; item++) {
          checkItem(djg6, kind, coding, item, item === 0 && coding === 'manual' ? kind.codes : sample, item % 2 === 0 ? 1 : 3);
        }
      });
    }
  }

  it('djg11 with tolerated missing items: a Uint8Array scores as the core on all 256 codes of every item', () => {
    for (let item = 0; item < djg11.items.length; item++) {
      const stored = Uint8Array.from(range(0, 255));
      const data = Object.fromEntries(djg11.items.map(({ key }, position) => [key, position === item ? stored : Uint8Array.from(stored, () => 2)]));
      const rows = Array.from(stored, (code) => Object.fromEntries(djg11.items.map(({ key }, position) => [key, position === item ? code : 2])));
      const scoring = { coding: 'manual' as const, missing: { total: 2, subscale: 1 } };
      expectCoreScores(djg11, scoreColumns(djg11, data, { scoring }), rows, scoring);
    }
  });

  it('plain arrays with null, undefined, holes, labels, numeric strings and junk score as the core scores them', () => {
    const values: unknown[] = [null, undefined, '3', ' 2 ', 'ja', ' Min  of meer ', 'perhaps', '', '  ', '2.5', '-1.5', true, {}, [], 3, -1, 0, Number.NaN];
    const column: unknown[] = [...values];
    column.length = values.length + 2; // two holes at the end: missing answers
    for (let item = 0; item < djg6.items.length; item++) {
      const data = Object.fromEntries(djg6.items.map(({ key }, position) => [key, position === item ? column : Array.from(column, () => 1)]));
      const rows = Array.from({ length: column.length }, (_, row) =>
        Object.fromEntries(djg6.items.map(({ key }, position) => [key, position === item ? column[row] : 1])),
      );
      const scoring = { coding: 'manual' as const };
      expectCoreScores(djg6, scoreColumns(djg6, data as Record<string, CodeColumn>, { scoring }), rows, scoring);
    }
  });

  it('Arrow-like columns of every kind: a null (by the validity test) is a missing answer whatever value sits under it', () => {
    for (const kind of kinds) {
      const codes = [1, 2, 3, -1, 7, 0, 130, 3];
      const nulls = new Set([1, 4, 6]);
      const arrow = (values: readonly number[]) => ({
        length: values.length,
        nullCount: nulls.size,
        toArray: () => kind.make(values),
        isValid: (index: number) => !nulls.has(index),
      });
      const data = Object.fromEntries(djg6.items.map(({ key }, position) => [key, arrow(position === 0 ? codes : codes.map(() => 3))]));
      const stored = kind.make(codes) as ArrayLike<number | bigint>;
      const rows = codes.map((_, row) => Object.fromEntries(djg6.items.map(({ key }, position) => [key, nulls.has(row) ? null : position === 0 ? kind.read(stored[row] as number) : 3])));
      const scoring = { coding: 'manual' as const };
      expectCoreScores(djg6, scoreColumns(djg6, data as Record<string, CodeColumn>, { scoring }), rows, scoring);
    }
  });

  it('an Arrow-like column without nulls is read without its validity test', () => {
    const data = Object.fromEntries(djg6.items.map(({ key }) => [key, { length: 2, nullCount: 0, toArray: () => Int32Array.of(3, 1), isValid: () => false }]));
    expect(Array.from(scoreColumns(djg6, data, { scoring: { coding: 'manual' } }).total)).toEqual([3, 3]);
  });

  it('a column of any other shape is an invalid_answers ScoringError naming the column', () => {
    const base = Object.fromEntries(djg6.items.map(({ key }) => [key, Int8Array.of(1)]));
    for (const bad of [null, 5, 'abc', { length: -1 }, { length: 1.5 }, { length: 1, toArray: () => null }, { length: 1, toArray: () => [1, 2] }]) {
      const outcome = (() => {
        try {
          return scoreColumns(djg6, { ...base, emptiness: bad as never }, { scoring: { coding: 'manual' } });
        } catch (error) {
          return error;
        }
      })();
      expect(outcome, String(bad)).toBeInstanceOf(ScoringError);
      expect((outcome as ScoringError).code).toBe('invalid_answers');
      expect((outcome as ScoringError).value).toBe('emptiness');
    }
  });

  it('data that is not an object is an invalid_answers ScoringError', () => {
    for (const bad of [null, undefined, 5, 'data']) {
      expect(() => scoreColumns(djg6, bad as never, { scoring: { coding: 'manual' } })).toThrow(ScoringError);
    }
  });
});

describe('issue 8 #6: invalid codes are resolved once per item and value, not once per cell', () => {
  it.each([
    ['a Uint8Array using 0 for missing (0 is not a code of the manual coding)', (row: number) => (row % 50 === 0 ? 0 : 1 + (row % 3)), Uint8Array],
    ['0.1% invalid codes (7) in an Int16Array', (row: number) => (row % 1000 === 0 ? 7 : 1 + (row % 3)), Int16Array],
    ['invalid non-integers (2.5) and NaN in a Float64Array', (row: number) => (row % 100 === 0 ? 2.5 : row % 100 === 1 ? Number.NaN : 1 + (row % 3)), Float64Array],
  ] as const)('%s', (_name, code, Kind) => {
    // A coding of its own, so that this test compiles (and caches) its own tables.
    const coding = defineCoding({ name: `cache test ${Kind.name}`, codes: { 1: 'no', 2: 'more or less', 3: 'yes' } });
    const compiled = compileScale(djg6, { coding });
    const asked = vi.spyOn(compiled, 'pointOfValue');
    const rows = 20_000;
    const data = Object.fromEntries(djg6.items.map(({ key }) => [key, Kind.from(Array.from({ length: rows }, (_, row) => code(row)))]));
    const scores = scoreColumns(djg6, data, { scoring: { coding } });
    expect(scores.invalid.size).toBeGreaterThan(0);
    // At most one question per item and distinct value (4 or 5 values here), however many cells hold it.
    expect(asked.mock.calls.length).toBeLessThanOrEqual(djg6.items.length * 5);
    const rowsAnswers = Array.from({ length: rows }, (_, row) => Object.fromEntries(djg6.items.map(({ key }) => [key, (data[key] as ArrayLike<number>)[row]])));
    expectCoreScores(djg6, scores, rowsAnswers, { coding });
  });
});

describe('a respondent with several invalid answers', () => {
  it('reports the first invalid item in the scale’s order, as the core does', () => {
    // Row 0: trust (3rd) and rejected (6th) invalid; row 1: only rejected; row 2: leanOn and missPeople.
    const columns: Record<string, number[]> = { emptiness: [1, 1, 1], leanOn: [1, 1, 8], trust: [7, 1, 1], closeTo: [1, 1, 1], missPeople: [1, 1, 0], rejected: [9, 9, 1] };
    const data = Object.fromEntries(Object.entries(columns).reverse().map(([key, values]) => [key, Uint8Array.from(values)]));
    const scores = scoreColumns(djg6, data, { scoring: { coding: 'manual' } });
    expect([0, 1, 2].map((row) => [scores.invalid.get(row)?.item, scores.invalid.get(row)?.value])).toEqual([
      ['trust', 7],
      ['rejected', 9],
      ['leanOn', 8],
    ]);
    const rows = [0, 1, 2].map((row) => Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, values[row]])));
    expectCoreScores(djg6, scores, rows, { coding: 'manual' });
  });
});

describe('options that JSON cannot hold', () => {
  it('issue 8 #12: a bigint tolerance is the core’s invalid_option ScoringError, not a TypeError from the compiled-scale cache', () => {
    const data = Object.fromEntries(djg6.items.map(({ key }) => [key, Int8Array.of(1)]));
    const thrown = (() => {
      try {
        scoreColumns(djg6, data, { scoring: { coding: 'manual', missing: { total: 1n as unknown as number } } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ScoringError);
    expect((thrown as ScoringError).code).toBe('invalid_option');
  });
});

describe('issue 9: each kind of array is scored by a loop of its own, which agrees with the core across blocks of rows', () => {
  // Three blocks of 4,096 rows and a few more: the values a loop stops at (codes seen for the first
  // time, codes without a slot, NaN, null, labels) fall on the blocks' edges, in runs and alone.
  const rows = 2 * 4096 + 37;
  const edges = [0, 1, 4094, 4095, 4096, 4097, 8191, 8192, rows - 1];

  /** Mostly codes 1–3 (the table's fast path), else a value of `pool`, sometimes in a run. */
  function column(pool: readonly unknown[], next: () => number): unknown[] {
    const values: unknown[] = [];
    while (values.length < rows) {
      const draw = next();
      if (draw < 0.85) values.push(1 + Math.floor(next() * 3));
      else values.push(...Array.from({ length: draw < 0.97 ? 1 : 1 + Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]));
    }
    values.length = rows;
    for (const row of edges) values[row] = pool[Math.floor(next() * pool.length)];
    return values;
  }

  function check(name: string, make: (values: readonly unknown[]) => CodeColumn, read: (column: CodeColumn, row: number) => unknown, pool: readonly unknown[], seed: number) {
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
    const next = random(seed);
    // A coding of its own, so that every table starts empty and fills in while the loops run.
    const fresh = defineCoding({ name: `blocks of ${name}`, codes: { 1: 'no', 2: 'more or less', 3: 'yes' }, missingCodes: [9, -1, 300] });
    for (const coding of [fresh, wideCoding, 'manual' as const]) {
      const data = Object.fromEntries(djg6.items.map(({ key }) => [key, make(column(pool, next))]));
      const answers = Array.from({ length: rows }, (_, row) => Object.fromEntries(djg6.items.map(({ key }) => [key, read(data[key] as CodeColumn, row)])));
      expectCoreScores(djg6, scoreColumns(djg6, data, { scoring: { coding } }), answers, { coding });
    }
  }

  kinds.forEach((kind, index) => {
    const codes = kind.codes.length > 1000 ? kind.codes.filter((code) => Math.abs(code) <= 300 || Math.abs(code) > 2 ** 31 - 2 || !Number.isInteger(code)) : kind.codes;
    it(`${kind.name}: every row scores as the core scores it (${codes.length} edge values)`, () => {
      check(
        kind.name,
        (values) => kind.make(values as number[]) as CodeColumn,
        (column, row) => kind.read((column as ArrayLike<number | bigint>)[row] as number | bigint),
        codes,
        index + 1,
      );
    });
  });

  const mixed = [...floatCodes, null, undefined, 'ja', ' 2 ', 'perhaps', '3', true, {}];
  it('plain arrays of numbers, NaN, null, undefined, holes and labels: every row scores as the core scores it', () => {
    check(
      'plain arrays',
      (values) => {
        const array = [...values];
        for (let row = 5; row < rows; row += 97) delete array[row]; // holes: missing answers
        return array as CodeColumn;
      },
      (column, row) => (column as ArrayLike<unknown>)[row],
      mixed,
      100,
    );
  });

  it('an array-like object that is not an array: every row scores as the core scores it', () => {
    check(
      'array-like objects',
      (values) => ({ ...values, length: values.length }) as unknown as CodeColumn,
      (column, row) => (column as ArrayLike<unknown>)[row],
      mixed,
      101,
    );
  });
});
