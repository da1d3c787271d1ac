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
  const source = [
    'return function(a){',
    'if(getPrototypeOf(a)!==objectPrototype)return;',
    ...keys.map((_, index) => `const v${index}=${property(index)},l${index}=typeof v${index}==="string"?labels.get(v${index}):undefined;if(l${index}===undefined)return;`),
    `if(ownKeys(a).length!==${keys.length})return;`,
    ...keys.map((_, index) => `const p${index}=l${index}${negative[index] ? '>=' : '<='}0?1:0;`),
    `const e=${sum(true)},s=${sum(false)},t=e+s;`,
    `return{scale,points:{${keys.map((key, index) => `${JSON.stringify(key)}:p${index}`).join(',')}},total:t,emotional:e,social:s,`,
    'category:totalBands[t]??null,emotionalCategory:subscaleBands[e]??null,socialCategory:subscaleBands[s]??null,missingItems:[],rules}}',
  ].join('\n');
  try {
    // The source is built from item keys (quoted with JSON.stringify) and numbers only.
    const build = new Function('getPrototypeOf', 'objectPrototype', 'ownKeys', 'labels', 'scale', 'totalBands', 'subscaleBands', 'rules', source);
    return build(Object.getPrototypeOf, Object.prototype, Object.keys, spec.labels, spec.scale, spec.totalBands, spec.subscaleBands, spec.rules);
  } catch {
    return undefined;
  }
}
