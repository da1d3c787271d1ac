import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toR } from '../../src/syntax/index.js';
import { differences, engineAvailable, expectedResults, outputColumns, readCsv, syntaxCases, workFolder } from './fixtures.js';

const rscript = engineAvailable('Rscript', ['--version']);
const folder = workFolder('r');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const rString = (text: string): string => JSON.stringify(text);

describe('generated R code agrees with the library on every row in Rscript (MANUAL scoring rules)', () => {
  it.skipIf(!rscript.run)(`every case, every coding, 10,000 respondents each, factors labelled${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const cases = syntaxCases(folder);
    const program: string[] = [];
    cases.forEach((syntaxCase, index) => {
      const { scores, categories, invalidItems } = outputColumns(syntaxCase);
      // Every other case reads the items as text, as data from spreadsheets often arrives.
      const colClasses = index % 2 === 0 ? 'NA' : '"character"';
      program.push(
        'local({',
        toR(syntaxCase.scale, syntaxCase.options),
        `  data <- read.csv(${rString(syntaxCase.dataset.file)}, colClasses = ${colClasses})`,
        '  scored <- score_loneliness(data)',
        `  stopifnot(identical(names(scored)[seq_along(data)], names(data)))`,
        ...categories.map((name) => `  stopifnot(is.factor(scored[[${rString(name)}]]))`),
        ...categories.map((name) => `  scored[[${rString(`${name}:code`)}]] <- as.integer(scored[[${rString(name)}]]) - 1L`),
        `  out <- scored[, c("id", ${[...scores, ...categories, ...categories.map((name) => `${name}:code`), invalidItems].map(rString).join(', ')})]`,
        `  write.csv(out, ${rString(join(folder, `out-${index}.csv`))}, row.names = FALSE, na = "")`,
        '})',
      );
    });
    const script = join(folder, 'all.R');
    writeFileSync(script, program.join('\n'));
    const run = spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    expect(run.status, `${run.error?.message ?? ''}${run.stdout ?? ''}${run.stderr ?? ''}`).toBe(0);

    let compared = 0;
    cases.forEach((syntaxCase, index) => {
      const { scores, categories, invalidItems } = outputColumns(syntaxCase);
      const rows = readCsv(join(folder, `out-${index}.csv`)).map((row) => {
        // Factors are written as their labels; their codes were added as `name:code`.
        const result: Record<string, number | string | null> = { ...row };
        for (const name of categories) {
          result[`${name}:label`] = row[name] ?? null;
          result[name] = row[`${name}:code`] ?? null;
        }
        return result;
      });
      const fields = [...scores, ...categories, ...categories.map((name) => `${name}:label`), invalidItems];
      expect(differences(expectedResults(syntaxCase), rows, fields), syntaxCase.name).toEqual([]);
      compared += rows.length;
    });
    expect(compared).toBe(cases.length * 10_000);
  });
});
