import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Coding, type ScaleDefinition, defineCoding, djg11, djg6 } from '../../../src/index.js';
import { type CodeColumn, type ColumnarScores, scoreColumns } from '../../../src/batch/index.js';

// Issue 9: each kind of array is read by a loop of its own (two rows a step, with a slow path for
// values the table does not hold). Whatever a kind stores, it must score exactly as a plain array
// of the numbers it stores, and, where those numbers fit, as an Int8Array. Random columns mix the
// codes of the coding with NaN, -0, fractions, infinities, subnormals, codes beyond the table and
// beyond 32 bits; nulls (for the kinds, as Arrow-style columns with a validity test) agree with
// nulls in plain arrays.

/** Everything a row's scores are made of, errors included, as one comparable string per row. */
function rowsOf(scores: ColumnarScores): string[] {
  return Array.from({ length: scores.length }, (_, row) => {
    const error = scores.invalid.get(row);
    const cells = [scores.total[row], scores.emotional[row], scores.social[row], scores.category[row], scores.missingItems[row]];
    return `${cells.join()} ${error === undefined ? '' : `${error.code}/${error.item}/${String(error.value)}`}`;
  });
}

type Stored = ArrayLike<number | bigint>;
interface Kind {
  readonly name: string;
  /** The column as this kind stores the numbers (each converted as the kind converts it). */
  readonly make: (values: readonly number[]) => Stored;
}

/** A 64-bit integer kind stores an integer; a non-finite number has no integer, and is stored as 0 (as a typed array stores NaN). */
const toBigInt = (value: number) => (Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n);
const kinds: readonly Kind[] = [
  { name: 'Int8Array', make: (values) => Int8Array.from(values) },
  { name: 'Uint8Array', make: (values) => Uint8Array.from(values) },
  { name: 'Uint8ClampedArray', make: (values) => Uint8ClampedArray.from(values) },
  { name: 'Int16Array', make: (values) => Int16Array.from(values) },
  { name: 'Uint16Array', make: (values) => Uint16Array.from(values) },
  { name: 'Int32Array', make: (values) => Int32Array.from(values) },
  { name: 'Uint32Array', make: (values) => Uint32Array.from(values) },
  { name: 'Float32Array', make: (values) => Float32Array.from(values) },
  { name: 'Float64Array', make: (values) => Float64Array.from(values) },
  { name: 'BigInt64Array', make: (values) => BigInt64Array.from(values, toBigInt) },
  { name: 'BigUint64Array', make: (values) => BigUint64Array.from(values, toBigInt) },
  { name: 'Array', make: (values) => [...values] },
];

/** Codes of the codings below, values around the table's edges, and values no fast path may take for a code. */
const special = [
  1, 2, 3, 9, 0, -0, -1, 1.5, -1.5, 2.5, 0.5, 127, 128, 129, 255, 256, -128, -129, 99, 300, 65535, 65536, 65539,
  2 ** 31 + 1, 2 ** 32 + 1, 2 ** 32 + 3, -(2 ** 32) + 1, 2 ** 53 + 2, 1e-40, -1e-40, Number.MIN_VALUE, 127.99999999999999, 3.0000001,
  // Single-precision values whose upper 16 bits are those of a code, but not the lower 16.
  1 + 2 ** -16, 3 - 2 ** -14, 255 + 2 ** -8, -1 - 2 ** -20,
  Number.NaN, Infinity, -Infinity, 1e300,
];
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 3, arbitrary: fc.constantFrom(...special) },
  { weight: 1, arbitrary: fc.integer({ min: -300, max: 300 }) },
  { weight: 1, arbitrary: fc.double() },
);
const cell = fc.option(value, { freq: 12, nil: null });

