import { ScoringError } from '../../index.js';

/**
 * Reads a survey weight from a cell: a finite, non-negative number, or `NaN` for anything else
 * (blank, text, negative), which leaves the row out of weighted statistics.
 *
 * @example
 * ```ts
 * import { parseWeight } from 'loneliness-scales/batch/internal';
 * parseWeight(' 1.25 '); // 1.25
 * parseWeight('');       // NaN
 * parseWeight('-1');     // NaN
 * ```
 */
export function parseWeight(text: string): number {
  const trimmed = text.trim();
  const weight = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(weight) && weight >= 0 ? weight : Number.NaN;
}

/** The decimal separator of a weight column: `.`, `,`, or `auto` (see {@link createWeightReader}). */
export type DecimalSeparator = '.' | ',' | 'auto';

/**
 * Creates the reader of one weight column. A blank cell is a missing weight (`NaN`: the row is
 * left out of weighted statistics and counted); any other cell must be a finite, non-negative
 * number written with the decimal separator, or the reader throws a `ScoringError`
 * (`invalid_weight`) naming the line, the column and the cell — a weight column that cannot be
 * read stops the run instead of quietly dropping rows. With `auto`, the separator is `.` in
 * comma-delimited text; otherwise the first cell holding `.` or `,` decides it for the column
 * (`1,624` in a file Dutch Excel wrote), and a later cell holding the other is refused. With `,`,
 * a cell holding `.` is refused: `1.624` may mean 1624 written with a thousands separator.
 *
 * @example
 * ```ts
 * import { createWeightReader } from 'loneliness-scales/batch/internal';
 * const read = createWeightReader('Weegfactor', 'auto');
 * read('1,624', 2, false); // 1.624
 * read('', 3, false);      // NaN
 * ```
 */
export function createWeightReader(column: string, separator: DecimalSeparator): (text: string, line: number, commaDelimited: boolean) => number {
  let decided: '.' | ',' | null = separator === 'auto' ? null : separator;
  return (text, line, commaDelimited) => {
    const trimmed = text.trim();
    if (trimmed === '') return Number.NaN;
    const refuse = (why: string): never => {
      throw new ScoringError('invalid_weight', `Line ${line}: the weight ${JSON.stringify(text)} in column "${column}" ${why}.`, { path: column, value: text });
    };
    const hasComma = trimmed.includes(',');
    const hasPoint = trimmed.includes('.');
    let using = decided ?? (commaDelimited ? '.' : hasComma ? ',' : hasPoint ? '.' : null);
    if (hasComma && hasPoint) refuse('holds both a decimal point and a comma (thousands separators are not read)');
    if (using === '.' && hasComma) refuse("holds a comma, but the column's decimal separator is a point (a decimal comma is read with --decimal ,)");
    if (using === ',' && hasPoint) refuse(decided === ',' && separator === ',' ? 'holds a point, but the decimal separator is a comma (a thousands separator? give --decimal .)' : 'holds a point, but the column uses a decimal comma');
    if (using !== null && separator === 'auto' && decided === null && !commaDelimited) decided = using;
    using ??= '.';
    const weight = Number(using === ',' ? trimmed.replace(',', '.') : trimmed);
    if (Number.isNaN(weight) || /^0x|^[+-]?(infinity|nan)$/i.test(trimmed)) refuse('is not a number');
    if (!Number.isFinite(weight)) refuse('is not a finite number');
    if (weight < 0) refuse('is negative');
    return weight;
  };
}
