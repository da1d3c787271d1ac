import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type BatchOptions, createBatchScorer } from '../../../src/batch/index.js';
import { createWeightReader } from '../../../src/batch/summary/weights.js';

const answers = 'ja;ja;ja;nee;ja;ja';

function weights(input: string, options: Partial<BatchOptions> = {}): number[] {
  const seen: number[] = [];
  const scorer = createBatchScorer('csv', { scale: djg6, output: null, weightColumn: 'Weegfactor', ...options, onRow: (row) => seen.push(row.weight) }, () => undefined);
  scorer.push(new TextEncoder().encode(input));
  scorer.end();
  return seen;
}

describe('decimal commas in the weight column', () => {
  const header = 'Weegfactor;emptiness;leanOn;trust;closeTo;missPeople;rejected\r\n';

  it('in a ;-delimited file (Dutch Excel) 1,624 is 1.624; a blank weight is missing (NaN)', () => {
    expect(weights(`${header}1,624;${answers}\r\n0,5;${answers}\r\n;${answers}\r\n2;${answers}\r\n`)).toEqual([1.624, 0.5, Number.NaN, 2]);
  });

  it('in a ;-delimited file with decimal points (Python, R write.csv2 aside) 1.5 is 1.5', () => {
    expect(weights(`${header}1.5;${answers}\r\n2;${answers}\r\n`)).toEqual([1.5, 2]);
  });

  it('a column mixing 1,5 and 1.5 stops with invalid_weight naming the line and the cell', () => {
    expect(() => weights(`${header}1,5;${answers}\r\n1.5;${answers}\r\n`)).toThrow(
      expect.objectContaining({ code: 'invalid_weight', message: expect.stringMatching(/Line 3: the weight "1\.5" in column "Weegfactor"/) }),
    );
  });

  it('in a comma-delimited file a quoted "1,624" is refused unless the decimal separator is named', () => {
    const csv = `Weegfactor,emptiness,leanOn,trust,closeTo,missPeople,rejected\n"1,624",${answers.replaceAll(';', ',')}\n`;
    expect(() => weights(csv)).toThrow(expect.objectContaining({ code: 'invalid_weight', message: expect.stringContaining('--decimal ,') }));
    expect(weights(csv, { decimalSeparator: ',' })).toEqual([1.624]);
  });

  it('with a named comma, 1.624 is refused: it may be 1624 with a thousands separator', () => {
    expect(() => weights(`${header}1.624;${answers}\r\n`, { decimalSeparator: ',' })).toThrow(expect.objectContaining({ code: 'invalid_weight' }));
  });

  it.each(['abc', '1.624,5', '-1', 'Infinity', '1e999', '0x10', 'NaN', '1,2,3'])('the weight %j cannot be read: invalid_weight, not a silently dropped row', (cell) => {
    const read = createWeightReader('w', 'auto');
    expect(() => read(cell, 7, false)).toThrow(expect.objectContaining({ code: 'invalid_weight', path: 'w', value: cell }));
  });

  it('large and tiny weights in plain notation still read', () => {
    const read = createWeightReader('w', 'auto');
    expect([read('1e308', 2, true), read(' 0 ', 3, true), read('+2', 4, true)]).toEqual([1e308, 0, 2]);
  });
});
