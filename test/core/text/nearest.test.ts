import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../src/core/text/nearest.js';

describe('nearest: suggestions for likely typos', () => {
  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('yess', 'yes')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest candidate, case-insensitively', () => {
    expect(nearest('yess', ['yes', 'no', 'more or less'])).toBe('yes');
    expect(nearest('Mor or less', ['yes', 'no', 'more or less'])).toBe('more or less');
    expect(nearest('--codng', ['--columns', '--coding'])).toBe('--coding');
  });

  it('suggests nothing for a value far from every candidate', () => {
    expect(nearest('perhaps', ['yes', 'no', 'more or less'])).toBeUndefined();
    expect(nearest('x', ['no'])).toBeUndefined();
  });

  it('stays cheap for hostile lengths (inputs are cut to 64 characters)', () => {
    expect(editDistance('a'.repeat(100_000), 'b'.repeat(100_000))).toBe(64);
  });
});
