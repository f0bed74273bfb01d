// Writes dist/vendor/vega.js: vega and vega-lite as one minified ES module. Node loads it in about a
// third of the CPU of the packages' ~90 modules, which every command that draws pays once
// (src/figures/vega.ts loads it when present). vega and vega-lite stay dependencies, so their
// licence files (and their dependencies') are installed beside ndtc; the banner says so.
import { build } from 'esbuild';

await build({
  stdin: {
    contents: "export * as vega from 'vega';\nexport { compile } from 'vega-lite';\n",
    resolveDir: new URL('..', import.meta.url).pathname,
    sourcefile: 'vega-entry.js',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  banner: {
    js: '/*! vega and vega-lite (BSD-3-Clause, University of Washington Interactive Data Lab) with their dependencies, bundled by ndtc; licences: node_modules/vega*, node_modules/d3-* */',
  },
  outfile: new URL('../dist/vendor/vega.js', import.meta.url).pathname,
  logLevel: 'warning',
});
