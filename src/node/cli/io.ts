import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { TextFormat } from '../../batch/index.js';
import { type CommandIo, UsageError } from './command.js';

/** An input opened for reading: its chunks, its format and, for files, its size. */
export interface OpenedInput {
  /** The byte chunks. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The format, from `--from` or the file name. */
  readonly format: TextFormat;
  /** Size in bytes, or `undefined` for stdin. */
  readonly size: number | undefined;
  /** The name for messages. */
  readonly name: string;
}

/** The format of a file by its extension: `.tsv`/`.tab` TSV, `.ndjson`/`.jsonl` NDJSON, otherwise CSV. */
export function formatOfName(name: string): TextFormat {
  if (/\.(tsv|tab)$/i.test(name)) return 'tsv';
  if (/\.(ndjson|jsonl)$/i.test(name)) return 'ndjson';
  return 'csv';
}

/** Reads `--from` / `--to` values. */
export function readFormatOption(value: string | undefined, option: string): TextFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'csv' || value === 'tsv' || value === 'ndjson') return value;
  throw new UsageError(`${option} must be csv, tsv or ndjson, not "${value}".`);
}

/** Opens a file argument (`-` for stdin) for reading in 1 MiB chunks. */
export function openInput(argument: string | undefined, io: CommandIo, from: TextFormat | undefined): OpenedInput {
  if (argument === undefined) throw new UsageError('Name an input file, or - for standard input.');
  if (argument === '-') return { chunks: io.stdin, format: from ?? 'csv', size: undefined, name: 'stdin' };
  const path = resolve(io.cwd, argument);
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new UsageError(`${argument} is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${argument}: ${(error as Error).message}`);
  }
  return { chunks: readChunks(path), format: from ?? formatOfName(argument), size, name: argument };
}

/**
 * Reads a file in 1 MiB chunks into one reused buffer: each chunk is valid until the next is read.
 * Reads are synchronous: a local file answers at once, and a thread-pool round trip per chunk
 * would only add waiting.
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(1 << 20);
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    closeSync(descriptor);
  }
}

/** Where output goes: a file written synchronously, or a stream written with back-pressure. */
export interface Output {
  /** Writes a chunk. */
  readonly write: (bytes: Uint8Array) => void | Promise<void>;
  /** Whether `write` is synchronous (a file): it may then be given bytes that are reused afterwards. */
  readonly sync: boolean;
  /** Finishes the output. */
  readonly close: () => Promise<void>;
}

/** Opens `--out` (a file) or the command's stdout. */
export function openOutput(path: string | undefined, io: CommandIo): Output {
  if (path !== undefined && path !== '-') {
    let descriptor: number;
    try {
      descriptor = openSync(resolve(io.cwd, path), 'w');
    } catch (error) {
      throw new UsageError(`Cannot write ${path}: ${(error as Error).message}`);
    }
    return {
      write: (bytes) => {
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
      },
      sync: true,
      close: async () => closeSync(descriptor),
    };
  }
  return streamOutput(io.stdout);
}

function streamOutput(stream: Writable): Output {
  // A regular file on stdout (`> scored.csv`) is written synchronously, like --out.
  const descriptor = (stream as { fd?: unknown }).fd;
  if (typeof descriptor === 'number' && isRegularFile(descriptor)) {
    return {
      write: (bytes) => {
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
      },
      sync: true,
      close: async () => undefined,
    };
  }
  return {
    write: (bytes) => {
      if (stream.write(bytes)) return undefined;
      return new Promise<void>((resolvePromise, reject) => {
        const done = (error?: Error) => {
          stream.off('drain', done);
          stream.off('error', done);
          if (error) reject(error);
          else resolvePromise();
        };
        stream.once('drain', done);
        stream.once('error', done);
      });
    },
    sync: false,
    close: async () => undefined,
  };
}

function isRegularFile(descriptor: number): boolean {
  try {
    return fstatSync(descriptor).isFile();
  } catch {
    return false;
  }
}
