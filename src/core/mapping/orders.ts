/**
 * Item orders seen in datasets, by 11-item number (reference §7). Data is mapped by key or by
 * number; an order maps columns by position only when the caller names it.
 *
 * - `seed`, `liss`: 3, 4, 7, 8, 9, 10 (the Flemish webinar deck; the LISS panel)
 * - `cbs`, `rivm`: 3, 4, 7, 9, 8, 10 (Statistics Netherlands from 2019; RIVM)
 * - `manual`: 1–11 (the MANUAL's `lone1`..`lone11`)
 *
 * @example
 * ```ts
 * import { datasetOrders } from 'loneliness-scales';
 * datasetOrders.cbs; // [3, 4, 7, 9, 8, 10]
 * ```
 */
export const datasetOrders = {
  seed: [3, 4, 7, 8, 9, 10],
  liss: [3, 4, 7, 8, 9, 10],
  cbs: [3, 4, 7, 9, 8, 10],
  rivm: [3, 4, 7, 9, 8, 10],
  manual: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
} as const satisfies Record<string, readonly number[]>;

/** The name of a dataset order. */
export type DatasetOrder = keyof typeof datasetOrders;
