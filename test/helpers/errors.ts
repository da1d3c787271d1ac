import { ScoringError } from '../../src/index.js';

/** The ScoringError a call throws; anything else it throws is rethrown, and no throw fails the test. */
export function errorOf(run: () => unknown): ScoringError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  throw new Error('expected a ScoringError');
}

/** What a call throws, or `undefined` when it returns. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
