// The .xlsx test files, written by openpyxl (Debian's python3-openpyxl): a different writer than
// the reader under test. Outside CI a missing openpyxl skips the tests that need it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsx } from '../../../src/node/xlsx/read-xlsx.js';

const python = '/usr/bin/python3';
export const openpyxlAvailable = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
// In CI the tests must run: a missing openpyxl is a failure there, not a skip.
export const skipWithoutOpenpyxl = !openpyxlAvailable && process.env.CI === undefined;
if (skipWithoutOpenpyxl) console.warn('xlsx: python3-openpyxl is not installed (apt-get install python3-openpyxl); the .xlsx tests are skipped outside CI.');

type Cell = string | number | boolean | null;

/** What make-workbooks.py wrote into each survey workbook. */
export interface Description {
  readonly [file: string]: { readonly header: string[]; readonly sheets: Readonly<Record<string, Cell[][]>> };
}

/** Writes the test workbooks into a new directory once per test file; its path and their description. */
export function makeWorkbooks(): { directory: string; description: Description } {
  const directory = mkdtempSync(join(tmpdir(), 'djg-xlsx-'));
  const run = spawnSync(python, [new URL('./make-workbooks.py', import.meta.url).pathname, directory], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
  return { directory, description: JSON.parse(readFileSync(join(directory, 'description.json'), 'utf8')) as Description };
}

/** A row as the reader handed it out (a copy). */
export interface ReadRow {
  readonly line: number;
  readonly problem: string | null;
  readonly object: Record<string, unknown> | null;
}

/** Reads a sheet of a file (a path or its bytes) with the reader under test: its header and rows. */
export async function readSheet(file: string | Uint8Array, sheet?: string | number): Promise<{ header: readonly string[] | undefined; rows: ReadRow[] }> {
  const input = openXlsx(file, 'test.xlsx', sheet);
  let header: readonly string[] | undefined;
  const rows: ReadRow[] = [];
  const reader = input.read(
    {
      header: (names) => (header = [...names]),
      row: (row) => {
        if (row.kind !== 'object') throw new Error('an .xlsx row is an object row');
        rows.push({ line: row.line, problem: row.problem, object: row.object === null ? null : { ...row.object } });
      },
    },
    { maxRecordBytes: 1 << 20 },
  );
  try {
    for await (const chunk of input.chunks) reader.push(chunk);
    reader.end();
  } finally {
    input.close();
  }
  return { header, rows };
}
