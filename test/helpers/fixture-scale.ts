import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The fixture instrument of issue 9: a scale unlike De Jong Gierveld (3 items, answers scored
 * 1/2/3, one item reversed, one total, no subscales, its own bands), as one definition file that
 * every path reads without code of its own.
 */
export const threePointPath = fileURLToPath(new URL('../fixtures/scales/three-point.json', import.meta.url));

/** The fixture's definition, parsed afresh (not yet checked by `defineScale`). */
export function threePointJson(): unknown {
  return JSON.parse(readFileSync(threePointPath, 'utf8'));
}

/** The answers read on the fixture, and missing. */
export const threePointStates = ['yes', 'more or less', 'no', null] as const;

/**
 * The fixture's scores computed straight from its JSON, independently of the library: each
 * answered item's listed points summed, the total missing when more than `missing.total` items
 * are missing, banded by the JSON's bands.
 */
export function threePointReference(answers: Readonly<Record<string, string | null>>): { total: number | null; band: string | null; missing: number } {
  const json = threePointJson() as {
    items: { key: string; points: Record<string, number> }[];
    missing: { total: number };
    categories: { total: { conventions: { bands: { id: string; min: number; max: number }[] }[] } };
  };
  let sum = 0;
  let missing = 0;
  for (const item of json.items) {
    const answer = answers[item.key];
    if (answer === null || answer === undefined) missing++;
    else sum += item.points[answer] as number;
  }
  const total = missing > json.missing.total ? null : sum;
  const band = total === null ? null : (json.categories.total.conventions[0]?.bands.find((entry) => entry.min <= total && total <= entry.max)?.id ?? null);
  return { total, band, missing };
}
