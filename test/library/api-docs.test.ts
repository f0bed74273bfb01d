/**
 * The API reference: TypeDoc over src/index.ts with typedoc.json (every export documented, warnings
 * are errors). It builds, it fails on an undocumented export, and it lists the library's areas.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const typedoc = join(root, 'node_modules', '.bin', 'typedoc');
const work = mkdtempSync(join(tmpdir(), 'ndtc-typedoc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], cwd = root) {
  const r = spawnSync(typedoc, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('API reference (TypeDoc)', () => {
  it('builds from the doc comments of every export, with no warning', () => {
    const out = join(work, 'api');
    const r = run(['--options', 'typedoc.json', '--out', out]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toMatch(/warning|error/i);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const name of [
      'sweepGrid',
      'sweepChunks',
      'loadDeviceFile',
      'writeDeviceFile',
      'parseQuantity',
      'traceHysteresis',
      'optimize',
      'reproducePaper',
      'solveBalance',
    ])
      expect(index, name).toContain(`>${name}<`);
    expect(existsSync(join(out, 'functions', 'sweepGrid.html'))).toBe(true);
  }, 300_000);

  it('the same options fail on an undocumented export', () => {
    const dir = join(work, 'undocumented');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(
      join(dir, 'index.ts'),
      '/** Documented. */\nexport const documented = 1;\nexport const bare = 2;\n',
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022' },
        files: ['index.ts'],
      }),
    );
    // The repository's options with only the entry point, its tsconfig and the output changed.
    const options = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'typedoc.json'),
      JSON.stringify({ ...options, entryPoints: ['index.ts'], tsconfig: 'tsconfig.json', out: 'api' }),
    );
    const r = run(['--options', 'typedoc.json'], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/bare \(Variable\).*does not have any documentation/);
    expect(r.output).not.toMatch(/documented \(Variable\)/);
  }, 120_000);
});
