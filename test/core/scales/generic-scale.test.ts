import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, ScoringError, asAnswers, configure, createScorer, defineScale, djg6, resolveRules, safeScore } from '../../../src/index.js';
import { threePointJson, threePointReference, threePointStates } from '../../helpers/fixture-scale.js';

const fixture: ScaleDefinition = defineScale(threePointJson());
const keys = fixture.items.map((item) => item.key);

/** Every answer/missing pattern of the fixture's three items (4^3). */
function* patterns(): Generator<Record<string, string | null>> {
  for (let pattern = 0; pattern < 4 ** keys.length; pattern++) {
    const given: Record<string, string | null> = {};
    keys.forEach((key, index) => (given[key] = threePointStates[Math.floor(pattern / 4 ** index) % 4] ?? null));
    yield given;
  }
}

describe('issue 9: an instrument unlike De Jong Gierveld is one definition file (items scored 1/2/3, one total)', () => {
  it('defineScale reads it; it round-trips through JSON', () => {
    expect(defineScale(JSON.parse(JSON.stringify(fixture)))).toEqual(fixture);
    expect(fixture.items[0]?.points).toEqual({ yes: 3, 'more or less': 2, no: 1 });
  });

  it('the resolved rules hold its points per answer level, and no subscale scores', () => {
    const rules = resolveRules(fixture);
    // Levels no!, no, more or less, yes, yes!: the 5-point answers are not offered (-1).
    expect(rules.points).toEqual([
      [-1, 1, 2, 3, -1],
      [-1, 1, 2, 3, -1],
      [-1, 3, 2, 1, -1],
    ]);
    expect(rules.scores.map((entry) => [entry.name, entry.items.length, entry.tolerance, entry.maximum])).toEqual([
      ['total', 3, 1, 9],
      ['emotional', 0, -1, 0],
      ['social', 0, -1, 0],
    ]);
    // The scores the scale has: every path writes these alone.
    expect(rules.presentScores.map((entry) => entry.name)).toEqual(['total']);
    expect(resolveRules(djg6).presentScores.map((entry) => entry.name)).toEqual(['total', 'emotional', 'social']);
  });

  for (const jitless of [false, true]) {
    it(`scores every answer/missing pattern as its definition says (${jitless ? 'general engine' : 'compiled fast path'})`, () => {
      configure({ jitless });
      try {
        const scorer = createScorer(fixture);
        let checked = 0;
        for (const given of patterns()) {
          const expected = threePointReference(given);
          const result = scorer.score(asAnswers(given));
          expect([result.total, result.category?.id ?? null, result.missingItems.length]).toEqual([expected.total, expected.band, expected.missing]);
          // No subscales: their scores and bands are always missing.
          expect([result.emotional, result.social, result.emotionalCategory, result.socialCategory]).toEqual([null, null, null, null]);
          for (const key of keys) expect(result.points[key]).toBe(given[key] === null ? null : (fixture.items.find((item) => item.key === key)?.points?.[given[key] as 'yes'] ?? NaN));
          checked++;
        }
        expect(checked).toBe(64);
      } finally {
        configure({ jitless: false });
      }
    });
  }

  it('a complete answer set is scored by the compiled fast path, to the same result as the general engine', () => {
    const compiled = createScorer(fixture);
    configure({ jitless: true });
    const general = createScorer(fixture);
    configure({ jitless: false });
    const given = { feelAlone: 'yes', lackCompany: 'more or less', feelIncluded: 'yes' } as const;
    expect(compiled.score(given)).toEqual(general.score(given));
    expect(compiled.score(given).total).toBe(6);
    expect(compiled.score(given).category?.label.en).toBe('middle');
  });

  it('an answer the item does not offer (a 5-point answer) is unknown_answer naming the item and the value, on both paths', () => {
    for (const jitless of [false, true]) {
      configure({ jitless });
      const outcome = createScorer(fixture).safeScore({ feelAlone: 'yes!', lackCompany: 'no', feelIncluded: 'no' });
      configure({ jitless: false });
      expect(outcome.success).toBe(false);
      const error = outcome.success ? undefined : outcome.error;
      expect(error).toBeInstanceOf(ScoringError);
      expect([error?.code, error?.item, error?.value]).toEqual(['unknown_answer', 'feelAlone', 'yes!']);
    }
  });

  it('with a missing answer beside it, an answer not offered is still unknown_answer (the fast path leaves it to the engine)', () => {
    const outcome = createScorer(fixture).safeScore({ feelAlone: 'yes!', lackCompany: null, feelIncluded: 'no' });
    expect(outcome.success ? undefined : [outcome.error.code, outcome.error.item]).toEqual(['unknown_answer', 'feelAlone']);
  });

  it('a scale of 32 items scores missing answers on the fast path as the general engine does', () => {
    const json = threePointJson() as Record<string, unknown> & { items: Record<string, unknown>[] };
    const template = json.items[0] as Record<string, unknown>;
    json.items = Array.from({ length: 32 }, (_, index) => ({ ...template, key: `item${index}`, number: index + 1 }));
    json['range'] = { total: 96, emotional: 0, social: 0 };
    json['missing'] = { total: 3, subscale: 0 };
    json['categories'] = { total: { default: 'all', conventions: [{ name: 'all', source: 'test', bands: [{ id: 'any', code: 0, min: 0, max: 96, label: { en: 'any', nl: 'elk' } }] }] }, subscale: { default: null, conventions: [] } };
    const wide = defineScale(json);
    const compiled = createScorer(wide);
    configure({ jitless: true });
    const general = createScorer(wide);
    configure({ jitless: false });
    const given: Record<string, string | null> = Object.fromEntries(wide.items.map((item) => [item.key, 'yes']));
    for (const missing of [[0], [29], [30], [31], [0, 31], [5, 30, 31], [1, 2, 3, 4]]) {
      const answers = { ...given };
      for (const index of missing) answers[`item${index}`] = null;
      expect(compiled.safeScore(answers)).toEqual(general.safeScore(answers));
    }
    expect(compiled.score(asAnswers({ ...given, item31: null })).total).toBe(93);
  });

  it('numeric codes are read through a coding as on any scale (manual: 1 no, 2 more or less, 3 yes)', () => {
    const result = safeScore(fixture, { feelAlone: 1, lackCompany: 2, feelIncluded: 3 }, { coding: 'manual' });
    // no on feelAlone: 1; more or less on lackCompany: 2; yes on the reversed feelIncluded: 1.
    expect(result.success && result.data.total).toBe(1 + 2 + 1);
    // manual5 code 1 is "no!", which this item does not offer.
    const unknown = safeScore(fixture, { feelAlone: 1 }, { coding: 'manual5' });
    expect(unknown.success ? undefined : [unknown.error.code, unknown.error.item]).toEqual(['unknown_answer', 'feelAlone']);
  });

  it('the missing-answer tolerance is an option as on any scale, limited by the item count', () => {
    const given = { feelAlone: 'yes', lackCompany: null, feelIncluded: null };
    expect(safeScore(fixture, given).success && (safeScore(fixture, given) as { data: { total: number | null } }).data.total).toBeNull();
    const tolerant = safeScore(fixture, given, { missing: { total: 2 } });
    expect(tolerant.success && tolerant.data.total).toBe(3);
    const tooMany = safeScore(fixture, given, { missing: { total: 4 } });
    expect(tooMany.success ? undefined : [tooMany.error.code, tooMany.error.path]).toEqual(['invalid_option', 'missing.total']);
  });
});

