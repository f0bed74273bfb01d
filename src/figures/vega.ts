/**
 * vega and vega-lite, loaded on first use (commands that draw nothing never load them): from the one-file
 * bundle the build writes beside this module's folder (dist/vendor/vega.js, scripts/bundle-vega.mjs:
 * ~0.15 s of CPU to load instead of ~0.45 s for the packages' ~90 modules), else from the packages
 * themselves (when running from the sources). Both are the same code, so they draw the same SVG.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Vega = typeof import('vega');
type Compile = (typeof import('vega-lite'))['compile'];

export interface VegaModules {
  vega: Vega;
  compile: Compile;
}

const BUNDLE = new URL('../vendor/vega.js', import.meta.url);

let loading: Promise<VegaModules> | undefined;

/** Whether vega comes from the build's bundle (else from the packages). */
const vegaBundled = (): boolean => existsSync(fileURLToPath(BUNDLE));

export function loadVega(): Promise<VegaModules> {
  loading ??= vegaBundled()
    ? (import(BUNDLE.href) as Promise<VegaModules>)
    : Promise.all([import('vega'), import('vega-lite')]).then(([vega, { compile }]) => ({ vega, compile }));
  return loading;
}
