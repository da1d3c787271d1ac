import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteSink } from '../../../src/batch/streams/byte-sink.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('byte sink: rows copied from its own input buffer', () => {
  it('writes rows from its input buffer, from other bytes, across flushes, a buffer that grows and rows longer than the buffer, in order (property)', () => {
    // Each step: write a row (from the input buffer or from outside) with a tail, or ask for a larger input buffer.
    const step = fc.oneof(
      fc.record({ kind: fc.constant('row' as const), row: fc.string({ maxLength: 40 }), tail: fc.string({ maxLength: 12 }), inside: fc.boolean() }),
      fc.record({ kind: fc.constant('grow' as const), size: fc.integer({ min: 1, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 64 }), fc.array(step, { maxLength: 40 }), (size, steps) => {
        const out: string[] = [];
        const sink = createByteSink((bytes) => out.push(text(bytes)), size);
        let input = sink.inputBuffer(64);
        let expected = '';
        for (const action of steps) {
          if (action.kind === 'grow') {
            // As the tokenizer does: a larger buffer, with what it still needs copied over.
            const grown = sink.inputBuffer(input.length + action.size);
            grown.set(input);
            input = grown;
            continue;
          }
          const row = new TextEncoder().encode(action.row);
          const tail = new TextEncoder().encode(action.tail);
          if (action.inside && row.length + 3 <= input.length) {
            input.fill(0x3f);
            input.set(row, 3);
            sink.writeRanges(input, 3, 3 + row.length, tail);
          } else {
            const outside = new Uint8Array(row.length + 5).fill(0x21);
            outside.set(row, 2);
            sink.writeRanges(outside, 2, 2 + row.length, tail);
          }
          expected += action.row + action.tail;
        }
        sink.flush();
        expect(out.join('')).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the bytes not yet handed on when the input buffer is replaced', () => {
    const out: string[] = [];
    const sink = createByteSink((bytes) => out.push(text(bytes)), 32);
    const first = sink.inputBuffer(8);
    first.set(new TextEncoder().encode('abc'));
    sink.writeRanges(first, 0, 3, new TextEncoder().encode('|'));
    const second = sink.inputBuffer(16);
    second.set(new TextEncoder().encode('defg'));
    sink.writeRanges(second, 0, 4, new TextEncoder().encode('|'));
    // The first buffer is no longer the sink's: its row is copied the ordinary way.
    sink.writeRanges(first, 1, 3, new TextEncoder().encode('!'));
    sink.flush();
    expect(out.join('')).toBe('abc|defg|bc!');
  });
});
