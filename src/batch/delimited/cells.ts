/** Bytes a formula-like cell can start with: `=` `+` `-` `@` tab CR. */
export const formulaStart = /* @__PURE__ */ (() => {
  const table = new Uint8Array(256);
  for (const byte of [0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]) table[byte] = 1;
  return table;
})();

// A decimal comma (-1,5 as Dutch Excel writes it) is a number too, not a formula.
const PLAIN_NUMBER = /^[-+]?(\d+[.,]?\d*|[.,]\d+)([eE][-+]?\d+)?$/;

/**
 * Whether a cell would be read as a formula by a spreadsheet: it starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (OWASP, CSV injection) and is not a plain number.
 *
 * @example
 * ```ts
 * import { isFormulaLike } from 'loneliness-scales/batch/internal';
 * isFormulaLike('=HYPERLINK("x")'); // true
 * isFormulaLike('-1');              // false: a number
 * ```
 */
export function isFormulaLike(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40 && first !== 0x09 && first !== 0x0d) return false;
  return !PLAIN_NUMBER.test(text);
}

/**
 * Writes one cell for delimited output: a formula-like cell is prefixed with `'` so that a
 * spreadsheet shows it as text; a CSV cell holding the delimiter, a quote or a line break is
 * quoted. TSV has no quoting, so tabs and line breaks in a TSV cell become spaces.
 *
 * @example
 * ```ts
 * import { encodeCell } from 'loneliness-scales/batch/internal';
 * encodeCell('=1+1', ',');     // "'=1+1"
 * encodeCell('a,"b"', ',');    // '"a,""b"""'
 * ```
 */
export function encodeCell(text: string, delimiter: string): string {
  const safe = isFormulaLike(text) ? `'${text}` : text;
  if (delimiter === '\t') return safe.replace(/[\t\r\n]/g, ' ');
  if (safe.includes(delimiter) || safe.includes('"') || safe.includes('\n') || safe.includes('\r')) {
    return `"${safe.replaceAll('"', '""')}"`;
  }
  return safe;
}
