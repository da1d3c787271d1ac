import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringError, djg11 } from '../../src/index.js';
import { createBatchScorer } from '../../src/batch/index.js';
import { fixture, ggdBatchColumns, readSav, scoreSav } from '../helpers/sav.js';
import { parameters, timeout } from './arbitraries.js';

// The SPSS reader against damaged files: truncated anywhere, bits flipped anywhere, pushed in any
// chunk sizes. Its promise: it never hangs and never crashes — a damaged dictionary is a
// ScoringError (`unreadable_input`, or a mapping or coding error naming what it found), damaged
// data are rows read or rows with reasons; and whatever it writes as SPSS, it reads back.

const seeds = [fixture('ggd.sav'), fixture('ggd-uncompressed.sav'), scoreSav(fixture('ggd.sav'), { output: 'sav' }).output];

const damaged = fc
  .record({
    seed: fc.nat({ max: seeds.length - 1 }),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat({ max: 7 })), { maxLength: 6 }),
    chunk: fc.integer({ min: 1, max: 5000 }),
    output: fc.constantFrom('ndjson' as const, 'sav' as const),
  })
  .map(({ seed, cut, flips, chunk, output }) => {
    const source = seeds[seed] as Uint8Array;
    const bytes = source.slice(0, cut === undefined ? source.length : Math.floor(cut * source.length));
    for (const [where, bit] of flips) if (bytes.length > 0) { const at = Math.floor(where * bytes.length); bytes[at] = (bytes[at] as number) ^ (1 << bit); }
    return { bytes, chunk, output };
  });

describe('fuzz: damaged SPSS files (truncated, bit-flipped, any chunking)', () => {
  it(
    'the scorer either throws a ScoringError or reads every case, scored or with its reason; SPSS output reads back',
    () => {
      fc.assert(
        fc.property(damaged, ({ bytes, chunk, output }) => {
          const parts: Uint8Array[] = [];
          let counts;
          try {
            const scorer = createBatchScorer('sav', { scale: djg11, columns: ggdBatchColumns, output }, (part) => parts.push(part.slice()));
            for (let offset = 0; offset < bytes.length; offset += chunk) scorer.push(bytes.subarray(offset, offset + chunk));
            scorer.end();
            counts = scorer.counts;
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(ScoringError);
            return;
          }
          expect(counts.read).toBe(counts.scored + counts.notScored);
          const written = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
          let offset = 0;
          for (const part of parts) {
            written.set(part, offset);
            offset += part.length;
          }
          if (output === 'sav') expect(readSav(written).rows).toHaveLength(counts.read);
          // NDJSON: one line per case, none for a header.
          else expect(new TextDecoder().decode(written).trimEnd().split('\n').filter((line) => line !== '')).toHaveLength(counts.read);
        }),
        parameters(0.4),
      );
    },
    timeout(0.4),
  );
});
