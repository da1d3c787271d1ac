import type { Coding, CodingPreset } from '../answers/codings.js';
import type { ScaleDefinition } from '../types.js';

/** The names of a scale's total-score category conventions. */
export type TotalConventionName<S extends ScaleDefinition> = S['categories']['total']['conventions'][number]['name'];

/** The names of a scale's subscale category conventions. */
export type SubscaleConventionName<S extends ScaleDefinition> =
  S['categories']['subscale']['conventions'][number]['name'];

/** Options of `score`, `safeScore` and `createScorer`. */
export interface ScoreOptions<S extends ScaleDefinition = ScaleDefinition> {
  /**
   * How numeric answers are coded: a preset name (`manual`, `rivm`, `manual5`, `rivm5`) or a
   * coding from `defineCoding`. Without it, numeric answers are an error (`coding_required`):
   * codings differ between datasets and are never guessed.
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
}
