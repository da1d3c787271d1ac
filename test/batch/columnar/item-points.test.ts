import { describe, expect, it, onTestFinished } from 'vitest';
import { type Coding, type ScaleDefinition, ScoringError, createScorer, defineCoding, defineScale } from '../../../src/index.js';
import { type CodeColumn, type ColumnarScores, scoreColumns } from '../../../src/batch/index.js';
import { random } from '../../helpers/dataset.js';
import { threePointJson, threePointReference, threePointStates } from '../../helpers/fixture-scale.js';

// Issue 9: scoreColumns scores any scale definition from its resolved rules: items worth other
// points than 0/1 (the fixture instrument: 3 items scored 1/2/3, one reversed, one total, no
// subscales), scales whose points do not fit the packed accumulator (the general path), and it
// refuses a scale whose scores do not fit its Int8Array outputs.

const fixture: ScaleDefinition = defineScale(threePointJson());
const keys = fixture.items.map((item) => item.key);
/** Codes 1-3 for the three answers; 5 is "yes!", an answer these items do not offer; 9 is missing. */
const coding: Coding = defineCoding({ name: 'three-point test coding', codes: { 1: 'no', 2: 'more or less', 3: 'yes', 5: 'yes!' }, missingCodes: [9] });
const codeOf: Record<string, number> = { no: 1, 'more or less': 2, yes: 3 };
/** Values that are no answer: a code outside the coding, an answer not offered, a code the table has no slot for, a fraction, NaN. */
const invalidValues = [7, 5, 0, 300, 2.5, Number.NaN];

type Cell = number | null;

/** Every row's outcome as the core gives it: the five outputs, or the error's code, item and value. */
function coreRows(scale: ScaleDefinition, rows: readonly Record<string, Cell>[], scoring: { coding: Coding }): string[] {
  const scorer = createScorer(scale, scoring);
  return rows.map((answers) => {
    const outcome = scorer.safeScore(answers);
    if (!outcome.success) return `-1,-1,-1,-1,-1 ${outcome.error.code}/${outcome.error.item}/${String(outcome.error.value)}`;
    const { total, emotional, social, category, missingItems } = outcome.data;
    return `${[total ?? -1, emotional ?? -1, social ?? -1, category?.code ?? -1, missingItems.length].join()} `;
  });
}

/** The same of the columnar result. */
function columnarRows(scores: ColumnarScores): string[] {
  return Array.from({ length: scores.length }, (_, row) => {
    const error = scores.invalid.get(row);
    const cells = [scores.total[row], scores.emotional[row], scores.social[row], scores.category[row], scores.missingItems[row]];
    return `${cells.join()} ${error === undefined ? '' : `${error.code}/${error.item}/${String(error.value)}`}`;
  });
}

/** Columns of a scale's rows in four forms: Int8Array (missing as code 9), Float64Array (9), plain arrays (null), Arrow-style Int16Array with a validity test (null). */
function forms(scale: ScaleDefinition, rows: readonly Record<string, Cell>[]): [string, Record<string, CodeColumn>][] {
  const column = (key: string) => rows.map((row) => row[key] ?? null);
  const of = (make: (key: string) => CodeColumn) => Object.fromEntries(scale.items.map(({ key }) => [key, make(key)]));
  const integers = rows.every((row) => Object.values(row).every((value) => value === null || (Number.isInteger(value) && value >= -128 && value <= 127)));
  return [
    ...(integers ? [['Int8Array', of((key) => Int8Array.from(column(key), (value) => value ?? 9))] as [string, Record<string, CodeColumn>]] : []),
    ['Float64Array', of((key) => Float64Array.from(column(key), (value) => value ?? 9))],
    ['plain arrays', of((key) => column(key))],
    [
      'Arrow-style columns',
      of((key) => {
        const values = column(key);
        return { length: values.length, nullCount: values.filter((value) => value === null).length, toArray: () => Float64Array.from(values, (value) => value ?? 0), isValid: (row: number) => values[row] !== null };
      }),
    ],
  ];
}

