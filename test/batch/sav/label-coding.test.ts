import { describe, expect, it } from 'vitest';
import { ScoringError, djg11, djg6, mapColumns } from '../../../src/index.js';
import { createBatchScorer } from '../../../src/batch/index.js';
import { codingFromLabels } from '../../../src/batch/streams/label-coding.js';
import type { ColumnInfo } from '../../../src/batch/streams/rows.js';
import { fixture, ggdBatchColumns, readSav, scoreSav } from '../../helpers/sav.js';
import { parseQuotedCsv } from '../../helpers/cli.js';
import { thrown } from '../../helpers/errors.js';

/** A column as a file's dictionary describes it. */
function column(name: string, labels: Record<number, string>, missing: readonly number[] = [], type: 'numeric' | 'string' = 'numeric'): ColumnInfo {
  return {
    name,
    type,
    valueLabels: Object.entries(labels).map(([value, label]) => ({ value: type === 'numeric' ? Number(value) : value, label })),
    isMissing: (value) => missing.includes(value as number),
  };
}

const header = ['id', 'lone3', 'lone4', 'lone7', 'lone8', 'lone9', 'lone10'];
const mapping = mapColumns(djg6, header, { by: 'number', pattern: 'lone{n}' });
const rivmLabels = { 1: 'ja', 2: 'min of meer', 3: 'nee', 9: 'weet niet' };
const columnsWith = (labels: Record<number, string>, missing: readonly number[] = [9]) => [undefined, ...header.slice(1).map((name) => column(name, labels, missing))];

/** Parses the scorer's CSV output (no quoted line breaks). */
const csvRows = (bytes: Uint8Array) => parseQuotedCsv(new TextDecoder().decode(bytes));

describe('the coding comes from the value labels (reference §2: codings are never guessed; labels name them)', () => {
  it('labels 1 "ja", 2 "min of meer", 3 "nee" define the RIVM coding; a labelled user-missing code is no answer', () => {
    const coding = codingFromLabels(mapping, columnsWith(rivmLabels), undefined);
    expect(coding?.codes).toEqual({ 1: 'yes', 2: 'more or less', 3: 'no' });
    expect(coding?.negativeCodesMissing).toBe(true);
  });

  it('labels in English and the 5-point labels are read as the core reads answer labels', () => {
    expect(codingFromLabels(mapping, columnsWith({ 0: 'No', 1: 'More or less', 2: 'YES' }), undefined)?.codes).toEqual({ 0: 'no', 1: 'more or less', 2: 'yes' });
    expect(codingFromLabels(mapping, columnsWith({ 1: 'ja!', 2: 'ja', 3: 'min-of-meer', 4: 'nee', 5: 'nee!' }), undefined)?.codes).toEqual({
      1: 'yes!',
      2: 'yes',
      3: 'more or less',
      4: 'no',
      5: 'no!',
    });
  });

  it('item columns without answer labels leave the coding to the caller', () => {
    expect(codingFromLabels(mapping, columnsWith({ 1: 'man', 2: 'vrouw' }), undefined)).toBeUndefined();
    expect(codingFromLabels(mapping, [], 'manual')).toBeUndefined();
  });

  it('a given coding that agrees with the labels is used (with its own missing codes)', () => {
    expect(codingFromLabels(mapping, columnsWith(rivmLabels), 'rivm')?.name).toBe('rivm');
  });

  it('a given coding that contradicts the labels stops the run, showing both (a reversed coding gives plausible wrong scores)', () => {
    const error = thrown(() => codingFromLabels(mapping, columnsWith(rivmLabels), 'manual'));
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'invalid_coding' });
    const { message } = error as ScoringError;
    expect(message).toContain('1 = "ja", 2 = "min of meer", 3 = "nee"');
    expect(message).toContain('coding "manual" reads 1 as "no", 3 as "yes"');
  });

  it('a string item variable with value labels is refused: its values are texts, not codes', () => {
    const columns = [undefined, column('lone3', { 1: 'ja' }, [], 'string'), ...header.slice(2).map((name) => column(name, rivmLabels, [9]))];
    expect(thrown(() => codingFromLabels(mapping, columns, undefined))).toMatchObject({
      code: 'invalid_coding',
      item: 'emptiness',
      message: expect.stringMatching(/"lone3" is a string variable with value labels/),
    });
  });

  it('a label set that gives "ja" to two codes is refused', () => {
    expect(thrown(() => codingFromLabels(mapping, columnsWith({ 1: 'ja', 2: 'Ja', 3: 'nee' }), undefined))).toMatchObject({
      code: 'invalid_coding',
      message: expect.stringMatching(/give the answer "yes" to both 1 and 2/),
    });
  });

  it('item variables labelled with different codings are refused (one coding per run)', () => {
    const columns = [undefined, column('lone3', { 1: 'nee', 3: 'ja' }), ...header.slice(2).map((name) => column(name, rivmLabels, [9]))];
    expect(thrown(() => codingFromLabels(mapping, columns, undefined))).toMatchObject({ code: 'invalid_coding', message: expect.stringMatching(/Code 1 is labelled/) });
  });

  it('a labelled answer code that is not a whole number is refused', () => {
    expect(thrown(() => codingFromLabels(mapping, columnsWith({ 1.5: 'ja', 3: 'nee' }), undefined))).toMatchObject({ code: 'invalid_coding' });
  });

  it('a labelled negative answer code keeps negative codes as answers', () => {
    expect(codingFromLabels(mapping, columnsWith({ [-1]: 'nee', 1: 'ja' }), undefined)?.negativeCodesMissing).toBe(false);
  });
});

