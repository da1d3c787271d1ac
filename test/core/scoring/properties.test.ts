import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringError, asAnswers, djg11, djg6, itemBank, readAnswerLabel, safeScore, score, type ScaleDefinition } from '../../../src/index.js';

const bankKeys = itemBank.map((item) => item.key as string);

const threePoint = ['yes', 'more or less', 'no'] as const;
const allAnswers = ['yes!', 'yes', 'more or less', 'no', 'no!'] as const;
/** Lonely-ness order of answers on an emotional (negative) item: higher = more lonely. */
const emotionalRank = { 'no!': 0, no: 1, 'more or less': 2, yes: 3, 'yes!': 4 } as const;

function answersFor(scale: ScaleDefinition, withMissing: boolean) {
  const value = withMissing ? fc.option(fc.constantFrom(...allAnswers), { nil: null }) : fc.constantFrom(...allAnswers);
  return fc.record(Object.fromEntries(scale.items.map((item) => [item.key, value])) as Record<string, fc.Arbitrary<string | null>>);
}

describe.each([
  ['djg6', djg6],
  ['djg11', djg11],
] as const)('properties of %s', (_name, scale) => {
  it('scores lie within their ranges, and every point is 0, 1 or null', () => {
    fc.assert(
      fc.property(answersFor(scale, true), (answers) => {
        const result = score(scale, asAnswers(answers));
        for (const [name, value] of [['total', result.total], ['emotional', result.emotional], ['social', result.social]] as const) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(scale.range[name]);
          }
        }
        for (const point of Object.values(result.points)) expect([0, 1, null]).toContain(point);
      }),
    );
  });

  it('complete answers give total = emotional + social, and a category', () => {
    fc.assert(
      fc.property(answersFor(scale, false), (answers) => {
        const result = score(scale, asAnswers(answers));
        expect(result.total).toBe((result.emotional ?? Number.NaN) + (result.social ?? Number.NaN));
        expect(result.category).not.toBeNull();
        expect(result.missingItems).toEqual([]);
      }),
    );
  });

  it('moving one answer towards the lonely side never lowers a score', () => {
    fc.assert(
      fc.property(answersFor(scale, true), fc.nat(scale.items.length - 1), (answers, index) => {
        const item = scale.items[index];
        if (item === undefined) return;
        const current = answers[item.key];
        if (current === null || current === undefined) return;
        const rank = emotionalRank[current as keyof typeof emotionalRank];
        const step = item.wording === 'negative' ? 1 : -1;
        const moved = allAnswers.find((answer) => emotionalRank[answer] === rank + step);
        if (moved === undefined) return;
        const before = score(scale, asAnswers(answers));
        const after = score(scale, asAnswers({ ...answers, [item.key]: moved }));
        for (const name of ['total', 'emotional', 'social'] as const) {
          if (before[name] !== null) expect(after[name]).toBeGreaterThanOrEqual(before[name] as number);
        }
      }),
    );
  });

  it('random junk never throws anything but ScoringError and never yields a score', () => {
    const junkValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
      fc.array(fc.anything()),
      fc.bigInt(),
    );
    const junkKey = fc.oneof(fc.constantFrom(...scale.items.map((item) => item.key), '__proto__', 'constructor', 'prototype', 'toString'), fc.string());
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(junkKey, junkValue), fc.anything()), fc.constantFrom(undefined, 'manual', 'rivm5'), (answers, coding) => {
        let result: ReturnType<typeof score> | undefined;
        try {
          result = score(scale, answers as never, coding === undefined ? undefined : { coding });
        } catch (error) {
          expect(error).toBeInstanceOf(ScoringError);
          const outcome = safeScore(scale, answers, coding === undefined ? undefined : { coding });
          expect(outcome.success).toBe(false);
          return;
        }
        // Accepted input is made of known items only, and a point comes only from a readable answer.
        expect(result).toBeDefined();
        const record = answers as Record<string, unknown>;
        for (const key of Object.keys(record)) expect(bankKeys).toContain(key);
        for (const item of scale.items) {
          const value = record[item.key];
          const point = result?.points[item.key as keyof typeof result.points];
          if (point === null) continue;
          const readable = typeof value === 'string' ? readAnswerLabel(value) !== undefined || coding !== undefined : typeof value === 'number' && coding !== undefined;
          expect(readable, `${item.key}: ${String(value)}`).toBe(true);
        }
        const outcome = safeScore(scale, answers, coding === undefined ? undefined : { coding });
        expect(outcome.success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('junk answer values on a known item are errors, never a silent 0', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => text.trim() !== '' && !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)),
        fc.nat(scale.items.length - 1),
        (text, index) => {
          const key = scale.items[index]?.key as string;
          const outcome = safeScore(scale, { [key]: text });
          const known = ['yes!', 'yes', 'more or less', 'somewhat', 'no', 'no!', 'ja!', 'ja', 'min of meer', 'min-of-meer', 'meer of minder', 'nee', 'nee!'];
          if (known.includes(text.trim().toLowerCase().replace(/\s+/g, ' '))) return;
          expect(outcome.success).toBe(false);
          if (!outcome.success) {
            expect(outcome.error.code).toBe('unknown_answer');
            expect(outcome.error.item).toBe(key);
          }
        },
      ),
    );
  });
});

describe('3-point answers only', () => {
  it('djg6 total equals the number of lonely answers (agree on negative items, disagree on positive ones, neutral always)', () => {
    fc.assert(
      fc.property(fc.tuple(...djg6.items.map(() => fc.constantFrom(...threePoint))), (values) => {
        const answers = Object.fromEntries(djg6.items.map((item, index) => [item.key, values[index]]));
        const expected = djg6.items.filter((item, index) => {
          const answer = values[index];
          return answer === 'more or less' || (item.wording === 'negative' ? answer === 'yes' : answer === 'no');
        }).length;
        expect(score(djg6, asAnswers(answers)).total).toBe(expected);
      }),
    );
  });
});

describe('the compiled fast path and the general engine agree', () => {
  it.each([
    ['djg6', djg6],
    ['djg11', djg11],
  ] as const)('%s: a plain object and a null-prototype copy score identically', (_name, scale) => {
    fc.assert(
      fc.property(answersFor(scale, true), fc.boolean(), (answers, extraKey) => {
        const plain = extraKey && scale.id === 'djg6' ? { ...answers, talkTo: 'yes' } : { ...answers };
        const detached = Object.assign(Object.create(null) as Record<string, unknown>, plain);
        expect(score(scale, asAnswers(plain))).toEqual(score(scale, asAnswers(detached)));
      }),
    );
  });
});
