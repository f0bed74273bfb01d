/** The installed entry point: bin/ndtc.js → dist/cli/main.js, run as a real subprocess. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ndtc } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ndtc.js', ...args], { cwd: root, encoding: 'utf8' });
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

  it('exits 2 for an unknown option', () => {
    const r = run('solve', '--setup', '1', '--Jin', '1fW', '--TR', '100mK', '--nope');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown option '--nope'");
  });
});
