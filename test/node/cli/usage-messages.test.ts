import { describe, expect, it } from 'vitest';
import tsupConfig from '../../../tsup.config.js';
import { runCliCaptured } from '../../helpers/cli.js';

const csv = 'emptiness,leanOn,trust,closeTo,missPeople,rejected\nyes,no,no,no,no,no\n';

/** Quotes that open and do not close: what Node's own parseArgs message left behind. */
function unbalancedQuotes(text: string): boolean {
  return (text.match(/'/g)?.length ?? 0) % 2 !== 0 || (text.match(/"/g)?.length ?? 0) % 2 !== 0;
}

describe('CLI usage messages', () => {
  it('the overview documents --version and -v; both print a version', async () => {
    const help = await runCliCaptured(['--help']);
    expect(help.stdout).toMatch(/-v, --version/);
    for (const flag of ['--version', '-v']) {
      const run = await runCliCaptured([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toMatch(/^(\d+\.\d+\.\d+\S*|development)$/);
    }
  });

  it('every bundle that contains the CLI has the package version compiled in (tsup define)', () => {
    const configs = Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig];
    const withCli = configs.filter((config) => {
      const entry = (config as { entry?: Record<string, string> }).entry ?? {};
      return Object.values(entry).some((path) => path.startsWith('src/node/'));
    });
    expect(withCli.map((config) => Object.keys((config as { entry: object }).entry))).toEqual([['index', 'zod', 'fhir', 'syntax', 'batch', 'node'], ['cli']]);
    for (const config of withCli) {
      expect((config as { define?: Record<string, string> }).define?.['__PACKAGE_VERSION__']).toMatch(/^"\d+\.\d+\.\d+/);
    }
  });

  it('an unknown option gets our own message: the option, the valid ones, no unbalanced quote', async () => {
    const run = await runCliCaptured(['score', '-', '--colour'], { stdin: csv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --colour');
    expect(run.stderr).toContain('Options: --scale, --coding');
    expect(run.stderr).not.toContain('positional argument');
    expect(unbalancedQuotes(run.stderr)).toBe(false);
  });

  it('a likely typo of an option is named', async () => {
    const run = await runCliCaptured(['summary', '-', '--codng', 'manual'], { stdin: csv });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option --codng (did you mean --coding?)');
  });

  it('an option without its value, and a flag with one, say so plainly', async () => {
    const missing = await runCliCaptured(['score', '-', '--coding'], { stdin: csv });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--coding needs a value.');
    const flag = await runCliCaptured(['score', '-', '--quiet=yes'], { stdin: csv });
    expect(flag.stderr).toContain('--quiet takes no value.');
    for (const run of [missing, flag]) expect(unbalancedQuotes(run.stderr)).toBe(false);
  });

  it('--categories with an unknown name lists the valid names of the scale', async () => {
    const total = await runCliCaptured(['score', '-', '--categories', 'foo'], { stdin: csv });
    expect(total.code).toBe(2);
    expect(total.stderr).toContain('--categories: "foo" is not a total-score category convention of djg6; valid names: manual.');
    const eleven = await runCliCaptured(['score', '-', '--scale', 'djg11', '--categories', 'foo'], { stdin: csv });
    expect(eleven.stderr).toContain('valid names: van-tilburg-1999.');
    const subscale = await runCliCaptured(['score', '-', '--subscale-categories', 'cbz'], { stdin: csv });
    expect(subscale.stderr).toContain('(did you mean cbs?); valid names: manual, cbs, none.');
    const pair = await runCliCaptured(['syntax', '--target', 'r', '--categories', 'subscale=ggd'], { stdin: csv });
    expect(pair.code).toBe(2);
    expect(pair.stderr).toContain('--categories subscale=: "ggd"');
  });

  it('valid convention names still work, none included', async () => {
    const run = await runCliCaptured(['score', '-', '--categories', 'total=manual,subscale=none', '--quiet'], { stdin: csv });
    expect(run.code).toBe(0);
  });
});

describe('CLI help names the convention names of the shipped scales', () => {
  it('as the scale definitions hold them', async () => {
    const { djg11, djg6 } = await import('../../../src/index.js');
    const { stdout } = await runCliCaptured(['score', '--help']);
    for (const scale of [djg6, djg11]) {
      for (const convention of [...scale.categories.total.conventions, ...scale.categories.subscale.conventions]) expect(stdout).toContain(convention.name);
    }
  });
});
