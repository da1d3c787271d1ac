import { describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../../src/index.js';
import { createBatchScorer } from '../../../src/batch/index.js';
import { fixture, readSav, scoreSav } from '../../helpers/sav.js';
import { thrown } from '../../helpers/errors.js';

const scoreNames = ['total', 'emotional', 'social', 'category', 'missing_items', 'reason'];

describe('SPSS output: every input variable as it was, then the score variables', () => {
  const input = readSav(fixture('ggd.sav'));
  const output = readSav(scoreSav(fixture('ggd.sav'), { output: 'sav', language: 'nl' }).output);
  const ndjson = new TextDecoder()
    .decode(scoreSav(fixture('ggd.sav'), { output: 'ndjson' }).output)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('keeps every input variable, value, value label and user-missing declaration, and adds the score variables', () => {
    expect(output.names).toEqual([...input.names, ...scoreNames]);
    expect(output.rows.map((row) => input.names.map((name) => row.object?.[name]))).toEqual(input.rows.map((row) => input.names.map((name) => row.object?.[name])));
    input.columns.forEach((column, index) => {
      const copy = output.columns[index];
      expect(copy?.valueLabels).toEqual(column.valueLabels);
      expect(copy?.type).toBe(column.type);
      for (const value of [-9, -1, 0, 1, 7, 8, 9, 999, 'onbekend', 'x']) expect(copy?.isMissing(value)).toBe(column.isMissing(value));
    });
  });

  it('writes the same scores as the text output; missing scores are system-missing, the reason a string', () => {
    output.rows.forEach((row, index) => {
      const text = ndjson[index] as Record<string, unknown>;
      for (const name of ['total', 'emotional', 'social', 'category', 'missing_items']) expect(row.object?.[name], `${name} of case ${index + 1}`).toBe(text[name]);
      expect(row.object?.['reason']).toBe(text['reason'] ?? '');
    });
    expect(output.rows.some((row) => row.object?.['total'] === null)).toBe(true);
  });

  it('labels the category codes with the bands in the output language', () => {
    const category = output.columns.find((column) => column.name === 'category');
    expect(category?.valueLabels).toEqual([
      { value: 0, label: 'niet eenzaam' },
      { value: 1, label: 'matig eenzaam' },
      { value: 2, label: 'ernstig eenzaam' },
      { value: 3, label: 'zeer ernstig eenzaam' },
    ]);
    const dictionary = output.context?.source?.dictionary as { variables: { name: string; label: string | null }[] };
    expect(dictionary.variables.find((variable) => variable.name === 'total')?.label).toBe('Eenzaamheid: totaalscore');
  });

  it('its own output reads back and scores the same again (the score variables need a prefix then)', () => {
    const again = scoreSav(scoreSav(fixture('ggd.sav'), { output: 'sav' }).output, { output: 'sav', prefix: 'again_' });
    const rows = readSav(again.output).rows;
    expect(rows.map((row) => row.object?.['again_total'])).toEqual(output.rows.map((row) => row.object?.['total']));
  });

  it('an input variable named like a score variable (ignoring case, as SPSS does) is refused with a hint', () => {
    const scored = scoreSav(fixture('ggd.sav'), { output: 'sav' }).output;
    expect(thrown(() => scoreSav(scored, { output: 'sav' }))).toMatchObject({ code: 'duplicate_column', message: expect.stringMatching(/"total".*--prefix/) });
    expect(thrown(() => scoreSav(fixture('ggd.sav'), { output: 'sav', prefix: '9x' }))).toMatchObject({ code: 'invalid_option' });
  });

  it('is written from SPSS input only: CSV has no types, widths or labels to keep', () => {
    const error = thrown(() => {
      const scorer = createBatchScorer('csv', { scale: djg6, output: 'sav' }, () => {});
      scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n'));
      scorer.end();
    });
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'invalid_option', message: expect.stringMatching(/SPSS input only/) });
  });
});
