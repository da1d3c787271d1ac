import { ScoringError } from '../errors.js';
import type { BankKey, ScaleDefinition } from '../types.js';
import { type DatasetOrder, datasetOrders } from './orders.js';

/**
 * How a dataset's columns map onto item keys.
 *
 * - `{ by: 'key' }`: columns named by item key (`emptiness`, `leanOn`, …) — the default.
 * - `{ by: 'number', pattern: 'lone{n}' }`: columns named by 11-item number.
 * - `{ by: 'order', order: 'cbs', columns: [...] }` or `{ by: 'order', order: 'cbs', pattern: 'q{i}' }`:
 *   columns listed (or named by position `{i}`, from 1) in a dataset order of the reference.
 * - `{ by: 'map', map: { emptiness: 'Q3', … } }`: an explicit column per item.
 */
export type ColumnSpec =
  | { readonly by: 'key' }
  | { readonly by: 'number'; readonly pattern: string }
  | { readonly by: 'order'; readonly order: DatasetOrder; readonly columns?: readonly string[]; readonly pattern?: string }
  | { readonly by: 'map'; readonly map: Readonly<Partial<Record<BankKey, string>>> };

/** One item's column in a dataset. */
export interface ColumnMapping {
  /** The item key. */
  readonly key: BankKey;
  /** The column name. */
  readonly column: string;
  /** The column's position in the header (0-based). */
  readonly index: number;
}

function invalid(message: string, value: unknown): never {
  throw new ScoringError('invalid_option', message, { value });
}

/**
 * The column name of each of the scale's items under a spec, before looking at any header.
 *
 * @example
 * ```ts
 * import { columnNames, djg6 } from 'loneliness-scales';
 * columnNames(djg6, { by: 'number', pattern: 'q{n}' }).get('rejected'); // 'q10'
 * ```
 */
export function columnNames(scale: ScaleDefinition, spec: ColumnSpec = { by: 'key' }): Map<BankKey, string> {
  const names = new Map<BankKey, string>();
  if (spec.by === 'key') {
    for (const item of scale.items) names.set(item.key as BankKey, item.key);
  } else if (spec.by === 'number') {
    if (!spec.pattern.includes('{n}')) invalid(`Column pattern "${spec.pattern}" has no {n} for the item number.`, spec.pattern);
    for (const item of scale.items) names.set(item.key as BankKey, spec.pattern.replaceAll('{n}', String(item.number)));
  } else if (spec.by === 'order') {
    const order: readonly number[] | undefined = Object.hasOwn(datasetOrders, spec.order) ? datasetOrders[spec.order] : undefined;
    if (order === undefined) invalid(`Unknown dataset order "${spec.order}"; known: ${Object.keys(datasetOrders).join(', ')}.`, spec.order);
    if (spec.columns !== undefined && spec.columns.length !== order.length) {
      invalid(`Order "${spec.order}" has ${order.length} items; ${spec.columns.length} columns were given.`, spec.columns);
    }
    if (spec.columns === undefined && !spec.pattern?.includes('{i}')) invalid('A dataset order needs columns or a pattern with {i}.', spec);
    for (const item of scale.items) {
      const position = order.indexOf(item.number);
      if (position === -1) continue;
      names.set(item.key as BankKey, spec.columns?.[position] ?? (spec.pattern as string).replaceAll('{i}', String(position + 1)));
    }
  } else if (spec.by === 'map') {
    for (const [key, column] of Object.entries(spec.map)) {
      if (!scale.items.some((item) => item.key === key) && !isBankKey(key)) {
        throw new ScoringError('unknown_item', `Column map names unknown item "${key}".`, { item: key, value: column });
      }
      if (typeof column !== 'string' || column === '') invalid(`Column map: item "${key}" needs a column name.`, column);
    }
    for (const item of scale.items) {
      const column = spec.map[item.key as BankKey];
      if (column !== undefined) names.set(item.key as BankKey, column);
    }
  } else {
    invalid('Unknown column spec.', spec);
  }
  return names;
}

const bankKeyPattern = /^(talkTo|missCloseFriend|emptiness|leanOn|missCompany|circleTooSmall|trust|closeTo|missPeople|rejected|callOnFriends)$/;
function isBankKey(key: string): key is BankKey {
  return bankKeyPattern.test(key);
}

