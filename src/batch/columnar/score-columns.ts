import { type ColumnSpec, type ResolvedRules, type ScaleDefinition, type ScoreOptions, ScoringError, _aggregate as aggregate, _bandOf as bandOf, _tally as tally, columnNames } from '../../index.js';
import { type CompiledScale, INVALID_POINT, MISSING_POINT, compileScale } from '../scoring/compile.js';

/** An Arrow-style column: a length, values as an array, and (optionally) a validity test. */
export interface ArrowLikeColumn {
  /** Number of values. */
  readonly length: number;
  /** The values, e.g. a typed array. */
  toArray(): ArrayLike<number | null | undefined>;
  /** Whether the value at `index` is not null. */
  isValid?(index: number): boolean;
  /** Number of null values; 0 skips the validity test. */
  readonly nullCount?: number;
}

/**
 * One column of codes: a typed array (any kind; 64-bit integer arrays are read as the numbers
 * they hold), a plain array (with `null` for missing), or an Arrow-style column.
 */
export type CodeColumn = ArrayLike<number | null | undefined> | BigInt64Array | BigUint64Array | ArrowLikeColumn;

/**
 * Scores of many respondents, one typed array per score; -1 marks a missing score, and every
 * score of a scale that has no such score (`emotional` and `social` of a scale without subscales).
 */
export interface ColumnarScores {
  /** Number of respondents. */
  readonly length: number;
  /** Total scores, -1 when missing. */
  readonly total: Int8Array;
  /** Emotional loneliness scores, -1 when missing (always, for a scale without subscales). */
  readonly emotional: Int8Array;
  /** Social loneliness scores, -1 when missing (always, for a scale without subscales). */
  readonly social: Int8Array;
  /** The total's category code (as the MANUAL codes its bands), -1 when missing. */
  readonly category: Int8Array;
  /** Number of missing items, -1 for a respondent with an invalid answer. */
  readonly missingItems: Int8Array;
  /** Respondents with an invalid answer, by index, with the core's error (first item in the scale's order). */
  readonly invalid: ReadonlyMap<number, ScoringError>;
}

/** Options of {@link scoreColumns}. */
export interface ColumnarOptions {
  /** The core's scoring options; numeric data needs a `coding`. */
  readonly scoring?: ScoreOptions | undefined;
  /** How the column names map onto items (default: named by item key). */
  readonly columns?: ColumnSpec | undefined;
}

// Packed scoring: one 32-bit accumulator per respondent. Items are grouped by the scores that
// count them (their membership bits in the resolved rules: for De Jong Gierveld, total and
// emotional, or total and social; for a scale without subscales, the total alone). Each group has
// two fields in bits 0-15, the sum of its items' points and the number of its missing items, each
// as wide as its largest value needs; bits 16-30 hold one bit per item with an invalid answer
// (16 + the item's position), so the lowest of these names the first invalid item. Each answer
// adds one increment, so the inner loop is a table lookup and an add, and every accumulator
// without an invalid answer is decoded by table. A scale whose fields do not fit (more than 15
// items, or points too high for 16 bits) is scored by the general path: one accumulator per item
// and respondent, holding the item's points, read back a row at a time by the core's tally.
/** The increment of an invalid answer to the first item (bit 16); any accumulator from here holds one. */
const INVALID_UNIT = 1 << 16;
/** Most items the packed accumulator holds: bits 16..30 mark invalid items. */
const MAX_PACKED_ITEMS = 15;
/** The highest value an output (an Int8Array) holds: a scale whose scores can be higher is refused. */
const MAX_OUTPUT = 127;
/** Every 8-bit code, signed or not (-128..255), has a slot in an item's table, at code + 128. */
const SLOT_OFFSET = 128;
const SLOTS = 384;
/** An item's table has a slot more than the codes', never filled (511, always UNRESOLVED): the slot of a value that has none. */
const TABLE_SLOTS = 512;
/** A table slot whose code has not been looked up yet. */
const UNRESOLVED = -1;
/** Distinct values outside the table remembered per item: a column of distinct junk must not grow memory without bound. */
const CACHE_LIMIT = 4096;
/** Rows scored at a time. */
const BLOCK_ROWS = 4096;
/**
 * The slot of each single-precision value by its upper 16 bits (sign, exponent and 7 bits of the
 * fraction): an integer -128..255 needs no more than 8 significant bits, so when the lower 16 bits
 * are 0 the upper ones name the value exactly. Values that are not such an integer have slot
 * 511. Made on the first Float32Array column (128 KiB).
 */
let singleSlots: Uint16Array | undefined;

