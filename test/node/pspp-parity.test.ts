import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CodingPreset, agreement, codings } from '../../src/index.js';
import { runCliCaptured, parseSimpleCsv } from '../helpers/cli.js';
import { generateRows, toCsv } from '../helpers/dataset.js';

const psppAvailable = spawnSync('pspp', ['--version'], { encoding: 'utf8' }).status === 0;
// In CI the parity test must run: a missing pspp is a failure there, not a skip.
const skip = !psppAvailable && process.env.CI === undefined;
if (skip) console.warn('pspp-parity: GNU PSPP is not installed (apt-get install pspp); the parity test is skipped outside CI.');

const template = readFileSync(new URL('./pspp/djg-scores.sps', import.meta.url), 'utf8');
const directory = mkdtempSync(join(tmpdir(), 'djg-pspp-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The codes whose answer agrees (or is neutral), and those that disagree (or are neutral), in a coding. */
function codesWhere(coding: CodingPreset, test: (level: number) => boolean): string {
  return Object.entries(codings[coding].codes)
    .filter(([, answer]) => test(agreement[answer]))
    .map(([code]) => code)
    .join(',');
}

function runPspp(coding: CodingPreset, input: string, output: string): void {
  const syntax = template
    .replaceAll('{{INPUT}}', input)
    .replaceAll('{{OUTPUT}}', output)
    .replaceAll('{{AGREE}}', codesWhere(coding, (level) => level >= 0))
    .replaceAll('{{DISAGREE}}', codesWhere(coding, (level) => level <= 0));
  const file = join(directory, `${coding}.sps`);
  writeFileSync(file, syntax);
  const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(directory, `${coding}.lst`), file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pspp failed: ${run.stderr}${run.stdout}`);
}

const blankIfMissing = (value: string | undefined) => (value ?? '').trim();

describe.skipIf(skip)("CLI against the authors' procedure in GNU PSPP (MANUAL SPSS syntax)", () => {
  it.each(['manual', 'rivm', 'manual5', 'rivm5'] as const)(
    'every score, category and missing count equals PSPP on 10,000 respondents coded %s, with blanks and negative codes missing',
    async (coding) => {
      const rows = generateRows(10_000, coding, 7 + coding.length, 0.12);
      const input = join(directory, `${coding}.csv`);
      const output = join(directory, `${coding}-pspp.csv`);
      writeFileSync(input, toCsv(rows));
      runPspp(coding, input, output);
      const reference = parseSimpleCsv(readFileSync(output, 'utf8').replaceAll('\r', ''));
      expect(reference).toHaveLength(rows.length);

      for (const scale of ['djg6', 'djg11'] as const) {
        const suffix = scale === 'djg6' ? '6' : '11';
        const cli = await runCliCaptured(['score', input, '--scale', scale, '--coding', coding, '--columns', 'lone{n}', '--quiet']);
        expect(cli.code).toBe(0);
        const scored = parseSimpleCsv(cli.stdout);
        expect(scored).toHaveLength(rows.length);
        const mismatches: string[] = [];
        scored.forEach((row, index) => {
          const expected = reference[index] as Record<string, string>;
          const pairs: [string, string, string][] = [
            ['id', row.id ?? '', blankIfMissing(expected.id)],
            ['total', row.total ?? '', blankIfMissing(expected[`tot${suffix}`])],
            ['emotional', row.emotional ?? '', blankIfMissing(expected[`emo${suffix}`])],
            ['social', row.social ?? '', blankIfMissing(expected[`soc${suffix}`])],
            ['category', row.category ?? '', blankIfMissing(expected[`cat${suffix}`])],
            ['missing_items', row.missing_items ?? '', blankIfMissing(expected[`mis${suffix}`])],
          ];
          for (const [name, actual, wanted] of pairs) {
            if (actual !== wanted && mismatches.length < 10) mismatches.push(`row ${index + 1} ${scale} ${name}: CLI ${actual}, PSPP ${wanted}`);
          }
        });
        expect(mismatches).toEqual([]);
      }
    },
  );
});
