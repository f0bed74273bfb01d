/**
 * Commands that draw nothing do not load the rendering libraries (vega, vega-lite, resvg): a child
 * process records every module it loads through a loader hook, and a command that draws shows that
 * the hook sees them when they are loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ndtc-lazy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RENDERING = /\/node_modules\/(vega|vega-lite|@resvg\/resvg-js)\//;

/** Module URLs loaded by `ndtc …argv` run from the sources in a child process. */
function loadedModules(...argv: string[]): string[] {
  const file = join(tmp, `modules-${argv[0]}.txt`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './test/cli/record-modules.mjs', 'test/cli/main-child.ts', ...argv],
    { cwd: root, env: { ...process.env, NDTC_MODULES_FILE: file }, encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

describe('rendering libraries load only where a plot is drawn', () => {
  it.each([
    [['--version']],
    [['resistance', '--T', '500mK']],
    [['photonic', '--TL', '500mK', '--TR', '100mK']],
  ])('ndtc %j: no vega, vega-lite or resvg', (argv) => {
    const modules = loadedModules(...argv);
    // The hook saw the command's own modules…
    expect(modules.some((m) => m.endsWith('/src/cli/main.ts'))).toBe(true);
    // …and none of the rendering libraries.
    expect(modules.filter((m) => RENDERING.test(m))).toEqual([]);
  });

  it('a sweep that draws its plot loads them (the hook sees dynamic imports)', () => {
    const out = join(tmp, 'sweep');
    const modules = loadedModules(
      'sweep',
      '--vary',
      'TR=10mK..800mK:5',
      '--Jin',
      '100fW',
      '--workers',
      '0',
      '--quiet',
      '--no-h5',
      '--out',
      out,
    );
    const rendering = modules.filter((m) => RENDERING.test(m));
    expect(rendering.some((m) => m.includes('/node_modules/vega/'))).toBe(true);
    expect(rendering.some((m) => m.includes('/node_modules/vega-lite/'))).toBe(true);
    expect(rendering.some((m) => m.includes('/node_modules/@resvg/resvg-js/'))).toBe(true);
  });
});
