import { describe, expect, it } from 'vitest';
import { djg11, djg6, itemBank, mapColumns, parseColumnSpec } from '../../../src/index.js';
import { errorOf } from '../../helpers/errors.js';

describe('{nn}: the 11-item number in two digits (GGD variables GGEEB201…GGEEB211)', () => {
  const ggd = ['id', ...Array.from({ length: 11 }, (_, index) => `GGEEB2${String(index + 1).padStart(2, '0')}`)];

  it('GGEEB2{nn} maps djg11 onto GGEEB201…GGEEB211 and djg6 onto items 3, 4, 7, 8, 9, 10', () => {
    expect(mapColumns(djg11, ggd, parseColumnSpec('GGEEB2{nn}')).map((entry) => entry.column)).toEqual(ggd.slice(1));
    expect(mapColumns(djg6, ggd, parseColumnSpec('GGEEB2{nn}')).map((entry) => entry.column)).toEqual(['GGEEB203', 'GGEEB204', 'GGEEB207', 'GGEEB208', 'GGEEB209', 'GGEEB210']);
  });

  it('{ii} gives a position in two digits in a dataset order', () => {
    const header = ['v01', 'v02', 'v03', 'v04', 'v05', 'v06'];
    expect(mapColumns(djg6, header, parseColumnSpec('order:cbs:v{ii}')).map((entry) => [entry.key, entry.column])).toContainEqual(['missPeople', 'v04']);
  });
});

describe('a column labelled with the question text is the item (Dutch or English, any case or punctuation)', () => {
  it('every item of djg11 is found by its Dutch text, and by its English text in capitals with a full stop', () => {
    const dutch = ['id', ...itemBank.map((item) => item.text.nl)];
    expect(mapColumns(djg11, dutch).map((entry) => [entry.key, entry.index, entry.matchedBy])).toEqual(itemBank.map((item, index) => [item.key, index + 1, 'text']));
    const english = itemBank.map((item) => `${item.text.en.toUpperCase()}.`).reverse();
    expect(mapColumns(djg11, english).map((entry) => entry.index)).toEqual(itemBank.map((_, index) => 10 - index));
  });

  it('wording variants in circulation are read too ("om mij heen", "rely on")', () => {
    const header = ['Ik ervaar een leegte om mij heen', 'There are plenty of people I can rely on when I have problems', 'trust', 'closeTo', 'missPeople', 'rejected'];
    expect(mapColumns(djg6, header).slice(0, 2).map((entry) => entry.index)).toEqual([0, 1]);
  });

  it('a column named by key wins; accents do not matter; nothing is matched that only resembles', () => {
    const header = ['emptiness', 'Ik ervaar een leegte om me heen', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected'];
    expect(mapColumns(djg6, header)[0]).toEqual({ key: 'emptiness', column: 'emptiness', index: 0 });
    expect(() => mapColumns(djg6, ['Ik ervaar soms een leegte', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected'])).toThrow(/emptiness/);
  });

  it('two columns carrying one item\'s text are a duplicate_column error naming both', () => {
    const error = errorOf(() => mapColumns(djg6, ['Ik mis mensen om me heen', 'ik mis mensen om me heen!', 'emptiness', 'leanOn', 'trust', 'closeTo', 'rejected']));
    expect(error.code).toBe('duplicate_column');
    expect(error.message).toContain('"Ik mis mensen om me heen" and "ik mis mensen om me heen!"');
  });

  it('question texts are matched only by key (the default), not under an explicit spec', () => {
    expect(() => mapColumns(djg6, itemBank.map((item) => item.text.nl), parseColumnSpec('lone{n}'))).toThrow(/lone3/);
  });
});

describe('a missing column: the columns found (first 20) and a column spec that fits them', () => {
  it('lists the header and suggests order:NAME:q12_{i} for q12_1…q12_6, naming every 6-item order', () => {
    const error = errorOf(() => mapColumns(djg6, ['id', 'q12_1', 'q12_2', 'q12_3', 'q12_4', 'q12_5', 'q12_6', 'Weegfactor']));
    expect(error.code).toBe('missing_column');
    expect(error.message).toContain('The data has 8 columns: "id", "q12_1"');
    expect(error.message).toContain("'order:NAME:q12_{i}'");
    expect(error.message).toMatch(/seed: 3,4,7,8,9,10.*cbs: 3,4,7,9,8,10/);
  });

  it('suggests lone{n} and GGEEB2{nn} for columns named by number, and no order then', () => {
    expect(errorOf(() => mapColumns(djg6, Array.from({ length: 11 }, (_, index) => `lone${index + 1}`))).message).toMatch(/fits them: 'lone\{n\}'\.$/);
    const ggd = Array.from({ length: 11 }, (_, index) => `GGEEB2${String(index + 1).padStart(2, '0')}`);
    expect(errorOf(() => mapColumns(djg11, ggd)).message).toMatch(/fits them: 'GGEEB2\{nn\}'\.$/);
  });

  it('shows at most 20 columns and says how many more; an empty header says so', () => {
    const header = Array.from({ length: 45 }, (_, index) => `x${index}y`);
    const message = errorOf(() => mapColumns(djg6, header)).message;
    expect(message).toContain('"x19y", … (25 more)');
    expect(message).not.toContain('"x20y"');
    expect(errorOf(() => mapColumns(djg6, [])).message).toContain('The data has no columns.');
  });
});
