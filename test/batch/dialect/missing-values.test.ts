import { describe, expect, it } from 'vitest';
import { djg6, parseCoding } from '../../../src/index.js';
import { type BatchOptions, DEFAULT_MISSING_VALUES, createBatchScorer, scoreRecords } from '../../../src/batch/index.js';

const header = 'id,emptiness,leanOn,trust,closeTo,missPeople,rejected\n';

function score(rows: string, options: Partial<BatchOptions> = {}) {
  const totals: (number | null)[] = [];
  const missing: (number | null)[] = [];
  const codes: (string | null)[] = [];
  const scorer = createBatchScorer('csv', {
    scale: djg6,
    output: null,
    ...options,
    onRow: (row) => {
      totals.push(row.scores.total);
      missing.push(row.scores.missingItems);
      codes.push(row.scores.errorCode);
    },
  }, () => undefined);
  scorer.push(new TextEncoder().encode(header + rows));
  scorer.end();
  return { totals, missing, codes };
}

describe('missing-value markers (MANUAL §4: missing = no answer, system-missing, or a negative code)', () => {
  it('by default NA (R) and . (SAS, Stata) are system-missing, in any case and with spaces around', () => {
    expect(DEFAULT_MISSING_VALUES).toEqual(['NA', '.']);
    const { totals, missing, codes } = score('1,NA,ja,ja,nee,ja,ja\n2, . ,ja,ja,nee,ja,ja\n3,na,ja,ja,nee,ja,ja\n4,NA,NA,ja,nee,ja,ja\n');
    // 6-item total: one missing item tolerated (MANUAL §4); two missing items: no total.
    expect(totals).toEqual([3, 3, 3, null]);
    expect(missing).toEqual([1, 1, 1, 2]);
    expect(codes).toEqual([null, null, null, null]);
  });

  it('"weet niet" is an answer given, not missing, unless declared: undeclared it makes the row bad', () => {
    expect(score('1,weet niet,ja,ja,nee,ja,ja\n').codes).toEqual(['unknown_answer']);
    expect(score('1,Weet  niet,ja,ja,nee,ja,ja\n', { missingValues: ['NA', '.', 'weet niet'] }).totals).toEqual([3]);
  });

  it('a list given replaces the default: without NA in it, NA is an unknown answer again', () => {
    expect(score('1,NA,ja,ja,nee,ja,ja\n', { missingValues: ['weet niet'] }).codes).toEqual(['unknown_answer']);
    expect(score('1,NA,ja,ja,nee,ja,ja\n', { missingValues: [] }).codes).toEqual(['unknown_answer']);
  });

  it('codes as markers: 9 (and 09, " 9") is missing, also in the byte fast path and with a coding', () => {
    const { totals, missing } = score('1,9,3,3,2,3,3\n2,09,3,3,2,3,3\n3, 9 ,3,3,2,3,3\n', { scoring: { coding: 'manual' }, missingValues: ['9'] });
    expect(totals).toEqual([3, 3, 3]);
    expect(missing).toEqual([1, 1, 1]);
  });

  it('a preset extended by a missing code scores the same as the marker: rivm;missing=9', () => {
    const viaCoding = score('1,9,1,1,3,1,1\n', { scoring: { coding: parseCoding('rivm;missing=9') } });
    const viaMarker = score('1,9,1,1,3,1,1\n', { scoring: { coding: 'rivm' }, missingValues: ['9'] });
    expect(viaCoding.totals).toEqual([3]);
    expect(viaMarker).toEqual(viaCoding);
  });

  it.each([
    [['ja'], 'an answer label'],
    [['Min of meer'], 'an answer label'],
    [['3'], 'an answer of coding'],
    [[''], 'non-empty'],
    [['  '], 'non-empty'],
    [[42 as unknown as string], 'non-empty'],
  ])('the marker list %j is refused (invalid_option: %s)', (markers, reason) => {
    expect(() => score('', { scoring: { coding: 'manual' }, missingValues: markers })).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining(reason) }));
  });

  it('scoreRecords reads the same markers', () => {
    const [row] = scoreRecords(djg6, [{ emptiness: 'NA', leanOn: 'ja', trust: 'ja', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' }]);
    expect(row?.scores.total).toBe(3);
  });
});
