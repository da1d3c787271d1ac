// The zip container of an .xlsx workbook: the central directory, read from the end of the file,
// and each entry's bytes, inflated whole (small parts) or as a stream (the sheet). Only what an
// .xlsx needs: stored and deflated entries, ZIP64 sizes and offsets; no encryption, no spanning.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';

/** node:zlib, loaded when the first workbook is read: a CSV run does not pay for it. */
let zlib: typeof Zlib | undefined;
const loadZlib = (): typeof Zlib => (zlib ??= createRequire('/')('node:zlib') as typeof Zlib);

/** Why a file is not a readable .xlsx; the message names the file. */
export class ContainerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContainerError';
  }
}

/** One file of the archive, as the central directory describes it. */
export interface ZipEntry {
  /** The name, with `/` separators. */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Whether the entry is encrypted (general purpose flag bit 0). */
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Bytes at offsets: a file read with positioned reads, or a buffer. */
export interface ByteSource {
  readonly size: number;
  /** Reads `length` bytes at `offset` (fewer at the end of the source). */
  readonly read: (offset: number, length: number) => Uint8Array;
  /** The bytes from `start` (inclusive) to `end` (exclusive) as a stream of chunks. */
  readonly stream: (start: number, end: number) => Readable;
  readonly close: () => void;
}

/** Opens a file for positioned reads. */
export function fileSource(path: string): ByteSource {
  const descriptor = openSync(path, 'r');
  const size = fstatSync(descriptor).size;
  return {
    size,
    read: (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.length) {
        const count = readSync(descriptor, buffer, done, buffer.length - done, offset + done);
        if (count === 0) break;
        done += count;
      }
      return done === buffer.length ? buffer : buffer.subarray(0, done);
    },
    stream: (start, end) => (end > start ? createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 19 }) : Readable.from([])),
    close: () => closeSync(descriptor),
  };
}

