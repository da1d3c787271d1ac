import { ScoringError, describeValue } from '../errors.js';
import type { AnswersFor, OnlyItemKeys, ScaleDefinition } from '../types.js';
import { type Engine, createEngine } from './engine.js';
import { type CheckedOptions, type ScoreOptions, checkOptions } from './options.js';
import type { SafeScoreResult, ScoreResult } from './result.js';
import { rulesOf } from './rules.js';

/**
 * Engines built by `score` and `safeScore`, per scale and per checked options, so that calls
 * with equal options — inline object literals included — reuse one engine. Options are checked
 * before the cache is consulted, and the key names what they resolved to, so no two different
 * option sets can share an engine.
 */
const engines = new WeakMap<object, Map<string, Engine<ScaleDefinition>>>();
/** Codings from `defineCoding` and the presets are frozen: told apart by identity. */
const codingIds = new WeakMap<object, number>();
let codingCount = 0;
const MAX_ENGINES_PER_SCALE = 64;

function cacheKey(options: unknown, checked: CheckedOptions): string {
  const { coding } = checked;
  let codingKey: string | number | null = null;
  if (coding !== null) {
    const given = (options as ScoreOptions).coding;
    if (given === coding) {
      let id = codingIds.get(coding);
      if (id === undefined) codingIds.set(coding, (id = ++codingCount));
      codingKey = id;
    } else {
      // A preset named by string is its own object; a plain object was checked into a copy,
      // which may differ next time: keyed by content.
      codingKey = typeof given === 'string' ? `preset:${given}` : JSON.stringify(coding);
    }
  }
  return JSON.stringify([codingKey, checked.totalConvention?.name ?? null, checked.subscaleConvention?.name ?? null, checked.missing.total, checked.missing.subscale, checked.ignoreUnknownKeys]);
}

function checkScale(scale: unknown): asserts scale is ScaleDefinition {
  if (typeof scale !== 'object' || scale === null || !Array.isArray((scale as ScaleDefinition).items)) {
    throw new ScoringError('invalid_option', `The scale must be a scale definition such as djg6, not ${describeValue(scale)}.`, { path: 'scale', value: scale });
  }
}

/**
 * The cached engine for a scale and options (checked first); its `rules` are the resolved plan.
 * @internal
 */
export function engineFor<S extends ScaleDefinition>(scale: S, options: unknown): Engine<S> {
  try {
    checkScale(scale);
    let perScale = engines.get(scale);
    if (perScale === undefined) engines.set(scale, (perScale = new Map()));
    let key = '';
    let checked: CheckedOptions | undefined;
    if (options !== undefined) {
      checked = checkOptions(scale, options);
      key = cacheKey(options, checked);
    }
    let engine = perScale.get(key);
    if (engine === undefined) {
      const resolved = checked ?? checkOptions(scale, undefined);
      engine = createEngine(rulesOf(scale, resolved), resolved.ignoreUnknownKeys) as Engine<ScaleDefinition>;
      // Options are usually few; a caller cycling through many still cannot grow this without bound.
      if (perScale.size >= MAX_ENGINES_PER_SCALE) perScale.clear();
      perScale.set(key, engine);
    }
    return engine as Engine<S>;
  } catch (error) {
    throw asScoringError(error, options);
  }
}

function unwrap<S extends ScaleDefinition>(outcome: ScoreResult<S> | ScoringError): ScoreResult<S> {
  if (outcome instanceof ScoringError) throw outcome;
  return outcome;
}

function wrap<S extends ScaleDefinition>(outcome: ScoreResult<S> | ScoringError): SafeScoreResult<S> {
  return outcome instanceof ScoringError ? { success: false, error: outcome } : { success: true, data: outcome };
}

/** Any exception while checking the scale or options (a throwing getter, a Proxy) as a ScoringError. */
function asScoringError(error: unknown, options: unknown): ScoringError {
  if (error instanceof ScoringError) return error;
  const reason = error instanceof Error ? error.message : describeValue(error);
  return new ScoringError('invalid_option', `The options could not be read: ${reason}`, { path: 'options', value: options });
}

/**
 * Scores one respondent's answers on a De Jong Gierveld scale, exactly by the authors' rules
 * (MANUAL): each item scores 0 or 1, the neutral answer always 1; total, emotional and social
 * scores with the scale's missing-answer rules; categories with their Dutch and English labels.
 *
 * Answers are labels (`"yes"`, `"min of meer"`, … in any case) or, with a `coding`, numeric codes.
 * Throws {@link ScoringError} for unknown items, unknown answers, codes outside the coding and
 * wrong types; {@link safeScore} returns the same error instead.
 *
 * @example
 * ```ts
 * import { djg6, score } from 'loneliness-scales';
 * const result = score(djg6, { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' });
 * result.total;              // 4
 * result.emotional;          // 3
 * result.social;             // 1
 * result.category?.label.en; // 'moderately lonely'
 * ```
 */
export function score<S extends ScaleDefinition, A extends AnswersFor<S> = AnswersFor<S>>(scale: S, answers: OnlyItemKeys<A, S>, options?: ScoreOptions<S>): ScoreResult<S> {
  return unwrap(engineFor(scale, options)(answers));
}

/**
 * Like {@link score}, but never throws: returns `{ success: true, data }`
 * or `{ success: false, error }` with the error `score` would throw. Takes `unknown`, so
 * untrusted input (parsed JSON, form data) can be passed as it is.
 *
 * @example
 * ```ts
 * import { djg6, safeScore } from 'loneliness-scales';
 * const outcome = safeScore(djg6, JSON.parse('{"emptiness": "maybe"}'));
 * if (!outcome.success) outcome.error.code; // 'unknown_answer'
 * ```
 */
export function safeScore<S extends ScaleDefinition>(scale: S, answers: unknown, options?: ScoreOptions<S>): SafeScoreResult<S> {
  let engine: Engine<S>;
  try {
    engine = engineFor(scale, options);
  } catch (error) {
    return { success: false, error: error as ScoringError };
  }
  return wrap(engine(answers));
}

/** A scorer bound to one scale and one set of options. */
export interface Scorer<S extends ScaleDefinition> {
  /** Scores answers; throws {@link ScoringError}. */
  readonly score: <A extends AnswersFor<S> = AnswersFor<S>>(answers: OnlyItemKeys<A, S>) => ScoreResult<S>;
  /** Scores answers; returns the error instead of throwing it. */
  readonly safeScore: (answers: unknown) => SafeScoreResult<S>;
}

/**
 * Binds a scale and options once, checking the options immediately (a {@link ScoringError} with
 * code `invalid_option` otherwise), for scoring many respondents.
 *
 * @example
 * ```ts
 * import { createScorer, djg6 } from 'loneliness-scales';
 * const scorer = createScorer(djg6, { coding: 'manual' });
 * const rows = [{ emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 }];
 * rows.map((row) => scorer.score(row).total); // [4]
 * ```
 */
export function createScorer<S extends ScaleDefinition>(scale: S, options?: ScoreOptions<S>): Scorer<S> {
  let engine: Engine<S>;
  try {
    checkScale(scale);
    const checked = checkOptions(scale, options);
    engine = createEngine(rulesOf(scale, checked), checked.ignoreUnknownKeys);
  } catch (error) {
    throw asScoringError(error, options);
  }
  return { score: (answers) => unwrap(engine(answers)), safeScore: (answers) => wrap(engine(answers)) };
}
