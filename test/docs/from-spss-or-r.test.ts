/**
 * The guide "Coming from SPSS or R" shows an SPSS procedure (the manual's rules) and a hand-written
 * R script. Both are run here on the sample file, with GNU PSPP and Rscript, and must give the
 * library's total, emotional and social scores and category on every row. Outside CI a missing
 * pspp or Rscript skips its part with a message; in CI (`CI` set) both must run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../src/node/cli/sample-files.js';
import { parseSimpleCsv, runCliCaptured } from '../helpers/cli.js';

const guide = readFileSync(join(import.meta.dirname, '../../docs/from-spss-or-r.md'), 'utf8');
const block = (language: string, index = 0): string => {
  const blocks = [...guide.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```', 'g'))].map((match) => match[1] ?? '');
  const found = blocks[index];
  if (found === undefined) throw new Error(`no \`\`\`${language} block number ${index + 1} in the guide`);
  return found;
};
const available = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const skipUnless = (command: string, args: string[]) => {
  const skip = !available(command, args) && process.env.CI === undefined;
  if (skip) console.warn(`from-spss-or-r: ${command} is not installed; its part of the guide test is skipped outside CI.`);
  return skip;
};

const folder = mkdtempSync(join(tmpdir(), 'djg-from-spss-or-r-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const survey = sampleFiles.find((file) => file.name === 'survey-coded')?.text ?? '';
writeFileSync(join(folder, 'survey.csv'), survey);

/** The library's scores of the sample, as strings ('' when missing), by row. */
async function libraryScores() {
  const run = await runCliCaptured(['score', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}', '--quiet'], { cwd: folder });
  return parseSimpleCsv(run.stdout).map((row) => ({ total: row.total, emotional: row.emotional, social: row.social, category: row.category }));
}

/** A CSV written by PSPP or R, read into the same shape; `NA` and blanks are missing. */
function readScores(file: string, categoryCode: (text: string) => string) {
  const [header = '', ...lines] = readFileSync(join(folder, file), 'utf8').trim().split(/\r?\n/);
  const names = header.split(',').map((name) => name.replaceAll('"', '').trim());
  return lines.map((line) => {
    const cells = line.split(',').map((cell) => cell.replaceAll('"', '').trim());
    const cell = (name: string) => {
      const value = cells[names.indexOf(name)] ?? '';
      return value === 'NA' || value === '.' ? '' : value;
    };
    return { total: cell('total'), emotional: cell('emotional'), social: cell('social'), category: categoryCode(cell('category')) };
  });
}

describe('the guide "Coming from SPSS or R": its procedures agree with the library on the sample', () => {
  it.skipIf(skipUnless('pspp', ['--version']))('the SPSS procedure (MANUAL rules), run in GNU PSPP', async () => {
    const syntax = [
      "GET DATA /TYPE=TXT /FILE='survey.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /DELIMITERS=',' /FIRSTCASE=2",
      '  /VARIABLES=respondent A4 wave F4.0 weight F4.1 lone1 F4.0 lone2 F4.0 lone3 F4.0 lone4 F4.0 lone5 F4.0 lone6 F4.0',
      '   lone7 F4.0 lone8 F4.0 lone9 F4.0 lone10 F4.0 lone11 F4.0.',
      block('spss'),
      "SAVE TRANSLATE /OUTFILE='spss.csv' /TYPE=CSV /FIELDNAMES /REPLACE /KEEP=respondent total emotional social category.",
    ].join('\n');
    writeFileSync(join(folder, 'guide.sps'), syntax);
    const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'guide.lst'), 'guide.sps'], { cwd: folder, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = await libraryScores();
    expect(expected).toHaveLength(40);
    expect(readScores('spss.csv', (code) => code)).toEqual(expected);
  });

  it.skipIf(skipUnless('Rscript', ['--version']))('the hand-written R script, run in R', async () => {
    const codes: Record<string, string> = { 'not lonely': '0', 'moderately lonely': '1', 'severely lonely': '2', '': '' };
    writeFileSync(join(folder, 'guide.R'), `${block('r')}\nwrite.csv(survey[, c("respondent", "total", "emotional", "social", "category")], "r.csv", row.names = FALSE)\n`);
    const run = spawnSync('Rscript', ['guide.R'], { cwd: folder, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readScores('r.csv', (label) => codes[label] ?? `unknown ${label}`)).toEqual(await libraryScores());
  });
});
