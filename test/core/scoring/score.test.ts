import { describe, expect, it } from 'vitest';
import { type CanonicalAnswer, asAnswers, djg11, djg6, safeScore, score } from '../../../src/index.js';

const seedExample = {
  emptiness: 'yes',
  leanOn: 'yes',
  trust: 'yes',
  closeTo: 'more or less',
  missPeople: 'yes',
  rejected: 'yes',
} as const;

const allLonely6 = { emptiness: 'yes', leanOn: 'no', trust: 'no', closeTo: 'no', missPeople: 'yes', rejected: 'yes' } as const;
const noneLonely6 = { emptiness: 'no', leanOn: 'yes', trust: 'yes', closeTo: 'yes', missPeople: 'no', rejected: 'no' } as const;

const noneLonely11 = {
  talkTo: 'yes',
  missCloseFriend: 'no',
  emptiness: 'no',
  leanOn: 'yes',
  missCompany: 'no',
  circleTooSmall: 'no',
  trust: 'yes',
  closeTo: 'yes',
  missPeople: 'no',
  rejected: 'no',
  callOnFriends: 'yes',
} as const;

describe('worked example (SEED slide, reference §6)', () => {
  it('scores the seed example: points 1,0,0,1,1,1 → total 4 (moderately lonely), emotional 3, social 1', () => {
    const result = score(djg6, seedExample);
    expect(result.points).toEqual({ emptiness: 1, leanOn: 0, trust: 0, closeTo: 1, missPeople: 1, rejected: 1 });
    expect(result.total).toBe(4);
    expect(result.emotional).toBe(3);
    expect(result.social).toBe(1);
    expect(result.category?.id).toBe('moderately_lonely');
    expect(result.category?.label).toEqual({ nl: 'matig eenzaam', en: 'moderately lonely' });
    expect(result.missingItems).toEqual([]);
  });

  it('gives the same total with "no" instead of "more or less" on closeTo (SEED: "more or less (or no)")', () => {
    expect(score(djg6, { ...seedExample, closeTo: 'no' }).total).toBe(4);
  });

  it('scores the example in Dutch labels, as the slide prints them', () => {
    const dutch = { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'meer of minder', missPeople: 'ja', rejected: 'ja' } as const;
    expect(score(djg6, dutch).total).toBe(4);
  });
});

describe('item points (MANUAL, CBS; reference §3)', () => {
  it('scores "more or less" on the emptiness item as 1 — the SEED slide prints 0, the authors\' syntax counts it', () => {
    const result = score(djg6, { ...noneLonely6, emptiness: 'more or less' });
    expect(result.points.emptiness).toBe(1);
    expect(result.total).toBe(1);
  });

  it('scores the neutral answer 1 on every item of the 11-item scale (MANUAL)', () => {
    const neutral = Object.fromEntries(djg11.items.map((item) => [item.key, 'more or less']));
    const result = score(djg11, asAnswers(neutral));
    expect(Object.values(result.points)).toEqual(Array(11).fill(1));
    expect(result.total).toBe(11);
  });

  it('emotional (negative) items: yes and more or less score 1, no scores 0 (MANUAL)', () => {
    for (const item of djg11.items.filter((candidate) => candidate.subscale === 'emotional')) {
      expect(item.wording).toBe('negative');
      for (const [answer, points] of [['yes', 1], ['more or less', 1], ['no', 0]] as const) {
        expect(score(djg11, { ...noneLonely11, [item.key]: answer }).points[item.key]).toBe(points);
      }
    }
  });

  it('social (positive) items: no and more or less score 1, yes scores 0 (MANUAL)', () => {
    for (const item of djg11.items.filter((candidate) => candidate.subscale === 'social')) {
      expect(item.wording).toBe('positive');
      for (const [answer, points] of [['no', 1], ['more or less', 1], ['yes', 0]] as const) {
        expect(score(djg11, { ...noneLonely11, [item.key]: answer }).points[item.key]).toBe(points);
      }
    }
  });

  it('5-point answers: yes!, yes, more or less score 1 on emotional items; no!, no, more or less on social items (MANUAL, dichotomised 5-category scores)', () => {
    const expected = { 'yes!': [1, 0], yes: [1, 0], 'more or less': [1, 1], no: [0, 1], 'no!': [0, 1] } as const;
    for (const [answer, [emotionalPoints, socialPoints]] of Object.entries(expected)) {
      const result = score(djg6, { emptiness: answer as CanonicalAnswer, leanOn: answer as CanonicalAnswer });
      expect(result.points.emptiness).toBe(emotionalPoints);
      expect(result.points.leanOn).toBe(socialPoints);
    }
  });

  it('the 6-item scale is items 3, 9, 10 (emotional) and 4, 7, 8 (social) of the 11-item scale (DJG2006)', () => {
    expect(djg6.items.map((item) => [item.number, item.subscale])).toEqual([
      [3, 'emotional'],
      [4, 'social'],
      [7, 'social'],
      [8, 'social'],
      [9, 'emotional'],
      [10, 'emotional'],
    ]);
  });
});