const wide: Coding = defineCoding({ name: 'kinds agree: wide', codes: { 0: 'nee', 128: 'min of meer', 255: 'ja', 200: 'ja!' }, missingCodes: [99, 254, 300, 65535] });
const nine: Coding = defineCoding({ name: 'kinds agree: 9 and -1 missing', codes: { 1: 'no', 2: 'more or less', 3: 'yes' }, missingCodes: [9, -1] });
const scales: readonly (readonly [ScaleDefinition, { readonly coding: Coding | 'manual'; readonly missing?: { readonly total: number; readonly subscale: number } }])[] = [
  [djg6, { coding: 'manual' }],
  [djg6, { coding: nine }],
  [djg6, { coding: wide }],
  [djg11, { coding: nine, missing: { total: 2, subscale: 1 } }],
];

/** Columns of one scale: per item, a list of cells (a number or null). */
const columnsFor = (scale: ScaleDefinition) =>
  fc.integer({ min: 1, max: 40 }).chain((rows) => fc.tuple(...scale.items.map(() => fc.array(cell, { minLength: rows, maxLength: rows }))));

describe('issue 9: every kind of array scores as plain arrays of the numbers it stores, and as Int8Array where they fit (property)', () => {
  for (const [scale, scoring] of scales) {
    const codingName = typeof scoring.coding === 'string' ? scoring.coding : scoring.coding.name;
    it(`${scale.id}, coding ${codingName}: random columns of codes, NaN, -0, fractions, infinities, codes beyond the table, and nulls`, () => {
      // Most of these values are errors: their stack traces are not needed.
      const { stackTraceLimit } = Error;
      Error.stackTraceLimit = 0;
      onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
      fc.assert(
        fc.property(columnsFor(scale), (cells) => {
          const rows = cells[0]?.length ?? 0;
          const score = (columns: readonly CodeColumn[]) => rowsOf(scoreColumns(scale, Object.fromEntries(scale.items.map(({ key }, item) => [key, columns[item] as CodeColumn])), { scoring }));
          for (const kind of kinds) {
            // Under a null, a value of the pool: the validity test, not the value, makes it missing.
            const stored = cells.map((column) => kind.make(column.map((cell, row) => cell ?? (special[row % special.length] as number))));
            const numbers = stored.map((column) => Array.from(column, Number));
            const withNulls = numbers.map((column, item) => column.map((number, row) => (cells[item]?.[row] === null ? null : number)));
            const nulls = (item: number) => (cells[item] ?? []).filter((cell) => cell === null).length;
            const arrow = stored.map((column, item) => ({ length: rows, nullCount: nulls(item), toArray: () => column, isValid: (row: number) => cells[item]?.[row] !== null }));
            const expected = score(withNulls);
            expect(score(arrow as unknown as CodeColumn[]), `${kind.name} with nulls`).toEqual(expected);
            const plain = score(numbers);
            expect(score(stored as CodeColumn[]), kind.name).toEqual(plain);
            if (numbers.every((column) => column.every((number) => Int8Array.of(number)[0] === number))) {
              expect(score(numbers.map((column) => Int8Array.from(column))), `${kind.name} as Int8Array`).toEqual(plain);
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('columns longer than a block (4,096 rows), every kind: the pairs of rows and the slow path agree across the blocks’ edges', () => {
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
    fc.assert(
      fc.property(fc.integer({ min: 4090, max: 8300 }), fc.integer(), (rows, seed) => {
        // One value of the pool at a random ~3% of the cells, codes 1-3 elsewhere; pairs of rows
        // break at the pool's values, both at the first and at the second row of a pair.
        let state = seed >>> 0;
        const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
        const columns = djg6.items.map(() => Array.from({ length: rows }, () => (next() < 0.03 ? (special[Math.floor(next() * special.length)] as number) : 1 + Math.floor(next() * 3))));
        const score = (make: (values: readonly number[]) => Stored) =>
          rowsOf(scoreColumns(djg6, Object.fromEntries(djg6.items.map(({ key }, item) => [key, make(columns[item] as number[]) as CodeColumn])), { scoring: { coding: nine } }));
        for (const kind of kinds) {
          expect(score(kind.make), kind.name).toEqual(score((values) => Array.from(kind.make(values), Number)));
        }
      }),
      { numRuns: 4 },
    );
  });
});
