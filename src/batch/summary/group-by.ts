import { ScoringError } from '../../index.js';

/** A numeric band of a grouping column: `min`–`max` inclusive; `max` is `null` for an open-ended band (`75+`). */
export interface NumericBand {
  /** The band's label as written (`18-24`, `75+`). */
  readonly label: string;
  /** Lowest value in the band. */
  readonly min: number;
  /** Highest value in the band, or `null` when the band is open-ended. */
  readonly max: number | null;
}

/** One grouping of a summary: a column, by its values or by numeric bands. */
export interface GroupBy {
  /** The grouping column's name, as in the data's header. */
  readonly column: string;
  /** Numeric bands, or `null` to group by each distinct value. */
  readonly bands: readonly NumericBand[] | null;
}

/** The default of `maxGroups`: most distinct values one grouping column may hold. */
export const DEFAULT_MAX_GROUPS = 10_000;

const BAND = /^(\d+(?:[.,]\d+)?)\s*(?:-\s*(\d+(?:[.,]\d+)?)|(\+))$/;
const number = (text: string): number => Number(text.replace(',', '.'));

function invalid(spec: string, problem: string): ScoringError {
  return new ScoringError('invalid_option', `Grouping "${spec.slice(0, 200)}": ${problem}.`, { path: 'by', value: spec });
}

/** Reads one band (`18-24`, `75+`), or throws naming it. */
function readBand(spec: string, text: string): NumericBand {
  const match = BAND.exec(text.trim());
  if (match === null) throw invalid(spec, `cannot read band "${text.trim()}"; write bands as 18-24 (inclusive) or 75+ (open-ended)`);
  const min = number(match[1] as string);
  const max = match[3] === '+' ? null : number(match[2] as string);
  if (max !== null && max < min) throw invalid(spec, `band "${text.trim()}" ends below its start`);
  return { label: text.trim().replace(/\s+/g, ''), min, max };
}

function checkOverlaps(spec: string, column: string, bands: readonly NumericBand[]): void {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1] as NumericBand;
    const current = sorted[index] as NumericBand;
    if (previous.max === null || previous.max >= current.min) {
      throw invalid(spec, `bands "${previous.label}" and "${current.label}" of column "${column}" overlap`);
    }
  }
}

/**
 * Reads a grouping specification as the CLI's `--by` takes it: column names separated by commas,
 * each optionally followed by `:` and numeric bands (`age:18-24,25-49,50-64,65-74,75+`). A band is
 * inclusive at both ends (`18-24`), or open-ended upwards (`75+`); bands may not overlap. A comma
 * followed by a band continues the bands of the column before it, so
 * `gemeente,age:18-64,65+` is two groupings. Throws a `ScoringError` (`invalid_option`) naming
 * the part it cannot read.
 *
 * @example
 * ```ts
 * import { parseGroupBy } from 'loneliness-scales/batch';
 * parseGroupBy('gemeente,age:18-64,65+').map((grouping) => grouping.column); // ['gemeente', 'age']
 * parseGroupBy('age:18-64,65+')[0]?.bands?.[1]; // { label: '65+', min: 65, max: null }
 * ```
 */
export function parseGroupBy(spec: string): GroupBy[] {
  if (typeof spec !== 'string' || spec.trim() === '') throw invalid(String(spec), 'name at least one column');
  const groupings: { column: string; bands: NumericBand[] | null }[] = [];
  for (const part of spec.split(',')) {
    const text = part.trim();
    if (text === '') throw invalid(spec, 'an empty column name or band (two commas in a row, or a comma at the end)');
    const colon = text.lastIndexOf(':');
    const last = groupings.at(-1);
    if (colon === -1 && last?.bands !== null && last !== undefined && /^\d/.test(text)) {
      last.bands?.push(readBand(spec, text));
      continue;
    }
    if (colon === -1) {
      groupings.push({ column: text, bands: null });
      continue;
    }
    const column = text.slice(0, colon).trim();
    if (column === '') throw invalid(spec, `"${text}" names no column before ":"`);
    groupings.push({ column, bands: [readBand(spec, text.slice(colon + 1))] });
  }
  const seen = new Set<string>();
  for (const { column, bands } of groupings) {
    if (seen.has(column)) throw invalid(spec, `column "${column}" is named twice`);
    seen.add(column);
    if (bands !== null) checkOverlaps(spec, column, bands);
  }
  return groupings;
}

/**
 * Checks groupings given through the API (as objects or a `--by` string) and returns them frozen.
 * @internal
 */
export function readGroupings(by: string | readonly GroupBy[] | undefined): readonly GroupBy[] {
  if (by === undefined) return [];
  if (typeof by === 'string') return parseGroupBy(by);
  if (!Array.isArray(by)) throw new ScoringError('invalid_option', 'Option by: expected a grouping string or an array of { column, bands }.', { path: 'by', value: by });
  const seen = new Set<string>();
  return by.map((grouping: GroupBy, index) => {
    const path = `by.${index}`;
    if (grouping === null || typeof grouping !== 'object' || typeof grouping.column !== 'string' || grouping.column === '') {
      throw new ScoringError('invalid_option', `Option ${path}: expected { column: string, bands: NumericBand[] | null }.`, { path, value: grouping });
    }
    if (seen.has(grouping.column)) throw new ScoringError('invalid_option', `Option ${path}: column "${grouping.column}" is named twice.`, { path, value: grouping.column });
    seen.add(grouping.column);
    const bands = grouping.bands ?? null;
    if (bands !== null) {
      if (!Array.isArray(bands) || bands.length === 0) throw new ScoringError('invalid_option', `Option ${path}.bands: expected a non-empty array or null.`, { path, value: bands });
      for (const band of bands as readonly NumericBand[]) {
        const ok =
          band !== null &&
          typeof band === 'object' &&
          typeof band.label === 'string' &&
          Number.isFinite(band.min) &&
          (band.max === null || (Number.isFinite(band.max) && band.max >= band.min));
        if (!ok) throw new ScoringError('invalid_option', `Option ${path}.bands: ${JSON.stringify(band)} is not a band { label, min, max | null } with max ≥ min.`, { path, value: band });
      }
      checkOverlaps(grouping.column, grouping.column, bands);
    }
    return Object.freeze({ column: grouping.column, bands: bands === null ? null : Object.freeze(bands.map((band) => Object.freeze({ ...band }))) });
  });
}

/** What kind of group a row falls in. */
export type GroupKind = 'value' | 'band' | 'other' | 'missing';

/**
 * The group of a cell's text in a grouping: `[kind, label]`. Blank text is `missing`; in a banded
 * grouping, a number in a band is that band, and anything else (a number outside every band, or
 * text that is not a number) is `other`. Numbers may use a decimal comma.
 * @internal
 */
export function groupOf(grouping: GroupBy, text: string): readonly [GroupKind, string] {
  const trimmed = text.trim();
  if (trimmed === '') return ['missing', 'missing'];
  if (grouping.bands === null) return ['value', trimmed];
  const value = /^[-+]?\d+(?:[.,]\d+)?$/.test(trimmed) ? number(trimmed) : Number.NaN;
  if (!Number.isNaN(value)) {
    for (const band of grouping.bands) {
      if (value >= band.min && (band.max === null || value <= band.max)) return ['band', band.label];
    }
  }
  return ['other', 'other'];
}
