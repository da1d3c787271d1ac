/**
 * `writeToPipe` on a simulated pipe (a capacity, a reader that drains it on a clock, a stream that
 * queues): every byte arrives once and in order, whatever the pipe's state when a write comes, and
 * the caller may reuse its buffer as soon as a write returns.
 */
import { describe, expect, it } from 'vitest';
import { PIPE_PATIENCE_MS, type PipeTarget, writeToPipe } from '../../../src/node/cli/io.js';
import { random } from '../../helpers/dataset.js';

/** A pipe of `capacity` bytes read `drainPerMs` bytes per ms of the simulated clock; the stream's bytes enter it first. */
function simulatedPipe(capacity: number, drainPerMs: (ms: number) => number) {
  const received: number[] = [];
  let inPipe = 0;
  let clock = 0;
  const queue: Uint8Array[] = [];
  let streamWrites = 0;
  const advance = (ms: number) => {
    clock += ms;
    inPipe = Math.max(0, inPipe - drainPerMs(clock) * ms);
  };
  const accept = (bytes: Uint8Array, offset: number): number => {
    const room = Math.floor(capacity - inPipe);
    const count = Math.min(room, bytes.length - offset);
    for (let index = offset; index < offset + count; index++) received.push(bytes[index] as number);
    inPipe += count;
    return count;
  };
  const target: PipeTarget = {
    writeSome(bytes, offset) {
      advance(0.05);
      const count = accept(bytes, offset);
      if (count === 0) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });
      return count;
    },
    queued: () => queue.reduce((sum, bytes) => sum + bytes.length, 0),
    viaStream(bytes) {
      streamWrites++;
      queue.push(bytes);
      return undefined;
    },
    now: () => clock,
  };
  /** What the event loop does between chunks: the stream writes what it holds as the pipe drains. */
  const flushStream = () => {
    while (queue.length > 0) {
      const head = queue[0] as Uint8Array;
      let offset = 0;
      while (offset < head.length) {
        const count = accept(head, offset);
        offset += count;
        if (count === 0) advance(1);
      }
      queue.shift();
    }
  };
  return { target, received, advance, flushStream, streamWrites: () => streamWrites, queue };
}

describe('writeToPipe (a simulated pipe)', () => {
  it('a pipe with room takes every byte at once; nothing goes through the stream', () => {
    const pipe = simulatedPipe(1 << 20, () => 0);
    const bytes = Uint8Array.from({ length: 5000 }, (_, index) => index % 251);
    expect(writeToPipe(bytes, pipe.target)).toBeUndefined();
    expect(pipe.received).toEqual([...bytes]);
    expect(pipe.streamWrites()).toBe(0);
  });

  it(`a pipe full for less than ${PIPE_PATIENCE_MS} ms is retried: every byte through the descriptor`, () => {
    // Drains 4 bytes per simulated ms: a write finds the 64-byte pipe full (EAGAIN) for about
    // 0.25 ms at a time, never for 10 ms.
    const pipe = simulatedPipe(64, () => 4);
    let full = 0;
    const target: PipeTarget = {
      ...pipe.target,
      writeSome(bytes, offset) {
        try {
          return pipe.target.writeSome(bytes, offset);
        } catch (error) {
          full++;
          throw error;
        }
      },
    };
    const bytes = Uint8Array.from({ length: 2000 }, (_, index) => index % 253);
    expect(writeToPipe(bytes, target)).toBeUndefined();
    expect(full).toBeGreaterThan(100);
    expect(pipe.received).toEqual([...bytes]);
    expect(pipe.streamWrites()).toBe(0);
  });

  it(`a pipe full for ${PIPE_PATIENCE_MS} ms: the rest goes to the stream as a copy, and the caller's buffer may be reused`, () => {
    const pipe = simulatedPipe(64, () => 0);
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => index % 241);
    const original = [...bytes];
    writeToPipe(bytes, pipe.target);
    expect(pipe.streamWrites()).toBe(1);
    bytes.fill(0);
    expect(pipe.received).toEqual(original.slice(0, 64));
    expect(pipe.queue).toHaveLength(1);
    expect([...(pipe.queue[0] as Uint8Array)]).toEqual(original.slice(64));
  });

  it('while the stream holds bytes, a new write goes after them (the order is kept), as a copy', () => {
    const pipe = simulatedPipe(64, () => 0);
    const first = Uint8Array.from({ length: 300 }, () => 1);
    writeToPipe(first, pipe.target);
    // The pipe has room again, but the stream still holds the rest of the first write.
    pipe.received.length = 0;
    const second = Uint8Array.from({ length: 100 }, () => 2);
    let room = 64;
    const target: PipeTarget = { ...pipe.target, writeSome: (bytes, offset) => ((room -= bytes.length - offset), bytes.length - offset) };
    writeToPipe(second, target);
    expect(room).toBe(64);
    expect(pipe.queue.map((bytes) => bytes[0])).toEqual([1, 2]);
    second.fill(9);
    expect([...(pipe.queue[1] as Uint8Array)]).toEqual(Array.from({ length: 100 }, () => 2));
  });

  it('errors other than a full pipe (EPIPE: the reader closed) are thrown', () => {
    const target: PipeTarget = {
      writeSome: () => {
        throw Object.assign(new Error('EPIPE: broken pipe'), { code: 'EPIPE' });
      },
      queued: () => 0,
      viaStream: () => undefined,
      now: () => 0,
    };
    expect(() => writeToPipe(Uint8Array.of(1, 2, 3), target)).toThrow(expect.objectContaining({ code: 'EPIPE' }));
  });

  it('random writes, pipe sizes and reader speeds: the bytes arrive once each, in order', () => {
    const next = random(20261127);
    for (let trial = 0; trial < 200; trial++) {
      const capacity = 16 + Math.floor(next() * 512);
      // A reader that stops now and then: fast, slow or stopped, changing every 7 simulated ms.
      const speeds = Array.from({ length: 64 }, () => [0, 0.5, 4, 100][Math.floor(next() * 4)] as number);
      const pipe = simulatedPipe(capacity, (ms) => speeds[Math.floor(ms / 7) % speeds.length] as number);
      const sent: number[] = [];
      let value = 0;
      for (let chunk = 0; chunk < 12; chunk++) {
        const buffer = new Uint8Array(Math.floor(next() * 2000));
        for (let index = 0; index < buffer.length; index++) buffer[index] = value++ % 256;
        sent.push(...buffer);
        // Between writes the event loop may run (or not): the stream then writes what it holds.
        if (next() < 0.5) pipe.flushStream();
        writeToPipe(buffer, pipe.target);
        buffer.fill(255);
      }
      pipe.flushStream();
      expect(pipe.received).toEqual(sent);
    }
  });
});
