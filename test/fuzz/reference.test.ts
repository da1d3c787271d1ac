import { describe, expect, it } from 'vitest';
import { DJG11, DJG6, PRESETS, lonelierAnswer, readValue, referenceScore } from './reference.js';

// The reference is itself checked against the facts it was written from, so that a fuzzer
// failure points at the library, not at the reference.
describe('the reference implementation follows the authors’ rules', () => {
  it('SEED worked example: yes, yes, yes, more or less, yes, yes → total 4, emotional 3, social 1, moderately lonely', () => {
    const outcome = referenceScore(DJG6, { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' });
    expect(outcome).toMatchObject({ kind: 'scored', total: 4, emotional: 3, social: 1, category: 1, emotionalCategory: 1, socialCategory: 1 });
  });

  it('MANUAL syntax: codes 2, 3 count on items 3, 9, 10 and codes 1, 2 on items 4, 7, 8 (manual coding)', () => {
    for (const code of [1, 2, 3]) {
      const outcome = referenceScore(DJG6, { emptiness: code, missPeople: code, rejected: code, leanOn: code, trust: code, closeTo: code }, { coding: 'manual' });
      expect(outcome).toMatchObject({ kind: 'scored', emotional: code >= 2 ? 3 : 0, social: code <= 2 ? 3 : 0 });
    }
  });

  it('the neutral answer scores 1 on every item, in every spelling (reference §2, §3)', () => {
    for (const neutral of ['more or less', 'min of meer', 'Min-of-Meer', ' meer  of minder ', 'SOMEWHAT']) {
      const answers = Object.fromEntries(DJG11.items.map((item) => [item.key, neutral]));
      expect(referenceScore(DJG11, answers)).toMatchObject({ total: 11, emotional: 6, social: 5, category: 3 });
    }
  });

  it('MANUAL §4 (6-item): one missing item leaves the total as the plain count and the subscale missing; two make the total missing', () => {
    expect(referenceScore(DJG6, { emptiness: 'yes', leanOn: 'no', trust: 'no', closeTo: 'no', missPeople: 'yes' })).toMatchObject({ total: 5, emotional: null, social: 3 });
    expect(referenceScore(DJG6, { emptiness: 'yes', leanOn: 'no', trust: 'no', closeTo: 'no' })).toMatchObject({ total: null, emotional: null, social: 3 });
  });

  it('11-item: every item required by default; explicit tolerances score the plain count', () => {
    const ten = Object.fromEntries(DJG11.items.slice(1).map((item) => [item.key, 'more or less']));
    expect(referenceScore(DJG11, ten)).toMatchObject({ total: null, emotional: 6, social: null });
    expect(referenceScore(DJG11, ten, { missing: { total: 1, subscale: 1 } })).toMatchObject({ total: 10, emotional: 6, social: 4 });
    expect(referenceScore(DJG11, ten, { missing: { total: 12 } })).toMatchObject({ kind: 'error' });
  });

  it('codings: negative codes, NaN and blanks are missing; non-integers and unknown codes are errors; numbers need a coding', () => {
    expect(readValue(-3, PRESETS.manual)).toEqual({ kind: 'missing' });
    expect(readValue(Number.NaN, PRESETS.manual)).toEqual({ kind: 'missing' });
    expect(readValue(' \t', undefined)).toEqual({ kind: 'missing' });
    expect(readValue(-0.5, PRESETS.manual)).toMatchObject({ kind: 'error' });
    expect(readValue('-1.5', PRESETS.manual)).toMatchObject({ kind: 'error' });
    expect(readValue(-Infinity, PRESETS.manual)).toMatchObject({ kind: 'error' });
    expect(readValue(4, PRESETS.manual)).toEqual({ kind: 'error', codes: ['unknown_code'] });
    expect(readValue(3, undefined)).toEqual({ kind: 'error', codes: ['coding_required'] });
    expect(readValue(' 5 ', PRESETS.rivm5)).toEqual({ kind: 'answer', answer: 'no!' });
  });

  it('answers must be a plain object of bank items; djg11-only items are checked on djg6', () => {
    expect(referenceScore(DJG6, new Map())).toMatchObject({ kind: 'error', errors: [{ codes: ['invalid_answers'] }] });
    expect(referenceScore(DJG6, JSON.parse('{"__proto__": "yes"}'))).toMatchObject({ kind: 'error', errors: [{ codes: ['unknown_item'], item: '__proto__' }] });
    expect(referenceScore(DJG6, { talkTo: 'perhaps' })).toMatchObject({ kind: 'error', errors: [{ codes: ['unknown_answer'], item: 'talkTo' }] });
    expect(referenceScore(DJG6, { talkTo: 'yes' })).toMatchObject({ kind: 'scored', total: null });
  });

  it('a lonelier answer agrees more on emotional items and less on social ones', () => {
    expect(lonelierAnswer(DJG6.items[0]!, 'yes')).toBe('yes!');
    expect(lonelierAnswer(DJG6.items[1]!, 'yes')).toBe('more or less');
    expect(lonelierAnswer(DJG6.items[1]!, 'no!')).toBeUndefined();
  });
});
