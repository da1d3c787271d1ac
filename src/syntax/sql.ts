import { type ScaleDefinition, ScoringError } from '../index.js';
import { checkedPlan, checkedText } from './checks.js';
import { codeList, commentText, hasNotOffered, headerLines, itemPlace, pointsInWords } from './describe.js';
import type { PlannedItem, PlannedScore, SyntaxOptions } from './plan.js';

/** Options of {@link toSql}: those of every target, plus the table to read. */
export interface SqlOptions<S extends ScaleDefinition = ScaleDefinition> extends SyntaxOptions<S> {
  /** The table (or view) holding one row per respondent; may be qualified (`survey.responses`). Default `responses`. */
  readonly table?: string | undefined;
}

/** Words that cannot stand unquoted as a column name in the engines the SQL targets. */
const reserved = new Set(
  ('all and any array as asc between both by case cast check collate column constraint create cross current default desc distinct ' +
    'do else end except exists false fetch for foreign from full grant group having in inner intersect interval into is join lateral ' +
    'leading left like limit natural not null of offset on only or order outer over partition primary references right rollup row rows ' +
    'select some table then to trailing true union unique using values when where window with').split(' '),
);

/**
 * An identifier as standard SQL writes it: bare when it is a plain lower-or-mixed-case word (so
 * that it also runs unchanged in Spark SQL and BigQuery), in double quotes otherwise.
 */
export function sqlIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !reserved.has(name.toLowerCase()) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** A table name, qualified or not (`survey.responses`), each part an identifier; never empty. */
function tableName(text: unknown): string {
  const parts = checkedText(text, 'The table name').split('.');
  if (parts.some((part) => part === '')) {
    throw new ScoringError('invalid_option', `The table name ${JSON.stringify(text)} has an empty part.`, { value: text });
  }
  return parts.map(sqlIdentifier).join('.');
}

function indent(lines: readonly string[], spaces: number): string[] {
  return lines.map((line) => ' '.repeat(spaces) + line);
}

/** `a + b + c` over one expression per item, one item a line. */
function sum(items: readonly PlannedItem[], expression: (item: PlannedItem) => string): string[] {
  return items.map((item, index) => `${index === 0 ? '  ' : '+ '}${expression(item)}`);
}

function inCodes(column: string, codes: readonly number[]): string {
  // No code (an item offering none of the coding's answers): a test that is never true.
  if (codes.length === 0) return '1 = 0';
  return codes.length === 1 ? `${column} = ${codes[0]}` : `${column} IN (${codeList(codes)})`;
}

function scoreColumn(score: PlannedScore, invalidItems: string): string[] {
  // Only rows without an invalid item are scored: an answered item scores its points, a missing
  // one 0 (and counts as missing).
  const point = (item: PlannedItem): string => {
    const column = sqlIdentifier(item.column);
    const scoring = item.points.filter(({ points, codes }) => points !== 0 && codes.length > 0);
    if (scoring.length === 0) return '0';
    return `CASE ${scoring.map(({ points, codes }) => `WHEN ${inCodes(column, codes)} THEN ${points}`).join(' ')} ELSE 0 END`;
  };
  const missing = (item: PlannedItem): string => `CASE WHEN ${inCodes(sqlIdentifier(item.column), item.answerCodes)} THEN 0 ELSE 1 END`;
  return [
    `-- ${commentText(score.output)}: ${score.tolerated === 0 ? 'every item answered' : `at most ${score.tolerated} missing item${score.tolerated > 1 ? 's' : ''}`}, no code outside the coding`,
    'CASE',
    `  WHEN checked.${sqlIdentifier(invalidItems)} = 0`,
    '   AND (',
    ...indent(sum(score.items, missing), 8),
    `       ) <= ${score.tolerated}`,
    '  THEN',
    ...indent(sum(score.items, point), 4),
    `END AS ${sqlIdentifier(score.output)}`,
  ];
}

