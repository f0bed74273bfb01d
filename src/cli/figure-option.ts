/** The `--figure <file>` option of the point commands: a panel written as PNG, SVG or PDF by its extension. */
import { extname } from 'node:path';
import { InputError } from '../index.js';
import type { Panel } from '../figures/panel.js';

const FORMATS = ['.png', '.svg', '.pdf'] as const;

/** `--figure`'s help text, with what the figure shows. */
export const figureHelp = (what: string): string =>
  `also draw ${what} (PNG, SVG or PDF, by the file's extension)`;

/** Refuses (before any work) a figure file whose extension names no format it is written in. */
export function checkFigureFile(path: string): void {
  const ext = extname(path).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext))
    throw new InputError(
      '--figure',
      path,
      `a file ending in ${FORMATS.join(', ')} (the format it is written in)`,
    );
}

/** Draw `panel` into `path` (atomically), in the format of its extension; rendering loaded on use. */
export async function writeFigure(path: string, panel: Panel): Promise<void> {
  const [{ renderSvg, svgToPng }, { svgToPdf }, { writeFileAtomic }] = await Promise.all([
    import('../figures/render.js'),
    import('../figures/pdf.js'),
    import('../io/atomic-write.js'),
  ]);
  const svg = await renderSvg(panel);
  const ext = extname(path).toLowerCase();
  writeFileAtomic(path, ext === '.svg' ? svg : ext === '.pdf' ? await svgToPdf(svg) : await svgToPng(svg, 2));
}