describe('scoring a PSPP-written GGD file by its labels', () => {
  const ggd = fixture('ggd.sav');

  it('scores exactly as the same codes with --coding rivm and 8, 9 missing (differential; user-missing, system-missing, negative codes)', () => {
    const byLabels = csvRows(scoreSav(ggd).output);
    // The same cases as text, scored through the named preset; user-missing codes declared as such.
    const { names, rows } = readSav(ggd);
    const text = [names.join('\t'), ...rows.map((row) => names.map((name) => (row.object?.[name] ?? '') as string | number).join('\t'))].join('\n');
    const parts: Uint8Array[] = [];
    const scorer = createBatchScorer('tsv', { scale: djg11, columns: ggdBatchColumns, scoring: { coding: { name: 'rivm 8 9', codes: { 1: 'ja', 2: 'min of meer', 3: 'nee' }, missingCodes: [8, 9] } as never }, output: 'csv' }, (chunk) => parts.push(chunk.slice()));
    scorer.push(new TextEncoder().encode(text));
    scorer.end();
    const byPreset = csvRows(Uint8Array.from(parts.flatMap((part) => [...part])));
    expect(byLabels).toHaveLength(8);
    const scoresOf = (row: Record<string, string>) => [row.total, row.emotional, row.social, row.category, row.missing_items];
    expect(byLabels.map(scoresOf)).toEqual(byPreset.map(scoresOf));
    // Case 3 answers 9 (user-missing: weet niet), case 8 is system-missing, case 5 answers -1: one missing item each.
    expect([byLabels[2]?.missing_items, byLabels[4]?.missing_items, byLabels[7]?.missing_items]).toEqual(['1', '1', '1']);
    // Case 7 answers 8 (user-missing: geen antwoord) to every item.
    expect(byLabels[6]?.missing_items).toBe('11');
    // Case 4 answers 7, which no label names: an invalid answer, reported, never guessed.
    expect(byLabels[3]?.reason).toMatch(/7 is not in coding value labels/);
  });

  it('the weight column is read from the file for summaries (numbers as stored)', () => {
    const weights: number[] = [];
    const scorer = createBatchScorer('sav', { scale: djg11, columns: ggdBatchColumns, output: null, weightColumn: 'Weegfactor', onRow: (row) => weights.push(row.weight) }, () => {});
    scorer.push(ggd);
    scorer.end();
    expect(weights).toEqual([1.624, 0.812, 1, 1, 1, Number.NaN, 2.5, 0.5]);
  });

  it('onCoding reports the coding read from the labels, once; not when the caller named one', () => {
    const seen: string[] = [];
    scoreSav(ggd, { onCoding: (coding) => seen.push(coding.name) });
    expect(seen).toEqual(['value labels (1 = "ja", 2 = "min of meer", 3 = "nee")']);
    scoreSav(ggd, { scoring: { coding: 'rivm' }, onCoding: (coding) => seen.push(coding.name) });
    expect(seen).toHaveLength(1);
  });

  it('--coding manual on the file stops before any row is scored', () => {
    expect(thrown(() => scoreSav(ggd, { scoring: { coding: 'manual' } }))).toMatchObject({ code: 'invalid_coding' });
  });
});