/**
 * Generates standard SQL that scores a scale (De Jong Gierveld, or any scale definition): one
 * `SELECT` over a table with one row per respondent, returning all its columns plus the total and
 * (on a scale with subscales) the emotional and social scores, their categories (the bands'
 * numeric codes, labelled in the comments) and `invalid_items`, the number of items holding a
 * code outside the coding or an answer the item does not offer (a row with one gets no scores).
 * A scale without subscales gets no emotional or social columns.
 * Only `CASE` expressions and arithmetic: it runs unchanged in DuckDB and SQLite, and in Spark
 * SQL, BigQuery and Trino as long as no name needs quoting. The item columns hold the coding's
 * integer codes or `NULL`. Deterministic: the same input gives the same text.
 *
 * Names are double-quoted (the quote doubled) whenever they are not plain words, codes are
 * checked integers, and no text can carry a line break into the SQL. Throws a `ScoringError` for
 * options the library would not accept, (`invalid_coding`) for a coding object that is not a
 * valid coding, and (`invalid_option`) for a table or column name that is empty or holds a line
 * break or control character.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toSql } from 'loneliness-scales/syntax';
 * const sql = toSql(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' }, table: 'survey' });
 * sql.includes('FROM survey AS responses'); // true
 * ```
 */
export function toSql<S extends ScaleDefinition>(scale: S, options: SqlOptions<S>): string {
  const plan = checkedPlan(scale, options);
  const table = tableName(options.table ?? 'responses');
  const invalidItems = sqlIdentifier(plan.invalidItems);
  const validity = (item: PlannedItem): string => {
    const column = sqlIdentifier(item.column);
    const missingTests = [`${column} IS NULL`];
    if (plan.coding.negativeCodesMissing) missingTests.push(`${column} < 0`);
    // An answer the item does not offer is as invalid as a code outside the coding.
    const known = [...item.answerCodes, ...plan.missingCodes].sort((a, b) => a - b);
    missingTests.push(inCodes(column, known));
    return `CASE WHEN ${missingTests.join(' OR ')} THEN 0 ELSE 1 END`;
  };
  const itemComments = plan.items.map(
    (item) =>
      `--   ${commentText(item.column)}: item ${item.item.number} (${itemPlace(item)}), "${commentText(item.item.text[plan.language])}"; ${pointsInWords(item)}`,
  );
  const categoryColumns = plan.categories.map((category) => [
    `-- ${commentText(category.output)}: ${category.convention.bands.map((band) => `${band.code} = ${band.label[plan.language]}`).join(', ')}`,
    'CASE',
    ...category.convention.bands.map(
      (band) =>
        `  WHEN scored.${sqlIdentifier(category.of.output)} ${band.min === band.max ? `= ${band.min}` : `BETWEEN ${band.min} AND ${band.max}`} THEN ${band.code}`,
    ),
    `END AS ${sqlIdentifier(category.output)}`,
  ]);
  const list = (blocks: readonly string[][]): string[] =>
    blocks.flatMap((block, index) => (index < blocks.length - 1 ? [...block.slice(0, -1), `${block[block.length - 1]},`] : block));

  return [
    ...headerLines(plan, 'scoring in standard SQL (DuckDB, SQLite, Spark SQL, BigQuery, Trino)', 'NULL').map((line) => `-- ${line}`.trimEnd()),
    '--',
    '-- Item columns (integer codes or NULL):',
    ...itemComments,
    'SELECT',
    '  scored.*,',
    ...indent(list(categoryColumns), 2),
    'FROM (',
    '  SELECT',
    '    checked.*,',
    ...indent(list(plan.scores.map((score) => scoreColumn(score, plan.invalidItems))), 4),
    '  FROM (',
    '    SELECT',
    '      responses.*,',
    `      -- ${commentText(plan.invalidItems)}: items holding a code that is neither an answer${hasNotOffered(plan) ? ' the item offers' : ''} nor missing`,
    '      (',
    ...indent(sum(plan.items, validity), 8),
    `      ) AS ${invalidItems}`,
    `    FROM ${table} AS responses`,
    '  ) AS checked',
    ') AS scored;',
    '',
  ].join('\n');
}