describe('6-item scores and missing answers (MANUAL SPSS syntax; reference §4)', () => {
  it('total is the number of items scoring 1 (0–6), emotional items 3, 9, 10 (0–3), social 4, 7, 8 (0–3)', () => {
    expect(score(djg6, allLonely6)).toMatchObject({ total: 6, emotional: 3, social: 3 });
    expect(score(djg6, noneLonely6)).toMatchObject({ total: 0, emotional: 0, social: 0 });
  });

  it('with exactly one missing item the total is the plain count over the five answered items: no prorating', () => {
    const result = score(djg6, { ...allLonely6, rejected: null });
    expect(result.total).toBe(5);
    expect(result.missingItems).toEqual(['rejected']);
    expect(result.points.rejected).toBeNull();
  });

  it('the total is missing when more than one of the six items is missing', () => {
    const result = score(djg6, { ...allLonely6, rejected: null, leanOn: undefined });
    expect(result.total).toBeNull();
    expect(result.category).toBeNull();
    expect(result.missingItems).toEqual(['leanOn', 'rejected']);
  });

  it('each subscale is missing when any of its three items is missing', () => {
    const result = score(djg6, { ...allLonely6, missPeople: null });
    expect(result.emotional).toBeNull();
    expect(result.emotionalCategory).toBeNull();
    expect(result.social).toBe(3);
  });

  it('total = emotional + social only when nothing is missing', () => {
    const result = score(djg6, { ...allLonely6, trust: null });
    expect(result.total).toBe(5);
    expect(result.social).toBeNull();
  });

  it('missing = absent key, null, undefined, an empty string, NaN, or any negative code (MANUAL)', () => {
    for (const missingValue of [undefined, null, '', '  ', Number.NaN, -1, -3, -4, '-1']) {
      const result = score(djg6, asAnswers({ ...allLonely6, rejected: missingValue }), { coding: 'manual' });
      expect(result.missingItems).toEqual(['rejected']);
      expect(result.total).toBe(5);
    }
    const { rejected: _omitted, ...absent } = allLonely6;
    expect(score(djg6, absent).missingItems).toEqual(['rejected']);
  });

  it('an empty answer set has every item missing and no scores', () => {
    const result = score(djg6, {});
    expect(result).toMatchObject({ total: null, emotional: null, social: null, category: null });
    expect(result.missingItems).toHaveLength(6);
  });

  it('the missing option overrides the rules explicitly and is reported in rules', () => {
    const result = score(djg6, { ...allLonely6, rejected: null, leanOn: null }, { missing: { total: 2 } });
    expect(result.total).toBe(4);
    expect(result.rules.missing).toEqual({ total: 2, subscale: 0 });
  });
});

describe('11-item scores and missing answers (reference §4; MANUAL rule not retrieved)', () => {
  it('total 0–11, emotional 0–6 (items 2, 3, 5, 6, 9, 10), social 0–5 (items 1, 4, 7, 8, 11)', () => {
    const emotionalNumbers = djg11.items.filter((item) => item.subscale === 'emotional').map((item) => item.number);
    const socialNumbers = djg11.items.filter((item) => item.subscale === 'social').map((item) => item.number);
    expect(emotionalNumbers).toEqual([2, 3, 5, 6, 9, 10]);
    expect(socialNumbers).toEqual([1, 4, 7, 8, 11]);
    const lonely = Object.fromEntries(djg11.items.map((item) => [item.key, item.wording === 'negative' ? 'yes' : 'no']));
    expect(score(djg11, asAnswers(lonely))).toMatchObject({ total: 11, emotional: 6, social: 5 });
  });

  it('by default a (sub)scale is scored only when all its items are answered (conservative default)', () => {
    const result = score(djg11, { ...noneLonely11, talkTo: null });
    expect(result.total).toBeNull();
    expect(result.social).toBeNull();
    expect(result.emotional).toBe(0);
    expect(result.rules.missing).toEqual({ total: 0, subscale: 0 });
  });

  it('the tolerated number of missing items is an explicit option; tolerated scores are plain counts', () => {
    const result = score(djg11, { ...noneLonely11, talkTo: null, missCloseFriend: 'yes' }, { missing: { total: 1, subscale: 1 } });
    expect(result.total).toBe(1);
    expect(result.social).toBe(0);
    expect(result.emotional).toBe(1);
  });

  it('rejects a tolerance outside 0..range as invalid_option', () => {
    const outcome = safeScore(djg11, noneLonely11, { missing: { total: 12 } });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.code).toBe('invalid_option');
    expect(() => score(djg11, noneLonely11, { missing: { subscale: 1.5 } })).toThrow(/missing/);
  });
});

