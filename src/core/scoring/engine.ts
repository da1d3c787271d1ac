import { agreement, answerLabels } from '../answers/labels.js';
import { MISSING_LEVEL, readAnswer } from '../answers/read-answer.js';
import { ScoringError, describeValue } from '../errors.js';
import { itemBank } from '../scales/items.js';
import { didYouMean } from '../text/nearest.js';
import type { ItemKey, ScaleDefinition } from '../types.js';
import { type LevelScorer, compileFastPath } from './compiled.js';
import { isPlainObject } from './options.js';
import { type ResultBuilder, type ScoreResult, resultBuilder } from './result.js';
import { NOT_OFFERED, type ResolvedRules, notOffered, tally } from './rules.js';

/**
 * Scores one answer object; returns the error instead of throwing it. `compiled` tells whether
 * the compiled fast path is in use (it is not under `jitless` or where code cannot be compiled).
 */
export type Engine<S extends ScaleDefinition> = ((answers: unknown) => ScoreResult<S> | ScoringError) & {
  readonly compiled: boolean;
  readonly rules: ResolvedRules<S>;
};

const bankKeys = new Set<string>(itemBank.map((item) => item.key));
const hasOwn = Object.prototype.hasOwnProperty;
/** Item points of a missing answer in the engine's tally (answered items score 0–100). */
const MISSING = 127;
/** Agreement level of each label exactly as listed in `answerLabels`. */
const exactLabels = new Map<string, number>(Object.entries(answerLabels).map(([label, answer]) => [label, agreement[answer]]));

/** A key that is no item: the nearest item key for a likely typo, and how to pass other fields. */
function unknownItem(key: string): ScoringError {
  const hint = didYouMean(key, [...bankKeys]);
  return new ScoringError('unknown_item', `Item "${key}" is not an item${hint}; for other fields, pass unknownKeys: 'ignore'.`, { item: key, value: key });
}

/** Why answers that are not a plain object cannot be read. */
function notPlain(answers: unknown): ScoringError {
  const kind = Array.isArray(answers)
    ? 'an array'
    : typeof answers === 'object' && answers !== null
      ? `a ${Object.prototype.toString.call(answers).slice(8, -1)} object`
      : describeValue(answers);
  return new ScoringError('invalid_answers', `Answers must be an object keyed by item, not ${kind}.`, { value: answers });
}

/**
 * Scores answers from their agreement levels (by item position; `MISSING_LEVEL` for a missing
 * answer): points from the rules, the one tally, the shared result builder. The general engine
 * and the compiled fast path (for answer sets with missing answers) both end here. `undefined`
 * for an answer an item does not offer: the general engine has refused it already, with its value;
 * the fast path leaves it to the general engine.
 */
export function levelScorer<S extends ScaleDefinition>(rules: ResolvedRules<S>, build: ResultBuilder<S>): LevelScorer<S> {
  const { keys, points: pointTable, memberships } = rules;
  const count = keys.length;
  // Results share one shape: a points object cloned from this template keeps its hidden class.
  const template: Record<string, number | null> = {};
  for (const key of keys) template[key] = null;
  // The scores' sums and missing counts: reused, as nothing of the caller's runs between the tally
  // and the result built from it.
  const sums = new Int32Array(6);
  return (levels) => {
    const points = { ...template };
    // Per call: scoring may be re-entered from a getter of the caller's, while reading answers.
    const itemPoints = new Int8Array(count);
    const missingItems: ItemKey<S>[] = [];
    for (let index = 0; index < count; index++) {
      const key = keys[index] as string;
      const level = levels[index] as number;
      if (level === MISSING_LEVEL) {
        missingItems.push(key as ItemKey<S>);
        itemPoints[index] = MISSING;
      } else {
        const point = (pointTable[index] as readonly number[])[level + 2] as number;
        if (point === NOT_OFFERED) return undefined;
        points[key] = point;
        itemPoints[index] = point;
      }
    }
    tally(memberships, itemPoints, MISSING, sums);
    return build(points as ScoreResult<S>['points'], missingItems, sums[0] as number, sums[1] as number, sums[2] as number, sums[3] as number, sums[4] as number, sums[5] as number);
  };
}

/**
 * Builds the scoring function for resolved rules: everything that does not depend on the
 * answers is in the rules already; here only the answers are read. Answers must be a plain
 * object (prototype `Object.prototype` or `null`); only its own keys are read, so
 * class instances, `Map`s, `Date`s and objects inheriting answers are `invalid_answers`, not
 * silently missing. An exception raised while reading (a throwing getter, a Proxy trap) is
 * returned as `invalid_answers` too.
 */
export function createEngine<S extends ScaleDefinition>(rules: ResolvedRules<S>, ignoreUnknownKeys = false): Engine<S> {
  const { keys, points: pointTable, coding } = rules;
  const count = keys.length;
  const onScale = new Set<string>(keys);
  const build = resultBuilder(rules);
  const fromLevels = levelScorer(rules, build);
  const fast = compileFastPath(rules, exactLabels, build, fromLevels);

  function general(answers: unknown): ScoreResult<S> | ScoringError {
    if (!isPlainObject(answers)) return notPlain(answers);
    const record = answers;
    // Per call: reading an answer may run the caller's getter, which may score again.
    const levels = new Int8Array(count);
    let known = 0;
    for (let index = 0; index < count; index++) {
      const key = keys[index] as string;
      // Plain objects inherit no item keys (their prototype is Object.prototype or null), so a
      // value read is the object's own; an absent key is told apart from one holding undefined.
      const value = record[key];
      if (value !== undefined || hasOwn.call(record, key)) known++;
      // A label exactly as listed is one lookup; everything else goes through readAnswer.
      let level = typeof value === 'string' ? exactLabels.get(value) : undefined;
      if (level === undefined) {
        const read = readAnswer(value, key, coding);
        if (typeof read !== 'number') return read;
        level = read;
      }
      if (level !== MISSING_LEVEL && (pointTable[index] as readonly number[])[level + 2] === NOT_OFFERED) return notOffered(key, value);
      levels[index] = level;
    }
    // Every other own key must be an item of the bank (`__proto__`, `constructor` and the like
    // are unknown items), and its answer must be readable even though this scale does not score
    // it: 11-item data scores on the 6-item scale, but not with a junk value in it.
    const ownKeys = Object.keys(record);
    if (ownKeys.length !== known) {
      for (const key of ownKeys) {
        if (onScale.has(key)) continue;
        if (!bankKeys.has(key)) {
          if (ignoreUnknownKeys) continue;
          return unknownItem(key);
        }
        const read = readAnswer(record[key], key, coding);
        if (typeof read !== 'number') return read;
      }
    }
    return fromLevels(levels) as ScoreResult<S>;
  }

  const engine = (answers: unknown): ScoreResult<S> | ScoringError => {
    try {
      if (fast !== undefined && typeof answers === 'object' && answers !== null) {
        const result = fast(answers);
        if (result !== undefined) return result;
      }
      return general(answers);
    } catch (error) {
      // A getter or Proxy trap of the caller's object threw while it was read.
      const reason = error instanceof Error ? error.message : describeValue(error);
      return new ScoringError('invalid_answers', `The answers could not be read: ${reason}`, { value: answers });
    }
  };
  return Object.assign(engine, { compiled: fast !== undefined, rules });
}
