import { describe, expect, it } from 'vitest';
import { answerLabels, djg6, fivePointFormat, readAnswerLabel, safeScore, threePointFormat } from '../../../src/index.js';

describe('answer labels (reference §2)', () => {
  it.each([
    ['yes', 'yes'],
    ['more or less', 'more or less'],
    ['no', 'no'],
    ['yes!', 'yes!'],
    ['no!', 'no!'],
    ['ja', 'yes'],
    ['min of meer', 'more or less'],
    ['min-of-meer', 'more or less'],
    ['meer of minder', 'more or less'],
    ['somewhat', 'more or less'],
    ['nee', 'no'],
    ['ja!', 'yes!'],
    ['nee!', 'no!'],
  ])('%s names %s', (label, answer) => {
    expect(readAnswerLabel(label)).toBe(answer);
    expect(answerLabels[label]).toBe(answer);
  });

  it('ignores case and surrounding or repeated white space', () => {
    expect(readAnswerLabel('  Min   of MEER ')).toBe('more or less');
    expect(readAnswerLabel('JA')).toBe('yes');
    expect(readAnswerLabel('\tNee!\n')).toBe('no!');
  });

  it('does not guess: unknown strings are unknown_answer errors naming the item and the value', () => {
    for (const label of ['maybe', 'y', 'ja ja', 'yes!!', 'more-or-less', 'true']) {
      const outcome = safeScore(djg6, { trust: label });
      expect(outcome.success).toBe(false);
      if (!outcome.success) {
        expect(outcome.error.code).toBe('unknown_answer');
        expect(outcome.error.item).toBe('trust');
        expect(outcome.error.value).toBe(label);
      }
    }
  });
});

describe('Dutch spelling of the neutral answer: one per context, as its source prints it (reference §2)', () => {
  it('the 3-point format spells it as CBS and RIVM do: "min of meer"', () => {
    expect(threePointFormat.options.map((option) => option.label.nl)).toEqual(['ja', 'min of meer', 'nee']);
  });

  it('the 5-point format spells it as the MANUAL does: "min-of-meer"', () => {
    expect(fivePointFormat.options.map((option) => option.label.nl)).toEqual(['ja!', 'ja', 'min-of-meer', 'nee', 'nee!']);
  });

  it('both spellings, and the SEED\'s "meer of minder", read as the same answer', () => {
    for (const label of ['min of meer', 'min-of-meer', 'meer of minder']) expect(readAnswerLabel(label)).toBe('more or less');
  });
});
