import { ScoringError } from '../errors.js';
import type { Answers, ScaleDefinition } from '../types.js';
import { type Engine, type SafeScoreResult, type ScoreResult, createEngine } from './engine.js';
import type { ScoreOptions } from './options.js';

/**
 * Engines built by `score` and `safeScore`, per scale and per options signature, so that calls
 * with equal options — inline object literals included — reuse one engine.
 */
const engines = new WeakMap<ScaleDefinition, Map<string, Engine<ScaleDefinition>>>();
/** Custom coding objects are told apart by identity. */
const codingIds = new WeakMap<object, number>();
let codingCount = 0;
const MAX_ENGINES_PER_SCALE = 64;

/** A key naming the options' values. */
function signature(options: ScoreOptions | undefined): string {
  if (options === undefined) return '';
  const { coding, categories, missing } = options;
  let codingKey: unknown = coding;
  if (typeof coding === 'object' && coding !== null) {
    let id = codingIds.get(coding);
    if (id === undefined) codingIds.set(coding, (id = ++codingCount));
    codingKey = `#${id}`;
  }
  return `${String(codingKey)}|${categories?.total}|${categories?.subscale}|${missing?.total}|${missing?.subscale}`;
}

function engineFor<S extends ScaleDefinition>(scale: S, options: ScoreOptions<S> | undefined): Engine<S> {
  let perScale = engines.get(scale);
  if (perScale === undefined) engines.set(scale, (perScale = new Map()));
  const key = signature(options);
  let engine = perScale.get(key);
  if (engine === undefined) {
    engine = createEngine(scale, options) as Engine<ScaleDefinition>;
    // Options are usually few; a caller cycling through many still cannot grow this without bound.
    if (perScale.size >= MAX_ENGINES_PER_SCALE) perScale.clear();
    perScale.set(key, engine);
  }
  return engine as Engine<S>;
}

function unwrap<S extends ScaleDefinition>(outcome: ScoreResult<S> | ScoringError): ScoreResult<S> {
  if (outcome instanceof ScoringError) throw outcome;
  return outcome;
}

function wrap<S extends ScaleDefinition>(outcome: ScoreResult<S> | ScoringError): SafeScoreResult<S> {
  return outcome instanceof ScoringError ? { success: false, error: outcome } : { success: true, data: outcome };
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
export function score<S extends ScaleDefinition>(scale: S, answers: Answers, options?: ScoreOptions<S>): ScoreResult<S> {
  return unwrap(engineFor(scale, options)(answers));
}

/**
 * Like {@link score}, but never throws a {@link ScoringError}: returns `{ success: true, data }`
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
  try {
    return wrap(engineFor(scale, options)(answers));
  } catch (error) {
    if (error instanceof ScoringError) return { success: false, error };
    throw error;
  }
}

/** A scorer bound to one scale and one set of options. */
export interface Scorer<S extends ScaleDefinition> {
  /** Scores answers; throws {@link ScoringError}. */
  readonly score: (answers: Answers) => ScoreResult<S>;
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
  const engine = createEngine(scale, options);
  return { score: (answers) => unwrap(engine(answers)), safeScore: (answers) => wrap(engine(answers)) };
}