function singleSlotsMap(): Uint16Array {
  if (singleSlots !== undefined) return singleSlots;
  const map = new Uint16Array(1 << 16).fill(TABLE_SLOTS - 1);
  const single = new Float32Array(1);
  const bits = new Int32Array(single.buffer);
  for (let code = -SLOT_OFFSET; code < SLOTS - SLOT_OFFSET; code++) {
    single[0] = code;
    map[(bits[0] as number) >>> 16] = code + SLOT_OFFSET;
  }
  // -0 is read as 0 (as the core reads it).
  single[0] = -0;
  map[(bits[0] as number) >>> 16] = SLOT_OFFSET;
  singleSlots = map;
  return map;
}

/** Whether typed arrays hold the low byte first, so a 64-bit integer reads as two 32-bit words, low first. */
const littleEndian = /* @__PURE__ */ new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * What each item's answers add to the accumulator, resolved once per distinct value: the table
 * holds integer codes -128..255, the map other numbers and strings. Invalid values are cached
 * too (as their error), so a column full of one invalid code costs a lookup per cell.
 */
interface ItemLookup {
  /** Increments by code + SLOT_OFFSET; UNRESOLVED until the code is first seen. */
  readonly table: Int32Array;
  /** The increment of a value (a cell of any type), asked of the core on first sight. */
  readonly resolve: (value: unknown) => number;
  /** The core's error for a value whose increment marks it invalid. */
  readonly errorOf: (value: unknown) => ScoringError | undefined;
}

/**
 * The lookup of one item's answers: an answer worth `points` adds `points << shift`, a missing
 * one adds `missing`, an invalid one `invalid`.
 */
function createLookup(compiled: CompiledScale, item: number, shift: number, missing: number, invalid: number): ItemLookup {
  const table = new Int32Array(TABLE_SLOTS).fill(UNRESOLVED);
  const outcomes = new Map<unknown, number | ScoringError>();
  const ask = (value: unknown): number | ScoringError => {
    const point = compiled.pointOfValue(item, value);
    return point === INVALID_POINT ? (compiled.lastErrors[item] as ScoringError) : point === MISSING_POINT ? missing : point << shift;
  };
  const outcomeOf = (value: unknown): number | ScoringError => {
    if (value === null || value === undefined) return missing;
    // Objects are asked every time: their contents may change between calls.
    if (typeof value !== 'number' && typeof value !== 'string') return ask(value);
    let outcome = outcomes.get(value);
    if (outcome === undefined) {
      outcome = ask(value);
      if (outcomes.size < CACHE_LIMIT) outcomes.set(value, outcome);
    }
    return outcome;
  };
  const resolve = (value: unknown): number => {
    const outcome = outcomeOf(value);
    const add = typeof outcome === 'number' ? outcome : invalid;
    if (typeof value === 'number' && (value | 0) === value && value >= -SLOT_OFFSET && value < SLOTS - SLOT_OFFSET) table[value + SLOT_OFFSET] = add;
    return add;
  };
  const errorOf = (value: unknown): ScoringError | undefined => {
    const outcome = outcomeOf(value);
    return typeof outcome === 'number' ? undefined : outcome;
  };
  return { table, resolve, errorOf };
}

/** The decoded scores of every packed accumulator without an invalid answer, by accumulator. */
type Decoded = Readonly<Record<'total' | 'emotional' | 'social' | 'category' | 'missing', Int8Array>>;

/** Per compiled scale: its items' lookups and what a missing answer adds, and how accumulators are read. */
interface Prepared {
  readonly lookups: readonly ItemLookup[];
  /** Per item, the increment of a missing answer (a null in an Arrow-style column). */
  readonly missing: readonly number[];
  /** The packed path's decoding tables, or `null` for the general path. */
  readonly decoded: Decoded | null;
}

const preparedScales = new WeakMap<CompiledScale, Prepared>();

/** The number of bits a field needs to hold every value 0..highest. */
const bitsFor = (highest: number): number => 32 - Math.clz32(highest);

/** The highest points an answer to an item is worth (answers not offered are -1 in the rules). */
const highestPoints = (rules: ResolvedRules, item: number): number => Math.max(0, ...(rules.points[item] as readonly number[]));

/** One group of items with the same membership in the scores, and its two fields in a packed accumulator. */
interface Group {
  readonly membership: number;
  readonly items: number;
  readonly sumShift: number;
  readonly sumMask: number;
  readonly missingShift: number;
  readonly missingMask: number;
}

