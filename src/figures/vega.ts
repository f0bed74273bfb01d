/**
 * vega and vega-lite, loaded on first use (commands that draw nothing never load them): from the one-file
 * bundle the build writes beside this module's folder (dist/vendor/vega.js, scripts/bundle-vendor.mjs:
 * ~0.15 s of CPU to load instead of ~0.45 s for the packages' ~90 modules), else from the packages
 * themselves (when running from the sources). Both are the same code, so they draw the same SVG.
 */
import { importVendor } from '../io/vendor.js';
import { isBold, textWidth } from './text-width.js';

type Vega = typeof import('vega');
type Compile = (typeof import('vega-lite'))['compile'];

export interface VegaModules {
  vega: Vega;
  compile: Compile;
}

let loading: Promise<VegaModules> | undefined;

export function loadVega(): Promise<VegaModules> {
  loading ??= importVendor<VegaModules>('vega', () =>
    Promise.all([import('vega'), import('vega-lite')]).then(([vega, { compile }]) => ({ vega, compile })),
  ).then((modules) => {
    measureTextWithDejaVu(modules.vega);
    return modules;
  });
  return loading;
}

/** vega's hook for text widths (as vl-convert sets it): the font the figures are drawn with. */
function measureTextWithDejaVu(vega: Vega): void {
  // Exported by vega (from vega-scenegraph) but not in its types.
  const { textMetrics } = vega as unknown as {
    textMetrics: { width: (item: { fontSize?: number; fontWeight?: unknown }, text: unknown) => number };
  };
  textMetrics.width = (item, text) =>
    textWidth(
      String(text ?? '').trim(),
      item.fontSize != null ? Number(item.fontSize) || 0 : 11,
      isBold(item.fontWeight),
    );
}
