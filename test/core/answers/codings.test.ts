import { describe, expect, it } from 'vitest';
import { type CodingSpec, asAnswers, ScoringError, codings, defineCoding, djg6, parseCoding, safeScore, score } from '../../../src/index.js';

const seedManual = { emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 };

describe('codings (reference §2: numeric codes are never guessed)', () => {
  it('manual: 1 = no, 2 = more or less, 3 = yes (MANUAL SPSS syntax, LASA)', () => {
    expect(score(djg6, seedManual, { coding: 'manual' }).total).toBe(4);
    expect(codings.manual.codes).toEqual({ 1: 'no', 2: 'more or less', 3: 'yes' });
  });

  it('rivm: 1 = ja, 2 = min of meer, 3 = nee — the reverse (RIVM/GGD survey definitions)', () => {
    const seedRivm = { emptiness: 1, leanOn: 1, trust: 1, closeTo: 2, missPeople: 1, rejected: 1 };
    expect(score(djg6, seedRivm, { coding: 'rivm' }).total).toBe(4);
    expect(score(djg6, seedRivm, { coding: codings.rivm }).total).toBe(4);
  });

  it('5-point presets in both directions (MANUAL: 5-point data is coded 1..5 either way)', () => {
    const manual5 = { emptiness: 5, leanOn: 4, trust: 5, closeTo: 3, missPeople: 4, rejected: 1 };
    expect(score(djg6, manual5, { coding: 'manual5' }).points).toEqual({ emptiness: 1, leanOn: 0, trust: 0, closeTo: 1, missPeople: 1, rejected: 0 });
    const rivm5 = { emptiness: 1, leanOn: 2, trust: 1, closeTo: 3, missPeople: 2, rejected: 5 };
    expect(score(djg6, rivm5, { coding: 'rivm5' }).points).toEqual({ emptiness: 1, leanOn: 0, trust: 0, closeTo: 1, missPeople: 1, rejected: 0 });
  });

  it('numeric strings, as CSV files hold them, are read through the coding', () => {
    expect(score(djg6, asAnswers({ emptiness: '3', leanOn: ' 3 ', trust: '3', closeTo: '2', missPeople: '3', rejected: '3' }), { coding: 'manual' }).total).toBe(4);
  });

  it('negative codes are missing answers (MANUAL: −1 no answer, −3 not asked, −4 refused)', () => {
    const result = score(djg6, { ...seedManual, trust: -3 }, { coding: 'manual' });
    expect(result.missingItems).toEqual(['trust']);
    expect(result.total).toBe(4);
  });

  it('a number without a coding is coding_required, naming the item and the value', () => {
    const outcome = safeScore(djg6, seedManual);
    expect(outcome.success).toBe(false);
    if (!outcome.success) {
      expect(outcome.error).toBeInstanceOf(ScoringError);
      expect(outcome.error.code).toBe('coding_required');
      expect(outcome.error.item).toBe('emptiness');
      expect(outcome.error.value).toBe(3);
    }
    expect(safeScore(djg6, { emptiness: '3' }).success).toBe(false);
  });

  it('a code outside the coding is unknown_code (never a silent 0)', () => {
    for (const value of [0, 4, 9, 2.5, Number.POSITIVE_INFINITY, '7']) {
      const outcome = safeScore(djg6, { ...seedManual, closeTo: value }, { coding: 'manual' });
      expect(outcome.success).toBe(false);
      if (!outcome.success) {
        expect(outcome.error.code).toBe('unknown_code');
        expect(outcome.error.item).toBe('closeTo');
        expect(outcome.error.value).toBe(value);
        expect(outcome.error.message).toContain('closeTo');
      }
    }
  });

  it('labels are still read when a coding is given', () => {
    expect(score(djg6, { ...seedManual, closeTo: 'min of meer' }, { coding: 'manual' }).total).toBe(4);
  });

  it('an unknown preset name is invalid_option', () => {
    // @ts-expect-error: not a preset
    const outcome = safeScore(djg6, seedManual, { coding: 'lasa' });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.code).toBe('invalid_option');
  });
});

