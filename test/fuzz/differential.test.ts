import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScoreOptions, type ScoreResult, ScoringError, createScorer, safeScore, score } from '../../src/index.js';
import {
  answerValue,
  cellText,
  valueFor,
  extraBankKeys,
  integerCode,
  isNegativeFraction,
  itemEntries,
  objectOf,
  parameters,
  scaleAndOptions,
  timeout,
  unknownKey,
} from './arbitraries.js';
import { expectOutcome, expectRow, fhirAnswer, libraryScale, scoreColumnRows, scoreCsvRows, scoreFhir, scoreNdjsonLines, thrownBy } from './paths.js';
import { ANSWERS, type Answer, type ReferenceScale, lonelierAnswer, readValue, referenceScore, resolveOptions } from './reference.js';

// Differential fuzzing of every scoring path against the reference implementation in
// ./reference.ts, over well-formed options and answers that include junk values of every type.
// Inputs the 0.1 core is known to mishandle (issue 8) are fuzzed in ./hostile.test.ts.
// `FUZZ_RUNS` sets the runs per property (`npm run fuzz`: 300,000); `FUZZ_SEED` replays a failure.

/** The coding the reference resolved from the options (for values under extra keys). */
const codingOf = (scale: ReferenceScale, options: unknown) => {
  const resolved = resolveOptions(scale, options);
  return 'coding' in resolved ? resolved.coding : undefined;
};

/** Values under djg11-only keys on djg6 are checked by the contract but not by the 0.1 core: here they are readable. */
const readableExtra = (scale: ReferenceScale, options: unknown) =>
  fc.constantFrom(...extraBankKeys(scale)).chain((key) =>
    answerValue.filter((value) => readValue(value, codingOf(scale, options)).kind !== 'error').map((value) => [key, value] as const),
  );

/** A plain answer object (or one without a prototype) for a scale and options, with an unknown key now and then. */
const answersFor = (scale: ReferenceScale, options: unknown) =>
  fc
    .tuple(
      itemEntries(scale, valueFor(scale, options)),
      extraBankKeys(scale).length > 0 ? fc.array(readableExtra(scale, options), { maxLength: 2 }) : fc.constant([]),
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(unknownKey, answerValue) }),
      fc.boolean(),
    )
    .map(([entries, extras, unknown, detached]) => objectOf([...entries, ...extras, ...(unknown === null ? [] : [unknown])], detached ? null : Object.prototype));

const cases = scaleAndOptions.chain(({ scale, options }) => answersFor(scale, options).map((answers) => ({ scale, options, answers })));