/** A source over bytes held in memory. */
export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    stream: (start, end) => Readable.from([bytes.subarray(start, end)], { objectMode: false }),
    close: () => undefined,
  };
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end-of-directory record is 22 bytes, followed by a comment of at most 65535 bytes. */
const END_SEARCH = 22 + 0xffff;
/** The most entries read from a central directory (an .xlsx has tens). */
const MAX_ENTRIES = 100_000;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit little-endian size as a safe number, or a container error. */
function uint64(data: DataView, offset: number): number {
  const value = data.getBigUint64(offset, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ContainerError('a ZIP64 size or offset is out of range');
  return Number(value);
}

/**
 * Reads the central directory. Throws a {@link ContainerError} for a file that is not a zip
 * archive or whose directory is cut off or inconsistent.
 */
export function readDirectory(source: ByteSource): Map<string, ZipEntry> {
  const tailStart = Math.max(0, source.size - END_SEARCH);
  const tail = source.read(tailStart, source.size - tailStart);
  const tailView = view(tail);
  let end = -1;
  for (let offset = tail.length - 22; offset >= 0; offset--) {
    if (tailView.getUint32(offset, true) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end === -1) throw new ContainerError('the end of its zip directory is missing (the file is cut off or damaged)');
  let entryCount = tailView.getUint16(end + 10, true);
  let directorySize = tailView.getUint32(end + 12, true);
  let directoryOffset = tailView.getUint32(end + 16, true);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = tailStart + end - 20;
    const locator = locatorAt >= 0 ? source.read(locatorAt, 20) : new Uint8Array(0);
    if (locator.length < 20 || view(locator).getUint32(0, true) !== ZIP64_LOCATOR) throw new ContainerError('its ZIP64 directory locator is missing');
    const recordAt = uint64(view(locator), 8);
    const record = source.read(recordAt, 56);
    if (record.length < 56 || view(record).getUint32(0, true) !== ZIP64_END_OF_DIRECTORY) throw new ContainerError('its ZIP64 directory record is missing');
    const recordView = view(record);
    entryCount = uint64(recordView, 32);
    directorySize = uint64(recordView, 40);
    directoryOffset = uint64(recordView, 48);
  }
  if (entryCount > MAX_ENTRIES) throw new ContainerError(`its zip directory claims ${entryCount} entries`);
  if (directoryOffset + directorySize > source.size) throw new ContainerError('its zip directory lies beyond the end of the file (the file is cut off)');
  const directory = source.read(directoryOffset, directorySize);
  const data = view(directory);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let offset = 0;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > directory.length || data.getUint32(offset, true) !== DIRECTORY_ENTRY) throw new ContainerError('its zip directory is damaged');
    const flags = data.getUint16(offset + 8, true);
    const method = data.getUint16(offset + 10, true);
    let compressedSize = data.getUint32(offset + 20, true);
    let uncompressedSize = data.getUint32(offset + 24, true);
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    let localHeaderOffset = data.getUint32(offset + 42, true);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > directory.length) throw new ContainerError('its zip directory is damaged');
    const name = decoder.decode(directory.subarray(offset + 46, nameEnd)).replaceAll('\\', '/');
    // ZIP64 extended information: the fields that are 0xFFFFFFFF above, in this order.
    for (let extra = nameEnd; extra + 4 <= nameEnd + extraLength; ) {
      const id = data.getUint16(extra, true);
      const size = data.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const fieldEnd = Math.min(field + size, nameEnd + extraLength);
        const next = () => {
          if (field + 8 > fieldEnd) throw new ContainerError('its ZIP64 extra field is damaged');
          const value = uint64(data, field);
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extra += 4 + size;
    }
    entries.set(name.toLowerCase(), { name, method, encrypted: (flags & 1) === 1, compressedSize, uncompressedSize, localHeaderOffset });
    offset = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's data starts and ends; checks its local header. */
function dataRange(source: ByteSource, entry: ZipEntry): { start: number; end: number } {
  if (entry.encrypted) throw new ContainerError(`its part ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ContainerError(`its part ${entry.name} is compressed with method ${entry.method}, which is not read (only stored and deflated parts are)`);
  const header = source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || view(header).getUint32(0, true) !== LOCAL_HEADER) throw new ContainerError(`the local header of its part ${entry.name} is missing (the file is damaged)`);
  const start = entry.localHeaderOffset + 30 + view(header).getUint16(26, true) + view(header).getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > source.size) throw new ContainerError(`its part ${entry.name} runs beyond the end of the file (the file is cut off)`);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw new ContainerError(`its stored part ${entry.name} has inconsistent sizes`);
  return { start, end };
}

/** An entry's bytes, inflated whole; at most `limit` bytes (a larger part is refused). */
export function readEntry(source: ByteSource, entry: ZipEntry, limit: number): Uint8Array {
  if (entry.uncompressedSize > limit) throw new ContainerError(`its part ${entry.name} is larger than ${limit} bytes`);
  const { start, end } = dataRange(source, entry);
  const compressed = source.read(start, end - start);
  let bytes: Uint8Array;
  try {
    bytes = entry.method === 0 ? compressed : loadZlib().inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    throw new ContainerError(`its part ${entry.name} cannot be inflated (${(error as Error).message})`);
  }
  if (bytes.length !== entry.uncompressedSize) throw new ContainerError(`its part ${entry.name} is ${bytes.length} bytes, not the ${entry.uncompressedSize} its directory says (the file is damaged)`);
  return bytes;
}

/**
 * An entry's bytes as a stream of inflated chunks, in constant memory. A damaged or cut-off
 * deflate stream, or one whose length is not the directory's, throws a {@link ContainerError}.
 */
export async function* streamEntry(source: ByteSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const { start, end } = dataRange(source, entry);
  const raw = source.stream(start, end);
  const chunks: AsyncIterable<Uint8Array> = entry.method === 0 ? raw : raw.pipe(loadZlib().createInflateRaw({ chunkSize: 1 << 19 }));
  if (entry.method !== 0) raw.on('error', (error) => (chunks as Readable).destroy(error));
  let length = 0;
  try {
    for await (const chunk of chunks) {
      length += chunk.length;
      if (length > entry.uncompressedSize) throw new ContainerError(`its part ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes its directory says (the file is damaged)`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError(`its part ${entry.name} cannot be inflated (${(error as Error).message})`);
  } finally {
    raw.destroy();
    if (entry.method !== 0) (chunks as Readable).destroy();
  }
  if (length !== entry.uncompressedSize) throw new ContainerError(`its part ${entry.name} is ${length} bytes, not the ${entry.uncompressedSize} its directory says (the file is damaged)`);
}