describe('defineCoding', () => {
  it('maps codes to any answer label and declares missing codes', () => {
    const coding = defineCoding({ name: 'survey', codes: { 0: 'nee', 1: 'min of meer', 2: 'ja' }, missingCodes: [9] });
    const result = score(djg6, { emptiness: 2, leanOn: 0, trust: 0, closeTo: 1, missPeople: 9, rejected: 2 }, { coding });
    expect(result.total).toBe(5);
    expect(result.missingItems).toEqual(['missPeople']);
    expect(Object.isFrozen(coding)).toBe(true);
  });

  it('two custom codings with the same name are never confused', () => {
    const up = defineCoding({ name: 'survey', codes: { 1: 'no', 2: 'yes' } });
    const down = defineCoding({ name: 'survey', codes: { 1: 'yes', 2: 'no' } });
    const answers = { emptiness: 1, leanOn: 1, trust: 1, closeTo: 1, missPeople: 1, rejected: 1 };
    expect(score(djg6, answers, { coding: up }).total).toBe(3);
    expect(score(djg6, answers, { coding: down }).total).toBe(3);
    expect(score(djg6, answers, { coding: up }).points.emptiness).toBe(0);
    expect(score(djg6, answers, { coding: down }).points.emptiness).toBe(1);
  });

  it('negative codes can be answers when negativeCodesMissing is false', () => {
    const coding = defineCoding({ name: 'signed', codes: { [-1]: 'no', 0: 'more or less', 1: 'yes' }, negativeCodesMissing: false });
    expect(score(djg6, { emptiness: -1, leanOn: 1, trust: 1, closeTo: 0, missPeople: 1, rejected: 1 }, { coding }).total).toBe(3);
  });

  it('rejects unknown labels, non-integer codes, codes both answer and missing, and empty codings', () => {
    const cases: CodingSpec[] = [
      { name: 'x', codes: { 1: 'perhaps' } },
      { name: 'x', codes: { 1.5: 'yes' } },
      { name: 'x', codes: { 1: 'yes' }, missingCodes: [1] },
      { name: 'x', codes: {} },
      { name: '', codes: { 1: 'yes' } },
      { name: 'x', codes: { [-1]: 'yes' } },
    ];
    for (const spec of cases) {
      expect(() => defineCoding(spec)).toThrowError(ScoringError);
      try {
        defineCoding(spec);
      } catch (error) {
        expect((error as ScoringError).code).toBe('invalid_coding');
      }
    }
  });
});

describe('issue 8 #9: coding text that cannot be read unambiguously is invalid_option, never a silent mis-score', () => {
  function refusal(text: string): ScoringError {
    try {
      parseCoding(text);
    } catch (error) {
      if (error instanceof ScoringError) return error;
      throw error;
    }
    throw new Error(`parseCoding(${JSON.stringify(text)}) was accepted`);
  }

  it('a code given twice is refused, naming the code (1=ja after 1=nee swapped emotional and social)', () => {
    const error = refusal('1=nee,2=min of meer,3=ja,1=ja');
    expect(error.code).toBe('invalid_option');
    expect(error.message).toContain('code 1 is given more than once');
    expect(refusal('1=nee,2=ja,01=ja').message).toContain('code 1 is given more than once');
  });

  it('an empty entry (trailing comma, doubled comma, empty ;missing=) is refused instead of adding code 0 as missing', () => {
    for (const text of ['1=nee,2=min of meer,3=ja,', '1=nee,,2=ja', '1=nee,2=ja;missing=', '1=nee,2=ja;missing=9,', '1=nee,2=ja;missing=8,,9']) {
      const error = refusal(text);
      expect([error.code, /empty entry/.test(error.message)], text).toEqual(['invalid_option', true]);
    }
    expect(refusal('1=nee,2=ja;').code).toBe('invalid_option');
  });

  it('only plain decimal integers are codes: 0x1, 1e0, +1, 1.0, 1_0, Infinity are refused', () => {
    for (const code of ['0x1', '1e0', '+1', ' +1', '1.0', '1_0', 'Infinity', '0b1', '٣', '99999999999999999999']) {
      const error = refusal(`${code}=nee,2=min of meer,3=ja`);
      expect([error.code, error.message.includes('not a plain decimal integer')], code).toEqual(['invalid_option', true]);
      const missing = refusal(`1=nee,2=min of meer,3=ja;missing=${code}`);
      expect(missing.code, `missing ${code}`).toBe('invalid_option');
    }
  });

  it('a missing code listed twice, a clause given twice and an unknown clause are refused', () => {
    expect(refusal('1=nee,2=ja;missing=9,9').message).toContain('missing code 9 is given more than once');
    expect(refusal('1=nee,2=ja;missing=8;missing=9').message).toContain('more than once');
    expect(refusal('1=nee,2=ja;negative=answers;negative=answers').code).toBe('invalid_option');
    expect(refusal('1=nee,2=ja;missng=9').code).toBe('invalid_option');
    expect(refusal('1=nee=ja,2=ja').code).toBe('invalid_option');
  });

  it('a preset can be extended by clauses: rivm;missing=9 (was "code NaN is not an integer")', () => {
    const coding = parseCoding('rivm;missing=9');
    expect(coding.codes).toEqual(codings.rivm.codes);
    expect(coding.missingCodes).toEqual([9]);
    const answers = { emptiness: 1, leanOn: 1, trust: 1, closeTo: 2, missPeople: 9, rejected: 1 };
    const result = score(djg6, answers, { coding });
    expect([result.total, result.missingItems]).toEqual([3, ['missPeople']]);
    expect(parseCoding(' manual ; missing = 8, 9 ').missingCodes).toEqual([8, 9]);
    expect(refusal('rivm;missing=2').code).toBe('invalid_coding');
  });

  it('well-formed text still reads, with spaces around codes and labels and negative codes', () => {
    expect(parseCoding(' 0 = nee , 1 = min of meer , 2 = ja ; missing = 8 , 9 ')).toMatchObject({ codes: { 0: 'no', 1: 'more or less', 2: 'yes' }, missingCodes: [8, 9] });
    expect(parseCoding('-1=nee,0=min of meer,1=ja;negative=answers').codes[-1]).toBe('no');
  });
});
