import { describe, expect, it } from 'vitest';
import { type Coding, type ScoreOptions, ScoringError, createScorer, defineCoding, djg11, djg6, safeScore, score } from '../../../src/index.js';

const complete = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;

function errorOf(run: () => unknown): ScoringError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScoringError);
    return error as ScoringError;
  }
  throw new Error('expected a ScoringError');
}

describe('issue 8 #8: only plain objects are answers (else invalid_answers, never a wrong total)', () => {
  class Answers {
    emptiness = 'yes';
    get rejected(): string {
      return 'yes';
    }
  }
  const cases: [string, unknown][] = [
    ['a class instance with a getter', new Answers()],
    ['a Map', new Map(Object.entries(complete))],
    ['URLSearchParams', new URLSearchParams(complete)],
    ['a Date', new Date()],
    ['Object.create(answers)', Object.create(complete)],
    ['an array', [complete]],
  ];
  it.each(cases)('%s is invalid_answers', (_, answers) => {
    const outcome = safeScore(djg6, answers);
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.code).toBe('invalid_answers');
  });

  it('an array says so in the message', () => {
    expect(errorOf(() => score(djg6, [] as never)).message).toMatch(/not an array/);
  });

  it('a null-prototype object and a plain object with getters are read as answers', () => {
    const bare = Object.assign(Object.create(null) as object, complete);
    expect(score(djg6, bare).total).toBe(4);
    const withGetter = { ...complete, get rejected() { return 'no' as const; } };
    expect(score(djg6, withGetter).total).toBe(3);
  });

  it('a getter that scores other answers while it is read does not change the score being computed (MANUAL §4 counts)', () => {
    // Numeric answers and a label not written exactly take the general path (not the compiled one).
    const inner = { emptiness: 1, leanOn: 1, trust: 1, closeTo: 1, missPeople: 1, rejected: 1 };
    let innerTotal: number | null = null;
    const outer = {
      emptiness: 3,
      leanOn: 3,
      trust: 3,
      get closeTo() {
        innerTotal = score(djg6, inner, { coding: 'manual' }).total;
        return 2;
      },
      missPeople: 3,
      rejected: 3,
    };
    const alone = score(djg6, { emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 }, { coding: 'manual' }).total;
    expect(score(djg6, outer, { coding: 'manual' }).total).toBe(alone);
    expect(innerTotal).toBe(score(djg6, inner, { coding: 'manual' }).total);
  });
});

describe('issue 8 #12: safeScore never throws; everything else is a ScoringError with a stable code', () => {
  const throwing = { ...complete, get emptiness(): string { throw new Error('boom'); } };
  const trap = new Proxy({ ...complete }, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  const prototypeTrap = new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } });

  it.each([
    ['a throwing getter', throwing],
    ['a Proxy with throwing traps', trap],
    ['a Proxy whose getPrototypeOf throws', prototypeTrap],
  ])('%s in the answers: invalid_answers', (_, answers) => {
    const outcome = safeScore(djg6, answers);
    expect(outcome).toMatchObject({ success: false, error: { code: 'invalid_answers' } });
    expect(errorOf(() => score(djg6, answers as never)).code).toBe('invalid_answers');
  });

  const badOptions: [string, unknown, string][] = [
    ['options null', null, 'options'],
    ['options a string', 'manual', 'options'],
    ['missing null', { missing: null }, 'missing'],
    ['missing.total a string', { missing: { total: '1' } }, 'missing.total'],
    ['missing.total -1', { missing: { total: -1 } }, 'missing.total'],
    ['missing.total 1.5', { missing: { total: 1.5 } }, 'missing.total'],
    ['categories a string', { categories: 'cbs' }, 'categories'],
    ['categories.total unknown', { categories: { total: 'cbs' } }, 'categories.total'],
    ['an unknown option', { codign: 'manual' }, 'options.codign'],
    ['an unknown preset', { coding: '#1' }, 'coding'],
  ];
  it.each(badOptions)('%s: invalid_option naming the path', (_, options, path) => {
    const outcome = safeScore(djg6, complete, options as ScoreOptions<typeof djg6>);
    expect(outcome.success).toBe(false);
    if (!outcome.success) {
      expect(outcome.error.code).toBe('invalid_option');
      expect(outcome.error.path).toBe(path);
    }
    expect(errorOf(() => createScorer(djg6, options as ScoreOptions<typeof djg6>)).code).toBe('invalid_option');
  });

  it('options with a throwing getter: invalid_option from safeScore, never an exception', () => {
    const options = { get coding(): string { throw new Error('boom'); } };
    expect(safeScore(djg6, complete, options as never)).toMatchObject({ success: false, error: { code: 'invalid_option' } });
  });

  it('a scale that is not a definition: invalid_option', () => {
    expect(safeScore(null as never, complete)).toMatchObject({ success: false, error: { code: 'invalid_option', path: 'scale' } });
  });

  const rawCodings: [string, unknown][] = [
    ['without missingCodes and with codes as labels', { name: 'raw', codes: { 1: 'no', 2: 'more or less', 3: 'yes' } }],
    ['codes null', { name: 'raw', codes: null, missingCodes: [] }],
    ['codes an array', { name: 'raw', codes: ['no', 'yes'], missingCodes: [] }],
    ['a label that is no answer', { name: 'raw', codes: { 1: 'maybe' }, missingCodes: [] }],
    ['a code that is not an integer', { name: 'raw', codes: { '1.5': 'no' }, missingCodes: [] }],
    ['a hex code', { name: 'raw', codes: { '0x1': 'no' }, missingCodes: [] }],
    ['missingCodes with SQL', { name: 'raw', codes: { 1: 'no' }, missingCodes: ['1); DROP TABLE t; --'] }],
    ['missingCodes not an array', { name: 'raw', codes: { 1: 'no' }, missingCodes: 9 }],
    ['negativeCodesMissing a string', { name: 'raw', codes: { 1: 'no' }, missingCodes: [], negativeCodesMissing: 'yes' }],
  ];
  it.each(rawCodings)('a raw coding object %s is checked like defineCoding (issue 8 #11, #12)', (name, coding) => {
    const outcome = safeScore(djg6, { emptiness: 1 }, { coding: coding as Coding });
    if (name.startsWith('without')) {
      // Defaults as in defineCoding: no missing codes, negative codes missing.
      expect(outcome).toMatchObject({ success: true, data: { points: { emptiness: 0 } } });
      return;
    }
    expect(outcome).toMatchObject({ success: false, error: { code: 'invalid_coding' } });
  });
});