describe('differential fuzzing: score, safeScore and createScorer against the reference', () => {
  it(
    'safeScore gives the reference’s scores or one of its errors; score throws exactly that ScoringError; createScorer agrees',
    () => {
      fc.assert(
        fc.property(cases, ({ scale, options, answers }) => {
          const expected = referenceScore(scale, answers, options);
          const library = libraryScale(scale);
          const outcome = safeScore(library, answers, options as ScoreOptions);
          expectOutcome(expected, outcome, { scale: scale.id, options, answers });
          const thrown = thrownBy(() => score(library, answers as never, options as ScoreOptions));
          if (outcome.success) {
            expect(thrown).toBeUndefined();
            expect(score(library, answers as never, options as ScoreOptions)).toEqual(outcome.data);
          } else {
            expect(thrown).toBeInstanceOf(ScoringError);
            expect((thrown as ScoringError).code).toBe(outcome.error.code);
          }
          const scorer = createScorer(library, options as ScoreOptions);
          expectOutcome(expected, scorer.safeScore(answers), { via: 'createScorer', scale: scale.id, options, answers });
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'invariants: scores within range, total = emotional + social when nothing is missing, a category whenever a total',
    () => {
      fc.assert(
        fc.property(cases, ({ scale, options, answers }) => {
          const outcome = safeScore(libraryScale(scale), answers, options as ScoreOptions);
          if (!outcome.success) return;
          const result: ScoreResult = outcome.data;
          for (const name of ['total', 'emotional', 'social'] as const) {
            const value = result[name];
            if (value !== null) expect(Number.isInteger(value) && value >= 0 && value <= scale.range[name]).toBe(true);
          }
          if (result.missingItems.length === 0) {
            expect(result.total).not.toBeNull();
            expect(result.total).toBe((result.emotional as number) + (result.social as number));
          }
          expect(result.category === null).toBe(result.total === null);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'a lonelier answer on one item never lowers a score (labels and codes alike)',
    () => {
      const canonical = fc.constantFrom(...ANSWERS);
      const property = scaleAndOptions.chain(({ scale, options }) =>
        fc.tuple(fc.constant(scale), fc.constant(options), itemEntries(scale, canonical), fc.nat(scale.items.length - 1), fc.boolean()),
      );
      fc.assert(
        fc.property(property, ([scale, options, entries, index, asLabel]) => {
          const item = scale.items[index];
          const current = entries.find(([key]) => key === item?.key)?.[1] as Answer | undefined;
          const moved = item === undefined || current === undefined ? undefined : lonelierAnswer(item, current);
          if (item === undefined || moved === undefined) return;
          // Written as labels, or as the codes of a preset coding that has both answers.
          const codes = asLabel ? undefined : (['manual5', 'rivm5'] as const)[index % 2];
          const write = (answer: Answer) => (codes === undefined ? answer : (codes === 'manual5' ? ['no!', 'no', 'more or less', 'yes', 'yes!'] : ['yes!', 'yes', 'more or less', 'no', 'no!']).indexOf(answer) + 1);
          const scoring = { ...(options ?? {}), coding: codes ?? (options as ScoreOptions | undefined)?.coding } as ScoreOptions;
          const before = safeScore(libraryScale(scale), objectOf(entries.map(([key, answer]) => [key, write(answer as Answer)])), scoring);
          const after = safeScore(libraryScale(scale), objectOf(entries.map(([key, answer]) => [key, write(key === item.key ? moved : (answer as Answer))])), scoring);
          if (!before.success || !after.success) {
            // Only a custom coding without one of the answers can refuse them, and then both ways.
            expect(before.success).toBe(after.success);
            return;
          }
          for (const name of ['total', 'emotional', 'social'] as const) {
            const was = before.data[name];
            if (was !== null) expect(after.data[name]).toBeGreaterThanOrEqual(was);
          }
        }),
        parameters(),
      );
    },
    timeout(),
  );
});

/** Answer values restricted to the scale's items, as a batch row holds them. */
const rowAnswers = (scale: ReferenceScale, values: readonly unknown[]) => objectOf(scale.items.map((item, index) => [item.key, values[index]]));

describe('differential fuzzing: batch, columnar and FHIR scoring against the reference', () => {
  it(
    'CSV through the streaming batch scorer: every row as the reference scores it, in any chunking',
    () => {
      const property = scaleAndOptions.chain(({ scale, options }) =>
        fc.tuple(
          fc.constant(scale),
          fc.constant(options),
          fc.array(fc.array(fc.option(valueFor(scale, options, cellText).map((value) => (value === null || value === undefined ? '' : String(value))), { freq: 6, nil: undefined }), { minLength: scale.items.length, maxLength: scale.items.length }), { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 64 }),
        ),
      );
      fc.assert(
        fc.property(property, ([scale, options, rows, chunkSize]) => {
          const views = scoreCsvRows(scale, rows, options as ScoreOptions, chunkSize);
          expect(views).toHaveLength(rows.length);
          rows.forEach((cells, row) => {
            // What the file holds: text as UTF-8 round-trips it; an empty cell is an empty string.
            const text = cells.map((cell) => new TextDecoder().decode(new TextEncoder().encode(cell ?? '')));
            expectRow(referenceScore(scale, rowAnswers(scale, text), options), views[row] as (typeof views)[number], { scale: scale.id, options, cells, chunkSize });
          });
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );

  it(
    'NDJSON through the streaming batch scorer: every line as the reference scores its parsed values',
    () => {
      const jsonJunk = fc.oneof(
        { weight: 6, arbitrary: answerValue.filter((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) },
        { weight: 1, arbitrary: fc.constantFrom('[1]', '{"a":"yes"}', '1e400', '2.50', '-0', '1E0', '3.0', '[]', '{}', 'true') },
      );
      const property = scaleAndOptions.chain(({ scale, options }) =>
        fc.tuple(
          fc.constant(scale),
          fc.constant(options),
          fc.array(fc.array(fc.option(valueFor(scale, options, jsonJunk).filter((value) => value !== undefined), { freq: 6, nil: undefined }), { minLength: scale.items.length, maxLength: scale.items.length }), { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 64 }),
        ),
      );
      const literal = (value: unknown) =>
        typeof value === 'string' && /^(\[1\]|\{"a":"yes"\}|1e400|2\.50|-0|1E0|3\.0|\[\]|\{\}|true)$/.test(value) ? value : Number.isNaN(value) ? 'null' : JSON.stringify(value);
      fc.assert(
        fc.property(property, ([scale, options, rows, chunkSize]) => {
          // The first line names every item; later lines leave out missing ones.
          const lines = rows.map((values, row) =>
            `{"id":${row}${scale.items.map((item, index) => (values[index] === undefined ? (row === 0 ? `,${JSON.stringify(item.key)}:null` : '') : `,${JSON.stringify(item.key)}:${literal(values[index])}`)).join('')}}`,
          );
          const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
          fc.pre(parsed.every((record) => scale.items.every((item) => !isNegativeFraction(record[item.key]) && !(typeof record[item.key] === 'number' && (record[item.key] as number) < 0 && !Number.isInteger(record[item.key])))));
          const views = scoreNdjsonLines(scale, lines, options as ScoreOptions, chunkSize);
          expect(views).toHaveLength(rows.length);
          parsed.forEach((record, row) => {
            expectRow(referenceScore(scale, rowAnswers(scale, scale.items.map((item) => record[item.key])), options), views[row] as (typeof views)[number], { scale: scale.id, options, line: lines[row], chunkSize });
          });
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );

  it(
    'scoreColumns on plain arrays of any values: every respondent as the reference scores them',
    () => {
      const property = scaleAndOptions.chain(({ scale, options }) =>
        fc.tuple(fc.constant(scale), fc.constant(options), fc.array(fc.array(valueFor(scale, options), { minLength: scale.items.length, maxLength: scale.items.length }), { minLength: 0, maxLength: 12 })),
      );
      fc.assert(
        fc.property(property, ([scale, options, rows]) => {
          const columns = Object.fromEntries(scale.items.map((item, index) => [item.key, rows.map((values) => values[index])]));
          const views = scoreColumnRows(scale, columns, options as ScoreOptions);
          expect(views).toHaveLength(rows.length);
          rows.forEach((values, row) => expectRow(referenceScore(scale, rowAnswers(scale, values), options), views[row] as (typeof views)[number], { scale: scale.id, options, values }));
        }),
        parameters(0.3),
      );
    },
    timeout(0.3),
  );

  it(
    'scoreColumns on typed arrays of every kind: every respondent as the reference scores the numbers they hold',
    () => {
      const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const;
      const numberJunk = fc.oneof(integerCode, fc.constantFrom(0.5, 2.5, Number.NaN, Infinity));
      // Numbers need a coding: a preset when the options name none.
      const property = scaleAndOptions
        .chain(({ scale, options }) => fc.constantFrom('manual', 'rivm5').map((preset) => ({ scale, options: { ...options, coding: options?.coding ?? preset } })))
        .chain(({ scale, options }) =>
          fc.tuple(
            fc.constant(scale),
            fc.constant(options),
            fc.constantFrom(...kinds),
            fc.array(fc.array(valueFor(scale, options, numberJunk, 2).filter((value): value is number => typeof value === 'number'), { minLength: scale.items.length, maxLength: scale.items.length }), { minLength: 1, maxLength: 12 }),
          ),
        );
      fc.assert(
        fc.property(property, ([scale, options, Kind, rows]) => {
          const big = Kind === BigInt64Array || Kind === BigUint64Array;
          const columns = Object.fromEntries(
            scale.items.map((item, index) => {
              const numbers = rows.map((values) => values[index] as number);
              const stored = big ? (Kind as BigInt64ArrayConstructor).from(numbers.map((value) => (Number.isInteger(value) ? BigInt(value) : 0n))) : (Kind as Float64ArrayConstructor).from(numbers);
              return [item.key, stored];
            }),
          );
          const views = scoreColumnRows(scale, columns, options as ScoreOptions);
          rows.forEach((_, row) => {
            const values = scale.items.map((item) => Number((columns[item.key] as ArrayLike<number | bigint>)[row]));
            expectRow(referenceScore(scale, rowAnswers(scale, values), options), views[row] as (typeof views)[number], { scale: scale.id, kind: Kind.name, options, values });
          });
        }),
        parameters(0.3),
      );
    },
    timeout(0.3),
  );

  it(
    'FHIR QuestionnaireResponse: answers as codings, strings, integers or decimals, at any depth, score as the reference scores them',
    () => {
      const fhirJunk = fc.oneof(integerCode, fc.constantFrom(0.5, 2.5, '', ' ', 'perhaps'), numericString());
      const fhirValue = (scale: ReferenceScale, options: unknown) =>
        fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...ANSWERS) }, { weight: 3, arbitrary: valueFor(scale, options, fhirJunk).filter((value) => typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value))) });
      const property = scaleAndOptions.chain(({ scale, options }) =>
        fc.tuple(fc.constant(scale), fc.constant(options), itemEntries(scale, fhirValue(scale, options)), fc.boolean(), fc.boolean(), fc.boolean()),
      );
      fc.assert(
        fc.property(property, ([scale, options, entries, asCoding, nested, unanswered]) => {
          const given = entries.map(([key, value]) => [key, fhirAnswer(value, asCoding) ?? null] as const);
          // Items without an answer are missing, as are items left out.
          const listed = unanswered ? [...given, ...scale.items.filter((item) => !entries.some(([key]) => key === item.key)).map((item) => [item.key, null] as const)] : given;
          fc.pre(given.every(([, answer]) => answer !== null && !(typeof answer.value === 'number' && answer.value < 0 && !Number.isInteger(answer.value)) && !isNegativeFraction(answer.value)));
          const expected = referenceScore(scale, objectOf(listed.map(([key, answer]) => [key, answer?.value ?? null])), options);
          expectOutcome(expected, scoreFhir(scale, listed, options as ScoreOptions, nested), { scale: scale.id, options, listed });
        }),
        parameters(0.3),
      );
    },
    timeout(0.3),
  );
});

function numericString() {
  return fc.tuple(fc.constantFrom('', '+', '-'), fc.nat({ max: 9 }), fc.constantFrom('', '.0', '.5')).map(([sign, digits, fraction]) => `${sign}${digits}${fraction}`);
}
