/** "Device as file" in the explorer: the command its header suggests runs as written, in a real shell. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { platformDevice, withChi, type Device } from '../../src/index.js';
import { savedDeviceText, shellWord } from '../../web/device.js';

const bin = fileURLToPath(new URL('../../bin/ndtc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ndtc-saved-device-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// `ndtc` on PATH, as after an install.
writeFileSync(join(dir, 'ndtc'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
chmodSync(join(dir, 'ndtc'), 0o755);

/** The suggested command of a saved file, run by sh in the file's folder. */
function runSuggested(device: Device, name: string, Jin: number) {
  const text = savedDeviceText(device, name, 'platform=ag', Jin);
  writeFileSync(join(dir, `${name}.yaml`), text);
  const command = /^# use it with e\.g\. (.*)$/m.exec(text)![1];
  const r = spawnSync('sh', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
  });
  return { command, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the saved device file’s suggested command', () => {
  it('runs for a device whose Tc is below the paper’s 200 mK, under a name with a space and a quote', () => {
    const base = platformDevice('ag');
    const cold: Device = {
      ...base,
      left: { ...base.left, superconductor: { ...base.left.superconductor, Tc: 0.15 } },
      right: { ...base.right, superconductor: { ...base.right.superconductor, Tc: 0.15 } },
    };
    const r = runSuggested(cold, "Kim's device", 2e-15);
    expect(r.command).toBe(`ndtc solve --device 'Kim'\\''s device.yaml' --Jin 2fW --TR 75mK`);
    expect(r.code).toBe(0);
    // A 150 mK gap is small beside this junction's noise: the physics may warn, nothing else.
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^ndtc solve: warning: /);
    expect(r.stdout).toMatch(/T_L/);
  });

  it('carries the view’s J_in and the right side’s Tc for an asymmetric device', () => {
    const r = runSuggested(withChi(platformDevice('ag'), 5), 'ndtc-ag', 100e-15);
    expect(r.command).toBe('ndtc solve --device ndtc-ag.yaml --Jin 100fW --TR 600mK');
    expect(r.code).toBe(0);
  });

  it('quotes exactly the names a shell would split or expand', () => {
    expect(shellWord('a-b_c.1+2/x.yaml')).toBe('a-b_c.1+2/x.yaml');
    for (const name of ['a b', '$HOME', 'a;b', '*', "it's", 'a"b', '~x', 'é'])
      expect(spawnSync('sh', ['-c', `printf %s ${shellWord(name)}`], { encoding: 'utf8' }).stdout).toBe(name);
  });
});
