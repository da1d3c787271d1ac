import { describe, expect, it } from 'vitest';
import { djg6, score, asAnswers } from '../../../src/index.js';

/**
 * An independent implementation of the 6-item rules, written from the MANUAL's SPSS syntax:
 * with 1 = no, 2 = more or less, 3 = yes, the syntax counts codes (2, 3) on items 3, 9, 10 and
 * codes (1, 2) on items 4, 7, 8; the total is missing when more than one item is missing, a
 * subscale when any of its items is missing; categories 0–1, 2–4, 5–6 (reference §3–§5).
 */
const order = ['emptiness', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected'] as const;
const emotionalItems = new Set(['emptiness', 'missPeople', 'rejected']);
const codeOf = { no: 1, 'more or less': 2, yes: 3 } as const;
type Answer = keyof typeof codeOf | null;

function manualSyntax(answers: readonly Answer[]) {
  let count = 0;
  let missing = 0;
  let emotional = 0;
  let social = 0;
  let emotionalMissing = false;
  let socialMissing = false;
  answers.forEach((answer, index) => {
    const key = order[index] as string;
    const isEmotional = emotionalItems.has(key);
    if (answer === null) {
      missing += 1;
      if (isEmotional) emotionalMissing = true;
      else socialMissing = true;
      return;
    }
    const code = codeOf[answer];
    const counted = isEmotional ? code === 2 || code === 3 : code === 1 || code === 2;
    if (counted) {
      count += 1;
      if (isEmotional) emotional += 1;
      else social += 1;
    }
  });
  const total = missing > 1 ? null : count;
  const category = total === null ? null : total <= 1 ? 0 : total <= 4 ? 1 : 2;
  return { total, emotional: emotionalMissing ? null : emotional, social: socialMissing ? null : social, category };
}

function* answerSets(values: readonly Answer[]): Generator<Answer[]> {
  const total = values.length ** order.length;
  for (let index = 0; index < total; index++) {
    const set: Answer[] = [];
    let rest = index;
    for (let position = 0; position < order.length; position++) {
      set.push(values[rest % values.length] as Answer);
      rest = Math.floor(rest / values.length);
    }
    yield set;
  }
}

function scoreSet(set: readonly Answer[]) {
  const answers = Object.fromEntries(order.map((key, index) => [key, set[index]]));
  const result = score(djg6, asAnswers(answers));
  return { total: result.total, emotional: result.emotional, social: result.social, category: result.category?.code ?? null };
}

describe('exhaustive check against the MANUAL syntax, re-implemented independently', () => {
  it('agrees on all 3^6 = 729 complete answer sets', () => {
    let checked = 0;
    for (const set of answerSets(['no', 'more or less', 'yes'])) {
      expect(scoreSet(set), set.join('/')).toEqual(manualSyntax(set));
      checked++;
    }
    expect(checked).toBe(729);
  });

  it('agrees on every pattern of missing answers: all 4^6 = 4096 sets with missing as a fourth value', () => {
    let checked = 0;
    let totalsMissing = 0;
    for (const set of answerSets(['no', 'more or less', 'yes', null])) {
      const expected = manualSyntax(set);
      expect(scoreSet(set), set.join('/')).toEqual(expected);
      if (expected.total === null) totalsMissing++;
      checked++;
    }
    expect(checked).toBe(4096);
    // Sets with two or more missing items: 4^6 - 3^6 - 6·3^5 = 1909.
    expect(totalsMissing).toBe(4096 - 729 - 6 * 243);
  });
});
