import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toSpss } from '../../src/syntax/index.js';
import { differences, engineAvailable, expectedResults, outputColumns, readCsv, syntaxCases, workFolder } from './fixtures.js';

const pspp = engineAvailable('pspp', ['--version']);
const folder = workFolder('spss');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('generated SPSS syntax agrees with the library on every row in GNU PSPP (MANUAL scoring rules)', () => {
  it('keeps every line within the 256 bytes SPSS reads a line', () => {
    for (const syntaxCase of syntaxCases(folder)) {
      const lines = toSpss(syntaxCase.scale, syntaxCase.options).split('\n');
      expect(Math.max(...lines.map((line) => Buffer.byteLength(line))), syntaxCase.name).toBeLessThanOrEqual(256);
    }
  });

  it.skipIf(!pspp.run)(`every case, every coding, 10,000 respondents each, codes and value labels${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const cases = syntaxCases(folder);
    const variables = ['id F8.0', ...Array.from({ length: 11 }, (_, index) => `lone${index + 1} F4.0`)].join(' ');
    const program: string[] = [];
    const caseFile = (index: number, syntaxCase: (typeof cases)[number]): string => {
      const file = join(folder, `case-${index}.sps`);
      writeFileSync(file, toSpss(syntaxCase.scale, syntaxCase.options));
      return file;
    };
    cases.forEach((syntaxCase, index) => {
      const { scores, categories, invalidItems } = outputColumns(syntaxCase);
      const keep = ['id', ...scores, ...categories, invalidItems].join(' ');
      program.push(
        `GET DATA /TYPE=TXT /FILE='${syntaxCase.dataset.file}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /VARIABLES=${variables}.`,
        // The syntax must run in both of SPSS's syntax modes: batch (production jobs, INCLUDE) and interactive.
        `INSERT FILE='${caseFile(index, syntaxCase)}' SYNTAX=${index % 2 === 0 ? 'BATCH' : 'INTERACTIVE'}.`,
        `SAVE TRANSLATE /OUTFILE='${join(folder, `values-${index}.csv`)}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE /KEEP=${keep}.`,
        `SAVE TRANSLATE /OUTFILE='${join(folder, `labels-${index}.csv`)}' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE /KEEP=${keep}.`,
      );
    });
    const syntaxFile = join(folder, 'all.sps');
    writeFileSync(syntaxFile, program.join('\n'));
    const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'output.txt'), syntaxFile], { encoding: 'utf8' });
    const log = `${run.error?.message ?? ''}${run.stdout ?? ''}${run.stderr ?? ''}`;
    expect(run.status, log).toBe(0);
    expect(log).not.toMatch(/error|warning/i);

    let compared = 0;
    cases.forEach((syntaxCase, index) => {
      const { scores, categories, invalidItems } = outputColumns(syntaxCase);
      const expected = expectedResults(syntaxCase);
      const values = readCsv(join(folder, `values-${index}.csv`));
      expect(differences(expected, values, [...scores, ...categories, invalidItems]), syntaxCase.name).toEqual([]);
      // With CELLS=LABELS the categories come out as their value labels.
      const labels = readCsv(join(folder, `labels-${index}.csv`)).map((row) =>
        Object.fromEntries(categories.map((name) => [`${name}:label`, row[name] ?? null])),
      );
      expect(differences(expected, labels, categories.map((name) => `${name}:label`)), `${syntaxCase.name} labels`).toEqual([]);
      compared += values.length;
    });
    expect(compared).toBe(cases.length * 10_000);
  });
});
