import { type ResolvedRules, ScoringError, readAnswerLabel } from '../../index.js';

/** Missing-value markers, checked: labels in normalised form, and integer codes. */
export interface MissingMarkers {
  readonly labels: ReadonlySet<string>;
  readonly codes: ReadonlySet<number>;
  /** Identifies the set, for the cache. */
  readonly key: string;
}

/** A marker or cell in the form markers are compared in: lower case, single spaces, trimmed. */
export const normaliseMarker = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
const INTEGER = /^-?\d+$/;

/**
 * Checks missing-value markers: each a non-empty text; an integer is a code (`9`), anything else
 * a label matched ignoring case and surrounding white space (`NA`, `weet niet`). A marker that is
 * an answer label or a code of the coding would turn answers into missing ones: an
 * `invalid_option` error.
 */
function readMissingValues(values: readonly string[], rules: ResolvedRules): MissingMarkers {
  if (!Array.isArray(values)) throw new ScoringError('invalid_option', 'missingValues must be an array of texts.', { path: 'missingValues', value: values });
  const labels = new Set<string>();
  const codes = new Set<number>();
  for (const value of values as readonly unknown[]) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
      throw new ScoringError('invalid_option', `A missing-value marker must be a non-empty text, not ${JSON.stringify(value)}.`, { path: 'missingValues', value });
    }
    const text = normaliseMarker(value);
    if (readAnswerLabel(text) !== undefined) {
      throw new ScoringError('invalid_option', `The missing-value marker "${value}" is an answer label.`, { path: 'missingValues', value });
    }
    if (INTEGER.test(text)) {
      const code = Number(text);
      if (!Number.isSafeInteger(code)) throw new ScoringError('invalid_option', `The missing-value marker "${value}" is not a usable code.`, { path: 'missingValues', value });
      if (rules.coding !== null && Object.hasOwn(rules.coding.codes, code)) {
        throw new ScoringError('invalid_option', `The missing-value marker "${value}" is an answer of coding ${rules.coding.name}.`, { path: 'missingValues', value });
      }
      codes.add(code);
    } else {
      labels.add(text);
    }
  }
  return { labels, codes, key: JSON.stringify([[...labels].sort(), [...codes].sort((a, b) => a - b)]) };
}


/**
 * Missing-value markers for `compileScale`: checked against the rules it compiles (a marker that
 * is an answer label, or a code of the coding, is an `invalid_option` error).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { MISSING_POINT, compileScale, missingMarkers } from 'loneliness-scales/batch/internal';
 * compileScale(djg6, {}, missingMarkers(['NA', 'weet niet'])).pointOfText(0, 'Weet  niet') === MISSING_POINT; // true
 * ```
 */
export function missingMarkers(values: readonly string[]): (rules: ResolvedRules) => MissingMarkers {
  return (rules) => readMissingValues(values, rules);
}
