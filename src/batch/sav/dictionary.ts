// The dictionary of an SPSS system file (.sav) as the reader finds it and the writer copies it.
// Layout and record types follow GNU PSPP's developer guide, chapter "System File Format".

/** The system-missing value as stored: the lowest finite double (PSPP guide, "System File Format"). */
export const SYSMIS = -Number.MAX_VALUE;
/** The largest and smallest doubles, which stand for HIGHEST and LOWEST in missing-value ranges. */
export const HIGHEST = Number.MAX_VALUE;

/** A value label: the value's stored bytes (8 for numbers and short strings, the width for long strings) and the label's bytes. */
export interface SavValueLabel {
  /** The value as stored (a double, or string bytes padded with spaces). */
  readonly value: Uint8Array;
  /** The label's bytes in the file's encoding. */
  readonly label: Uint8Array;
}

/** User-missing values of one variable, as declared (PSPP guide, "Variable Record" and "Long String Missing Values Record"). */
export interface SavMissing {
  /** Discrete missing values: numbers, or string values (trailing spaces removed) for strings. */
  readonly discrete: readonly (number | string)[];
  /** A numeric range `[low, high]` (LOWEST and HIGHEST as ±Infinity), or `null`. */
  readonly range: readonly [number, number] | null;
}

/** One variable of the file (a very long string is one variable, however many segments it has). */
export interface SavVariable {
  /** The variable's name: the long name (record subtype 13) or the short name. */
  readonly name: string;
  /** The short name of its first segment (8 bytes at most, upper case as written). */
  readonly shortName: string;
  /** 0 for numeric, otherwise the string width in bytes (above 255 for a very long string). */
  readonly width: number;
  /** The variable label, or `null`. */
  label: string | null;
  /** Byte offset of the variable's first 8-byte slot in a case. */
  readonly offset: number;
  /** Per segment of a string: the byte offset of its slots in a case and the bytes of data it holds. */
  readonly segments: readonly { readonly offset: number; readonly bytes: number }[];
  /** User-missing values. */
  missing: SavMissing;
  /** Value labels. */
  readonly valueLabels: SavValueLabel[];
}

/** A record of the dictionary kept as it was read, for the writer to copy. */
export interface SavRawRecord {
  /** Record type (2 variable, 3 value labels with its type 4, 6 document, 7 extension). */
  readonly type: number;
  /** The subtype of an extension record, otherwise 0. */
  readonly subtype: number;
  /** The record's bytes, from its type field to its end. */
  readonly bytes: Uint8Array;
}

/** The dictionary of a system file. */
export interface SavDictionary {
  /** Whether numbers are stored little-endian. */
  readonly littleEndian: boolean;
  /** The header's product name (60 bytes). */
  readonly productName: Uint8Array;
  /** The header's file label (64 bytes). */
  readonly fileLabel: Uint8Array;
  /** The 1-based slot of the weight variable, or 0. */
  readonly weightIndex: number;
  /** 0 uncompressed, 1 bytecode compressed. */
  readonly compression: number;
  /** The compression bias (normally 100). */
  readonly bias: number;
  /** The number of 8-byte slots in a case. */
  readonly slots: number;
  /** The text encoding's name, as TextDecoder knows it. */
  readonly encoding: string;
  /** The variables, in order. */
  readonly variables: readonly SavVariable[];
  /** The records read, in order (the writer copies or rewrites them). */
  readonly records: readonly SavRawRecord[];
}
