import { describe, expect, it } from 'vitest';
import { agreement, answerLabels, configure, djg11, djg6, resolveRules } from '../../../src/index.js';
import { compileFastPath } from '../../../src/core/scoring/compiled.js';
import { createEngine, levelScorer } from '../../../src/core/scoring/engine.js';
import { resultBuilder } from '../../../src/core/scoring/result.js';
import type { ScaleDefinition } from '../../../src/index.js';

/**
 * The compiled fast path and the general engine read one resolved plan (STYLE: one rule, one
 * place). As zod's compile-differential test does, this proves the compiled path ran and
 * produced each value, and that it agrees with the general engine.
 */
const labels = new Map<string, number>(Object.entries(answerLabels).map(([label, answer]) => [label, agreement[answer]]));
const states = ['yes', 'more or less', 'no', null] as const;

function* patterns(keys: readonly string[]): Generator<Record<string, string | null>> {
  const count = states.length ** keys.length;
  for (let pattern = 0; pattern < count; pattern++) {
    const answers: Record<string, string | null> = {};
    let rest = pattern;
    for (const key of keys) {
      answers[key] = states[rest % states.length] ?? null;
      rest = Math.floor(rest / states.length);
    }
    yield answers;
  }
}

function jitlessEngine<S extends ScaleDefinition>(scale: S, options?: object) {
  configure({ jitless: true });
  try {
    return createEngine(resolveRules(scale, options));
  } finally {
    configure({ jitless: false });
  }
}

describe('compiled fast path against the general engine', () => {
  it('compiles here (the runtime allows it), and jitless turns it off', () => {
    expect(createEngine(resolveRules(djg6)).compiled).toBe(true);
    expect(jitlessEngine(djg6).compiled).toBe(false);
  });

  for (const [scale, options] of [
    [djg6, undefined],
    [djg6, { categories: { subscale: 'cbs' } }],
    [djg11, { missing: { total: 1, subscale: 0 }, categories: { subscale: 'ggd-3' } }],
  ] as const) {
    it(`${scale.id} ${JSON.stringify(options ?? {})}: every complete answer set is scored by the fast path, with the general engine's result`, () => {
      const rules = resolveRules(scale, options);
      const build = resultBuilder(rules);
      const fast = compileFastPath(rules, labels, build, levelScorer(rules, build));
      expect(fast).toBeDefined();
      const general = jitlessEngine(scale, options);
      let compiled = 0;
      let partial = 0;
      const keys = scale.items.map((item) => item.key);
      // 6 items: all 4,096 answer/missing patterns; 11 items: the first 4,096 of 4,194,304.
      let seen = 0;
      for (const answers of patterns(keys)) {
        if (++seen > 4096) break;
        const complete = Object.values(answers).every((answer) => answer !== null);
        const bare = Object.fromEntries(Object.entries(answers).filter(([, answer]) => answer !== null));
        const fastResult = fast?.(bare);
        if (complete) {
          // The fast path produced this value itself.
          expect(fastResult).toBeDefined();
          compiled++;
        } else {
          // Absent keys are left to the general engine; `null` answers (missing) the fast path scores.
          expect(fastResult).toBeUndefined();
          const withNulls = fast?.(answers);
          expect(withNulls).toBeDefined();
          expect(withNulls).toEqual(general(answers));
          partial++;
        }
        expect(fastResult ?? general(bare)).toEqual(general(bare));
      }
      expect(compiled).toBeGreaterThan(0);
      expect(partial).toBeGreaterThan(0);
    });
  }
});
