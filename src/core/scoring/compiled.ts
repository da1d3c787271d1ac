import { MISSING_LEVEL } from '../answers/read-answer.js';
import type { ItemKey, ScaleDefinition } from '../types.js';
import { type ResultBuilder, type ScoreResult } from './result.js';
import type { ResolvedRules } from './rules.js';

/** Settings of the whole library. */
export interface LibraryConfig {
  /**
   * Never compile code at run time (`new Function`), for pages whose Content-Security-Policy
   * forbids `unsafe-eval`. Scoring is then done by the general engine only: the same results,
   * somewhat slower on complete answer sets. Applies to engines created after the call.
   */
  readonly jitless?: boolean | undefined;
}

const settings: { jitless: boolean } = { jitless: false };
/** Whether this runtime compiles code: probed once per process, on first use. */
let compiles: boolean | undefined;

/**
 * Sets library-wide settings; today only `jitless`. Call it before scoring.
 *
 * @example
 * ```ts
 * import { configure, djg6, score } from 'loneliness-scales';
 * configure({ jitless: true }); // e.g. under a Content-Security-Policy without 'unsafe-eval'
 * score(djg6, { emptiness: 'yes', leanOn: 'no', trust: 'no', closeTo: 'no', missPeople: 'no', rejected: 'no' }).total; // 4
 * configure({ jitless: false });
 * ```
 */
export function configure(config: LibraryConfig): void {
  if (config.jitless !== undefined) settings.jitless = config.jitless === true;
}

/**
 * How the fast path reads an item's points at level `l` from the rules' points table: a bit mask
 * when every answer scores 0 or 1 (the De Jong Gierveld items), else a table lookup `P[i]`; an
 * item with an answer it does not offer leaves that answer to the general engine (`return`).
 */
function pointsSource(rules: ResolvedRules, item: number): string {
  const row = rules.points[item] as readonly number[];
  if (row.every((points) => points === 0 || points === 1)) {
    return `const p${item}=(${row.reduce<number>((mask, points, slot) => mask | (points << slot), 0)}>>(l${item}+2))&1;`;
  }
  return `const p${item}=P[${item}][l${item}+2];` + (row.every((points) => points >= 0) ? '' : `if(p${item}<0)return;`);
}

function runtimeCompiles(): boolean {
  if (compiles === undefined) {
    try {
      compiles = new Function('return 1')() === 1;
    } catch {
      compiles = false;
    }
  }
  return compiles;
}

/**
 * Scores answers from their agreement levels by item position (`MISSING_LEVEL` for a missing
 * answer); `undefined` for an answer an item does not offer (see `levelScorer` in the engine).
 */
export type LevelScorer<S extends ScaleDefinition> = (levels: ArrayLike<number>) => ScoreResult<S> | undefined;

/** The compiled fast path: a result for the common case, `undefined` for the engine to decide. */
export type FastPath<S extends ScaleDefinition> = (answers: object) => ScoreResult<S> | undefined;

/**
 * Compiles the common case — a plain object holding exactly the scale's items, each answered
 * with a label as listed in `labels` or `null` (missing: such a set is scored by `fromLevels`)
 * — into a function with one property read per item, reading
 * each item's points from the resolved rules and building the result with the shared
 * result builder. Returns `undefined` when compiling is off (`jitless`) or impossible (a
 * Content-Security-Policy without `unsafe-eval`); the general engine then scores everything.
 */
export function compileFastPath<S extends ScaleDefinition>(
  rules: ResolvedRules<S>,
  labels: ReadonlyMap<string, number>,
  build: ResultBuilder<S>,
  fromLevels: LevelScorer<S>,
): FastPath<S> | undefined {
  if (settings.jitless || !runtimeCompiles()) return undefined;
  const { keys, memberships } = rules;
  const sum = (bit: number) => keys.map((_, index) => ((memberships[index] as number) & (1 << bit) ? `p${index}` : '')).filter(Boolean).join('+') || '0';
  // Parameters: g = Object.getPrototypeOf, o = Object.prototype, k = Object.keys, L = label →
  // agreement level, F = the result builder, E = no missing items, P = the rules' points table,
  // H = the scorer from levels. v{i}: the answer to item i, l{i}: its level (MISSING_LEVEL for a
  // `null` answer), p{i}: its points (see pointsSource); M: whether an answer is missing.
  const source = [
    'return function(a){',
    'if(g(a)!==o)return;',
    'let M=0;',
    ...keys.map((key, index) => `const v${index}=a[${JSON.stringify(key)}];let l${index};if(v${index}===null){l${index}=${MISSING_LEVEL};M=1}else if(typeof v${index}=="string"){l${index}=L.get(v${index});if(l${index}===void 0)return}else return;`),
    `if(k(a).length!==${keys.length})return;`,
    `if(M!==0)return H([${keys.map((_, index) => `l${index}`).join(',')}]);`,
    ...keys.map((_, index) => pointsSource(rules, index)),
    `return F({${keys.map((key, index) => `${JSON.stringify(key)}:p${index}`).join(',')}},E,${sum(0)},${sum(1)},${sum(2)},0,0,0)}`,
  ].join('\n');
  try {
    // The source is built from item keys (quoted with JSON.stringify) and integers only.
    const compile = new Function('g', 'o', 'k', 'L', 'F', 'E', 'P', 'H', source);
    const empty: readonly ItemKey<S>[] = Object.freeze([]);
    return compile(Object.getPrototypeOf, Object.prototype, Object.keys, labels, build, empty, rules.points, fromLevels) as FastPath<S>;
  } catch {
    return undefined;
  }
}
