import { ScoringError } from '../../index.js';

const QUOTE = 0x22;

/** The delimiters found from a header line, in the order a tie is reported. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Checks a delimiter given by name or as the character: one ASCII character other than a quote,
 * a line break, a letter or a digit; `tab`, `\t`, `comma`, `semicolon` and `pipe` name the usual
 * ones. Throws a `ScoringError` (`invalid_option`) for anything else.
 */
export function readDelimiter(value: unknown): string {
  const names: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const text = typeof value === 'string' && Object.hasOwn(names, value.toLowerCase()) ? (names[value.toLowerCase()] as string) : value;
  if (typeof text !== 'string' || text.length !== 1 || text.charCodeAt(0) > 0x7e || (text.charCodeAt(0) < 0x20 && text !== '\t') || /["\r\n0-9A-Za-z]/.test(text)) {
    throw new ScoringError(
      'invalid_option',
      `The delimiter must be one character such as , ; | or tab (not a quote, line break, letter or digit), not ${JSON.stringify(value)}.`,
      { path: 'delimiter', value },
    );
  }
  return text;
}

/**
 * The delimiter of a header line: the one of `,` `;` tab `|` that occurs most often outside
 * quotes; `,` when none occurs (a single column). Two that occur equally often are ambiguous:
 * a `ScoringError` (`invalid_option`) asks for the delimiter to be named.
 */
export function detectDelimiter(header: Uint8Array): string {
  const counts = DELIMITER_CANDIDATES.map(() => 0);
  let quoted = false;
  for (const byte of header) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted) {
      const index = DELIMITER_CANDIDATES.findIndex((candidate) => candidate.charCodeAt(0) === byte);
      if (index !== -1) counts[index] = (counts[index] as number) + 1;
    }
  }
  const most = Math.max(...counts);
  if (most === 0) return ',';
  const tied = DELIMITER_CANDIDATES.filter((_, index) => counts[index] === most);
  if (tied.length > 1) {
    const shown = tied.map((candidate) => (candidate === '\t' ? 'tab' : `"${candidate}"`)).join(' and ');
    throw new ScoringError(
      'invalid_option',
      `The header line holds ${shown} equally often (${most} each): the delimiter cannot be told; name it (--delimiter).`,
      { path: 'delimiter', value: tied },
    );
  }
  return DELIMITER_CANDIDATES[counts.indexOf(most)] as string;
}
