import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * Adapters import the core through the package's own name, so that an application loads one
 * copy of the core (one `ScoringError` class) in ESM and CommonJS alike.
 */
const coreAsPackage: Plugin = {
  name: 'core-as-package',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      args.importer.includes('/src/core/') ? undefined : { path: 'loneliness-scales', external: true },
    );
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', zod: 'src/zod/index.ts', fhir: 'src/fhir/index.ts', syntax: 'src/syntax/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  splitting: false,
  treeshake: true,
  target: 'es2022',
  external: ['zod', 'loneliness-scales'],
  esbuildPlugins: [coreAsPackage],
});
