/**
 * Node only: score a file to a file (`scoreFile`) and run the `loneliness-scales` command in-process
 * (`runCli`).
 *
 * ```ts
 * import { scoreFile, runCli } from 'loneliness-scales/node';
 * ```
 *
 * @module loneliness-scales/node
 */
export type { CommandIo } from './cli/command.js';
export { runCli } from './cli/main.js';
export { scoreFile } from './score-file.js';
export type { ScoreFileOptions } from './score-file.js';
