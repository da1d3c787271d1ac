import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/node/cli/main.js';
import { runCliCaptured } from '../../helpers/cli.js';

describe('loneliness-scales CLI: dispatcher and help', () => {
  it('--help lists every command and, for each, every option with examples', async () => {
    const { code, stdout } = await runCliCaptured(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
    for (const option of ['--scale', '--coding', '--columns', '--lang', '--from', '--to', '--out', '--prefix', '--strict', '--quiet', '--format', '--weights', '--chart', '--missing-total']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('Examples:');
  });

  it('dispatches every command of the table, including syntax', async () => {
    const { code, stdout } = await runCliCaptured(['syntax', '--target', 'spss', '--coding', 'manual', '--columns', 'lone{n}']);
    expect(code).toBe(0);
    expect(stdout).toContain('De Jong Gierveld 6-item');
    expect(stdout).toContain('lone3');
  });

  it('an unknown command or option is a usage error, exit code 2', async () => {
    expect((await runCliCaptured(['frobnicate'])).code).toBe(2);
    const run = await runCliCaptured(['score', 'x.csv', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--colour');
  });
});
