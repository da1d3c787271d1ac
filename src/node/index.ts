export type { CommandIo } from './cli/command.js';
export { runCli } from './cli/main.js';
export { scoreFile } from './score-file.js';
export type { ScoreFileOptions } from './score-file.js';
