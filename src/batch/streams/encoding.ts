import { ScoringError } from '../../index.js';

/** How the input's text is encoded: found from its bytes (`auto`, the default), or named. */
export type InputEncoding = 'auto' | 'utf-8' | 'windows-1252';

/** Bytes of input, pure ASCII, after which the encoding is settled as UTF-8 without seeing any other byte. */
export const ENCODING_DECISION_BYTES = 1 << 20;

const ENCODING_NAMES: Readonly<Record<string, InputEncoding>> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  // As in the WHATWG Encoding Standard, Latin-1 is read as its superset Windows-1252.
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/**
 * Reads an encoding name: `auto`, `utf-8` (`utf8`), `windows-1252` (`cp1252`, `latin1`,
 * `iso-8859-1`, read as Windows-1252 like the WHATWG Encoding Standard does), in any case.
 * Throws a `ScoringError` (`invalid_option`) listing them for any other name.
 */
export function readEncodingName(name: unknown): InputEncoding {
  const encoding = typeof name === 'string' && Object.hasOwn(ENCODING_NAMES, name.trim().toLowerCase()) ? ENCODING_NAMES[name.trim().toLowerCase()] : undefined;
  if (encoding === undefined) {
    throw new ScoringError('invalid_option', `Unknown encoding ${JSON.stringify(name)}: use auto, utf-8 or windows-1252 (also cp1252, latin1).`, { path: 'encoding', value: name });
  }
  return encoding;
}

/** The Unicode code points of Windows-1252 bytes 0x80–0x9F (WHATWG index; unassigned bytes map to the C1 control of the same number). */
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The code point of a Windows-1252 byte of 0x80 or above. */
function windows1252(byte: number): number {
  return byte < 0xa0 ? (HIGH_CONTROLS[byte - 0x80] as number) : byte;
}

/**
 * Windows-1252 bytes as UTF-8, written into `target` (at least three times as long as the bytes).
 * Returns the length written. ASCII bytes are copied; every other byte is one character.
 */
export function windows1252ToUtf8(bytes: Uint8Array, target: Uint8Array): number {
  let length = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte < 0x80) {
      target[length++] = byte;
      continue;
    }
    const code = windows1252(byte);
    if (code < 0x800) {
      target[length++] = 0xc0 | (code >> 6);
      target[length++] = 0x80 | (code & 0x3f);
    } else {
      target[length++] = 0xe0 | (code >> 12);
      target[length++] = 0x80 | ((code >> 6) & 0x3f);
      target[length++] = 0x80 | (code & 0x3f);
    }
  }
  return length;
}

/**
 * Checks UTF-8 from `start`: `valid`, `invalid`, or `incomplete` (valid up to a sequence cut
 * off by the end of the bytes, which starts at the returned `tail`). Overlong forms, surrogates
 * and code points above U+10FFFF are invalid (RFC 3629).
 */
export function checkUtf8(bytes: Uint8Array, start: number): { readonly verdict: 'valid' | 'invalid' | 'incomplete'; readonly tail: number } {
  let index = start;
  const length = bytes.length;
  while (index < length) {
    const byte = bytes[index] as number;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    } else return { verdict: 'invalid', tail: index };
    for (let offset = 1; offset <= needed; offset++) {
      if (index + offset >= length) return { verdict: 'incomplete', tail: index };
      const next = bytes[index + offset] as number;
      if (offset === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return { verdict: 'invalid', tail: index };
    }
    index += needed + 1;
  }
  return { verdict: 'valid', tail: length };
}

/** What the decoding front settled on, and whether it was found from the bytes. */
export interface EncodingDecision {
  readonly encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  readonly detected: boolean;
}

/** Passes chunks on as UTF-8: unchanged when UTF-8, transcoded when Windows-1252. */
export interface DecodingFront {
  readonly push: (chunk: Uint8Array) => void;
  readonly end: () => void;
}

