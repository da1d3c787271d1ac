import { runCli } from '../index.js';
import { discardPendingOutputs } from '../output-file.js';

// An interrupted run leaves no file at --out: the temporary output is deleted, then the signal is
// raised again with its default action, so the process ends by it (the shell reports 128 + its
// number: 130, 143, 129). Not process.exit: that waits for a read blocked on a FIFO with no writer.
const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
for (const [signal, code] of Object.entries(signals)) {
  process.on(signal, () => {
    if (discardPendingOutputs() > 0) process.stderr.write(`\nloneliness-scales: ${signal}: stopped; the output was not written.\n`);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    // Only if the signal did not end the process (it should have).
    setTimeout(() => process.exit(code), 1000).unref();
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
