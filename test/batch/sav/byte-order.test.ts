import { describe, expect, it } from 'vitest';
import { djg11 } from '../../../src/index.js';
import { fixture, readSav, scoreSav, toBigEndian } from '../../helpers/sav.js';

// The header's layout code tells the byte order (PSPP guide, "File Header Record"): a big-endian
// file is read as a little-endian one, and SPSS output keeps the input's byte order.
const columns = { by: 'order', order: 'manual', columns: Array.from({ length: 11 }, (_, index) => `q${index + 1}`) } as const;

describe('byte order (PSPP guide, "File Header Record": layout code 2 in the writer\'s order)', () => {
  it.each(['numeric.sav', 'numeric-uncompressed.sav'])('%s in big-endian order reads exactly as in little-endian order', (name) => {
    const little = readSav(fixture(name));
    const big = readSav(toBigEndian(fixture(name)));
    expect(big.names).toEqual(little.names);
    expect(big.rows).toEqual(little.rows);
    expect(big.rows.map((row) => row.object?.['w'])).toEqual([1.5, 0.25, 2]);
    expect(big.columns.find((column) => column.name === 'q1')?.valueLabels).toEqual(little.columns.find((column) => column.name === 'q1')?.valueLabels);
    expect(big.columns.find((column) => column.name === 'q11')?.isMissing(9)).toBe(true);
    expect((big.context?.source?.dictionary as { littleEndian: boolean }).littleEndian).toBe(false);
  });

  it('a big-endian file scores as the little-endian one, and its SPSS output stays big-endian and reads back', () => {
    const options = { scale: djg11, columns };
    const little = scoreSav(fixture('numeric.sav'), options).output;
    const big = scoreSav(toBigEndian(fixture('numeric.sav')), options).output;
    expect(new TextDecoder().decode(big)).toBe(new TextDecoder().decode(little));
    const written = scoreSav(toBigEndian(fixture('numeric.sav')), { ...options, output: 'sav' }).output;
    const read = readSav(written);
    expect((read.context?.source?.dictionary as { littleEndian: boolean }).littleEndian).toBe(false);
    expect(read.rows.map((row) => row.object?.['total'])).toEqual(readSav(scoreSav(fixture('numeric.sav'), { ...options, output: 'sav' }).output).rows.map((row) => row.object?.['total']));
  });
});
