import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type TextFormat, batchFormats, createBatchScorer } from '../../../src/batch/index.js';

function score(input: string, from: TextFormat, chunkSize = Infinity): Uint8Array {
  const parts: Uint8Array[] = [];
  const scorer = createBatchScorer(from, { scale: djg6, output: 'excel-csv' }, (bytes) => parts.push(bytes.slice()));
  const bytes = new TextEncoder().encode(input);
  for (let start = 0; start < bytes.length; start += Math.min(chunkSize, bytes.length)) scorer.push(bytes.slice(start, start + Math.min(chunkSize, bytes.length)));
  scorer.end();
  return Buffer.concat(parts);
}

const items = 'emptiness,leanOn,trust,closeTo,missPeople,rejected';
const answers = 'ja,ja,ja,nee,ja,ja';

describe('excel-csv output: what Dutch and Belgian Excel opens by double-click', () => {
  it('is registered with a writer and a reader', () => {
    const format = batchFormats.find((candidate) => candidate.name === 'excel-csv');
    expect(format?.write).toBeTypeOf('function');
    expect(format?.read).toBeTypeOf('function');
  });

  it('starts with a UTF-8 BOM, separates cells by ";", ends lines in CRLF, writes decimal commas', () => {
    const out = score(`gewicht,naam,${items}\n1.624,Jan;Piet,${answers}\n-0.5,"café ""x""",${answers}\n`, 'csv');
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(out);
    expect(text.split('\r\n')).toEqual([
      `gewicht;naam;${items.replaceAll(',', ';')};total;emotional;social;category;category_label;missing_items;reason`,
      `1,624;"Jan;Piet";${answers.replaceAll(',', ';')};4;3;1;1;moderately lonely;0;`,
      `-0,5;"café ""x""";${answers.replaceAll(',', ';')};4;3;1;1;moderately lonely;0;`,
      '',
    ]);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('text that only looks like a decimal (1.2.3, a date 1.5.2024, v1.5) is left as it is; formulas are neutralised', () => {
    const text = new TextDecoder().decode(score(`a,b,c,d,${items}\n1.2.3,v1.5,=1+1,1e5,${answers}\n`, 'csv'));
    expect(text.split('\r\n')[1]?.startsWith("1.2.3;v1.5;'=1+1;1e5;")).toBe(true);
  });

  it('a ";" file with CRLF is copied row by row and gets CRLF score cells; chunking does not change the bytes', () => {
    const input = `\uFEFFid;${items.replaceAll(',', ';')}\r\n1;${answers.replaceAll(',', ';')}\r\n2;${answers.replaceAll(',', ';')}\r\n`;
    const whole = score(input, 'csv');
    expect(Buffer.from(score(input, 'csv', 3)).equals(Buffer.from(whole))).toBe(true);
    expect(new TextDecoder().decode(whole).split('\r\n')[1]).toBe(`1;${answers.replaceAll(',', ';')};4;3;1;1;moderately lonely;0;`);
  });

  it('excel-csv output read back as CSV gives the same cells (the delimiter found, the BOM dropped)', () => {
    const first = new TextDecoder().decode(score(`id,${items}\n7,${answers}\n`, 'csv'));
    const again = new TextDecoder().decode(score(first, 'csv'));
    expect(again.split('\r\n')[1]).toBe('7;ja;ja;ja;nee;ja;ja;4;3;1;1;moderately lonely;0;;4;3;1;1;moderately lonely;0;');
  });
});
