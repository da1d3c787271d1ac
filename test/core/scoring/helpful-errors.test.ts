import { describe, expect, it } from 'vitest';
import { answerLabels, asAnswer, asAnswers, createScorer, djg11, djg6, safeScore, score } from '../../../src/index.js';
import { errorOf } from '../../helpers/errors.js';

const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;

describe('errors that help', () => {
  it('an unknown label suggests the nearest one and lists every label read', () => {
    const error = errorOf(() => score(djg6, asAnswers({ ...seed, emptiness: 'yess' })));
    expect(error.code).toBe('unknown_answer');
    expect(error.item).toBe('emptiness');
    expect(error.message).toContain('"yess" is not an answer label (did you mean "yes"?)');
    for (const label of Object.keys(answerLabels)) expect(error.message).toContain(label);
    expect(errorOf(() => score(djg6, asAnswers({ rejected: 'min of mear' }))).message).toContain('(did you mean "min of meer"?)');
  });

  it('a label far from every label gets no guess, only the list', () => {
    const error = errorOf(() => score(djg6, asAnswers({ emptiness: 'perhaps' })));
    expect(error.message).not.toContain('did you mean');
    expect(error.message).toContain('labels, in any case: yes, ja, more or less, min of meer, no, nee');
  });

  it('an array says the answers must be an object, not an array', () => {
    const outcome = safeScore(djg6, [seed]);
    expect(outcome.success).toBe(false);
    if (!outcome.success) {
      expect(outcome.error.code).toBe('invalid_answers');
      expect(outcome.error.message).toContain('must be an object keyed by item, not an array');
    }
  });

  it('a misspelt item key suggests the item and names the unknownKeys option', () => {
    const error = errorOf(() => score(djg6, asAnswers({ ...seed, emptyness: 'yes' })));
    expect(error.code).toBe('unknown_item');
    expect(error.message).toContain('(did you mean "emptiness"?)');
    expect(error.message).toContain("unknownKeys: 'ignore'");
  });

  it('option errors name the option path and the valid values', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ missing: { total: 9 } }, 'missing.total', /whole number from 0 to 6/],
      [{ missing: { totl: 1 } }, "missing.totl", /options here: total, subscale/],
      [{ coding: "manul" }, "coding", /presets: manual, rivm/],
      [{ categories: { subscale: 'cbz' } }, 'categories.subscale', /conventions: manual, cbs, or null/],
      [{ unknownKey: 'ignore' }, 'options.unknownKey', /options here: coding, categories, missing, unknownKeys/],
      [{ unknownKeys: 'drop' }, 'unknownKeys', /'error' or 'ignore'/],
    ];
    for (const [options, path, message] of cases) {
      const error = errorOf(() => score(djg6, seed, options as never));
      expect(error.code).toBe('invalid_option');
      expect(error.path).toBe(path);
      expect(error.message).toContain(`Option ${path}:`);
      expect(error.message).toMatch(message);
    }
  });
});

describe("unknownKeys: 'ignore' — a whole database row", () => {
  const row = { id: 17, wave: '2024', interviewer: 'x', ...seed };

  it("by default ('error') a key that is no item is refused", () => {
    expect(errorOf(() => score(djg6, asAnswers(row))).code).toBe('unknown_item');
    expect(errorOf(() => score(djg6, asAnswers(row), { unknownKeys: 'error' })).code).toBe('unknown_item');
  });

  it("with 'ignore' the other fields are skipped and the items scored as without them (SEED worked example: 4)", () => {
    const result = score(djg6, asAnswers(row), { unknownKeys: 'ignore' });
    expect(result).toEqual(score(djg6, seed));
    expect(result.total).toBe(4);
    expect(createScorer(djg6, { unknownKeys: 'ignore' }).score(asAnswers(row)).total).toBe(4);
    expect(safeScore(djg6, row, { unknownKeys: 'ignore' }).success).toBe(true);
  });

  it("items are still checked with 'ignore': a bad answer, also on a bank item the scale does not score", () => {
    expect(errorOf(() => score(djg6, asAnswers({ ...row, emptiness: 'yess' }), { unknownKeys: 'ignore' })).code).toBe('unknown_answer');
    expect(errorOf(() => score(djg6, asAnswers({ ...row, talkTo: 'maybe' }), { unknownKeys: 'ignore' })).code).toBe('unknown_answer');
  });

  it("'ignore' and 'error' engines are cached apart", () => {
    expect(safeScore(djg11, { id: 1 }, { unknownKeys: 'ignore' }).success).toBe(true);
    expect(safeScore(djg11, { id: 1 }).success).toBe(false);
    expect(safeScore(djg11, { id: 1 }, { unknownKeys: 'ignore' }).success).toBe(true);
  });
});

describe('hostile values of unknownKeys, and the run-time markers', () => {
  it.each([true, 1, null, {}, 'IGNORE', ['ignore']])('unknownKeys %j is invalid_option naming the path', (value) => {
    const outcome = safeScore(djg6, seed, { unknownKeys: value } as never);
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect([outcome.error.code, outcome.error.path]).toEqual(['invalid_option', 'unknownKeys']);
  });

  it('asAnswer and asAnswers change nothing at run time: the value is checked when scored', () => {
    expect(asAnswer('Ja')).toBe('Ja');
    const row = { emptiness: 'ja' };
    expect(asAnswers(row)).toBe(row);
    expect(score(djg6, { emptiness: asAnswer(' MIN OF MEER ') }).points.emptiness).toBe(1);
    expect(errorOf(() => score(djg6, { emptiness: asAnswer('jaa') })).message).toContain('(did you mean "ja"?)');
  });
});
