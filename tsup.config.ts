import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const source = resolve(import.meta.dirname ?? '.', 'src');

/** Barrels loaded through the package's own name from the layers above them. */
const barrels = new Map([
  [resolve(source, 'index.js'), { name: 'loneliness-scales', layer: resolve(source, 'core') }],
  [resolve(source, 'batch/index.js'), { name: 'loneliness-scales/batch', layer: resolve(source, 'batch') }],
  [resolve(source, 'syntax/index.js'), { name: 'loneliness-scales/syntax', layer: resolve(source, 'syntax') }],
  [resolve(source, 'node/index.js'), { name: 'loneliness-scales/node', layer: resolve(source, 'node') }],
]);

/**
 * A plugin that loads the other layers' barrels as external modules, named by `path` (the barrel's
 * package name and its entry's file name): a layer's own files stay bundled.
 */
function barrelsAs(name: string, path: (packageName: string, entry: string) => string): Plugin {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: /^(\.\.?\/)+(\w+\/)?index\.js$/ }, (args) => {
        const barrel = barrels.get(resolve(args.resolveDir, args.path));
        if (barrel === undefined || args.importer.startsWith(`${barrel.layer}/`)) return undefined;
        const entry = barrel.name === 'loneliness-scales' ? 'index' : barrel.name.slice('loneliness-scales/'.length);
        return { path: path(barrel.name, entry), external: true };
      });
    },
  };
}

/**
 * Adapters import the core (and the Node layer the batch layer) through the package's own name,
 * so that an application loads one copy of each (one `ScoringError` class) in ESM and CommonJS alike.
 */
const coreAsPackage = barrelsAs('core-as-package', (packageName) => packageName);

/**
 * The CLI (ESM, beside the entries in dist/) loads them by relative path: the same modules the
 * package name resolves to, without a package lookup per import at every start.
 */
const entriesBeside = barrelsAs('entries-beside', (_, entry) => `./${entry}.js`);

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
/** The package version, compiled into every bundle that may print it (`runCli`, the `cli` entry). */
const define = { __PACKAGE_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: { index: 'src/index.ts', zod: 'src/zod/index.ts', fhir: 'src/fhir/index.ts', syntax: 'src/syntax/index.ts', batch: 'src/batch/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    splitting: false,
    treeshake: true,
    target: 'es2022',
    external: ['zod', 'loneliness-scales'],
    esbuildPlugins: [coreAsPackage],
    define,
  },
  {
    entry: { cli: 'src/node/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: false,
    target: 'es2022',
    platform: 'node',
    external: ['loneliness-scales'],
    esbuildPlugins: [entriesBeside],
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