/** Every answer/missing pattern of the fixture (4^3), as codes (null for missing). */
function patterns(): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (let pattern = 0; pattern < 4 ** keys.length; pattern++) {
    const row: Record<string, Cell> = {};
    keys.forEach((key, index) => {
      const state = threePointStates[Math.floor(pattern / 4 ** index) % 4] ?? null;
      row[key] = state === null ? null : (codeOf[state] as number);
    });
    rows.push(row);
  }
  return rows;
}

/** Each pattern again with one item's answer replaced by each value that is no answer. */
function withInvalid(): Record<string, Cell>[] {
  return keys.flatMap((key) => invalidValues.flatMap((value) => patterns().map((row) => ({ ...row, [key]: value }))));
}

describe('issue 9: scoreColumns on the fixture instrument (items scored 1/2/3, one total, no subscales)', () => {
  it('every answer/missing pattern (4^3) scores as its definition says, read independently of the library', () => {
    const rows = patterns();
    const bandCode = new Map((threePointJson() as { categories: { total: { conventions: { bands: { id: string; code: number }[] }[] } } }).categories.total.conventions[0]?.bands.map((band) => [band.id, band.code]));
    const expected = rows.map((row) => {
      const reference = threePointReference(Object.fromEntries(keys.map((key) => [key, row[key] === null ? null : (Object.keys(codeOf).find((answer) => codeOf[answer] === row[key]) as string)])));
      return `${[reference.total ?? -1, -1, -1, reference.band === null ? -1 : bandCode.get(reference.band), reference.missing].join()} `;
    });
    for (const [name, data] of forms(fixture, rows)) {
      expect(columnarRows(scoreColumns(fixture, data, { scoring: { coding } })), name).toEqual(expected);
    }
  });

  it('every pattern, and every pattern with an invalid value on each item, scores as the core’s safeScore (emotional and social always -1)', () => {
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
    const rows = [...patterns(), ...withInvalid()];
    const expected = coreRows(fixture, rows, { coding });
    // The core reports answers not offered (5, "yes!") as unknown_answer, other values as unknown_code.
    expect(expected.some((row) => row.includes('unknown_answer'))).toBe(true);
    for (const [name, data] of forms(fixture, rows)) {
      const scores = scoreColumns(fixture, data, { scoring: { coding } });
      expect(columnarRows(scores), name).toEqual(expected);
      expect(scores.emotional.every((value) => value === -1) && scores.social.every((value) => value === -1), name).toBe(true);
    }
  });
});

/** The fixture's JSON changed: its items replaced, ranges and bands made to fit them. */
function variant(id: string, items: readonly { key: string; points: Record<string, number>; subscale?: 'emotional' | 'social' }[], missing: { total: number; subscale: number }): ScaleDefinition {
  const json = threePointJson() as Record<string, unknown> & { items: Record<string, unknown>[] };
  const template = json.items[0] as Record<string, unknown>;
  const highest = (subscale?: string) => items.filter((item) => subscale === undefined || item.subscale === subscale).reduce((sum, item) => sum + Math.max(...Object.values(item.points)), 0);
  const total = highest();
  return defineScale({
    ...json,
    id,
    items: items.map((item, index) => ({ ...template, key: item.key, number: index + 1, points: item.points, ...(item.subscale === undefined ? {} : { subscale: item.subscale }) })),
    range: { total, emotional: highest('emotional'), social: highest('social') },
    missing,
    categories: {
      total: {
        default: 'test',
        conventions: [
          {
            name: 'test',
            source: 'Test bands',
            bands: [
              { id: 'low', code: 1, min: 0, max: Math.floor(total / 2), label: { en: 'low', nl: 'laag' } },
              { id: 'high', code: 2, min: Math.floor(total / 2) + 1, max: total, label: { en: 'high', nl: 'hoog' } },
            ],
          },
        ],
      },
      subscale: { default: null, conventions: [] },
    },
  });
}

