// Bundles the example form with the BUILT package (dist/, run `npm run build` first): the page
// loads one local script, examples/web-form/dist/app.js, and needs no network.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entries = { 'loneliness-scales': 'dist/index.js', 'loneliness-scales/zod': 'dist/zod.js', 'loneliness-scales/fhir': 'dist/fhir.js' };
for (const file of Object.values(entries)) {
  if (!existsSync(root + file)) throw new Error(`${file} is missing: run tsup (npm run build) first.`);
}

/** Resolves the package's own name to its built files, as an application's bundler would. */
const builtPackage = {
  name: 'built-package',
  setup(context) {
    context.onResolve({ filter: /^loneliness-scales(\/zod|\/fhir)?$/ }, (args) => ({ path: root + entries[args.path] }));
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('main.js', import.meta.url))],
  outfile: fileURLToPath(new URL('dist/app.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  platform: 'browser',
  plugins: [builtPackage],
  logLevel: 'warning',
});
