// Writes dist/vendor/vega.js (vega and vega-lite) and dist/vendor/pdfkit.js (pdfkit with the fontkit
// it parses fonts with), each one minified ES module, and dist/vendor/h5wasm.js with its WebAssembly
// beside it (dist/vendor/hdf5.wasm; see the end of this file). Node loads them in about a third (vega) and two
// thirds (pdfkit) of the CPU of the packages' modules, which every command that draws pays once
// (src/figures/vega.ts and src/figures/pdf.ts load them when present). The packages stay
// dependencies, so their licence files (and their dependencies') are installed beside ndtc; the
// banners say so.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
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

// h5wasm (results.h5) ships its 3.5 MB of WebAssembly inside its JavaScript as one string literal,
// which Node parses and decodes on every load (~0.15 s of CPU, a third of what writing results.h5 costs
// a small sweep). The bundle reads the same bytes from a file of their own instead. Should a future
// h5wasm embed them differently, the bundle is skipped with a warning and ndtc loads the package.
// 'h5wasm/node' is an import-only export: its file resolved by the ESM resolver.
const utilPath = new URL('hdf5_util.js', import.meta.resolve('h5wasm/node')).pathname;
const licence = readFileSync(new URL('../../LICENSE.txt', import.meta.resolve('h5wasm/node')), 'utf8');
const util = readFileSync(utilPath, 'utf8');
const embedded = "function findWasmBinary(){return binaryDecode('";
const from = util.indexOf(embedded);
const to = from < 0 ? -1 : util.indexOf("')}", from + embedded.length);
if (from < 0 || to < 0) {
  console.warn(
    `bundle-vendor: no embedded WebAssembly found in ${utilPath}; results.h5 loads h5wasm from its package`,
  );
} else {
  // The literal's escapes decoded as JavaScript does, then emscripten's binaryDecode (one byte a char).
  const text = new Function(`return '${util.slice(from + embedded.length, to)}'`)();
  const wasm = Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  if (wasm[0] !== 0 || String.fromCharCode(...wasm.subarray(1, 4)) !== 'asm')
    throw new Error(`bundle-vendor: ${utilPath}: the embedded string is not WebAssembly`);
  writeFileSync(new URL('../dist/vendor/hdf5.wasm', import.meta.url), wasm);
  const stripped = `${util.slice(0, from)}function findWasmBinary(){return __ndtcHdf5Wasm()}${util.slice(to + 3)}`;
  await build({
    ...common,
    stdin: {
      contents: "export { default } from 'h5wasm/node';",
      resolveDir: root,
      sourcefile: 'h5wasm-entry.js',
    },
    banner: {
      js:
        `/*! h5wasm with HDF5 compiled to WebAssembly (hdf5.wasm beside this file), bundled by ndtc. Its licence:\n${licence.replaceAll('*/', '* /')}\n*/\n` +
        "import { readFileSync as __ndtcReadFileSync } from 'node:fs';\n" +
        "const __ndtcHdf5Wasm = () => __ndtcReadFileSync(new URL('./hdf5.wasm', import.meta.url));",
    },
    plugins: [
      {
        name: 'hdf5-wasm-from-file',
        setup(b) {
          b.onLoad({ filter: /hdf5_util\.js$/ }, () => ({ contents: stripped, loader: 'js' }));
        },
      },
    ],
    outfile: new URL('../dist/vendor/h5wasm.js', import.meta.url).pathname,
  });
}