describe('categories (reference §5)', () => {
  const withTotal6 = (total: number) => {
    const keys = ['emptiness', 'missPeople', 'rejected', 'leanOn', 'trust', 'closeTo'] as const;
    return Object.fromEntries(
      keys.map((key, index) => {
        const lonely = index < total;
        const negative = index < 3;
        return [key, lonely === negative ? 'yes' : 'no'];
      }),
    );
  };

  it('6-item total: 0–1 not lonely, 2–4 moderately lonely, 5–6 severely lonely, coded 0, 1, 2 (MANUAL, DJG2006)', () => {
    const expected = ['not_lonely', 'not_lonely', 'moderately_lonely', 'moderately_lonely', 'moderately_lonely', 'severely_lonely', 'severely_lonely'];
    const codes = [0, 0, 1, 1, 1, 2, 2];
    for (let total = 0; total <= 6; total++) {
      const result = score(djg6, asAnswers(withTotal6(total)));
      expect(result.total).toBe(total);
      expect(result.category?.id).toBe(expected[total]);
      expect(result.category?.code).toBe(codes[total]);
    }
  });

  it('6-item labels in Dutch and English: niet / matig / ernstig eenzaam (MANUAL, SEED)', () => {
    const labels = djg6.categories.total.conventions[0]?.bands.map((band) => band.label);
    expect(labels).toEqual([
      { nl: 'niet eenzaam', en: 'not lonely' },
      { nl: 'matig eenzaam', en: 'moderately lonely' },
      { nl: 'ernstig eenzaam', en: 'severely lonely' },
    ]);
  });

  it('11-item total: 0–2 not, 3–8 moderately, 9–10 severely, 11 very severely lonely (van Tilburg & de Jong Gierveld 1999)', () => {
    const keys = djg11.items.map((item) => item.key);
    const expected = ['not_lonely', 'not_lonely', 'not_lonely', 'moderately_lonely', 'moderately_lonely', 'moderately_lonely', 'moderately_lonely', 'moderately_lonely', 'moderately_lonely', 'severely_lonely', 'severely_lonely', 'very_severely_lonely'];
    for (let total = 0; total <= 11; total++) {
      const answers = { ...noneLonely11 } as Record<string, string>;
      for (const key of keys.slice(0, total)) answers[key] = answers[key] === 'yes' ? 'no' : 'yes';
      const result = score(djg11, asAnswers(answers));
      expect(result.total).toBe(total);
      expect(result.category?.id).toBe(expected[total]);
    }
    expect(score(djg11, asAnswers(Object.fromEntries(keys.map((key) => [key, 'min of meer'])))).category?.label.nl).toBe('zeer ernstig eenzaam');
  });

  it('6-item subscales by default: 0 not lonely, 1–3 lonely (MANUAL)', () => {
    expect(score(djg6, noneLonely6).emotionalCategory?.id).toBe('not_lonely');
    expect(score(djg6, { ...noneLonely6, emptiness: 'yes' }).emotionalCategory?.id).toBe('lonely');
    expect(score(djg6, allLonely6).socialCategory?.id).toBe('lonely');
    expect(score(djg6, allLonely6).rules.subscaleCategories).toBe('manual');
  });

  it('6-item subscales as CBS reports them, selected by name: 0 / 1–2 / 3 (CBS)', () => {
    const options = { categories: { subscale: 'cbs' } } as const;
    expect(score(djg6, noneLonely6, options).emotionalCategory?.code).toBe(0);
    expect(score(djg6, { ...noneLonely6, emptiness: 'yes', rejected: 'yes' }, options).emotionalCategory?.code).toBe(1);
    expect(score(djg6, allLonely6, options).emotionalCategory?.code).toBe(2);
  });

  it('11-item subscales: no band by default; GGD conventions lonely from 2 (ggd-2) or 3 (ggd-3) unfavourable answers', () => {
    const two = { ...noneLonely11, emptiness: 'yes', rejected: 'yes' } as const;
    expect(score(djg11, two).emotionalCategory).toBeNull();
    expect(score(djg11, two).rules.subscaleCategories).toBeNull();
    expect(score(djg11, two, { categories: { subscale: 'ggd-2' } }).emotionalCategory?.id).toBe('lonely');
    expect(score(djg11, two, { categories: { subscale: 'ggd-3' } }).emotionalCategory?.id).toBe('not_lonely');
  });

  it('an unknown convention name is an invalid_option error, never a silent default', () => {
    // @ts-expect-error: not a convention of djg6
    expect(() => score(djg6, noneLonely6, { categories: { subscale: 'ggd-2' } })).toThrow(/convention/);
  });
});

describe('6 from 11', () => {
  it('scores the short scale from 11-item answers (shared keys), ignoring the other five items', () => {
    const answers11 = { ...noneLonely11, ...seedExample, talkTo: 'no', missCompany: 'yes' } as const;
    const result = score(djg6, answers11);
    expect(result.total).toBe(4);
    expect(Object.keys(result.points)).toEqual(djg6.items.map((item) => item.key));
  });
});
