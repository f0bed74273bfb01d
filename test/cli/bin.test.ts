/** The installed entry point: bin/ndtc.js → dist/cli/main.js, run as a real subprocess. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ndtc } from './harness.js';
import { REPRODUCE_V8_FLAGS, tuneCompiler } from '../../src/cli/compiler-tuning.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ndtc.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting; the check below is what matters.
  }
  expect(existsSync(`${root}/dist/cli/main.js`)).toBe(true);
});

describe('bin/ndtc.js', () => {
  it('prints the version read from package.json at run time', () => {
    const r = run('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives the same JSON as main() in-process', async () => {
    const args = ['resistance', '--T', '0.2K,0.5K', '--json'];
    const sub = run(...args);
    expect(sub.code).toBe(0);
    const inProcess = await ndtc(...args);
    expect(JSON.parse(sub.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });

  it('prints CSV that parses', () => {
    const r = run('photonic', '--TL', '500mK', '--TR', '100mK..400mK:4', '--csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('T_L,T_R,J_gamma,kappa_gamma');
    expect(lines).toHaveLength(5);
    for (const l of lines.slice(1)) expect(l.split(',').map(Number).every(Number.isFinite)).toBe(true);
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    const r = run('photonic', '--TL', '500', '--TR', '100mK');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "ndtc photonic: --TL: invalid value '500': missing unit; expected a temperature > 0 with a unit, e.g. 500mK or 0.5K\n",
    );
  });

  // /dev/full (Linux) fails every write with ENOSPC.
  it.skipIf(!existsSync('/dev/full'))(
    'a standard output that cannot be written (a full disk): exit 1 and one line naming it, no stack trace',
    () => {
      const r = spawnSync(process.execPath, ['bin/ndtc.js', 'resistance', '--T', '500mK'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('ndtc: cannot write standard output: no space left on device (ENOSPC)\n');
    },
  );

  it('exits 2 for an unknown option', () => {
    const r = run('solve', '--setup', '1', '--Jin', '1fW', '--TR', '100mK', '--nope');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown option '--nope'");
  });

  it('tunes V8 for reproduce alone, unless NDTC_V8_DEFAULTS=1', () => {
    const set: string[] = [];
    const tune = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      tuneCompiler(args, env, (flags) => void set.push(flags));
    expect(tune(['sweep', 'reproduce'])).toBe(false);
    expect(tune([])).toBe(false);
    expect(tune(['reproduce'], { NDTC_V8_DEFAULTS: '1' })).toBe(false);
    expect(set).toEqual([]);
    expect(tune(['reproduce', '--only', '2a'], { NDTC_V8_DEFAULTS: '0' })).toBe(true);
    expect(set).toEqual([REPRODUCE_V8_FLAGS]);
  });

  it('reproduce writes the same bytes with its V8 tuning and with V8 defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndtc-bin-tuning-'));
    try {
      const csv = (defaults: string) => {
        const out = join(dir, defaults);
        const r = runWith(
          { NDTC_V8_DEFAULTS: defaults },
          'reproduce',
          '--only',
          '2a,3b',
          '--format',
          'csv',
          '--quiet',
          '--out',
          out,
        );
        expect(r.code).toBe(0);
        return ['fig2a.csv', 'fig3b.csv'].map((f) => readFileSync(join(out, f), 'utf8'));
      };
      const tuned = csv('0');
      expect(tuned[0].split('\n').length).toBeGreaterThan(100);
      expect(csv('1')).toEqual(tuned);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