/** The packed accumulator's groups for the rules, or `null` when the scale does not fit in one. */
function packedGroups(rules: ResolvedRules): readonly Group[] | null {
  const { keys, memberships } = rules;
  if (keys.length > MAX_PACKED_ITEMS) return null;
  const groups: Group[] = [];
  let bit = 0;
  for (const membership of new Set(memberships)) {
    const members = keys.map((_, item) => item).filter((item) => memberships[item] === membership);
    const sumBits = bitsFor(members.reduce((sum, item) => sum + highestPoints(rules, item), 0));
    const missingBits = bitsFor(members.length);
    groups.push({ membership, items: members.length, sumShift: bit, sumMask: (1 << sumBits) - 1, missingShift: bit + sumBits, missingMask: (1 << missingBits) - 1 });
    bit += sumBits + missingBits;
  }
  return bit <= 16 ? groups : null;
}

/**
 * Checks that the scale's scores fit the outputs, picks the packed or the general path, and makes
 * the items' lookups (and, packed, the decoding tables): once per compiled scale, kept between calls.
 */
function prepare(compiled: CompiledScale): Prepared {
  let prepared = preparedScales.get(compiled);
  if (prepared !== undefined) return prepared;
  const { rules } = compiled;
  const { scores, memberships, keys } = rules;
  const highest = Math.max(keys.length, ...scores.map((score) => score.maximum));
  if (highest > MAX_OUTPUT) {
    throw new ScoringError('invalid_scale', `Scale "${rules.scale.id}": scores (or missing items) up to ${highest} do not fit the columnar outputs, which hold 0–${MAX_OUTPUT}.`, { value: rules.scale.id });
  }
  const groups = packedGroups(rules);
  if (groups === null) {
    // The general path: each item's accumulator holds its points, MISSING_POINT or INVALID_UNIT.
    const missing = keys.map(() => MISSING_POINT);
    const lookups = keys.map((_, item) => createLookup(compiled, item, 0, MISSING_POINT, INVALID_UNIT));
    prepared = { lookups, missing, decoded: null };
  } else {
    const groupOf = keys.map((_, item) => groups.find((group) => group.membership === memberships[item]) as Group);
    const missing = groupOf.map((group) => 1 << group.missingShift);
    const lookups = keys.map((_, item) => createLookup(compiled, item, (groupOf[item] as Group).sumShift, missing[item] as number, INVALID_UNIT << item));
    prepared = { lookups, missing, decoded: decodingTables(rules, groups) };
  }
  preparedScales.set(compiled, prepared);
  return prepared;
}

/**
 * Every packed accumulator without an invalid answer decoded once into five small tables, with
 * the core's one aggregation rule (MANUAL §4) and bands: each score sums the groups it counts.
 */
function decodingTables(rules: ResolvedRules, groups: readonly Group[]): Decoded {
  const [totalScore] = rules.scores;
  const size = groups.reduce((bits, group) => Math.max(bits, group.missingShift + bitsFor(group.missingMask)), 0);
  const decoded = { total: new Int8Array(1 << size), emotional: new Int8Array(1 << size), social: new Int8Array(1 << size), category: new Int8Array(1 << size), missing: new Int8Array(1 << size) };
  const orMissing = (value: number | null): number => (value === null ? -1 : value);
  for (let key = 0; key < 1 << size; key++) {
    const sums = [0, 0, 0];
    const missing = [0, 0, 0];
    let missingItems = 0;
    for (const group of groups) {
      const sum = (key >>> group.sumShift) & group.sumMask;
      const missed = (key >>> group.missingShift) & group.missingMask;
      missingItems += missed;
      for (let score = 0; score < 3; score++) {
        if ((group.membership >> score) & 1) {
          sums[score] = (sums[score] as number) + sum;
          missing[score] = (missing[score] as number) + missed;
        }
      }
    }
    const [total, emotional, social] = rules.scores.map((score, index) => aggregate(score, sums[index] as number, missing[index] as number));
    decoded.total[key] = orMissing(total ?? null);
    decoded.emotional[key] = orMissing(emotional ?? null);
    decoded.social[key] = orMissing(social ?? null);
    decoded.category[key] = orMissing(bandOf(totalScore, total ?? null)?.code ?? null);
    decoded.missing[key] = missingItems;
  }
  return decoded;
}

/** One column, ready to read: its values, its validity test (or `null`), and a reader of one cell. */
interface Reader {
  readonly values: ArrayLike<unknown>;
  readonly valid: ((row: number) => boolean) | null;
  /** The cell's value as the core is given it (a 64-bit integer as a number). */
  readonly read: (row: number) => unknown;
  /** The typed array's kind, `undefined` for other arrays. */
  readonly kind: string | undefined;
}