describe('defineScale: item points (issue 9)', () => {
  const base = threePointJson() as Record<string, unknown> & { items: Record<string, unknown>[] };
  const refused = (change: (copy: typeof base) => void): [string | undefined, string | undefined] => {
    const copy = JSON.parse(JSON.stringify(base)) as typeof base;
    change(copy);
    try {
      defineScale(copy);
    } catch (error) {
      return [(error as ScoringError).code, (error as ScoringError).path];
    }
    return [undefined, undefined];
  };

  it('refuses an item with both wording and points, or neither', () => {
    expect(refused((copy) => (copy.items[0]!['wording'] = 'negative'))).toEqual(['invalid_scale', 'items.0.wording']);
    expect(refused((copy) => delete copy.items[0]!['points'])).toEqual(['invalid_scale', 'items.0.wording']);
  });

  it('refuses points that are no whole number 0–100, answers that are no answer, and empty points', () => {
    expect(refused((copy) => ((copy.items[1]!['points'] as Record<string, unknown>)['yes'] = 1.5))).toEqual(['invalid_scale', 'items.1.points.yes']);
    expect(refused((copy) => ((copy.items[1]!['points'] as Record<string, unknown>)['yes'] = 101))).toEqual(['invalid_scale', 'items.1.points.yes']);
    expect(refused((copy) => ((copy.items[1]!['points'] as Record<string, unknown>)['-1'] = -1))).toEqual(['invalid_scale', 'items.1.points.-1']);
    expect(refused((copy) => ((copy.items[1]!['points'] as Record<string, unknown>)['often'] = 2))).toEqual(['invalid_scale', 'items.1.points.often']);
    expect(refused((copy) => (copy.items[1]!['points'] = {}))).toEqual(['invalid_scale', 'items.1.points']);
  });

  it('requires each range to be the sum of its items’ highest points', () => {
    expect(refused((copy) => ((copy['range'] as Record<string, number>)['total'] = 3))).toEqual(['invalid_scale', 'range.total']);
    expect(refused((copy) => ((copy['range'] as Record<string, number>)['emotional'] = 1))).toEqual(['invalid_scale', 'range.emotional']);
  });

  it('limits the missing-answer tolerance by the item count, not the points', () => {
    expect(refused((copy) => ((copy['missing'] as Record<string, number>)['total'] = 4))).toEqual(['invalid_scale', 'missing.total']);
    expect(refused((copy) => ((copy['missing'] as Record<string, number>)['total'] = 3))).toEqual([undefined, undefined]);
  });
});
