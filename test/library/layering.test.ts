/**
 * The floors of the code base, bottom up: numerics and physics; units, io, device files; sweeps and
 * figures; the CLI and the explorer on top. A floor imports only from floors below it, so the CLI can be
 * replaced (or left unloaded) without touching the library it drives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative specifiers of static imports, re-exports, side-effect imports and dynamic imports. */
function importSpecifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

/** Where a specifier of `file` points: 'src/cli', 'src/index.ts', 'web', … (two path levels under src/). */
function floorOf(file: string, specifier: string): string {
  const target = relative(root, resolve(dirname(file), specifier)).split(sep);
  return target[0] === 'src' ? target.slice(0, 2).join('/').replace(/\.js$/, '.ts') : target[0];
}

/** `file → specifier` for every import of a file in `from` that lands in one of `forbidden`. */
function violations(from: string[], forbidden: string[]): string[] {
  return from.flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8'))
      .filter((s) => forbidden.includes(floorOf(file, s)))
      .map((s) => `${relative(root, file)} → ${s}`),
  );
}

const library = sources(join(root, 'src')).filter((f) => !f.startsWith(join(root, 'src', 'cli') + sep));
const web = sources(join(root, 'web'));
const physics = [...sources(join(root, 'src', 'physics')), ...sources(join(root, 'src', 'numerics'))];

describe('layering', () => {
  it('reads every kind of relative import', () => {
    const text = [
      "import { a } from '../cli/progress.js';",
      "export * from './b.js';",
      "import './c.js';",
      "const d = await import('../d.js');",
      "import x from 'vega';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['../cli/progress.js', './b.js', './c.js', '../d.js']);
    expect(floorOf(join(root, 'src', 'sweep', 'run.ts'), '../cli/progress.js')).toBe('src/cli');
    expect(floorOf(join(root, 'src', 'sweep', 'run.ts'), '../index.js')).toBe('src/index.ts');
  });

  it('finds the files it checks', () => {
    expect(library.length).toBeGreaterThan(50);
    expect(physics.some((f) => f.endsWith(join('physics', 'photonic.ts')))).toBe(true);
    expect(web.some((f) => f.endsWith('main.ts'))).toBe(true);
  });

  it('keeps the CLI on top: nothing outside src/cli imports from it', () => {
    expect(violations([...library, ...web], ['src/cli'])).toEqual([]);
  });

  it('keeps physics and numerics at the bottom', () => {
    // The entry (src/index.ts) re-exports sweeps and figures, so importing it counts as reaching up.
    expect(
      violations(physics, ['src/index.ts', 'src/sweep', 'src/figures', 'src/cli', 'src/explore', 'web']),
    ).toEqual([]);
  });
});
