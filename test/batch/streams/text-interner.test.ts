import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type RowEvent, createBatchScorer } from '../../../src/batch/index.js';
import { TextInterner } from '../../../src/batch/streams/text-interner.js';

describe('TextInterner: the texts of a grouping column by their bytes', () => {
  it('finds each of 4096 texts again (prefixes of one another, the empty text) with its id and string; keeps no more past 4096', () => {
    const interner = new TextInterner();
    const encoder = new TextEncoder();
    const texts = ['', 'a', 'aa', 'aaa', 'ab', 'ba', ...Array.from({ length: 4090 }, (_, index) => `gemeente ${index}`)];
    texts.forEach((text, index) => {
      const bytes = encoder.encode(`x${text}y`);
      expect(interner.find(bytes, 1, bytes.length - 1)).toBe(-1);
      expect(interner.add(bytes, 1, bytes.length - 1, text)).toBe(index);
    });
    texts.forEach((text, index) => {
      const bytes = encoder.encode(`,,${text}`);
      const id = interner.find(bytes, 2, bytes.length);
      expect(id).toBe(index);
      expect(interner.texts[id]).toBe(text);
    });
    const extra = encoder.encode('one more');
    expect(interner.find(extra, 0, extra.length)).toBe(-1);
    expect(interner.add(extra, 0, extra.length, 'one more')).toBe(-1);
    expect(interner.find(extra, 0, extra.length)).toBe(-1);
  });
});

describe('row events: group ids', () => {
  it('the same text has the same id, different texts different ids; a quoted cell has none (-1)', () => {
    const seen: [string, number][] = [];
    const scorer = createBatchScorer(
      'csv',
      { scale: djg6, output: null, groupColumns: ['gemeente'], onRow: (row: RowEvent) => seen.push([row.groups[0] as string, row.groupIds?.[0] ?? -2]) },
      () => {},
    );
    const answers = 'ja,ja,ja,nee,ja,ja';
    scorer.push(new TextEncoder().encode(`gemeente,emptiness,leanOn,trust,closeTo,missPeople,rejected\nGent,${answers}\nAalst,${answers}\nGent,${answers}\n"Gent",${answers}\n,${answers}\nAalst,${answers}\n`));
    scorer.end();
    const [gent, aalst, gentAgain, quoted, blank, aalstAgain] = seen;
    expect(gent?.[1]).toBeGreaterThanOrEqual(0);
    expect(gentAgain).toEqual(gent);
    expect(aalstAgain).toEqual(aalst);
    expect(aalst?.[1]).not.toBe(gent?.[1]);
    expect(quoted).toEqual(['Gent', -1]);
    expect(blank?.[0]).toBe('');
    expect(blank?.[1]).not.toBe(gent?.[1]);
  });
});
