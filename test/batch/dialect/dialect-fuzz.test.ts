import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../../src/index.js';
import { BadRowError, type InputEncoding, createBatchScorer } from '../../../src/batch/index.js';

/** Bytes that stress the dialect readers: delimiters, quotes, line ends, BOMs, UTF-8 and Windows-1252 text, junk. */
const piece = fc.oneof(
  fc.constantFrom(',', ';', '\t', '|', '"', '\r', '\n', '\r\n', '\uFEFF', 'ja', 'nee', 'NA', '.', '1,5', 'één', 'emptiness', 'leanOn;trust'),
  fc.uint8Array({ maxLength: 8 }),
);
const input = fc.array(piece, { maxLength: 60 }).map((pieces) => Buffer.concat(pieces.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)))));

describe('dialect readers on hostile bytes (property)', () => {
  it('any bytes, any chunking, any encoding: a result or a typed error (ScoringError, BadRowError), never a hang or a crash', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 17 }), fc.constantFrom<InputEncoding>('auto', 'utf-8', 'windows-1252'), fc.constantFrom(undefined, ';', 'tab'), (bytes, size, encoding, delimiter) => {
        try {
          const scorer = createBatchScorer('csv', { scale: djg6, output: 'excel-csv', encoding, delimiter, weightColumn: undefined, maxRecordBytes: 64 }, () => undefined);
          for (let start = 0; start < bytes.length; start += size) scorer.push(bytes.subarray(start, start + size));
          scorer.end();
          expect(scorer.counts.read).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error instanceof ScoringError || error instanceof BadRowError, String(error)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
