// Writes dist/vendor/vega.js (vega and vega-lite) and dist/vendor/pdfkit.js (pdfkit with the fontkit
// it parses fonts with), each one minified ES module. Node loads them in about a third (vega) and two
// thirds (pdfkit) of the CPU of the packages' modules, which every command that draws pays once
// (src/figures/vega.ts and src/figures/pdf.ts load them when present). The packages stay
// dependencies, so their licence files (and their dependencies') are installed beside ndtc; the
// banners say so.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

await build({
  ...common,
  stdin: {
    contents: "export * as vega from 'vega';\nexport { compile } from 'vega-lite';\n",
    resolveDir: root,
    sourcefile: 'vega-entry.js',
  },
  banner: {
    js: '/*! vega and vega-lite (BSD-3-Clause, University of Washington Interactive Data Lab) with their dependencies, bundled by ndtc; licences: node_modules/vega*, node_modules/d3-* */',
  },
  outfile: new URL('../dist/vendor/vega.js', import.meta.url).pathname,
});

// pdfkit finds its data (standard-font metrics, the sRGB profile) relative to its own module: in the
// bundle, import.meta.url stands for the installed package's, resolved when the bundle loads.
await build({
  ...common,
  stdin: {
    contents:
      "export { default as PDFDocument } from 'pdfkit';\nexport { create as createFont } from 'fontkit';\n",
    // From pdfkit's folder, so that 'fontkit' is the module pdfkit itself imports (bundled once).
    resolveDir: dirname(createRequire(import.meta.url).resolve('pdfkit')),
    sourcefile: 'pdfkit-entry.js',
  },
  define: { 'import.meta.url': '__pdfkitModuleUrl' },
  banner: {
    js:
      '/*! pdfkit and fontkit (MIT, Devon Govett and contributors) with their dependencies, bundled by ndtc; licences: node_modules/pdfkit, node_modules/fontkit and their dependencies */\n' +
      "const __pdfkitModuleUrl = import.meta.resolve('pdfkit');",
  },
  outfile: new URL('../dist/vendor/pdfkit.js', import.meta.url).pathname,
});