/** The kind of a typed array (`"Int8Array"`, …), `undefined` for anything else. */
const typedArrayKind = /* @__PURE__ */ (() => {
  const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag)?.get;
  return (value: unknown): string | undefined => getter?.call(value) as string | undefined;
})();

/** Adds one column's increments for rows `start`..`end` to the accumulators (index 0 = row `start`). */
type Adder = (accumulators: Int32Array, start: number, count: number) => void;

/** Reads a cell as the core is given it, for the lookup to resolve. */
type Read = (row: number) => unknown;

// The loops below are separate functions on purpose, alike as they look: each sees one kind of
// array, so the engine compiles each to a monomorphic loop and every kind of array scores at about
// the same speed (issue 9: within 10% of Int8Array). Each inner loop makes no call: it stops at a
// value the table has no increment for, and that row is scored on its own (resolved by the lookup,
// which adds the value to the table when it has a slot) before the loop goes on.
//
// The 8- to 32-bit integer loops read a row a step. The kinds with more to do per value read
// several rows a step, which spreads the loop's own work (the index, its test, the branch) over
// them: the floating-point and 64-bit loops four (a value is truncated and compared, its bits
// looked up, or two words read), plain arrays two (four were slower there). Measured 2026-11-27, one row a step left
// Float32Array and Float64Array 11–14%, BigInt64Array 17% and plain arrays 15–20% slower than
// Int8Array; two rows a step in the 8-bit loop as well would make Int8Array about 14% faster, and
// every other kind that much further behind it.
//
// Accumulators are indexed from 0 and the column from `start + index`: indexing both by row
// (`row - start`) made every loop 10–15% slower. The loops read no module constant either, but
// literals (128 is SLOT_OFFSET, 256 SLOTS - SLOT_OFFSET, 384 SLOTS, 511 the slot that is never
// filled, TABLE_SLOTS - 1) and locals: the engine reads a
// module constant from memory, with a check that it is initialised, at every use. Either, inside
// the inner loop, made the 16-bit to 64-bit kinds 15–45% slower than Int8Array.

/**
 * 8-bit codes through an unsigned byte view: every byte has a slot, `byte ^ 0x80` for a signed
 * kind (the slot of code c is c + 128) and `byte + 128` for an unsigned one.
 */
function addBytes(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, read: Read, bytes: Uint8Array, flip: number, base: number): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count; index++) {
      const add = table[((bytes[start + index] as number) ^ flip) + base] as number;
      if (add < 0) break;
      accumulators[index] = (accumulators[index] as number) + add;
    }
    if (index < count) accumulators[index] = (accumulators[index] as number) + lookup.resolve(read(start + index));
  }
}

/**
 * 16-bit codes through a signed view, codes `lowest`..255 by the table. An unsigned kind's code is
 * the signed value when that is not negative (`lowest` 0); a negative one stands for a code of
 * 32,768 or more, which has no slot.
 */
function addShorts(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, read: Read, values: Int16Array, lowest: number): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count; index++) {
      const value = values[start + index] as number;
      const add = value >= lowest && value < 256 ? (table[value + 128] as number) : -1;
      if (add < 0) break;
      accumulators[index] = (accumulators[index] as number) + add;
    }
    if (index < count) accumulators[index] = (accumulators[index] as number) + lookup.resolve(read(start + index));
  }
}

/** 32-bit codes through a signed view, as {@link addShorts} (the same loop over another kind of array). */
function addWords(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, read: Read, values: Int32Array, lowest: number): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count; index++) {
      const value = values[start + index] as number;
      const add = value >= lowest && value < 256 ? (table[value + 128] as number) : -1;
      if (add < 0) break;
      accumulators[index] = (accumulators[index] as number) + add;
    }
    if (index < count) accumulators[index] = (accumulators[index] as number) + lookup.resolve(read(start + index));
  }
}

/**
 * 64-bit integer codes as pairs of signed 32-bit words, low word first. A code with a slot fits
 * in the low word, sign-extended (the high word is the low word's sign), and is read as
 * {@link addWords} reads it; no BigInt is created.
 */
