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

// The standard streams are made when first used: a run that reads and writes files never builds
// stdin's stream (a socket or file stream, a few milliseconds at start-up).
const made = new Set<'stdin' | 'stdout' | 'stderr'>();
const stream = <Name extends 'stdin' | 'stdout' | 'stderr'>(name: Name): NodeJS.Process[Name] => {
  made.add(name);
  return process[name];
};

// The `loneliness-scales` executable: the CLI on the real process.
const code = await runCli(process.argv.slice(2), {
  get stdin() {
    return stream('stdin');
  },
  get stdout() {
    return stream('stdout');
  },
  get stderr() {
    return stream('stderr');
  },
  // Read only to draw a progress bar (not under --quiet): asking builds stderr's stream.
  get stderrIsTTY() {
    return stream('stderr').isTTY === true;
  },
  cwd: process.cwd(),
});
process.exitCode = code;
// Done, and every output either written (--out is renamed into place by now) or queued on stdout or
// stderr. With nothing queued the process ends here, without the runtime's orderly teardown of its
// heap (about 15 ms after a run of a million rows); with bytes still queued (a slow pipe) it ends
// when they are written, as it would anyway. The 'exit' handler above runs either way.
const idle = (name: 'stdout' | 'stderr') => !made.has(name) || process[name].writableLength === 0;
if (idle('stdout') && idle('stderr') && !made.has('stdin')) process.exit(code);
