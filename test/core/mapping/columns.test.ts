import { describe, expect, it } from 'vitest';
import { djg11, djg6, mapColumns, parseCoding, parseColumnSpec } from '../../../src/index.js';
import { errorOf } from '../../helpers/errors.js';

describe('column mapping (reference §7: by key or by 11-item number, never by position alone)', () => {
  it('maps by item key by default, whatever the column order', () => {
    const header = ['rejected', 'id', 'missPeople', 'closeTo', 'trust', 'leanOn', 'emptiness'];
    expect(mapColumns(djg6, header).map((entry) => [entry.key, entry.index])).toEqual([
      ['emptiness', 6],
      ['leanOn', 5],
      ['trust', 4],
      ['closeTo', 3],
      ['missPeople', 2],
      ['rejected', 0],
    ]);
  });

  it('maps by 11-item number with a pattern (the MANUAL names lone1..lone11)', () => {
    const header = Array.from({ length: 11 }, (_, index) => `lone${index + 1}`);
    expect(mapColumns(djg6, header, parseColumnSpec('lone{n}')).map((entry) => entry.column)).toEqual(['lone3', 'lone4', 'lone7', 'lone8', 'lone9', 'lone10']);
    expect(mapColumns(djg11, header, { by: 'number', pattern: 'lone{n}' })).toHaveLength(11);
  });

  it('maps by the CBS order: 3, 4, 7, 9, 8, 10 (CBS, RIVM)', () => {
    const header = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    const mapping = mapColumns(djg6, header, parseColumnSpec('order:cbs:q{i}'));
    expect(Object.fromEntries(mapping.map((entry) => [entry.key, entry.column]))).toEqual({
      emptiness: 'q1',
      leanOn: 'q2',
      trust: 'q3',
      missPeople: 'q4',
      closeTo: 'q5',
      rejected: 'q6',
    });
  });

  it('maps by the seed/LISS order: 3, 4, 7, 8, 9, 10, with listed columns', () => {
    const mapping = mapColumns(djg6, ['a', 'b', 'c', 'd', 'e', 'f'], parseColumnSpec('order:seed:a,b,c,d,e,f'));
    expect(mapping.find((entry) => entry.key === 'closeTo')?.column).toBe('d');
  });

  it('maps by explicit key=column pairs', () => {
    const spec = parseColumnSpec('emptiness=E,leanOn=L,trust=T,closeTo=C,missPeople=M,rejected=R');
    expect(mapColumns(djg6, ['R', 'M', 'C', 'T', 'L', 'E'], spec).map((entry) => entry.index)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('a missing column is a missing_column error naming the item and the column', () => {
    const error = errorOf(() => mapColumns(djg6, ['lone3', 'lone4', 'lone7', 'lone8', 'lone9'], parseColumnSpec('lone{n}')));
    expect(error.code).toBe('missing_column');
    expect(error.item).toBe('rejected');
    expect(error.value).toBe('lone10');
    expect(error.message).toContain('lone10');
  });

  it('a duplicated column is a duplicate_column error naming it', () => {
    const header = ['emptiness', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected', 'trust'];
    const error = errorOf(() => mapColumns(djg6, header));
    expect(error.code).toBe('duplicate_column');
    expect(error.value).toBe('trust');
    const twice = errorOf(() => mapColumns(djg6, ['x'], parseColumnSpec('emptiness=x,leanOn=x')));
    expect(twice.code).toBe('duplicate_column');
  });

  it('the 11-item scale cannot be mapped from a 6-item order', () => {
    expect(errorOf(() => mapColumns(djg11, ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], parseColumnSpec('order:cbs:q{i}'))).code).toBe('missing_column');
  });

  it('rejects unreadable specs as invalid_option or unknown_item', () => {
    expect(errorOf(() => parseColumnSpec('lone')).code).toBe('invalid_option');
    expect(errorOf(() => parseColumnSpec('order:ons:q{i}')).code).toBe('invalid_option');
    expect(errorOf(() => parseColumnSpec('order:cbs')).code).toBe('invalid_option');
    expect(errorOf(() => parseColumnSpec('emptyness=Q3')).code).toBe('unknown_item');
  });
});

describe('coding text (CLI form)', () => {
  it('reads presets and custom code=label pairs with missing codes', () => {
    expect(parseCoding('rivm').codes[1]).toBe('yes');
    const custom = parseCoding('0=nee,1=min of meer,2=ja;missing=8,9');
    expect(custom.codes).toEqual({ 0: 'no', 1: 'more or less', 2: 'yes' });
    expect(custom.missingCodes).toEqual([8, 9]);
    expect(parseCoding('-1=nee,0=min of meer,1=ja;negative=answers').negativeCodesMissing).toBe(false);
  });

  it('rejects unknown presets and bad pairs', () => {
    expect(errorOf(() => parseCoding('lasa')).code).toBe('invalid_option');
    expect(errorOf(() => parseCoding('1=perhaps')).code).toBe('invalid_coding');
    expect(errorOf(() => parseCoding('x=ja')).code).toBe('invalid_option');
  });
});

describe('issue 8 #9: column spec text that cannot be read unambiguously is invalid_option', () => {
  const six = 'emptiness=Q3,leanOn=Q4,trust=Q7,closeTo=Q8,missPeople=Q9,rejected=Q10';

  it('a key given twice is refused, naming the key (it silently used the last column)', () => {
    const error = errorOf(() => parseColumnSpec(`${six},trust=Q99`));
    expect(error.code).toBe('invalid_option');
    expect(error.message).toContain('"trust" is given more than once');
  });

  it('an empty entry (a trailing or doubled comma) is refused', () => {
    for (const text of [`${six},`, six.replace(',', ',,'), `,${six}`, 'order:cbs:a,b,c,,e,f,g']) {
      const error = errorOf(() => parseColumnSpec(text));
      expect([error.code, error.message.includes('empty entry')], text).toEqual(['invalid_option', true]);
    }
  });

  it('a pair without a column, or with two =, is refused', () => {
    expect(errorOf(() => parseColumnSpec('emptiness=')).code).toBe('invalid_option');
    expect(errorOf(() => parseColumnSpec('emptiness=Q3=Q4')).code).toBe('invalid_option');
  });

  it('text that is not a string is invalid_option, not a TypeError', () => {
    expect(errorOf(() => parseColumnSpec(42 as never)).code).toBe('invalid_option');
  });

  it('well-formed specs still read', () => {
    expect(parseColumnSpec(six)).toEqual({ by: 'map', map: { emptiness: 'Q3', leanOn: 'Q4', trust: 'Q7', closeTo: 'Q8', missPeople: 'Q9', rejected: 'Q10' } });
    expect(parseColumnSpec('order:cbs: a, b,c,d,e,f')).toEqual({ by: 'order', order: 'cbs', columns: ['a', 'b', 'c', 'd', 'e', 'f'] });
  });
});
