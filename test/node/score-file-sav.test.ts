import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { djg11 } from '../../src/index.js';
import { scoreFile } from '../../src/node/index.js';
import { fixtureDirectory, ggdBatchColumns, readSav } from '../helpers/sav.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-score-file-sav-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const input = fileURLToPath(new URL('ggd.sav', fixtureDirectory));

describe('scoreFile on SPSS files: the output format follows the output name', () => {
  it('a .csv output gets CSV, a .sav output SPSS, both with every case', async () => {
    const options = { scale: djg11, columns: ggdBatchColumns };
    const counts = await scoreFile(input, join(directory, 'scored.csv'), options);
    expect(counts.read).toBe(8);
    const text = readFileSync(join(directory, 'scored.csv'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^respondent_id,GGEEB201,.*,total,emotional,social,category,category_label,missing_items,reason/);
    await scoreFile(input, join(directory, 'scored.sav'), options);
    const read = readSav(new Uint8Array(readFileSync(join(directory, 'scored.sav'))));
    expect(read.rows).toHaveLength(8);
    expect(read.names.at(-1)).toBe('reason');
  });
});
