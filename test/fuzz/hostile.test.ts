import type { QuestionnaireResponse } from 'fhir/r4.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScoreOptions, ScoringError, createScorer, defineCoding, djg6, safeScore, score } from '../../src/index.js';
import { scoreColumns } from '../../src/batch/index.js';
import { fhirUrls, safeScoreQuestionnaireResponse, scoreQuestionnaireResponse } from '../../src/fhir/index.js';
import { extraBankKeys, itemEntries, label, negativeNonInteger, objectOf, options, parameters, scaleAndOptions, scales, timeout, valueFor } from './arbitraries.js';
import { expectOutcome, expectRow, libraryScale, scoreColumnRows, scoreCsvRows, scoreFhir, thrownBy } from './paths.js';
import { DJG6, type ReferenceScale, referenceScore, resolveOptions } from './reference.js';

// Hostile input (issue 8): answers that are not plain objects, Proxies and getters that throw,
// negative non-integers, djg11-only items on djg6, hostile options, option sets that collide in
// the engine cache, malformed FHIR resources. The library's promise: `safeScore` never throws,
// everything else throws only `ScoringError`, and where the rules decide the outcome the
// library gives exactly that outcome. These properties state the contract; see the report of
// `npm run fuzz` for those the current build does not meet yet.

/** Calls the core's three entry points and checks the promise that holds for any input whatsoever. */
function expectOnlyScoringErrors(scale: ReferenceScale, answers: unknown, option: unknown, context = ''): ReturnType<typeof safeScore> {
  const library = libraryScale(scale);
  let outcome: ReturnType<typeof safeScore> | undefined;
  expect(() => (outcome = safeScore(library, answers, option as ScoreOptions)), `${context}: safeScore threw`).not.toThrow();
  expect(outcome, `${context}: safeScore returned ${show(outcome)}`).toMatchObject({ success: expect.any(Boolean) });
  const thrown = thrownBy(() => score(library, answers as never, option as ScoreOptions));
  if (thrown !== undefined) expect(thrown, `${context}: score threw ${String(thrown)}`).toBeInstanceOf(ScoringError);
  // A getter that answers differently at each read can make two calls see two answer sets.
  if (!context.includes('differently each time')) expect(thrown === undefined, `${context}: score and safeScore disagree`).toBe((outcome as ReturnType<typeof safeScore>).success);
  const built = thrownBy(() => createScorer(library, option as ScoreOptions).safeScore(answers));
  if (built !== undefined) expect(built, `${context}: createScorer threw ${String(built)}`).toBeInstanceOf(ScoringError);
  return outcome as ReturnType<typeof safeScore>;
}

/** A short text of an option value for messages (bigints, symbols and getters included). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : typeof inner === 'symbol' || typeof inner === 'function' ? String(inner) : inner)) ?? String(value);
  } catch (error) {
    return `<${String(error)}>`;
  }
}

class Respondent {
  constructor(answers: Record<string, unknown>) {
    Object.assign(this, answers);
  }
}
class WithGetters {
  #emptiness: unknown;
  constructor(value: unknown) {
    this.#emptiness = value;
  }
  get emptiness() {
    return this.#emptiness;
  }
}

/** Objects that are not plain answer objects, holding (or reading through to) the answers. */
const nonPlain: readonly (readonly [string, (answers: Record<string, unknown>) => unknown])[] = [
  ['a class instance with the answers as own properties', (answers) => new Respondent(answers)],
  ['a class instance with a getter', (answers) => Object.assign(new WithGetters(answers.emptiness ?? 'yes'), {})],
  ['Object.create(answers)', (answers) => Object.create(answers) as unknown],
  ['a Map of the answers', (answers) => new Map(Object.entries(answers))],
  ['URLSearchParams of the answers', (answers) => new URLSearchParams(Object.entries(answers).map(([key, value]) => [key, typeof value === 'object' && value !== null ? 'object' : String(value)]))],
  ['a Date', () => new Date(0)],
  ['an array', (answers) => Object.values(answers)],
  ['a boxed string', () => new String('yes')],
  ['an Error with the answers', (answers) => Object.assign(new Error('x'), answers)],
  ['a function with the answers', (answers) => Object.assign(() => undefined, answers)],
  ['a regular expression with the answers', (answers) => Object.assign(/x/, answers)],
  ['a typed array', () => Int8Array.of(3, 3, 3)],
];

