import type { CategoryBand } from '../types.js';

/** What the compiled fast path needs besides the answers; all of it resolved once per engine. */
export interface FastPathSpec {
  readonly scale: string;
  readonly keys: readonly string[];
  readonly negative: readonly boolean[];
  readonly emotional: readonly boolean[];
  readonly labels: ReadonlyMap<string, number>;
  readonly totalBands: readonly (CategoryBand | null)[];
  readonly subscaleBands: readonly (CategoryBand | null)[];
  readonly rules: object;
}

/**
 * Compiles the common case — a plain object holding exactly the scale's items, each answered
 * with a label as listed — into a function with one property read per item, so that engines
 * inline it. It returns `undefined` for anything else, and the general engine decides.
 * Where code cannot be compiled (a Content-Security-Policy without `unsafe-eval`), there is no
 * fast path and the general engine scores everything; the results are the same.
 */
export function compileFastPath(spec: FastPathSpec): ((answers: object) => object | undefined) | undefined {
  const { keys, negative, emotional } = spec;
  const property = (index: number) => `a[${JSON.stringify(keys[index])}]`;
  const sum = (emotionalItems: boolean) => keys.map((_, index) => (emotional[index] === emotionalItems ? `p${index}` : '')).filter(Boolean).join('+') || '0';
  // Parameters of the compiled function: g = Object.getPrototypeOf, o = Object.prototype,
  // k = Object.keys, L = label → agreement level, I = scale id, T / B = total / subscale bands by
  // score, R = the applied rules. v{i}: the answer to item i, l{i}: its level, p{i}: its points.
  const source = [
    'return function(a){',
    'if(g(a)!==o)return;',
    ...keys.map((_, index) => `const v${index}=${property(index)},l${index}=typeof v${index}=="string"?L.get(v${index}):void 0;if(l${index}===void 0)return;`),
    `if(k(a).length!==${keys.length})return;`,
    ...keys.map((_, index) => `const p${index}=l${index}${negative[index] ? '>=' : '<='}0?1:0;`),
    `const e=${sum(true)},s=${sum(false)},t=e+s;`,
    `return{scale:I,points:{${keys.map((key, index) => `${JSON.stringify(key)}:p${index}`).join(',')}},total:t,emotional:e,social:s,`,
    'category:T[t]??null,emotionalCategory:B[e]??null,socialCategory:B[s]??null,missingItems:[],rules:R}}',
  ].join('\n');
  try {
    // The source is built from item keys (quoted with JSON.stringify) and numbers only.
    const build = new Function('g', 'o', 'k', 'L', 'I', 'T', 'B', 'R', source);
    return build(Object.getPrototypeOf, Object.prototype, Object.keys, spec.labels, spec.scale, spec.totalBands, spec.subscaleBands, spec.rules);
  } catch {
    return undefined;
  }
}
