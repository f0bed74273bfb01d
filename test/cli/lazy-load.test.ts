/**
 * Commands that draw nothing do not load the rendering libraries (vega, vega-lite, resvg), and
 * `ndtc --version` loads no command at all: a child process records every module it loads through a
 * loader hook, and a command that draws shows that the hook sees them when they are loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { COMMANDS } from '../../src/cli/main.js';
import { recordedModules } from './loaded-modules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ndtc-lazy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RENDERING = /\/node_modules\/(vega|vega-lite|@resvg\/resvg-js)\//;

let runs = 0;

/** Module URLs loaded by `ndtc …argv` run from the sources in a child process (with `required`, the
 * CommonJS modules in require's cache too). */
function loadedModules(...argv: string[]): string[] {
  return modulesOf(argv, false);
}

function modulesOf(argv: string[], required: boolean): string[] {
  return recordedModules(['test/cli/main-child.ts', ...argv], join(tmp, `modules-${++runs}.txt`), {
    required,
    loaders: ['--import', 'tsx'],
  });
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

describe('commands load on demand', () => {
  /** The repository-relative paths of the loaded modules that are ndtc's sources or packages. */
  const ours = (modules: string[]) =>
    modules
      .filter((m) => m.startsWith(`file://${root}`))
      .map((m) => m.slice(`file://${root}`.length))
      .filter((m) => !m.startsWith('test/'));

  it.each([['--version'], ['-V']])('ndtc %s loads commander and the program, nothing else', (flag) => {
    expect(ours(loadedModules(flag)).sort()).toEqual(
      [
        'node_modules/commander/esm.mjs',
        'node_modules/commander/index.js',
        'src/cli/main.ts',
        'src/cli/version.ts',
        'src/errors.ts',
        'src/io/file-error.ts',
      ].sort(),
    );
  });

  it('a command loads its own module and no other command', () => {
    const modules = ours(loadedModules('resistance', '--T', '500mK'));
    const commands = COMMANDS.map(([name]) => `src/cli/${name}.ts`);
    expect(modules.filter((m) => commands.includes(m))).toEqual(['src/cli/resistance.ts']);
    // …and the device-file loader, for its --device option.
    expect(modules).toContain('src/device-file/load.ts');
  });

  it('the YAML and JSON Schema libraries load only when a device file is read', () => {
    const DEVICE_FILE_LIBRARIES = /\/node_modules\/(ajv|yaml)\//;
    const point = ['solve', '--Jin', '10fW', '--TR', '100mK'];
    expect(modulesOf(point, true).filter((m) => DEVICE_FILE_LIBRARIES.test(m))).toEqual([]);
    const withFile = modulesOf([...point, '--device', 'examples/ag.yaml'], true);
    expect(withFile.some((m) => m.includes('/node_modules/ajv/'))).toBe(true);
    expect(withFile.some((m) => m.includes('/node_modules/yaml/'))).toBe(true);
  });

  it.each(COMMANDS.map(([name, load]) => [name, load] as const))(
    'COMMANDS names %s after the command its module registers',
    async (name, load) => {
      const program = new Command('ndtc');
      (await load()).register(program, { stdout() {}, stderr() {}, version: '0' });
      expect(program.commands.map((c) => c.name())).toEqual([name]);
    },
  );
});