const throwing = () => {
  throw new Error('trap');
};
/** Containers whose reading throws: the library must turn that into a ScoringError (or read around it). */
const booby: readonly (readonly [string, (answers: Record<string, unknown>) => unknown])[] = [
  ['a Proxy whose get trap throws', (answers) => new Proxy(answers, { get: throwing })],
  ['a Proxy whose getPrototypeOf trap throws', (answers) => new Proxy(answers, { getPrototypeOf: throwing })],
  ['a Proxy whose ownKeys trap throws', (answers) => new Proxy(answers, { ownKeys: throwing })],
  ['a Proxy whose has and getOwnPropertyDescriptor traps throw', (answers) => new Proxy(answers, { has: throwing, getOwnPropertyDescriptor: throwing })],
  ['a revoked Proxy', (answers) => {
    const { proxy, revoke } = Proxy.revocable(answers, {});
    revoke();
    return proxy;
  }],
  ['a plain object with a throwing getter on an item', (answers) => Object.defineProperty({ ...answers }, 'emptiness', { get: throwing, enumerable: true })],
  ['a plain object with a throwing getter on an unknown key', (answers) => Object.defineProperty({ ...answers }, 'extra', { get: throwing, enumerable: true })],
  ['a plain object whose item getter answers differently each time', (answers) => {
    let calls = 0;
    return Object.defineProperty({ ...answers }, 'emptiness', { get: () => (calls++ % 2 === 0 ? 'yes' : 'perhaps'), enumerable: true });
  }],
  ['a transparent Proxy of the answers', (answers) => new Proxy(answers, {})],
];

const answersCase = scaleAndOptions.chain(({ scale, options: option }) => itemEntries(scale, valueFor(scale, option)).map((entries) => ({ scale, options: option, answers: objectOf(entries) })));