/** Random rows of a scale: mostly answers, some missing, some invalid values. */
function randomRows(scale: ScaleDefinition, count: number, seed: number): Record<string, Cell>[] {
  const next = random(seed);
  const pool: Cell[] = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, null, 9, ...invalidValues];
  return Array.from({ length: count }, () => {
    // Most rows are complete or nearly: a row with many missing or invalid answers is rarer.
    const clean = next() < 0.6;
    return Object.fromEntries(scale.items.map(({ key }) => [key, clean ? 1 + Math.floor(next() * 3) : (pool[Math.floor(next() * pool.length)] as Cell)]));
  });
}

describe('issue 9: scales the packed accumulator cannot hold are scored by the general path, as the core scores them', () => {
  const threePoints = { yes: 3, 'more or less': 2, no: 1 };
  const scales: [string, ScaleDefinition][] = [
    // 20 items: more than the 15 the packed accumulator marks invalid answers for.
    ['20 items scored 1/2/3, one total', variant('twenty-items', Array.from({ length: 20 }, (_, index) => ({ key: `item${index + 1}`, points: threePoints })), { total: 3, subscale: 0 })],
    // Two subscales of 4 items worth up to 15 points: sums of 60 (6 bits) and 4 missing (3 bits) each, 18 bits.
    [
      'two subscales of 4 items worth 0/7/15 points',
      variant(
        'wide-points',
        Array.from({ length: 8 }, (_, index) => ({ key: `item${index + 1}`, points: { yes: 15, 'more or less': 7, no: 0 }, subscale: index < 4 ? ('emotional' as const) : ('social' as const) })),
        { total: 2, subscale: 1 },
      ),
    ],
    // The same packed: points that fit (sums 12, 4 bits) - the packed and general paths agree with the core alike.
    [
      'two subscales of 4 items worth 1/2/3 points (packed)',
      variant(
        'subscales-three-points',
        Array.from({ length: 8 }, (_, index) => ({ key: `item${index + 1}`, points: threePoints, subscale: index % 2 === 0 ? ('emotional' as const) : ('social' as const) })),
        { total: 2, subscale: 1 },
      ),
    ],
  ];
  scales.forEach(([name, scale], index) => {
    it(`${name}: random rows with missing and invalid answers, in four forms of column, across blocks of 4,096 rows`, () => {
      const { stackTraceLimit } = Error;
      Error.stackTraceLimit = 0;
      onTestFinished(() => void (Error.stackTraceLimit = stackTraceLimit));
      const rows = randomRows(scale, 4096 + 300, index + 1);
      const expected = coreRows(scale, rows, { coding });
      // The rows reach scored, missing and invalid outcomes, and subscale scores where there are subscales.
      expect(expected.some((row) => row.startsWith('-1,'))).toBe(true);
      expect(expected.some((row) => !row.startsWith('-1,'))).toBe(true);
      for (const [form, data] of forms(scale, rows)) {
        expect(columnarRows(scoreColumns(scale, data, { scoring: { coding } })), form).toEqual(expected);
      }
    });
  });

  it('a scale whose total can exceed 127 is refused with invalid_scale: the outputs are Int8Array', () => {
    const scale = variant('too-high', ['a', 'b', 'c'].map((key) => ({ key, points: { yes: 50, 'more or less': 25, no: 0 } })), { total: 1, subscale: 0 });
    const data = Object.fromEntries(scale.items.map(({ key }) => [key, Int8Array.of(3)]));
    const thrown = (() => {
      try {
        scoreColumns(scale, data, { scoring: { coding } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ScoringError);
    expect((thrown as ScoringError).code).toBe('invalid_scale');
    // The core scores it: 150 is a valid total, which an Int8Array cannot hold.
    expect(createScorer(scale, { coding }).score({ a: 3, b: 3, c: 3 }).total).toBe(150);
  });
});
