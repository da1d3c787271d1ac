/**
 * `scorerOutput`: how a batch scorer's bytes reach an output. A synchronous output (a file, a pipe)
 * is written as the bytes come, and a write it could not finish (a full pipe) is waited for before
 * the next chunk; any other output gets copies, written in turn.
 */
import { describe, expect, it } from 'vitest';
import { scorerOutput } from '../../src/node/output-file.js';

describe('scorerOutput', () => {
  it('a synchronous output: written at once; a write that returns a promise is waited for by drain', async () => {
    const written: number[][] = [];
    let finish: () => void = () => undefined;
    const output = {
      sync: true,
      write(bytes: Uint8Array) {
        written.push([...bytes]);
        if (bytes[0] !== 2) return undefined;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
    };
    const { emit, drain, waiting } = scorerOutput(output);
    const buffer = Uint8Array.of(1, 1);
    emit(buffer);
    expect(waiting()).toBe(false);
    buffer.set([2, 2]);
    emit(buffer);
    expect(written).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(waiting()).toBe(true);
    let drained = false;
    const draining = drain().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    finish();
    await draining;
    expect(drained).toBe(true);
    expect(waiting()).toBe(false);
  });

  it('a write that fails is thrown by drain', async () => {
    const { emit, drain } = scorerOutput({ sync: true, write: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) });
    emit(Uint8Array.of(1));
    await expect(drain()).rejects.toMatchObject({ code: 'EIO' });
  });

  it('an asynchronous output gets copies, written in order by drain', async () => {
    const written: number[][] = [];
    const { emit, drain, waiting } = scorerOutput({
      sync: false,
      write: async (bytes: Uint8Array) => {
        written.push([...bytes]);
      },
    });
    const buffer = Uint8Array.of(1);
    emit(buffer);
    buffer[0] = 2;
    emit(buffer);
    buffer[0] = 3;
    expect(waiting()).toBe(true);
    await drain();
    expect(written).toEqual([[1], [2]]);
  });

  it('no output: bytes are dropped, nothing to wait for', async () => {
    const { emit, drain, waiting } = scorerOutput(null);
    emit(Uint8Array.of(1));
    expect(waiting()).toBe(false);
    await drain();
  });
});