/**
 * Creates the front of a reader that turns the input into UTF-8 once, before any parsing: with
 * `utf-8` chunks pass unchanged; with `windows-1252` every chunk is transcoded; with `auto` the
 * encoding is decided at the first non-ASCII byte, from the bytes that follow it in the same
 * chunk: valid UTF-8 stays UTF-8, anything else is Windows-1252. A UTF-8 byte order mark settles
 * it as UTF-8, and so do the first {@link ENCODING_DECISION_BYTES} bytes all being ASCII (the
 * same in both). A UTF-16 byte order mark (Excel's "Unicode text") means UTF-16, decoded to
 * UTF-8. Once decided, UTF-8 chunks pass with no work per byte. `decided` is called once.
 */
export function createDecodingFront(encoding: InputEncoding, push: (chunk: Uint8Array) => void, decided: (decision: EncodingDecision) => void): DecodingFront {
  let state: 'undecided' | 'utf-8' | 'windows-1252' | 'utf-16' = encoding === 'auto' ? 'undecided' : encoding;
  /** Decodes UTF-16 input (Excel's "Unicode text"), found by its byte order mark. */
  let utf16: TextDecoder | null = null;
  const encoder = new TextEncoder();
  let seen = 0;
  let started = false;
  /** An incomplete multi-byte sequence at the end of the last chunk, held until the next arrives. */
  let pending = new Uint8Array(0);
  let output = new Uint8Array(0);

  function transcode(bytes: Uint8Array): void {
    if (output.length < bytes.length * 3) output = new Uint8Array(Math.max(bytes.length * 3, 1 << 16));
    const length = windows1252ToUtf8(bytes, output);
    push(output.subarray(0, length));
  }

  function settle(to: 'utf-8' | 'windows-1252'): void {
    state = to;
    decided({ encoding: to, detected: true });
  }

  function run(chunk: Uint8Array, final: boolean): void {
    let bytes = chunk;
    if (pending.length > 0) {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      bytes = joined;
      pending = new Uint8Array(0);
    }
    if (!started) {
      // A byte order mark needs three bytes, which may come in separate chunks.
      if (bytes.length < 3 && !final) {
        pending = bytes.slice();
        return;
      }
      started = true;
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (encoding !== 'auto') decided({ encoding: state as 'utf-8' | 'windows-1252', detected: false });
      if (bom && state === 'windows-1252') bytes = bytes.subarray(3);
      else if (bom && state === 'undecided') settle('utf-8');
      else if (state === 'undecided' && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        const name = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
        try {
          utf16 = new TextDecoder(name);
        } catch {
          throw new ScoringError('invalid_option', `The input is ${name.toUpperCase()}, which this runtime cannot decode: save it as UTF-8.`, { path: 'encoding', value: name });
        }
        state = 'utf-16';
        decided({ encoding: name, detected: true });
      }
    }
    if (utf16 !== null) {
      // The decoder drops the byte order mark and holds a character cut at a chunk's end.
      const text = utf16.decode(bytes, { stream: !final });
      if (text.length > 0) push(encoder.encode(text));
      return;
    }
    if (state === 'utf-8') {
      if (bytes.length > 0) push(bytes);
      return;
    }
    if (state === 'windows-1252') {
      if (bytes.length > 0) transcode(bytes);
      return;
    }
    let first = 0;
    while (first < bytes.length && (bytes[first] as number) < 0x80) first++;
    if (first === bytes.length) {
      seen += bytes.length;
      if (seen >= ENCODING_DECISION_BYTES || final) settle('utf-8');
      if (bytes.length > 0) push(bytes);
      return;
    }
    const { verdict, tail } = checkUtf8(bytes, first);
    if (verdict === 'incomplete' && tail === first && !final) {
      // Only a cut-off sequence so far: the ASCII before it passes, the rest waits for the next chunk.
      seen += first;
      pending = bytes.slice(first);
      if (first > 0) push(bytes.subarray(0, first));
      return;
    }
    // A cut-off sequence at the very end of the input is not UTF-8.
    const found = verdict === 'valid' || (verdict === 'incomplete' && !final) ? 'utf-8' : 'windows-1252';
    settle(found);
    if (found === 'utf-8') push(bytes);
    else transcode(bytes);
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => {
      if (!started || pending.length > 0 || state === 'undecided' || state === 'utf-16') run(new Uint8Array(0), true);
    },
  };
}