function addLongs(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, read: Read, words: Int32Array, lowest: number): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count - 3; index += 4) {
      const at = 2 * (start + index);
      const low1 = words[at] as number;
      const low2 = words[at + 2] as number;
      const low3 = words[at + 4] as number;
      const low4 = words[at + 6] as number;
      const first = words[at + 1] === low1 >> 31 && low1 >= lowest && low1 < 256 ? (table[low1 + 128] as number) : -1;
      const second = words[at + 3] === low2 >> 31 && low2 >= lowest && low2 < 256 ? (table[low2 + 128] as number) : -1;
      const third = words[at + 5] === low3 >> 31 && low3 >= lowest && low3 < 256 ? (table[low3 + 128] as number) : -1;
      const fourth = words[at + 7] === low4 >> 31 && low4 >= lowest && low4 < 256 ? (table[low4 + 128] as number) : -1;
      if ((first | second | third | fourth) < 0) break;
      accumulators[index] = (accumulators[index] as number) + first;
      accumulators[index + 1] = (accumulators[index + 1] as number) + second;
      accumulators[index + 2] = (accumulators[index + 2] as number) + third;
      accumulators[index + 3] = (accumulators[index + 3] as number) + fourth;
    }
    if (index < count) {
      const at = 2 * (start + index);
      const low = words[at] as number;
      const add = words[at + 1] === low >> 31 && low >= lowest && low < 256 ? (table[low + 128] as number) : -1;
      accumulators[index] = (accumulators[index] as number) + (add >= 0 ? add : lookup.resolve(read(start + index)));
    }
  }
}

/**
 * Double-precision codes: an integer -128..255 (-0 as 0) is a lookup; anything else (NaN, 2.5,
 * 1e300) is resolved. One comparison, unsigned, tells whether a code's slot (code + 128) is in
 * the table. (Adding 128 before the truncation would save an addition, but is not exact:
 * 1e-300 + 128 is 128. Comparing the value with a table of the slots' codes, instead of
 * converting the truncation back, was no faster.)
 */
function addDoubles(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, values: Float64Array): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count - 3; index += 4) {
      const value1 = values[start + index] as number;
      const value2 = values[start + index + 1] as number;
      const value3 = values[start + index + 2] as number;
      const value4 = values[start + index + 3] as number;
      const code1 = value1 | 0;
      const code2 = value2 | 0;
      const code3 = value3 | 0;
      const code4 = value4 | 0;
      const first = code1 === value1 && (code1 + 128) >>> 0 < 384 ? (table[code1 + 128] as number) : -1;
      const second = code2 === value2 && (code2 + 128) >>> 0 < 384 ? (table[code2 + 128] as number) : -1;
      const third = code3 === value3 && (code3 + 128) >>> 0 < 384 ? (table[code3 + 128] as number) : -1;
      const fourth = code4 === value4 && (code4 + 128) >>> 0 < 384 ? (table[code4 + 128] as number) : -1;
      if ((first | second | third | fourth) < 0) break;
      accumulators[index] = (accumulators[index] as number) + first;
      accumulators[index + 1] = (accumulators[index + 1] as number) + second;
      accumulators[index + 2] = (accumulators[index + 2] as number) + third;
      accumulators[index + 3] = (accumulators[index + 3] as number) + fourth;
    }
    if (index < count) {
      const value = values[start + index] as number;
      const code = value | 0;
      const add = code === value && (code + 128) >>> 0 < 384 ? (table[code + 128] as number) : -1;
      accumulators[index] = (accumulators[index] as number) + (add >= 0 ? add : lookup.resolve(value));
    }
  }
}

/**
 * Single-precision codes through a view of their bits, with no floating-point arithmetic: a value
 * whose lower 16 bits are 0 has its slot in `slots` by the upper 16 (see {@link singleSlotsMap});
 * any other is not an integer -128..255 (2.5, 1e-40, NaN) and is resolved. Truncating and
 * comparing, as {@link addDoubles} does, left Float32Array 6–9% slower than Int8Array; this, 1–2%
 * faster than the truncation.
 */
function addSingles(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, values: Float32Array, words: Int32Array, slots: Uint16Array): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count - 3; index += 4) {
      const bits1 = words[start + index] as number;
      const bits2 = words[start + index + 1] as number;
      const bits3 = words[start + index + 2] as number;
      const bits4 = words[start + index + 3] as number;
      const first = table[(bits1 & 0xffff) === 0 ? (slots[bits1 >>> 16] as number) : 511] as number;
      const second = table[(bits2 & 0xffff) === 0 ? (slots[bits2 >>> 16] as number) : 511] as number;
      const third = table[(bits3 & 0xffff) === 0 ? (slots[bits3 >>> 16] as number) : 511] as number;
      const fourth = table[(bits4 & 0xffff) === 0 ? (slots[bits4 >>> 16] as number) : 511] as number;
      if ((first | second | third | fourth) < 0) break;
      accumulators[index] = (accumulators[index] as number) + first;
      accumulators[index + 1] = (accumulators[index + 1] as number) + second;
      accumulators[index + 2] = (accumulators[index + 2] as number) + third;
      accumulators[index + 3] = (accumulators[index + 3] as number) + fourth;
    }
    if (index < count) {
      const bits = words[start + index] as number;
      const add = table[(bits & 0xffff) === 0 ? (slots[bits >>> 16] as number) : 511] as number;
      accumulators[index] = (accumulators[index] as number) + (add >= 0 ? add : lookup.resolve(values[start + index]));
    }
  }
}

