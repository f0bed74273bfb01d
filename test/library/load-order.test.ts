/**
 * Modules under src/ import the library's entry (`../index.js`), and the entry re-exports modules
 * that do: a cycle. It must load whichever module comes first (a program imports the entry; a sweep
 * worker starts from src/sweep/worker.ts; the CLI from src/cli/main.ts), so nothing may read another
 * module's binding while the modules load. Each module is imported first in a fresh process, then
 * the entry, whose public functions must all be there.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/** Every module under src/ that imports the entry (a worker's own script excepted: it needs a parent). */
function cyclicModules(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cyclicModules(path);
    if (!entry.name.endsWith('.ts') || entry.name === 'worker.ts') return [];
    return /from '(\.\.?\/)+index\.js'/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

const modules = cyclicModules();
const check = `
const first = process.argv[1];
await import(first);
const ndtc = await import(${JSON.stringify(pathToFileURL(join(src, 'index.ts')).href)});
const names = ['solveBalance', 'platformDevice', 'sweepGrid', 'sweepChunks', 'loadDeviceFile', 'writeDeviceFile',
  'parseQuantity', 'traceHysteresis', 'optimize', 'reproducePaper', 'sweepOutputs'];
const missing = names.filter((n) => typeof ndtc[n] !== 'function');
if (missing.length) throw new Error('missing after ' + first + ': ' + missing.join(', '));
ndtc.sweepOutputs();
`;

describe('load order', () => {
  it('finds the modules that import the entry', () => {
    expect(modules.map((m) => relative(src, m))).toEqual(
      expect.arrayContaining(['sweep/arrays.ts', 'sweep/run.ts', 'figures/study.ts', 'cli/sweep.ts']),
    );
  });

  it.each(modules.map((m) => [relative(src, m), m]))('%s first, then the entry', (_, path) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', check, pathToFileURL(path).href],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
