import fc from 'fast-check';
import { defineCoding } from '../../src/index.js';
import { ANSWERS, type Answer, BANK, DJG11, DJG6, LABELS, type ReferenceScale, isReferenceError, resolveOptions } from './reference.js';

/**
 * Runs per property: `FUZZ_RUNS` (e.g. 300000 in `npm run fuzz`), or a small default so that the
 * fuzzers run inside `npm test` in seconds. `share` scales it for the slower paths.
 */
export function runs(share = 1): number {
  const total = Number(process.env.FUZZ_RUNS ?? 250);
  return Math.max(10, Math.round((Number.isFinite(total) && total > 0 ? total : 250) * share));
}

/** A test timeout that grows with the runs (the default of 60 s suits the small default). */
export function timeout(share = 1): number {
  return Math.max(60_000, runs(share) * 20);
}

/** Deterministic by default (a failure prints its seed); `FUZZ_SEED` replays one. */
export const parameters = (share = 1): fc.Parameters<unknown> => ({
  numRuns: runs(share),
  ...(process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) }),
});

export const scales = fc.constantFrom(DJG6, DJG11);

const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\v');
const padding = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.array(whitespace, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')));

/** A label of the answers in any case, padded and with its inner spaces replaced by any white space. */
export const label = fc
  .tuple(fc.constantFrom(...Object.keys(LABELS)), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), padding, padding, whitespace)
  .map(([text, upper, before, after, inner]) => {
    const cased = [...text].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
    return before + (inner.trim() === '' ? cased.replaceAll(' ', inner) : cased) + after;
  });

/** Labels that are almost right: none of them is an answer. */
export const nearLabel = fc.constantFrom('yes!!', 'ja ja', 'mi n of meer', 'min of', 'jaa', 'n0', 'yes.', 'no?', '"yes"', "'ja'", 'y', 'more-or-less', 'min ofmeer', 'nee !', '!ja', 'maybe', 'perhaps');

/** Integer codes: the small ones datasets use, table edges, and far-away ones. */
export const integerCode = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -10, max: 10 }) },
  fc.constantFrom(-0, 99, 127, 128, 129, 255, 256, -127, -128, -129, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21),
  fc.integer(),
);

/** Non-integers the current core already treats as the contract says (errors, or missing for NaN). */
export const plainNonInteger = fc.oneof(
  fc.constantFrom(0.5, 2.5, 1.0000000000000002, 3.5, 127.5, 1e-300, Infinity, Number.NaN, Number.MIN_VALUE),
  fc.double({ min: 0, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
);

/** Negative non-integers: errors by the contract (issue 8, minor), read as missing by the 0.1 core. */
export const negativeNonInteger = fc.oneof(
  fc.constantFrom(-0.5, -1.5, -Infinity, -1e-300, -Number.MIN_VALUE, -2.5),
  fc.double({ max: -Number.MIN_VALUE, noDefaultInfinity: true, noNaN: true }).filter((value) => !Number.isInteger(value)),
);

/** Decimal strings as CSV files hold numbers: signs, leading zeros, decimals, padding. */
export const numericString = fc
  .tuple(fc.constantFrom('', '+', '-'), fc.nat({ max: 300 }), fc.constantFrom('', '', '.0', '.5', '.50', '.000'), fc.constantFrom('', '0', '00'), padding, padding)
  .map(([sign, digits, fraction, zeros, before, after]) => `${before}${sign}${zeros}${digits}${fraction}${after}`);

/** Whether a decimal string holds a negative non-integer (e.g. "-1.5"): those belong to the hostile fuzzer. */
export function isNegativeFraction(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return /^-[0-9]+\.[0-9]+$/.test(trimmed) && !Number.isInteger(Number(trimmed)) && Number(trimmed) < 0;
}

export const missingValue = fc.constantFrom(null, undefined, '', '   ', '\t', Number.NaN);

class Respondent {
  constructor(readonly emptiness = 'yes') {}
}

/** Values of other types: every one of them is `invalid_type` as an answer. */
export const oddValue = fc.oneof(
  fc.boolean(),
  fc.bigInt(),
  fc.constantFrom(Symbol('yes'), Symbol.iterator, () => 'yes', function yes() {}, new Date(0), new Map([['yes', 1]]), new Set(['yes']), /yes/, new Respondent(), Object.create(null) as object, new Number(3), new String('yes'), [3], ['yes'], [[]], {}, { answer: 'yes' }, { valueOf: () => 3, toString: () => 'yes' }),
  fc.array(fc.constantFrom('yes', 1, null), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('code', 'yes', 'emptiness'), fc.constantFrom(1, 'yes', null), { maxKeys: 2 }),
);

/** Any answer value the current core is meant to read exactly as the contract says. */
export const answerValue = fc.oneof(
  { weight: 8, arbitrary: label },
  { weight: 2, arbitrary: nearLabel },
  { weight: 4, arbitrary: integerCode },
  { weight: 3, arbitrary: numericString.filter((text) => !isNegativeFraction(text)) },
  { weight: 2, arbitrary: plainNonInteger },
  { weight: 3, arbitrary: missingValue },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: oddValue },
).filter((value) => !isNegativeFraction(value));

/** A string cell of a CSV file: labels, numbers as text, blanks, junk (with quotes, commas and line breaks). */
export const cellText = fc.oneof(
  { weight: 8, arbitrary: label },
  { weight: 4, arbitrary: integerCode.map(String) },
  { weight: 3, arbitrary: numericString.filter((text) => !isNegativeFraction(text)) },
  { weight: 2, arbitrary: nearLabel },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t', 'NaN', 'Infinity', '1e3', '0x1', '"', 'a,b', 'x\ny', 'x\r\ny', '""', ',', '2,5') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
).filter((text) => !isNegativeFraction(text));

/**
 * Values that the options make readable (labels, the coding's codes as numbers or text, its
 * missing codes, negative codes, blanks), mixed with `junk` in about one value of 21: so that
 * most answer sets are scored and the rest fail in every way.
 */
export function valueFor(scale: ReferenceScale, options: unknown, junk: fc.Arbitrary<unknown> = answerValue, junkWeight = 1): fc.Arbitrary<unknown> {
  const resolved = resolveOptions(scale, options);
  const coding = isReferenceError(resolved) ? undefined : resolved.coding;
  const valid: fc.WeightedArbitrary<unknown>[] = [
    { weight: 8, arbitrary: label },
    { weight: 1, arbitrary: missingValue },
  ];
  if (coding !== undefined) {
    const code = fc.constantFrom(...coding.codes.keys());
    valid.push({ weight: 8, arbitrary: code }, { weight: 2, arbitrary: code.map((value) => ` ${value}`) }, { weight: 1, arbitrary: code.map((value) => `${value}.0`) });
    if (coding.missingCodes.length > 0) valid.push({ weight: 1, arbitrary: fc.constantFrom(...coding.missingCodes) });
    if (coding.negativeCodesMissing) valid.push({ weight: 1, arbitrary: fc.integer({ min: -9, max: -1 }) }, { weight: 1, arbitrary: fc.integer({ min: -9, max: -1 }).map(String) });
  }
  return fc.oneof({ weight: 20, arbitrary: fc.oneof(...valid) }, { weight: junkWeight, arbitrary: junk });
}

/** Keys that are not items: the library must name them (`unknown_item`). */
export const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'Emptiness', 'emptiness ', 'lone3', 'total', '0', 'length'),
  fc.string({ maxLength: 6 }).filter((key) => !BANK.some((item) => item.key === key)),
);