describe('issue 8 #10: engines are never shared between different options', () => {
  it('a custom coding does not leak into a later call naming a preset that looks like its cache key', () => {
    const custom = defineCoding({ name: 'custom', codes: { 1: 'yes' } });
    expect(score(djg6, { emptiness: 1 }, { coding: custom }).points.emptiness).toBe(1);
    expect(safeScore(djg6, { emptiness: 1 }, { coding: '#1' as never })).toMatchObject({ success: false, error: { code: 'invalid_option' } });
  });

  it('a string tolerance is refused before and after a numeric call', () => {
    const half = { emptiness: 'yes', leanOn: 'yes', trust: 'yes' } as const;
    expect(safeScore(djg6, half, { missing: { total: '3' as never } }).success).toBe(false);
    expect(score(djg6, half, { missing: { total: 3 } }).total).toBe(1);
    expect(safeScore(djg6, half, { missing: { total: '3' as never } }).success).toBe(false);
  });

  it('two raw coding objects with different content get different results', () => {
    const a = { name: 'same', codes: { 1: 'yes' }, missingCodes: [], negativeCodesMissing: true } as unknown as Coding;
    const b = { name: 'same', codes: { 1: 'no' }, missingCodes: [], negativeCodesMissing: true } as unknown as Coding;
    expect(score(djg6, { emptiness: 1 }, { coding: a }).points.emptiness).toBe(1);
    expect(score(djg6, { emptiness: 1 }, { coding: b }).points.emptiness).toBe(0);
  });
});

describe('issue 8 minor: a number that is not an integer is never a code', () => {
  it.each([-0.5, 2.5, -Infinity, Infinity, '-1.5', '2.5'])('%s is unknown_code under a coding', (value) => {
    expect(safeScore(djg6, { emptiness: value }, { coding: 'manual' })).toMatchObject({ success: false, error: { code: 'unknown_code', item: 'emptiness' } });
  });
  it('NaN stays a missing answer (how data frames hold one); -0 is code 0', () => {
    expect(score(djg6, { emptiness: Number.NaN }, { coding: 'manual' }).missingItems).toContain('emptiness');
    expect(safeScore(djg6, { emptiness: -0 }, { coding: 'manual' })).toMatchObject({ success: false, error: { code: 'unknown_code' } });
    expect(score(djg6, { emptiness: -1 }, { coding: 'manual' }).missingItems).toContain('emptiness');
  });
});

describe('issue 8 minor: 11-item keys in 6-item answers are checked, not scored', () => {
  it('a junk value under talkTo (an 11-item-only item) is an error on djg6', () => {
    expect(safeScore(djg6, { ...complete, talkTo: { evil: true } })).toMatchObject({ success: false, error: { code: 'invalid_type', item: 'talkTo' } });
    expect(safeScore(djg6, { ...complete, talkTo: 'perhaps' })).toMatchObject({ success: false, error: { code: 'unknown_answer', item: 'talkTo' } });
  });
  it('a valid 11-item answer is ignored by djg6, as documented', () => {
    expect(score(djg6, { ...complete, talkTo: 'no' }).total).toBe(4);
    expect(score(djg11, { ...complete, talkTo: 'no' }).total).toBeNull();
  });
});