/** Plain arrays and other array-likes: numbers as {@link addDoubles}; anything else (null, holes, labels, junk) is resolved. */
function addValues(accumulators: Int32Array, start: number, count: number, lookup: ItemLookup, values: ArrayLike<unknown>): void {
  const { table } = lookup;
  for (let index = 0; index < count; index++) {
    for (; index < count - 1; index += 2) {
      const value1 = values[start + index];
      const value2 = values[start + index + 1];
      // Only numbers are truncated: `| 0` would call a junk object's valueOf.
      if (typeof value1 !== 'number' || typeof value2 !== 'number') break;
      // The slot's range in one unsigned comparison (a wrapped slot fails the equality).
      const slot1 = ((value1 | 0) + 128) | 0;
      const slot2 = ((value2 | 0) + 128) | 0;
      const first = slot1 >>> 0 < 384 && slot1 - 128 === value1 ? (table[slot1] as number) : -1;
      const second = slot2 >>> 0 < 384 && slot2 - 128 === value2 ? (table[slot2] as number) : -1;
      if ((first | second) < 0) break;
      accumulators[index] = (accumulators[index] as number) + first;
      accumulators[index + 1] = (accumulators[index + 1] as number) + second;
    }
    if (index < count) {
      // The cell is read again (an array-like's getter is asked twice).
      const value = values[start + index];
      const slot = typeof value === 'number' ? ((value | 0) + 128) | 0 : -1;
      const add = slot >>> 0 < 384 && slot - 128 === value ? (table[slot] as number) : -1;
      accumulators[index] = (accumulators[index] as number) + (add >= 0 ? add : lookup.resolve(value));
    }
  }
}

/** Columns with a validity test (Arrow-style columns with nulls), or of 64-bit integers on a big-endian machine: a cell at a time. */
function addCells(accumulators: Int32Array, start: number, count: number, reader: Reader, missing: number, lookup: ItemLookup): void {
  const { valid, read } = reader;
  for (let index = 0; index < count; index++) {
    const row = start + index;
    const add = valid !== null && !valid(row) ? missing : lookup.resolve(read(row));
    accumulators[index] = (accumulators[index] as number) + add;
  }
}

/** Chooses the loop for a column by its kind, and the view it reads the column through. */
function adderOf(reader: Reader, missing: number, lookup: ItemLookup): Adder {
  const { values, valid, read, kind } = reader;
  if (valid !== null) return (accumulators, start, count) => addCells(accumulators, start, count, reader, missing, lookup);
  const typed = values as Uint8Array<ArrayBuffer>;
  if (kind !== undefined && /^U?[Ii]nt/.test(kind)) {
    // Integer kinds are read through a view of the same width: bytes unsigned, wider words
    // signed, so every loop does small-integer arithmetic.
    const signed = kind[0] === 'I';
    const lowest = signed ? -SLOT_OFFSET : 0;
    const { buffer, byteOffset, length } = typed;
    switch (typed.BYTES_PER_ELEMENT) {
      case 1: {
        const bytes = new Uint8Array(buffer, byteOffset, length);
        const flip = signed ? 0x80 : 0;
        const base = signed ? 0 : SLOT_OFFSET;
        return (accumulators, start, count) => addBytes(accumulators, start, count, lookup, read, bytes, flip, base);
      }
      case 2: {
        const shorts = new Int16Array(buffer, byteOffset, length);
        return (accumulators, start, count) => addShorts(accumulators, start, count, lookup, read, shorts, lowest);
      }
      case 4: {
        const words = new Int32Array(buffer, byteOffset, length);
        return (accumulators, start, count) => addWords(accumulators, start, count, lookup, read, words, lowest);
      }
    }
  }
  if (kind === 'Float64Array') return (accumulators, start, count) => addDoubles(accumulators, start, count, lookup, values as Float64Array);
  if (kind === 'Float32Array') {
    // A view of the same bytes in the same (native) order, so it serves either byte order.
    const words = new Int32Array(typed.buffer, typed.byteOffset, typed.length);
    const slots = singleSlotsMap();
    return (accumulators, start, count) => addSingles(accumulators, start, count, lookup, values as Float32Array, words, slots);
  }
  if (kind === 'BigInt64Array' || kind === 'BigUint64Array') {
    // Without a little-endian word order, every cell is resolved (as a number).
    if (!littleEndian) return (accumulators, start, count) => addCells(accumulators, start, count, reader, missing, lookup);
    const words = new Int32Array(typed.buffer, typed.byteOffset, 2 * typed.length);
    const lowest = kind === 'BigInt64Array' ? -SLOT_OFFSET : 0;
    return (accumulators, start, count) => addLongs(accumulators, start, count, lookup, read, words, lowest);
  }
  return (accumulators, start, count) => addValues(accumulators, start, count, lookup, values);
}

