/**
 * The build's one-file bundles (dist/vendor/vega.js and dist/vendor/pdfkit.js, scripts/bundle-vendor.mjs):
 * the built CLI draws with them instead of the packages' modules, and they draw the same SVG and PDF as
 * the packages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { panelSpec } from '../../src/figures/render.js';
import { computePanel } from '../../src/figures/panels.js';
import { Study } from '../../src/figures/study.js';
import { recordedModules } from '../cli/loaded-modules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist/vendor/vega.js');
const pdfkitBundle = join(root, 'dist/vendor/pdfkit.js');
const tmp = mkdtempSync(join(tmpdir(), 'ndtc-vega-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A small sweep (5 T_R at 100 fW, this thread) run by the built CLI with `args`; the modules it
 * loaded, recorded into `file` under the temporary directory (test/cli/record-modules.mjs).
 */
function builtSweepModules(file: string, args: string[]): string[] {
  const sweep = ['sweep', '--vary', 'TR=10mK..800mK:5', '--Jin', '100fW', '--workers', '0', '--quiet'];
  return recordedModules(['bin/ndtc.js', ...sweep, ...args], join(tmp, file));
}

describe.skipIf(!existsSync(bundle))('vega from the build’s bundle (npm run build writes it)', () => {
  it('the built CLI draws a sweep plot loading the bundles and none of the vega or pdfkit packages’ modules', () => {
    const modules = builtSweepModules('modules.txt', ['--no-h5', '--out', join(tmp, 'sweep')]);
    expect(existsSync(join(tmp, 'sweep', 'plot.svg'))).toBe(true);
    expect(modules).toContain(`file://${bundle}`);
    expect(modules.filter((m) => /\/node_modules\/(vega|vega-[a-z]+|d3-[a-z-]+)\//.test(m))).toEqual([]);
    expect(existsSync(join(tmp, 'sweep', 'plot.pdf'))).toBe(true);
    expect(modules).toContain(`file://${pdfkitBundle}`);
    expect(modules.filter((m) => /\/node_modules\/(pdfkit|fontkit)\//.test(m))).toEqual([]);
  });

  it('draws a paper panel’s SVG exactly as the vega and vega-lite packages do', async () => {
    const { vega, compile } = (await import(bundle)) as {
      vega: typeof import('vega');
      compile: (typeof import('vega-lite'))['compile'];
    };
    const [packaged, { compile: packagedCompile }] = await Promise.all([import('vega'), import('vega-lite')]);
    const spec = panelSpec(computePanel('2a', new Study()));
    const svg = async (v: typeof vega, c: typeof compile): Promise<string> => {
      const view = new v.View(v.parse(c(spec).spec), { renderer: 'none' });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    };
    const fromBundle = await svg(vega, compile);
    expect(fromBundle.length).toBeGreaterThan(10_000);
    expect(fromBundle).toBe(await svg(packaged, packagedCompile));
  });
});

describe.skipIf(!existsSync(pdfkitBundle))('pdfkit from the build’s bundle (npm run build writes it)', () => {
  it('writes a paper panel’s PDF as the pdfkit package does, but for its date and ID', async () => {
    const svg = (await import('../../src/figures/render.js')).renderSvg(computePanel('2a', new Study()));
    // dist/figures/pdf.js finds the bundle beside it; src/figures/pdf.ts has none and loads the package.
    const built = (await import(
      join(root, 'dist/figures/pdf.js')
    )) as typeof import('../../src/figures/pdf.js');
    const sources = await import('../../src/figures/pdf.js');
    const undated = (pdf: Uint8Array): string =>
      Buffer.from(pdf)
        .toString('latin1')
        .replace(/\(D:\d{14}Z\)/, '(D:)')
        .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID []');
    const fromBundle = undated(await built.svgToPdf(await svg));
    expect(fromBundle.length).toBeGreaterThan(10_000);
    expect(fromBundle).toBe(undated(await sources.svgToPdf(await svg)));
  });
});

const h5wasmBundle = join(root, 'dist/vendor/h5wasm.js');

describe.skipIf(!existsSync(join(root, 'dist/vendor/vega.js')))('h5wasm from the build’s bundle', () => {
  it('the build writes it, with its WebAssembly in a file beside it', () => {
    // Skipped with a warning by the build should h5wasm embed its WebAssembly differently: then this fails.
    expect(existsSync(h5wasmBundle)).toBe(true);
    const wasm = readFileSync(join(root, 'dist/vendor/hdf5.wasm'));
    expect(wasm.subarray(0, 4).toString('hex')).toBe('0061736d');
    expect(readFileSync(h5wasmBundle, 'utf8').length).toBeLessThan(wasm.length / 10);
  });

  it('the built CLI writes results.h5 loading the bundle and none of the h5wasm package’s modules', () => {
    const out = join(tmp, 'h5-sweep');
    const modules = builtSweepModules('h5-modules.txt', ['--no-plot', '--out', out]);
    expect(readFileSync(join(out, 'results.h5')).subarray(0, 8).toString('latin1')).toBe('\x89HDF\r\n\x1a\n');
    expect(modules).toContain(`file://${h5wasmBundle}`);
    expect(modules.filter((m) => m.includes('/node_modules/h5wasm/'))).toEqual([]);
  });

  it('writes what the package reads back, and reads what the package writes', async () => {
    type H5 = (typeof import('h5wasm/node'))['default'];
    const bundled = ((await import(h5wasmBundle)) as { default: H5 }).default;
    const packaged = (await import('h5wasm/node')).default;
    await Promise.all([bundled.ready, packaged.ready]);
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e-15);
    const roundTrip = (writer: H5, reader: H5, path: string): { data: number[]; units: unknown } => {
      const w = new writer.File(path, 'w');
      w.create_dataset({ name: 'J', data: values }).create_attribute('units', 'W');
      w.close();
      const r = new reader.File(path, 'r');
      const dataset = r.get('J') as InstanceType<H5['Dataset']>;
      const read = { data: Array.from(dataset.value as Float64Array), units: dataset.attrs.units.value };
      r.close();
      return read;
    };
    for (const [writer, reader, name] of [
      [bundled, packaged, 'bundle-to-package.h5'],
      [packaged, bundled, 'package-to-bundle.h5'],
    ] as const) {
      const read = roundTrip(writer, reader, join(tmp, name));
      expect(read.data).toEqual(Array.from(values));
      expect(read.units).toBe('W');
    }
  });
});
