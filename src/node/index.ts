export { exitCodes, readCodingOption, readColumnsOption, readLanguageOption, readScaleOption, scalesByName, UsageError } from './cli/command.js';
export type { Command, CommandIo } from './cli/command.js';
export { commands, overview, runCli } from './cli/main.js';
export { scoreFile } from './score-file.js';
export type { ScoreFileOptions } from './score-file.js';
