import {
  type BigIntStats,
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  write,
  writeSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ScoringError } from '../index.js';

/**
 * A file's identity: its device and inode. Two names (a symlink, a hard link, `/dev/stdin`, a
 * relative path) are the same file exactly when their identities are equal. Big integers, because
 * inode numbers on large file systems exceed 2^53 and would collide as JavaScript numbers.
 */
export interface FileIdentity {
  /** Device number. */
  readonly dev: bigint;
  /** Inode number on that device. */
  readonly ino: bigint;
}

/** The identity of the file a path names, following symlinks; `undefined` when it cannot be read. */
export function identityOfPath(path: string): FileIdentity | undefined {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return { dev, ino };
  } catch {
    return undefined;
  }
}

/** The identity of an open descriptor when it is a regular file (e.g. stdout redirected with `>>`). */
export function identityOfRegularDescriptor(descriptor: number): FileIdentity | undefined {
  try {
    const stats = fstatSync(descriptor, { bigint: true });
    return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether two identities are the same file. */
export function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * An output file being written. A regular file (or a name that does not exist yet) is written to a
 * temporary file beside it and renamed over it by `commit`, so the name holds either its old
 * content or the complete new one, never a part; `discard` deletes the temporary file. A device or
 * FIFO (`/dev/null`, `>(gzip > out.gz)`) cannot be replaced: it is written in place (`atomic: false`).
 */
export interface OutputFile {
  /** The name for messages, as the caller gave it. */
  readonly name: string;
  /** Whether the output appears only on `commit` (a regular file) or as it is written (a device or FIFO). */
  readonly atomic: boolean;
  /**
   * Whether `write` may be given bytes that are reused once it returns: it writes them at once, or
   * keeps a copy of what it could not write and returns a promise to wait for before writing more.
   */
  readonly sync: boolean;
  /** Writes bytes; throws (or rejects with) a `ScoringError` `unwritable_output`, having discarded the output. */
  readonly write: (bytes: Uint8Array) => void | Promise<void>;
  /** Makes the output final: renames it over the target (flushed to disk first with `fsync`). */
  readonly commit: () => Promise<void>;
  /** Abandons the output: the temporary file is deleted and the target left as it was. Idempotent. */
  readonly discard: () => void;
}

/** Where {@link openOutputFile} compares the output with the input. */
export interface OutputFileOptions {
  /** The name for messages (default: the path). */
  readonly name?: string | undefined;
  /** The input's identity: an output that is the input is refused (`same_file`). */
  readonly input?: FileIdentity | undefined;
  /** The input's name for messages. */
  readonly inputName?: string | undefined;
  /**
   * Flush the file to disk (`fdatasync`) before the rename, so that after a crash of the machine
   * the name holds the old or the new content, never an empty file (default `false`: the rename
   * alone keeps a failed or interrupted run from leaving a partial file; the flush costs about 6%
   * of a 1M-row run).
   */
  readonly fsync?: boolean | undefined;
  /**
   * Bytes written synchronously before writes move to the thread pool (default 64 MiB). Internal:
   * tests set it low to run the thread-pool path on small files.
   */
  readonly writtenHere?: number | undefined;
}

/** Bytes written between background flushes of a temporary file. */
const BACKGROUND_FLUSH = 8 << 20;

/**
 * Bytes of a replaced file written synchronously before its writes move to the thread pool. A
 * million-row output (62 MB) stays below: it needs no copies and no threads (peak memory 55.5 MB).
 * In a large file, writing a megabyte took the kernel about 1.7 ms against 0.3 ms in a 55 MB one,
 * on the benchmark machine: at 10 million rows, overlapping the writes with scoring saved about
 * 0.7 s (docs/benchmarks.md).
 */
const WRITTEN_HERE = 64 << 20;

/** Writes of a replaced file on the thread pool at once; the next waits for one to end. */
const WRITES_IN_FLIGHT = 1;

/** Discards of the temporary files not yet committed or discarded, for signal and exit handlers. */
const pending = new Set<() => void>();

/**
 * Deletes every temporary output file not yet committed (on SIGINT, SIGTERM or exit); resolves
 * nothing and never throws. Returns how many were deleted.
 */
export function discardPendingOutputs(): number {
  const count = pending.size;
  for (const discard of [...pending]) discard();
  return count;
}

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error',
};

/** A reason for a message: plain words and the system's code, without the temporary file's name. */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(reasons, code)) return `${reasons[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

function unwritable(name: string, path: string, reason: string, after = ''): ScoringError {
  return new ScoringError('unwritable_output', `Cannot write ${name}: ${reason}.${after}`, { value: path });
}

/**
 * Names of the process's own descriptors (`/dev/stdout`, `/dev/fd/63`, `/proc/self/fd/1`) are
 * written in place even when they lead to a regular file (`--out /dev/stdout >> log.csv`). Other
 * files under /dev, such as /dev/shm/scored.csv, are ordinary files.
 */
function isDescriptorPath(path: string): boolean {
  return /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|thread-self|\d+)\/fd\/\d+)$/.test(path);
}

/**
 * Opens an output file for writing, before any input is read, so that an unwritable location is
 * reported before the work is done: a regular file through a temporary file beside it
 * (`.NAME.tmp-PID-RANDOM`, renamed over NAME by `commit`), a device or FIFO in place. Refuses an
 * output that is the input (`same_file`) and an output that cannot be written (`unwritable_output`:
 * a missing directory, a directory, a read-only file or location).
 *
 * A symlink is followed (the file it points to is replaced and the link kept); an existing file's
 * permission bits are kept. A hard-linked file is replaced under this name only: its other names
 * keep the old content. Internal to the Node layer (the CLI and `scoreFile`).
 */
export async function openOutputFile(path: string, options: OutputFileOptions = {}): Promise<OutputFile> {
  const name = options.name ?? path;
  const absolute = resolve(path);
  let stats: BigIntStats | undefined;
  try {
    stats = statSync(absolute, { bigint: true });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw unwritable(name, absolute, describeFileError(error));
  }
  if (stats !== undefined && options.input !== undefined && sameFile(stats, options.input)) {
    const input = options.inputName ?? 'the input';
    throw new ScoringError('same_file', `${name} is the input file ${input} (the same file, links resolved): writing it would destroy the input. Write to another file.`, { value: absolute });
  }
  if (stats?.isDirectory() === true) throw unwritable(name, absolute, describeFileError({ code: 'EISDIR' }));
  if (stats !== undefined && (!stats.isFile() || isDescriptorPath(absolute))) return openInPlace(name, absolute);
  return openReplacing(name, absolute, stats, options.fsync === true, options.writtenHere ?? WRITTEN_HERE);
}

/**
 * A device or FIFO: opened for appending (a no-op for devices; `>>` kept for `/dev/stdout`). A FIFO
 * is written asynchronously, so that a full pipe never blocks signals; a character device
 * (`/dev/null`, a terminal) takes its bytes at once and is written synchronously, without a copy
 * of each chunk (a third of a million-row run's time).
 */
async function openInPlace(name: string, path: string): Promise<OutputFile> {
  let handle: FileHandle;
  try {
    // Loaded here: a run writing a regular file does not pay for node:fs/promises at start-up.
    const { open } = await import('node:fs/promises');
    handle = await open(path, 'a');
  } catch (error) {
    throw unwritable(name, path, describeFileError(error));
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    handle.close().catch(() => undefined);
  };
  const failed = (error: unknown) => {
    close();
    return unwritable(name, path, describeFileError(error));
  };
  const commit = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  if (isCharacterDevice(handle.fd)) {
    return {
      name,
      atomic: false,
      sync: true,
      write(bytes) {
        try {
          let offset = 0;
          while (offset < bytes.length) offset += writeSync(handle.fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          throw failed(error);
        }
      },
      commit,
      discard: close,
    };
  }
  return {
    name,
    atomic: false,
    sync: false,
    async write(bytes) {
      try {
        let offset = 0;
        while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
      } catch (error) {
        throw failed(error);
      }
    },
    commit,
    discard: close,
  };
}

function isCharacterDevice(descriptor: number): boolean {
  try {
    return fstatSync(descriptor).isCharacterDevice();
  } catch {
    return false;
  }
}

/** A regular file: written to a temporary file in the same directory (one file system, so `rename` is atomic), renamed over the target on commit. */
function openReplacing(name: string, absolute: string, existing: BigIntStats | undefined, durable: boolean, writtenHere: number): OutputFile {
  let target = absolute;
  if (existing !== undefined) {
    try {
      // Write through a symlink: replace the file it points to, not the link.
      target = realpathSync(absolute);
      // A rename needs only the directory's permission; respect a file the user made read-only.
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw unwritable(name, target, describeFileError(error));
    }
  }
  const directory = dirname(target);
  // Within the 255-byte name limit however long the target's name (50 characters are at most 200 bytes).
  const base = basename(target);
  const stem = Buffer.byteLength(base) > 200 ? Array.from(base).slice(0, 50).join('') : base;
  const mode = existing === undefined ? 0o666 : Number(existing.mode & 0o7777n);
  let temporary = '';
  let descriptor = -1;
  // The name need not be secret: the file is created exclusively ('wx', which a link there also
  // fails), and a name taken is tried again with another (node:crypto costs startup time).
  for (let attempt = 0; descriptor === -1; attempt++) {
    temporary = join(directory, `.${stem}.tmp-${process.pid}-${Math.floor(Math.random() * 2 ** 48).toString(36)}`);
    try {
      descriptor = openSync(temporary, 'wx', mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      // The directory must be writable, not only the file: say so, as a writable file is then a puzzle.
      throw unwritable(name, target, `cannot create a file in its directory: ${describeFileError(error)}`);
    }
  }
  let open = true;
  let done = false;
  // Operations on the descriptor still running on the thread pool (writes and the background
  // flush): a discarded output's descriptor is closed only when they have ended, so that no
  // write can reach a file that reuses its number.
  let busy = 0;
  let closeWhenIdle = false;
  const closeQuietly = () => {
    try {
      closeSync(descriptor);
    } catch {
      // Already unusable; the file is deleted anyway.
    }
  };
  const closeDescriptor = () => {
    if (!open) return;
    open = false;
    if (busy > 0) closeWhenIdle = true;
    else closeQuietly();
  };
  const ended = () => {
    busy--;
    if (closeWhenIdle && busy === 0) {
      closeWhenIdle = false;
      closeQuietly();
    }
  };
  // Written data is flushed to disk in the background while the run goes on, so that the flush
  // before the rename finds little left to do (it would otherwise add ~8% to a 1M-row run).
  let unflushed = 0;
  let flushing: Promise<void> | undefined;
  const flushInBackground = () => {
    unflushed = 0;
    busy++;
    flushing = new Promise<void>((resolvePromise) =>
      fdatasync(descriptor, () => {
        ended();
        resolvePromise();
      }),
    ).then(() => {
      flushing = undefined;
    });
  };
  // Bytes are written at their own positions. The first `writtenHere` bytes are written here, at
  // once; beyond them (where each megabyte costs the kernel more) the thread pool writes copies,
  // at most WRITES_IN_FLIGHT at a time, while the rows go on being scored. The first failure of a
  // write on the thread pool is kept and thrown by the next write or by commit.
  let position = 0;
  let writes = 0;
  let failure: unknown;
  const spares: Uint8Array[] = [];
  const waiting: (() => void)[] = [];
  const writeAt = (buffer: Uint8Array, length: number, at: number, offset: number) => {
    busy++;
    writes++;
    write(descriptor, buffer, offset, length - offset, at + offset, (error, written) => {
      writes--;
      if (error === null && written > 0 && offset + written < length && !done) {
        ended();
        writeAt(buffer, length, at, offset + written);
        return;
      }
      if (failure === undefined) {
        if (error !== null) failure = error;
        else if (offset + written < length && !done) failure = Object.assign(new Error('the file system wrote nothing'), { code: 'EIO' });
      }
      spares.push(buffer);
      ended();
      for (const wake of waiting.splice(0)) wake();
    });
  };
  const failed = () => {
    const error = failure;
    discard();
    return unwritable(name, target, describeFileError(error), left);
  };
  const discard = () => {
    if (done) return;
    done = true;
    pending.delete(discard);
    closeDescriptor();
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
  };
  pending.add(discard);
  const left = existing === undefined ? ` ${name} was not created.` : ` ${name} is unchanged.`;
  if (existing !== undefined) {
    try {
      // The umask may have narrowed the mode; a replacement keeps the old file's mode and, where allowed, its owner.
      fchmodSync(descriptor, mode);
      if (process.getuid?.() === 0) fchownSync(descriptor, Number(existing.uid), Number(existing.gid));
    } catch {
      // Best effort: the content matters more than the mode.
    }
  }
  return {
    name,
    atomic: true,
    sync: true,
    write(bytes) {
      if (failure !== undefined) throw failed();
      if (done) throw unwritable(name, target, 'the output was abandoned', left);
      if (bytes.length === 0) return undefined;
      const at = position;
      position += bytes.length;
      unflushed += bytes.length;
      if (durable && unflushed >= BACKGROUND_FLUSH && flushing === undefined) flushInBackground();
      if (at < writtenHere) {
        try {
          let offset = 0;
          while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset, at + offset);
        } catch (error) {
          failure ??= error;
          throw failed();
        }
        return undefined;
      }
      // Buffers are reused, so that no garbage is left per chunk: as many exist as writes ever ran
      // at once (WRITES_IN_FLIGHT and the chunks of one input chunk).
      let copy = spares.pop();
      if (copy === undefined || copy.length < bytes.length) copy = new Uint8Array(Math.max(bytes.length, 1 << 20));
      copy.set(bytes);
      writeAt(copy, bytes.length, at, 0);
      if (writes < WRITES_IN_FLIGHT) return undefined;
      return new Promise<void>((resolvePromise) => waiting.push(resolvePromise));
    },
    async commit() {
      if (done) throw unwritable(name, target, 'the output was abandoned', left);
      while (writes > 0) await new Promise<void>((resolvePromise) => waiting.push(resolvePromise));
      if (failure !== undefined) throw failed();
      // The descriptor stays open until the background flush has finished with it.
      await flushing;
      if (done) throw unwritable(name, target, 'the output was abandoned', left);
      try {
        // With fsync, durable before visible: without the flush a crash of the machine after the
        // rename can leave an empty file (the process's own failures never can: the rename comes last).
        if (durable) fdatasyncSync(descriptor);
        open = false;
        closeSync(descriptor);
        renameSync(temporary, target);
      } catch (error) {
        discard();
        throw unwritable(name, target, describeFileError(error), left);
      }
      done = true;
      pending.delete(discard);
      if (durable) syncDirectory(directory);
    },
    discard,
  };
}

/** Flushes a directory entry (the rename) to disk; some file systems refuse, which loses nothing written. */
function syncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Best effort.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** What a batch scorer's output bytes are handed to: {@link scorerOutput}. */
export interface ScorerOutput {
  /** The scorer's `emit`: the bytes it is given are reused by the scorer once it returns. */
  readonly emit: (bytes: Uint8Array) => void;
  /** Waits until what was emitted is written (or, for a full pipe, handed to its stream). */
  readonly drain: () => Promise<void>;
  /** Whether `drain` has anything to wait for. */
  readonly waiting: () => boolean;
}

/**
 * Connects a batch scorer to an output: a synchronous output (a file, a pipe) is written as the
 * bytes come, and a write it could not finish is waited for before the next chunk; any other gets
 * copies, written in turn with back-pressure. `null` drops the bytes (a run that only counts).
 */
export function scorerOutput(output: Pick<OutputFile, 'write' | 'sync'> | null): ScorerOutput {
  const ready: Uint8Array[] = [];
  const pending: Promise<void>[] = [];
  const emit =
    output === null
      ? () => undefined
      : output.sync
        ? (bytes: Uint8Array) => {
            const written = output.write(bytes);
            if (written !== undefined) pending.push(written);
          }
        : (bytes: Uint8Array) => void ready.push(bytes.slice());
  return {
    emit,
    waiting: () => pending.length > 0 || ready.length > 0,
    async drain() {
      if (pending.length > 0) await Promise.all(pending.splice(0));
      while (ready.length > 0) await output?.write(ready.shift() as Uint8Array);
    },
  };
}