function isArrowLike(column: object): column is ArrowLikeColumn {
  return typeof (column as ArrowLikeColumn).toArray === 'function';
}

/** Checks one column and makes its reader; a column that cannot be read is a `ScoringError` naming it. */
function readerOf(column: unknown, key: string, name: string, length: number | undefined): Reader {
  const fail = (problem: string): never => {
    throw new ScoringError('invalid_answers', `Item "${key}": column "${name}" ${problem}.`, { item: key, value: name });
  };
  if (typeof column !== 'object' || column === null) fail('is not an array');
  const arrow = isArrowLike(column as object);
  const count = (column as ArrowLikeColumn).length;
  if (!Number.isSafeInteger(count) || count < 0) fail('has no length');
  if (length !== undefined && count !== length) fail(`has ${count} values; the first column has ${length}`);
  const values = arrow ? (column as ArrowLikeColumn).toArray() : (column as ArrayLike<unknown>);
  if (typeof values !== 'object' || values === null || values.length !== count) fail('has no values');
  const arrowColumn = column as ArrowLikeColumn;
  const valid = arrow && arrowColumn.nullCount !== 0 && typeof arrowColumn.isValid === 'function' ? arrowColumn.isValid.bind(column) : null;
  const kind = typedArrayKind(values);
  const read = kind === 'BigInt64Array' || kind === 'BigUint64Array' ? (row: number) => Number(values[row]) : (row: number) => values[row];
  return { values, valid, read, kind };
}

/** Decodes a block's packed accumulators into the scores; true when a row holds an invalid answer (its scores are -1). */
function decodeBlock(accumulators: Int32Array, start: number, end: number, decoded: Decoded, scores: Omit<ColumnarScores, 'invalid'>): boolean {
  const { total, emotional, social, category, missingItems } = scores;
  let invalid = false;
  for (let row = start; row < end; row++) {
    const accumulator = accumulators[row - start] as number;
    if (accumulator >= INVALID_UNIT) {
      total[row] = emotional[row] = social[row] = category[row] = missingItems[row] = -1;
      invalid = true;
    } else {
      total[row] = decoded.total[accumulator] as number;
      emotional[row] = decoded.emotional[accumulator] as number;
      social[row] = decoded.social[accumulator] as number;
      category[row] = decoded.category[accumulator] as number;
      missingItems[row] = decoded.missing[accumulator] as number;
    }
  }
  return invalid;
}

/**
 * The general path's reading of a block: each row's item points (from each item's accumulator)
 * tallied by the core into its scores. Returns the position of each row's first invalid item,
 * or -1, in `firstInvalid`.
 */
function tallyBlock(perItem: readonly Int32Array[], start: number, end: number, rules: ResolvedRules, scores: Omit<ColumnarScores, 'invalid'>, firstInvalid: Int32Array): void {
  const { total, emotional, social, category, missingItems } = scores;
  const [totalScore, emotionalScore, socialScore] = rules.scores;
  const points = new Int32Array(perItem.length);
  const sums = new Int32Array(6);
  for (let row = start; row < end; row++) {
    let missed = 0;
    for (let item = 0; item < perItem.length; item++) {
      const point = (perItem[item] as Int32Array)[row - start] as number;
      // An invalid answer is negative points to the tally, which returns its position.
      points[item] = point >= INVALID_UNIT ? -1 : point;
      if (point === MISSING_POINT) missed++;
    }
    const invalid = tally(rules.memberships, points, MISSING_POINT, sums);
    firstInvalid[row - start] = invalid;
    if (invalid >= 0) {
      total[row] = emotional[row] = social[row] = category[row] = missingItems[row] = -1;
      continue;
    }
    const totalValue = aggregate(totalScore, sums[0] as number, sums[3] as number);
    total[row] = totalValue ?? -1;
    emotional[row] = aggregate(emotionalScore, sums[1] as number, sums[4] as number) ?? -1;
    social[row] = aggregate(socialScore, sums[2] as number, sums[5] as number) ?? -1;
    category[row] = bandOf(totalScore, totalValue)?.code ?? -1;
    missingItems[row] = missed;
  }
}

