import { describe, expect, it } from 'vitest';
import { ScoringError, djg6, score } from '../../src/index.js';
import { toObservation, toQuestionnaire } from '../../src/fhir/index.js';

// Options of the resource builders that cannot be used are ScoringError (invalid_option): never a
// RangeError or TypeError, and never a resource with empty texts.

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringError) return error.code;
    throw error;
  }
  return undefined;
}

const result = score(djg6, { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' });

describe('FHIR resource builders refuse options they cannot use', () => {
  it('toQuestionnaire: an unknown language would leave every text empty; an unknown format was a RangeError', () => {
    expect(codeOf(() => toQuestionnaire(djg6, { language: 'fr' as never }))).toBe('invalid_option');
    expect(codeOf(() => toQuestionnaire(djg6, { format: '7-point' as never }))).toBe('invalid_option');
    expect(codeOf(() => toQuestionnaire(djg6, null as never))).toBeUndefined();
  });

  it('toObservation: a derivedFrom that is not an object, a result that is not one, an unknown language', () => {
    expect(codeOf(() => toObservation(result, { derivedFrom: null as never }))).toBe('invalid_option');
    expect(codeOf(() => toObservation(result, { derivedFrom: 'QuestionnaireResponse/1' as never }))).toBe('invalid_option');
    expect(codeOf(() => toObservation(result, null as never))).toBe('invalid_option');
    expect(codeOf(() => toObservation(null as never, { derivedFrom: { reference: 'QuestionnaireResponse/1' } }))).toBe('invalid_option');
    expect(codeOf(() => toObservation(result, { derivedFrom: { reference: 'QuestionnaireResponse/1' }, language: 'de' as never }))).toBe('invalid_option');
    expect(toObservation(result, { derivedFrom: { reference: 'QuestionnaireResponse/1' } }).valueInteger).toBe(4);
  });
});