/**
 * Maps a dataset's header onto the scale's items, before any row is read. Throws a
 * {@link ScoringError}: `missing_column` naming the item and the column it looked for,
 * `duplicate_column` for a column that occurs twice in the header or is mapped to two items.
 *
 * @example
 * ```ts
 * import { djg6, mapColumns } from 'loneliness-scales';
 * const header = ['id', 'lone3', 'lone4', 'lone7', 'lone8', 'lone9', 'lone10'];
 * mapColumns(djg6, header, { by: 'number', pattern: 'lone{n}' })[0]; // { key: 'emptiness', column: 'lone3', index: 1 }
 * ```
 */
export function mapColumns(scale: ScaleDefinition, header: readonly string[], spec?: ColumnSpec): ColumnMapping[] {
  const names = columnNames(scale, spec);
  const positions = new Map<string, number>();
  header.forEach((column, index) => {
    if (positions.has(column) && [...names.values()].includes(column)) {
      throw new ScoringError('duplicate_column', `Column "${column}" occurs more than once in the header.`, { value: column });
    }
    positions.set(column, index);
  });
  const mapping: ColumnMapping[] = [];
  const used = new Map<string, BankKey>();
  for (const item of scale.items) {
    const key = item.key as BankKey;
    const column = names.get(key);
    if (column === undefined) {
      throw new ScoringError('missing_column', `No column is mapped to item "${key}".`, { item: key });
    }
    const other = used.get(column);
    if (other !== undefined) {
      throw new ScoringError('duplicate_column', `Column "${column}" is mapped to both "${other}" and "${key}".`, { item: key, value: column });
    }
    used.set(column, key);
    const index = positions.get(column);
    if (index === undefined) {
      throw new ScoringError('missing_column', `Item "${key}": column "${column}" is not in the data.`, { item: key, value: column });
    }
    mapping.push({ key, column, index });
  }
  return mapping;
}

/** The comma-separated entries of a column spec, none of them empty. */
function entries(list: string, text: string): string[] {
  const parts = list.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) invalid(`Column spec "${text}": empty entry (a comma too many?).`, text);
  return parts;
}

/**
 * Reads a column spec written as text, as the CLI takes it:
 * `key` (columns named by item key), a pattern with `{n}` (`lone{n}`: by 11-item number),
 * `order:NAME:PATTERN` or `order:NAME:COL1,COL2,…` (a dataset order of the reference), or
 * `key=column` pairs separated by commas (`emptiness=Q3,leanOn=Q4,…`). Text that cannot be read
 * unambiguously is a {@link ScoringError} (`invalid_option`) naming the problem: an item given
 * twice, an empty entry (as a trailing comma leaves), a pair without a column; an unknown item
 * key is `unknown_item`.
 *
 * @example
 * ```ts
 * import { parseColumnSpec } from 'loneliness-scales';
 * parseColumnSpec('lone{n}');     // { by: 'number', pattern: 'lone{n}' }
 * parseColumnSpec('order:cbs:q{i}'); // { by: 'order', order: 'cbs', pattern: 'q{i}' }
 * ```
 */
export function parseColumnSpec(text: string): ColumnSpec {
  if (typeof text !== 'string') invalid('A column spec written as text must be a string.', text);
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'key') return { by: 'key' };
  if (trimmed.startsWith('order:')) {
    const [, order = '', rest = ''] = /^order:([^:]*):(.*)$/s.exec(trimmed) ?? [];
    if (!Object.hasOwn(datasetOrders, order)) invalid(`Unknown dataset order "${order}"; known: ${Object.keys(datasetOrders).join(', ')}.`, text);
    if (rest === '') invalid(`Order "${order}" needs columns or a pattern with {i}: order:${order}:q{i}.`, text);
    if (rest.includes('{i}')) return { by: 'order', order: order as DatasetOrder, pattern: rest };
    return { by: 'order', order: order as DatasetOrder, columns: entries(rest, text) };
  }
  if (trimmed.includes('=')) {
    const map: Partial<Record<BankKey, string>> = {};
    for (const pair of entries(trimmed, text)) {
      const parts = pair.split('=').map((part) => part.trim());
      const [key = '', column = ''] = parts;
      if (parts.length !== 2 || column === '') invalid(`Column spec "${text}": "${pair}" is not one key=column pair.`, text);
      if (!isBankKey(key)) throw new ScoringError('unknown_item', `Column map names unknown item "${key}".`, { item: key, value: column });
      // A key given twice would silently use the last column: refuse instead.
      if (Object.hasOwn(map, key)) invalid(`Column spec "${text}": item "${key}" is given more than once.`, text);
      map[key] = column;
    }
    return { by: 'map', map };
  }
  if (trimmed.includes('{n}')) return { by: 'number', pattern: trimmed };
  return invalid(`Cannot read column spec "${text}": use key, a pattern with {n}, order:NAME:…, or key=column pairs.`, text);
}
