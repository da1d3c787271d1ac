import { type Coding, type CodingPreset, resolveCoding } from '../answers/codings.js';
import { invalidOption } from '../errors.js';
import type { CategoryConvention, CategorySet, MissingRules, ScaleDefinition } from '../types.js';

/** The names of a scale's total-score category conventions. */
export type TotalConventionName<S extends ScaleDefinition> = S['categories']['total']['conventions'][number]['name'];

/** The names of a scale's subscale category conventions. */
export type SubscaleConventionName<S extends ScaleDefinition> =
  S['categories']['subscale']['conventions'][number]['name'];

/** Options of `score`, `safeScore` and `createScorer`. */
export interface ScoreOptions<S extends ScaleDefinition = ScaleDefinition> {
  /**
   * How numeric answers are coded: a preset name (`manual`, `rivm`, `manual5`, `rivm5`) or a
   * coding from `defineCoding` (a plain object of the same shape is checked as `defineCoding`
   * checks it). Without it, numeric answers are an error (`coding_required`): codings differ
   * between datasets and are never guessed.
   */
  readonly coding?: CodingPreset | Coding | undefined;
  /** Category conventions by name; the scale's defaults otherwise. `subscale: null` applies none. */
  readonly categories?:
    | {
        readonly total?: TotalConventionName<S> | undefined;
        readonly subscale?: SubscaleConventionName<S> | null | undefined;
      }
    | undefined;
  /**
   * How many missing items each score tolerates, overriding the scale's rule (6-item: total 1,
   * subscales 0, from the MANUAL; 11-item: 0 and 0 by default). Scores with tolerated missing
   * items are plain counts over the answered items, never prorated.
   */
  readonly missing?: { readonly total?: number | undefined; readonly subscale?: number | undefined } | undefined;
  /**
   * What a key that is no item of the De Jong Gierveld item bank means: `'error'` (default) — an
   * `unknown_item` error naming it, so that a misspelt key is never a silently missing answer;
   * `'ignore'` — skipped, so that a whole database row (`id`, `date`, … beside the items) can be
   * passed. Item keys are read and checked either way.
   */
  readonly unknownKeys?: 'error' | 'ignore' | undefined;
}

/** Options after checking: every choice resolved to the object it names. */
export interface CheckedOptions {
  /** The coding, or `null`. */
  readonly coding: Coding | null;
  /** Missing-answer tolerances. */
  readonly missing: MissingRules;
  /** The total's category convention. */
  readonly totalConvention: CategoryConvention | null;
  /** The subscales' category convention, or `null` for none. */
  readonly subscaleConvention: CategoryConvention | null;
  /** Whether keys that are no item are skipped (`unknownKeys: 'ignore'`). */
  readonly ignoreUnknownKeys: boolean;
}

const optionKeys = new Set(['coding', 'categories', 'missing', 'unknownKeys']);

/**
 * A plain object (prototype `Object.prototype` or `null`): the only kind of options object read.
 * @internal
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Checks that `value` is `undefined` or a plain object holding only `keys`. */
function readGroup(path: string, value: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalidOption(path, value, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw invalidOption(`${path}.${key}`, key, `is not an option; options here: ${keys.join(', ')}`);
    }
  }
  return value;
}

function tolerance(path: string, value: unknown, fallback: number, limit: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= limit) return value;
  throw invalidOption(path, value, `is not a whole number from 0 to ${limit}`);
}

/** Finds a convention by name (`undefined`: the set's default; `null`: none, where allowed). */
function convention(path: string, set: CategorySet<string | null>, name: unknown, allowNone: boolean): CategoryConvention | null {
  const wanted = name === undefined ? set.default : name;
  if (wanted === null && allowNone) return null;
  const found = typeof wanted === 'string' ? set.conventions.find((candidate) => candidate.name === wanted) : undefined;
  if (found === undefined) {
    const names = set.conventions.map((candidate) => candidate.name);
    throw invalidOption(path, wanted, `is not a category convention of this scale; conventions: ${names.join(', ')}${allowNone ? ', or null' : ''}`);
  }
  return found;
}

function unknownKeys(value: unknown): boolean {
  if (value !== undefined && value !== 'error' && value !== 'ignore') throw invalidOption('unknownKeys', value, "is not 'error' or 'ignore'");
  return value === 'ignore';
}

/**
 * Checks scoring options against a scale and resolves every choice they name. Anything that is
 * not as documented — another type, an unknown key, a tolerance out of range, an unknown preset
 * or convention, a coding object that `defineCoding` would refuse — throws a `ScoringError`
 * (`invalid_option`, or `invalid_coding`) naming the option's path. Nothing is guessed.
 */
export function checkOptions(scale: ScaleDefinition, options: unknown): CheckedOptions {
  const root = readGroup('options', options, [...optionKeys]) ?? {};
  const categories = readGroup('categories', root['categories'], ['total', 'subscale']) ?? {};
  const missing = readGroup('missing', root['missing'], ['total', 'subscale']) ?? {};
  const { items } = scale;
  const count = (subscale: string) => items.filter((item) => item.subscale === subscale).length;
  return {
    coding: root['coding'] === undefined ? null : resolveCoding(root['coding']),
    missing: {
      total: tolerance('missing.total', missing['total'], scale.missing.total, items.length),
      subscale: tolerance('missing.subscale', missing['subscale'], scale.missing.subscale, Math.min(count('emotional'), count('social'))),
    },
    totalConvention: convention('categories.total', scale.categories.total, categories['total'], false),
    subscaleConvention: convention('categories.subscale', scale.categories.subscale, categories['subscale'], true),
    ignoreUnknownKeys: unknownKeys(root['unknownKeys']),
  };
}
