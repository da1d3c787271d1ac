import { ScoringError } from '../errors.js';
import type { BankKey, ScaleDefinition } from '../types.js';
import { itemVariants } from '../scales/variants.js';
import { type DatasetOrder, datasetOrders } from './orders.js';

/**
 * How a dataset's columns map onto item keys.
 *
 * - `{ by: 'key' }`: columns named by item key (`emptiness`, `leanOn`, …) — the default.
 * - `{ by: 'number', pattern: 'lone{n}' }`: columns named by 11-item number (`{nn}`: two digits,
 *   `GGEEB2{nn}` names `GGEEB203` for item 3).
 * - `{ by: 'order', order: 'cbs', columns: [...] }` or `{ by: 'order', order: 'cbs', pattern: 'q{i}' }`:
 *   columns listed (or named by position `{i}`, from 1; `{ii}`: two digits) in a dataset order of the reference.
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
  /** `'text'` when the column was found by the item's question text rather than by its name. */
  readonly matchedBy?: 'text';
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
    if (!spec.pattern.includes('{n}') && !spec.pattern.includes('{nn}')) invalid(`Column pattern "${spec.pattern}" has no {n} (or {nn}) for the item number.`, spec.pattern);
    for (const item of scale.items) names.set(item.key as BankKey, numbered(spec.pattern, 'n', item.number));
  } else if (spec.by === 'order') {
    const order: readonly number[] | undefined = Object.hasOwn(datasetOrders, spec.order) ? datasetOrders[spec.order] : undefined;
    if (order === undefined) invalid(`Unknown dataset order "${spec.order}"; known: ${Object.keys(datasetOrders).join(', ')}.`, spec.order);
    if (spec.columns !== undefined && spec.columns.length !== order.length) {
      invalid(`Order "${spec.order}" has ${order.length} items; ${spec.columns.length} columns were given.`, spec.columns);
    }
    if (spec.columns === undefined && !spec.pattern?.includes('{i}') && !spec.pattern?.includes('{ii}')) invalid('A dataset order needs columns or a pattern with {i}.', spec);
    for (const item of scale.items) {
      const position = order.indexOf(item.number);
      if (position === -1) continue;
      names.set(item.key as BankKey, spec.columns?.[position] ?? numbered(spec.pattern as string, 'i', position + 1));
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

/** A pattern with its number placeholder filled in: `{n}` as is, `{nn}` with two digits. */
function numbered(pattern: string, letter: 'n' | 'i', number: number): string {
  return pattern.replaceAll(`{${letter}${letter}}`, String(number).padStart(2, '0')).replaceAll(`{${letter}}`, String(number));
}

/**
 * A column label reduced for comparison with item texts: accents, case, punctuation and spacing
 * ignored ("Ik ervaar een leegte om me heen." and "IK ERVAAR EEN LEEGTE OM ME HEEN" are one text).
 */
function textKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The texts an item's column may carry as its name: its own, in Dutch and English, and the variants in circulation. */
function itemTexts(item: ScaleDefinition['items'][number]): string[] {
  const variants = Object.hasOwn(itemVariants, item.key) ? itemVariants[item.key as BankKey] : { nl: [], en: [] };
  return [item.text.nl, item.text.en, ...variants.nl, ...variants.en].map(textKey).filter((text) => text !== '');
}

const bankKeyPattern = /^(talkTo|missCloseFriend|emptiness|leanOn|missCompany|circleTooSmall|trust|closeTo|missPeople|rejected|callOnFriends)$/;
function isBankKey(key: string): key is BankKey {
  return bankKeyPattern.test(key);
}

/**
 * Maps a dataset's header onto the scale's items, before any row is read. By key (the default),
 * an item whose key names no column is found by a column labelled with its question text, in
 * Dutch or English or a wording variant of `itemVariants`, ignoring case, accents and
 * punctuation (`matchedBy: 'text'`). Throws a {@link ScoringError}: `missing_column` naming the
 * item and the column it looked for, the header's first 20 columns, and column specs that would
 * fit them; `duplicate_column` for a column that occurs twice in the header or is mapped to two
 * items, or for two columns carrying one item's text.
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
  const byKey = spec === undefined || spec.by === 'key';
  /** Header positions by question text, built only when a column named by key is absent. */
  let byText: Map<string, number[]> | undefined;
  const mapping: ColumnMapping[] = [];
  const used = new Map<string, BankKey>();
  for (const item of scale.items) {
    const key = item.key as BankKey;
    const column = names.get(key);
    if (column === undefined) {
      throw new ScoringError('missing_column', `No column is mapped to item "${key}".`, { item: key });
    }
    let index = positions.get(column);
    let matched = column;
    let matchedBy: 'text' | undefined;
    if (index === undefined && byKey) {
      // Columns named by key are the default; a column labelled with the item's question text is the same item.
      if (byText === undefined) {
        byText = new Map();
        header.forEach((name, position) => {
          const text = textKey(name);
          if (text !== '') byText?.set(text, [...(byText.get(text) ?? []), position]);
        });
      }
      const found = [...new Set(itemTexts(item).flatMap((text) => byText?.get(text) ?? []))];
      if (found.length > 1) {
        throw new ScoringError('duplicate_column', `Item "${key}": columns ${found.map((position) => `"${header[position]}"`).join(' and ')} both carry its question text.`, { item: key, value: found.map((position) => header[position]) });
      }
      if (found.length === 1) {
        index = found[0] as number;
        matched = header[index] as string;
        matchedBy = 'text';
      }
    }
    const other = used.get(matched);
    if (other !== undefined) {
      throw new ScoringError('duplicate_column', `Column "${matched}" is mapped to both "${other}" and "${key}".`, { item: key, value: matched });
    }
    used.set(matched, key);
    if (index === undefined) {
      throw new ScoringError('missing_column', `Item "${key}": column "${column}" is not in the data. ${describeHeader(scale, header)}`, { item: key, value: column });
    }
    mapping.push(matchedBy === undefined ? { key, column: matched, index } : { key, column: matched, index, matchedBy });
  }
  return mapping;
}

/** The most columns a missing-column message lists. */
const LISTED_COLUMNS = 20;

/** What a missing-column message says about the data: its first columns and the column specs that would fit them. */
function describeHeader(scale: ScaleDefinition, header: readonly string[]): string {
  const shown = header.slice(0, LISTED_COLUMNS).map((name) => JSON.stringify(name)).join(', ');
  const more = header.length > LISTED_COLUMNS ? `, … (${header.length - LISTED_COLUMNS} more)` : '';
  const found = header.length === 0 ? 'The data has no columns.' : `The data has ${header.length} column${header.length === 1 ? '' : 's'}: ${shown}${more}.`;
  const specs = suggestColumnSpecs(scale, header);
  return specs.length === 0 ? found : `${found} A column spec that fits them: ${specs.join(' or ')}.`;
}

/**
 * Column specs that would map every item of the scale onto the header: patterns by 11-item
 * number (`lone{n}`, `GGEEB2{nn}`), and dataset orders by position (`order:seed:q12_{i}`) —
 * which order is right only the questionnaire tells, so every order of that length is named. A
 * header that fits a pattern by number gets no order suggestions.
 */
function suggestColumnSpecs(scale: ScaleDefinition, header: readonly string[]): string[] {
  const present = new Set(header);
  const prefixes = new Set<string>();
  for (const name of header) {
    // Every cut within the trailing digits: GGEEB201 may be GGEEB2 + 01 as well as GGEEB + 201.
    const digits = /\d*$/.exec(name)?.[0].length ?? 0;
    for (let cut = 1; cut <= Math.min(digits, 3); cut++) prefixes.add(name.slice(0, name.length - cut));
  }
  const specs: string[] = [];
  const orderSpecs: string[] = [];
  const numbers = scale.items.map((item) => item.number);
  for (const prefix of [...prefixes].slice(0, 200)) {
    // Braces in a prefix would read as placeholders: such names are left to an explicit map.
    if (/[{}]/.test(prefix)) continue;
    if (numbers.every((number) => present.has(`${prefix}${number}`))) specs.push(`'${prefix}{n}'`);
    else if (numbers.every((number) => present.has(`${prefix}${String(number).padStart(2, '0')}`))) specs.push(`'${prefix}{nn}'`);
    else {
      const positions = numbers.map((_, position) => position + 1);
      const orders = Object.entries(datasetOrders).filter(([, order]) => order.length === numbers.length && [...order].sort((a, b) => a - b).join() === [...numbers].sort((a, b) => a - b).join());
      const placeholder = positions.every((position) => present.has(`${prefix}${position}`)) ? '{i}' : positions.every((position) => present.has(`${prefix}${String(position).padStart(2, '0')}`)) ? '{ii}' : null;
      if (placeholder !== null && orders.length > 0) {
        orderSpecs.push(`'order:NAME:${prefix}${placeholder}' with NAME the questionnaire's order (${orders.map(([name, order]) => `${name}: ${order.join(',')}`).join('; ')})`);
      }
    }
    if (specs.length + orderSpecs.length >= 3) break;
  }
  // Columns named by item number are the surer reading: positions fit them by coincidence.
  return specs.length > 0 ? specs : orderSpecs;
}

/** The comma-separated entries of a column spec, none of them empty. */
function entries(list: string, text: string): string[] {
  const parts = list.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) invalid(`Column spec "${text}": empty entry (a comma too many?).`, text);
  return parts;
}

/**
 * Reads a column spec written as text, as the CLI takes it:
 * `key` (columns named by item key, or labelled with the item's question text), a pattern with
 * `{n}` (`lone{n}`: by 11-item number) or `{nn}` (`GGEEB2{nn}`: the number in two digits),
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
    if (rest.includes('{i}') || rest.includes('{ii}')) return { by: 'order', order: order as DatasetOrder, pattern: rest };
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
  if (trimmed.includes('{n}') || trimmed.includes('{nn}')) return { by: 'number', pattern: trimmed };
  return invalid(`Cannot read column spec "${text}": use key, a pattern with {n}, order:NAME:…, or key=column pairs.`, text);
}