/** Builds an object with own, enumerable, writable properties, even for `__proto__`. */
export function objectOf(entries: readonly (readonly [string, unknown])[], prototype: object | null = Object.prototype): Record<string, unknown> {
  const object = Object.create(prototype) as Record<string, unknown>;
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Entries for the items of a scale (any subset), with values from `value`. */
export function itemEntries(scale: ReferenceScale, value: fc.Arbitrary<unknown>, keys: readonly string[] = scale.items.map((item) => item.key)) {
  return fc.tuple(...keys.map((key) => fc.option(value.map((answer) => [key, answer] as const), { freq: 15, nil: null }))).map((entries) =>
    entries.filter((entry): entry is readonly [string, unknown] => entry !== null),
  );
}

/** Keys of the 11-item bank that are not on the scale (empty for djg11). */
export const extraBankKeys = (scale: ReferenceScale) => BANK.filter((item) => !scale.items.includes(item)).map((item) => item.key);

/** Valid tolerances for a scale's missing rule, or none. */
export const missingOption = (scale: ReferenceScale) =>
  fc.option(
    fc.record(
      { total: fc.integer({ min: 0, max: scale.range.total }), subscale: fc.integer({ min: 0, max: Math.min(scale.range.emotional, scale.range.social) }) },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

/** Category conventions the scale has, by name, or none. */
export const categoriesOption = (scale: ReferenceScale) =>
  fc.option(
    fc.record(
      { total: fc.constantFrom(...Object.keys(scale.totalConventions)), subscale: fc.constantFrom(null, ...Object.keys(scale.subscaleConventions)) },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

/**
 * A well-formed custom coding: distinct integer codes mapped to canonical answers, missing codes
 * apart from them, negative codes missing or not. Given as a plain object (as from a JSON
 * config) or through `defineCoding`.
 */
export const customCoding = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: -5, max: 300 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(...ANSWERS), { minLength: 6, maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: -9, max: 999 }), { maxLength: 3 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([codes, answers, missing, negativeCodesMissing, defined]) => {
    const usable = negativeCodesMissing ? codes.filter((code) => code >= 0) : codes;
    const entries = (usable.length > 0 ? usable : [1]).map((code, index) => [String(code), answers[index] as Answer] as const);
    const spec = { name: `custom ${entries.map(([code, answer]) => `${code}=${answer}`).join(',')}`, codes: Object.fromEntries(entries), missingCodes: missing.filter((code) => !entries.some(([key]) => Number(key) === code)), negativeCodesMissing };
    return defined ? defineCoding(spec) : spec;
  });

export const codingOption = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.constantFrom('manual', 'rivm', 'manual5', 'rivm5') },
  { weight: 2, arbitrary: customCoding },
);

/** Well-formed options for a scale (or none at all). */
export const options = (scale: ReferenceScale) =>
  fc.option(
    fc.record({ coding: codingOption, missing: missingOption(scale), categories: categoriesOption(scale) }, { requiredKeys: [] }),
    { nil: undefined },
  );

/** A scale with well-formed options. */
export const scaleAndOptions = scales.chain((scale) => options(scale).map((option) => ({ scale, options: option })));

export { DJG11, DJG6 };
