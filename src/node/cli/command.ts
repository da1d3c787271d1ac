import type { Readable, Writable } from 'node:stream';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Coding, type ColumnSpec, type ScaleDefinition, defineScale, djg11, djg6, parseCoding, parseColumnSpec } from '../../index.js';

/** What a command reads and writes; injected so that commands run in tests without a process. */
export interface CommandIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTTY: boolean;
  /** Current working directory, for resolving file arguments. */
  readonly cwd: string;
}

/**
 * A subcommand of the `loneliness-scales` CLI. Each lives in `src/node/cli/commands/<name>.ts`
 * and is listed in the dispatcher's command table.
 */
export interface Command {
  /** The subcommand's name, e.g. `score`. */
  readonly name: string;
  /** One line for the overview in `--help`. */
  readonly summary: string;
  /** The full help text: usage, every option, examples. */
  readonly help: string;
  /** Runs the command; resolves to the process exit code. */
  readonly run: (args: readonly string[], io: CommandIo) => Promise<number>;
}

/** Exit codes of the CLI, documented in docs/cli.md. */
export const exitCodes = {
  /** Everything was done. */
  ok: 0,
  /**
   * Done, but some rows were bad: malformed, or holding an invalid answer (without `--strict`).
   * Rows without a score only because of missing answers are not bad.
   */
  rowsNotScored: 1,
  /**
   * Bad usage: unknown option, unreadable `--coding` or `--columns`, a column missing from the data,
   * an output that is the input, an output location that cannot be written.
   */
  usage: 2,
  /**
   * Stopped at the first bad row (`--strict`), the input could not be read (or was empty), or the
   * output could not be written to the end (a full disk). No file at `--out` was created or changed.
   */
  failed: 3,
} as const;

/** The scales by CLI name. */
export const scalesByName: Readonly<Record<string, ScaleDefinition>> = { djg6, djg11 };

/** Largest scale definition file read: a definition is a few kilobytes. */
const MAX_DEFINITION_BYTES = 1 << 20;

/**
 * Reads `--scale`: a shipped scale by name, or a scale definition file (`.json`) checked by
 * `defineScale`. Throws a usage error for an unknown name or an unreadable file; a definition
 * `defineScale` refuses is its `ScoringError` (`invalid_scale`, with the field's path).
 */
export function readScaleOption(value: string | undefined, cwd: string): ScaleDefinition {
  const name = value ?? 'djg6';
  if (Object.hasOwn(scalesByName, name)) return scalesByName[name] as ScaleDefinition;
  if (!/\.json$/i.test(name)) {
    throw new UsageError(`--scale must be ${Object.keys(scalesByName).join(' or ')}, or a scale definition file ending in .json, not "${name}".`);
  }
  const path = resolve(cwd, name);
  let text: string;
  try {
    if (statSync(path).size > MAX_DEFINITION_BYTES) throw new Error(`larger than ${MAX_DEFINITION_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--scale: cannot read ${name}: ${(error as Error).message}.`);
  }
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--scale: ${name} is not JSON: ${(error as Error).message}.`);
  }
  return defineScale(definition);
}

/** Reads `--coding` (a preset or code=label pairs), or `undefined` when not given. */
export function readCodingOption(value: string | undefined): Coding | undefined {
  return value === undefined ? undefined : parseCoding(value);
}

/** Reads `--columns` (`key`, a `{n}` pattern, `order:NAME:…`, or key=column pairs). */
export function readColumnsOption(value: string | undefined): ColumnSpec {
  return value === undefined ? { by: 'key' } : parseColumnSpec(value);
}

/** Reads `--lang`. */
export function readLanguageOption(value: string | undefined): 'nl' | 'en' {
  const language = value ?? 'en';
  if (language !== 'nl' && language !== 'en') throw new UsageError(`--lang must be nl or en, not "${language}".`);
  return language;
}

/** A mistake in the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
