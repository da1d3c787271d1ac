import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/node/cli/progress.js';

function io(stderrIsTTY: boolean) {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr, stderrIsTTY, cwd: '.' }, text: () => text };
}

describe('progress bar on stderr', () => {
  it('is drawn when stderr is a terminal and the input is large, and cleared at the end', () => {
    const target = io(true);
    const progress = createProgress(target.io, 64 << 20, false);
    progress.update(32 << 20, 500_000);
    progress.done();
    expect(target.text()).toContain(' 50%');
    expect(target.text()).toContain('500,000 rows');
    expect(target.text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays quiet when stderr is not a terminal, the input is small, or --quiet is given', () => {
    for (const [tty, size, quiet] of [[false, 64 << 20, false], [true, 1000, false], [true, 64 << 20, true]] as const) {
      const target = io(tty);
      const progress = createProgress(target.io, size, quiet);
      progress.update(size / 2, 10);
      progress.done();
      expect(target.text()).toBe('');
    }
  });
});