/** The error of a row's answer to `item`, as the core reports it (cached, not asked again). */
function errorAt(readers: readonly Reader[], lookups: readonly ItemLookup[], row: number, item: number): ScoringError {
  return (lookups[item] as ItemLookup).errorOf((readers[item] as Reader).read(row)) as ScoringError;
}

/** The first invalid item marked in a packed accumulator (the lowest of bits 16..30). */
function firstMarked(accumulator: number): number {
  const marks = accumulator >>> 16;
  return 31 - Math.clz32(marks & -marks);
}

/**
 * Scores coded data that is already in memory, column by column: one array of codes per item
 * (typed arrays of any kind, plain arrays with `null`, or Arrow-style columns), keyed by column
 * name. The same rules and results as the core's `createScorer`, computed with one table lookup
 * per answer; each distinct value is asked of the core once, invalid ones included. Every column
 * must be present and of the same length (a `ScoringError` otherwise).
 *
 * Any scale definition is scored from its resolved rules: items worth other points than 0/1
 * (`items[].points`), and scales without subscales, whose `emotional` and `social` are -1 for
 * every respondent. The outputs are `Int8Array`s: a scale whose scores (or number of items) can
 * exceed 127 is refused with a `ScoringError` `invalid_scale`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreColumns } from 'loneliness-scales/batch';
 * const data = { lone3: Int8Array.of(3, 1), lone4: Int8Array.of(3, 3), lone7: Int8Array.of(3, 3),
 *   lone8: Int8Array.of(2, 3), lone9: Int8Array.of(3, -1), lone10: Int8Array.of(3, 1) };
 * const scores = scoreColumns(djg6, data, { scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } });
 * Array.from(scores.total);     // [4, 0]
 * Array.from(scores.emotional); // [3, -1]
 * ```
 */
export function scoreColumns(
  scale: ScaleDefinition,
  data: Readonly<Record<string, CodeColumn>>,
  options: ColumnarOptions = {},
): ColumnarScores {
  if (typeof data !== 'object' || data === null) {
    throw new ScoringError('invalid_answers', 'The data must be an object of columns.', { value: data });
  }
  const compiled = compileScale(scale, options?.scoring);
  const { lookups, missing, decoded } = prepare(compiled);
  const names = [...columnNames(scale, options?.columns).values()];
  let length: number | undefined;
  const readers = names.map((name, item) => {
    const key = compiled.keys[item] as string;
    const column = Object.hasOwn(data, name) ? data[name] : undefined;
    if (column === undefined) throw new ScoringError('missing_column', `Item "${key}": column "${name}" is not in the data.`, { item: key, value: name });
    const reader = readerOf(column, key, name, length);
    length = reader.values.length;
    return reader;
  });
  const rows = length ?? 0;
  const adders = readers.map((reader, item) => adderOf(reader, missing[item] as number, lookups[item] as ItemLookup));
  const scores = { length: rows, total: new Int8Array(rows), emotional: new Int8Array(rows), social: new Int8Array(rows), category: new Int8Array(rows), missingItems: new Int8Array(rows) };
  const invalid = new Map<number, ScoringError>();
  // Rows are scored a block at a time, so that the accumulators stay in the processor's cache.
  const blockRows = Math.min(rows, BLOCK_ROWS);
  if (decoded !== null) {
    const accumulators = new Int32Array(blockRows);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const end = Math.min(rows, start + BLOCK_ROWS);
      accumulators.fill(0);
      for (const add of adders) add(accumulators, start, end - start);
      if (!decodeBlock(accumulators, start, end, decoded, scores)) continue;
      for (let row = start; row < end; row++) {
        const accumulator = accumulators[row - start] as number;
        if (accumulator >= INVALID_UNIT) invalid.set(row, errorAt(readers, lookups, row, firstMarked(accumulator)));
      }
    }
  } else {
    const perItem = adders.map(() => new Int32Array(blockRows));
    const firstInvalid = new Int32Array(blockRows);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const end = Math.min(rows, start + BLOCK_ROWS);
      adders.forEach((add, item) => {
        const accumulators = perItem[item] as Int32Array;
        accumulators.fill(0);
        add(accumulators, start, end - start);
      });
      tallyBlock(perItem, start, end, compiled.rules, scores, firstInvalid);
      for (let row = start; row < end; row++) {
        const item = firstInvalid[row - start] as number;
        if (item >= 0) invalid.set(row, errorAt(readers, lookups, row, item));
      }
    }
  }
  return { ...scores, invalid };
}
