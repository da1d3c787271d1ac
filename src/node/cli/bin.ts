import { runCli } from '../index.js';
import { discardPendingOutputs } from '../output-file.js';

// An interrupted run leaves no file at --out: the temporary output is deleted, and the exit code
// is the shell's convention for death by that signal (128 + its number).
const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
for (const [signal, code] of Object.entries(signals)) {
  process.on(signal, () => {
    if (discardPendingOutputs() > 0) process.stderr.write(`\nloneliness-scales: ${signal}: stopped; the output was not written.\n`);
    process.exit(code);
  });
}
// Also on a crash or an explicit exit.
process.on('exit', () => void discardPendingOutputs());

// The `loneliness-scales` executable: the CLI on the real process.
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
