import type { ScaleDefinition } from '../index.js';
import { toR } from './r.js';
import { toSpss } from './spss.js';
import { type SqlOptions, toSql } from './sql.js';

/** A language the scoring code can be generated in. */
export type SyntaxTarget = 'spss' | 'r' | 'sql';

/**
 * The generators by target name, as the CLI's `--target` names them. Each takes the scale and
 * the options (`table` is read by `sql` only) and returns the code as text.
 *
 * @example
 * ```ts
 * import { djg11 } from 'loneliness-scales';
 * import { syntaxTargets } from 'loneliness-scales/syntax';
 * const code = syntaxTargets.r(djg11, { coding: 'rivm' });
 * code.startsWith('# De Jong Gierveld 11-item loneliness scale'); // true
 * ```
 */
export const syntaxTargets: Readonly<Record<SyntaxTarget, (scale: ScaleDefinition, options: SqlOptions) => string>> = {
  spss: toSpss,
  r: toR,
  sql: toSql,
};