describe('hostile answer objects', () => {
  it(
    'issue 8 #8: an answer object that is not a plain object is invalid_answers, whatever it holds',
    () => {
      fc.assert(
        fc.property(answersCase, ({ scale, options: option, answers }) => {
          for (const [name, make] of nonPlain) {
            const hostile = make(answers);
            const outcome = expectOnlyScoringErrors(scale, hostile, option);
            const expected = referenceScore(scale, hostile, option);
            expectOutcome(expected, outcome, { container: name, scale: scale.id, options: option, answers });
          }
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'issue 8 #12: safeScore never throws and score throws only ScoringError, for Proxies with throwing traps and throwing getters',
    () => {
      fc.assert(
        fc.property(answersCase, ({ scale, options: option, answers }) => {
          for (const [name, make] of booby) expectOnlyScoringErrors(scale, make(answers), option, name);
        }),
        parameters(),
      );
    },
    timeout(),
  );
});

describe('hostile answer values', () => {
  const withValue = (value: fc.Arbitrary<unknown>) =>
    scaleAndOptions.chain(({ scale, options: option }) =>
      fc.tuple(fc.constant(scale), fc.constant(option), itemEntries(scale, valueFor(scale, option)), fc.nat(scale.items.length - 1), value),
    );

  it(
    'issue 8 (minor): negative non-integers (-0.5, "-1.5", -Infinity) are errors on every path, as 2.5 is; NaN stays missing',
    () => {
      const value = fc.oneof(negativeNonInteger, negativeNonInteger.filter(Number.isFinite).map((number) => ` ${number.toFixed(2)} `).filter((text) => !Number.isInteger(Number(text))));
      fc.assert(
        fc.property(withValue(value), ([scale, option, entries, index, hostile]) => {
          const key = scale.items[index]?.key as string;
          const answers = objectOf([...entries.filter(([entry]) => entry !== key), [key, hostile]]);
          const expected = referenceScore(scale, answers, option);
          expect(expected.kind).toBe('error');
          expectOutcome(expected, expectOnlyScoringErrors(scale, answers, option), { scale: scale.id, options: option, answers });
          // The same value in a column, in a CSV cell and in a FHIR answer.
          const values = scale.items.map((item) => answers[item.key]);
          const columns = Object.fromEntries(scale.items.map((item, position) => [item.key, [values[position]]]));
          expectRow(expected, scoreColumnRows(scale, columns, option as ScoreOptions)[0] as never, { path: 'scoreColumns', answers });
          // A CSV cell holds text: only rows whose every answer is a string or a number are written.
          if ((typeof hostile === 'string' || Number.isFinite(hostile)) && values.every((cell) => cell === undefined || cell === null || typeof cell === 'string' || typeof cell === 'number')) {
            const cells = values.map((cell) => (cell === undefined || cell === null ? undefined : String(cell)));
            const text = objectOf(scale.items.map((item, position) => [item.key, cells[position] ?? '']));
            expectRow(referenceScore(scale, text, option), scoreCsvRows(scale, [cells], option as ScoreOptions, 4096)[0] as never, { path: 'CSV', cells });
          }
          if (typeof hostile === 'number' && Number.isFinite(hostile)) {
            const fhir = scoreFhir(scale, [[key, { answer: { valueDecimal: hostile }, value: hostile }]], option as ScoreOptions, false);
            expectOutcome(referenceScore(scale, { [key]: hostile }, option), fhir, { path: 'FHIR', key, hostile });
          }
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'issue 8 (minor): djg6 checks the values under djg11-only items (unknown labels, codes without a coding, junk are errors)',
    () => {
      const property = options(DJG6).chain((option) =>
        fc.tuple(
          fc.constant(option),
          itemEntries(DJG6, valueFor(DJG6, option)),
          fc.constantFrom(...extraBankKeys(DJG6)),
          fc.oneof(fc.constantFrom('perhaps', 'yes!!', '0x1', 7, 99, 2.5, true, {}, [], Symbol('s'), 10n), label),
        ),
      );
      fc.assert(
        fc.property(property, ([option, entries, key, value]) => {
          const answers = objectOf([...entries, [key, value]]);
          expectOutcome(referenceScore(DJG6, answers, option), expectOnlyScoringErrors(DJG6, answers, option), { options: option, answers });
        }),
        parameters(),
      );
    },
    timeout(),
  );
});

/** Option values that are clearly wrong: every one must be a ScoringError on every path. */
const badOptions: readonly unknown[] = [
  null,
  'manual',
  5,
  [],
  { coding: null },
  { coding: 5 },
  { coding: 'MANUAL' },
  { coding: ' manual' },
  { coding: '__proto__' },
  { coding: 'toString' },
  { coding: '#1' },
  { coding: {} },
  { coding: [] },
  { coding: { codes: null } },
  { coding: { name: 'x', codes: { 1: 'maybe' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { '1.5': 'yes' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { abc: 'yes' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: ['1); DROP TABLE scores; --'], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: [1.5], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: [1], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { '-1': 'yes' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: 'none', negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 5 }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: [10n], negativeCodesMissing: true } },
  { missing: null },
  { missing: 1 },
  { missing: { total: '1' } },
  { missing: { total: -1 } },
  { missing: { total: 1.5 } },
  { missing: { total: 99 } },
  { missing: { total: Number.NaN } },
  { missing: { subscale: Infinity } },
  { missing: { total: 1n } },
  { categories: null },
  { categories: 'manual' },
  { categories: { total: 'nope' } },
  { categories: { total: null } },
  { categories: { total: '__proto__' } },
  { categories: { subscale: 'toString' } },
  { categories: { subscale: 5 } },
];

/** Option shapes the contract may accept or refuse (a coding object without some fields): only the universal promise applies. */
const doubtfulOptions: readonly unknown[] = [
  { coding: { codes: { 1: 'yes' } } },
  { coding: { name: 'x', codes: { 1: 'yes' } } },
  { coding: { name: 'x', codes: { 1: 'ja' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: '', codes: { 1: 'yes' }, missingCodes: [], negativeCodesMissing: true } },
  { coding: { name: 'x', codes: { 1: 'yes' }, missingCodes: [], negativeCodesMissing: 'yes' } },
  { coding: Object.create({ name: 'x', codes: { 1: 'yes' }, missingCodes: [], negativeCodesMissing: true }) as object },
  { coding: new Proxy({}, { get: throwing }) },
  new Proxy({}, { get: throwing }),
  { get coding() {
    return throwing();
  } },
  { unknownOption: true },
  Object.create(null) as object,
];

describe('hostile options', () => {
  it(
    'issue 8 #12: clearly wrong options are a ScoringError (invalid_option or invalid_coding) from score, safeScore and createScorer',
    () => {
      fc.assert(
        fc.property(answersCase, ({ scale, answers }) => {
          for (const option of badOptions) {
            const expected = referenceScore(scale, answers, option);
            expect(expected.kind, `the reference accepts ${show(option)}`).toBe('error');
            const outcome = expectOnlyScoringErrors(scale, answers, option, show(option));
            expectOutcome(expected, outcome, { scale: scale.id, options: show(option), answers });
            const built = thrownBy(() => createScorer(libraryScale(scale), option as ScoreOptions));
            expect(built, `createScorer accepted ${show(option)}`).toBeInstanceOf(ScoringError);
          }
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );

  it(
    'issue 8 #12: doubtful options never make anything but a ScoringError escape',
    () => {
      fc.assert(
        fc.property(answersCase, ({ scale, answers }) => {
          for (const option of doubtfulOptions) expectOnlyScoringErrors(scale, answers, option, show(option));
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );

  it(
    'issue 8 #12: scoreColumns and the batch scorer reject wrong options with a ScoringError, not a TypeError',
    () => {
      fc.assert(
        fc.property(scales, (scale) => {
          for (const option of badOptions) {
            const columns = Object.fromEntries(scale.items.map((item) => [item.key, ['yes']]));
            const columnar = thrownBy(() => scoreColumns(libraryScale(scale), columns as never, { scoring: option as ScoreOptions }));
            expect(columnar, `scoreColumns with ${show(option)}`).toBeInstanceOf(ScoringError);
            const batch = thrownBy(() => scoreCsvRows(scale, [scale.items.map(() => 'yes')], option as ScoreOptions, 4096));
            expect(batch, `the CSV scorer with ${show(option)}`).toBeInstanceOf(ScoringError);
          }
        }),
        { ...parameters(), numRuns: 4 },
      );
    },
    timeout(0.2),
  );

  it(
    'issue 8 #10: every call is scored by its own options, whatever calls came before (no engine cache collisions)',
    () => {
      // Option sets whose cache keys could collide: custom codings and the text of their keys,
      // tolerances as numbers and as text, categories by name.
      const custom = defineCoding({ name: 'custom', codes: { 1: 'ja', 2: 'min of meer', 3: 'nee' } });
      const other = defineCoding({ name: 'custom', codes: { 1: 'nee', 2: 'min of meer', 3: 'ja' } });
      const colliding: readonly unknown[] = [
        undefined,
        {},
        { coding: custom },
        { coding: other },
        { coding: '#1' },
        { coding: '#2' },
        { coding: '[object Object]' },
        { coding: 'undefined' },
        { coding: 'manual' },
        { coding: 'rivm' },
        { missing: { total: 1 } },
        { missing: { total: '1' } },
        { missing: { total: 1, subscale: 1 } },
        { missing: { total: '1', subscale: '1' } },
        { missing: { total: 'undefined' } },
        { categories: { subscale: 'cbs' } },
        { categories: { subscale: null } },
        { categories: { subscale: 'null' } },
        { categories: { subscale: 'undefined' } },
        { coding: 'manual', missing: { total: 1 } },
        { coding: 'manual|1' },
      ];
      const answers = { emptiness: 3, leanOn: 1, trust: 1, closeTo: 1, missPeople: 3, rejected: '2' };
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...colliding), fc.boolean()), { minLength: 2, maxLength: 12 }), (calls) => {
          for (const [option, labels] of calls) {
            const given = labels ? { emptiness: 'ja', leanOn: 'nee', trust: 'nee', closeTo: 'nee' } : answers;
            expectOutcome(referenceScore(DJG6, given, option), safeScore(djg6, given, option as ScoreOptions<typeof djg6>), { calls, option });
          }
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );
});

describe('hostile FHIR resources (issue 8 #7)', () => {
  const response = (item: unknown): QuestionnaireResponse => ({ resourceType: 'QuestionnaireResponse', status: 'completed', item } as unknown as QuestionnaireResponse);
  /** Answers in the library's own answer system that are not canonical answers: errors, never read by their display. */
  const ownSystemJunk = fc.oneof(
    fc.constantFrom('perhaps', 'ja', 'YES', 'Yes', 'nee', 'more-or-less', '', ' yes'),
    fc.string({ maxLength: 6 }).filter((code) => !['yes!', 'yes', 'more or less', 'no', 'no!'].includes(code)),
  );

  it(
    'a valueCoding in the answer system with an unknown code (or an empty valueCoding) is an error, whatever its display',
    () => {
      fc.assert(
        fc.property(scaleAndOptions, fc.option(ownSystemJunk, { nil: undefined }), fc.constantFrom('no', 'yes', 'more or less', undefined), ({ scale, options: option }, code, display) => {
          const coding = code === undefined ? {} : { system: fhirUrls.answers, code, ...(display === undefined ? {} : { display }) };
          const outcome = safeScoreQuestionnaireResponse(libraryScale(scale), response([{ linkId: scale.items[0]?.key, answer: [{ valueCoding: coding }] }]), option as ScoreOptions);
          expect(outcome.success, JSON.stringify(coding)).toBe(false);
          if (!outcome.success) expect(outcome.error).toBeInstanceOf(ScoringError);
        }),
        parameters(0.2),
      );
    },
    timeout(0.2),
  );

  it(
    'malformed responses are a ScoringError, never a TypeError',
    () => {
      const malformed: readonly unknown[] = [5, {}, [null], [5], ['x'], [{ linkId: 'emptiness', answer: 5 }], [{ linkId: 'emptiness', answer: {} }], [{ linkId: 'emptiness', answer: [null] }], [{ linkId: 'emptiness', item: 5 }], [{ item: [null] }], 'emptiness'];
      fc.assert(
        fc.property(scales, fc.constantFrom(...malformed), (scale, item) => {
          const library = libraryScale(scale);
          let outcome: ReturnType<typeof safeScoreQuestionnaireResponse> | undefined;
          expect(() => (outcome = safeScoreQuestionnaireResponse(library, response(item))), `safeScore threw for item ${JSON.stringify(item)}`).not.toThrow();
          expect(outcome?.success).toBe(false);
          const thrown = thrownBy(() => scoreQuestionnaireResponse(library, response(item)));
          expect(thrown, `item ${JSON.stringify(item)}`).toBeInstanceOf(ScoringError);
        }),
        parameters(0.1),
      );
    },
    timeout(0.1),
  );
});

// The reference resolves the options of the properties above itself; keep it honest about the bad ones.
describe('the hostile option lists', () => {
  it('the reference refuses every clearly wrong option set', () => {
    for (const option of badOptions) expect(resolveOptions(DJG6, option), String(JSON.stringify(option, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)))).toHaveProperty('codes');
  });
});
