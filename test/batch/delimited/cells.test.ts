import { describe, expect, it } from 'vitest';
import { encodeCell, isFormulaLike } from '../../../src/batch/internal.js';

describe('CSV output cells (OWASP: CSV injection)', () => {
  it.each(['=1+1', '+SUM(A1)', '-cmd', '@import', '\tx', '=HYPERLINK("http://x")'])('neutralises %j with a leading quote', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(encodeCell(text, ',').replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it.each(['-1', '+2', '-3.5', '1e3', 'r001', 'Gent', ''])('passes %j through unchanged', (text) => {
    expect(encodeCell(text, ',')).toBe(text);
  });

  it('quotes cells with the delimiter, quotes or line breaks (RFC 4180)', () => {
    expect(encodeCell('a,b', ',')).toBe('"a,b"');
    expect(encodeCell('say "x"', ',')).toBe('"say ""x"""');
    expect(encodeCell('a\nb', ',')).toBe('"a\nb"');
  });

  it('TSV cells lose tabs and line breaks (TSV has no quoting)', () => {
    expect(encodeCell('a\tb\nc', '\t')).toBe('a b c');
  });
});
