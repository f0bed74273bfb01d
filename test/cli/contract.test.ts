/**
 * Inputs that once hung, failed with "internal error" or printed raw system errors: each now ends at
 * once with exit 2 (outside the domain) or exit 1 (I/O), one line naming the option or the path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ndtc, type Run } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'ndtc-contract-'));
let readOnly: string | undefined;
try {
  mkdirSync(join(root, 'ro'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', join(root, 'ro')], { stdio: 'ignore' });
  readOnly = join(root, 'ro');
} catch {
  console.warn('contract: could not mount a read-only tmpfs (needs root); the read-only case is skipped');
}
afterAll(() => {
  if (readOnly) execFileSync('umount', [readOnly], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

function oneLine(r: Run, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toMatch(pattern);
}

describe('refused by the domain before any work (exit 2, one line)', () => {
  it.each<[string[], RegExp]>([
    [
      ['resistance', '--T', '500mK', '--gamma', '1e-9'],
      /^ndtc resistance: --gamma: invalid value '1e-9': from 1e-6 to 0\.1/,
    ],
    [
      ['phonon', '--Te', '500mK', '--Tbath', '500MK'],
      /^ndtc phonon: --Tbath: invalid value '5e8 K': .*below Tc = 1\.2 K/,
    ],
    [
      ['phonon', '--Te', '500mK', '--Tbath', '10mK', '--Tc', '1e9K'],
      /^ndtc phonon: --Tc: invalid value '1e9K': from 10 mK to 10 K/,
    ],
    [['resistance', '--T', '10mK', '--Tc', '1e9K'], /^ndtc resistance: --Tc: invalid value '1e9K'/],
    // Was "too many arguments for 'photonic'. Expected 0 arguments but got 1.", naming no word.
    [
      ['photonic', '--TL', '500', 'mK', '--TR', '100mK'],
      /^ndtc photonic: unexpected argument 'mK': each option takes one value; write a quantity without a space \(500mK\)/,
    ],
    // Once cut at 200 characters before saying what is accepted ("…each value is a temperature > 0 wit…").
    [
      ['photonic', '--TL', '500mK', '--TR', ',100mK'],
      /empty item; expected .* each a temperature > 0 with a unit, e\.g\. 500mK or 0\.5K\n$/,
    ],
    [
      ['sweep', '--vary', 'left.junction.foo=5', '--Jin', '1fW', '--TR', '100mK'],
      /did you mean 'left\.junction\.r0'\? a parameter: T_R, .* or left\|right\.<part>\.<field>\n$/,
    ],
    // In setup 2 the bath is T_R: a bath given besides was written out as an input and ignored.
    [
      ['sweep', '--vary', 'Tbath=10mK,50mK', '--vary', 'TR=100mK..800mK:4', '--Jin', '100fW', '--setup', '2'],
      /^ndtc sweep: --vary: invalid value 'T_bath': not with --setup 2 \(the bath is at T_R\)/,
    ],
    [
      ['sweep', '--Tbath', '50mK', '--vary', 'TR=100mK..800mK:4', '--Jin', '100fW', '--setup', '2'],
      /^ndtc sweep: --Tbath: invalid value '50mK': not with --setup 2/,
    ],
    [
      ['optimize', '--maximize', 'deltaT', '--param', 'Tbath=10mK..100mK', '--Jin', '100fW', '--setup', '2'],
      /^ndtc optimize: --param: invalid value 'T_bath': not with --setup 2/,
    ],
    [
      ['solve', '--setup', '2', '--Jin', '100fW', '--TR', '100mK', '--Tbath', '10mK'],
      /^ndtc solve: --Tbath: invalid value '10mK': not with --setup 2/,
    ],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--chi', '1e-300'],
      /--chi: invalid value '1e-300': from 0\.01 to 100/,
    ],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--chi', '1e300'], /--chi: invalid value '1e300'/],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--c', '1e-300F/m^2'],
      /--c: invalid value '1e-300F\/m\^2': from 1 fF\/µm²/,
    ],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--r0', '1e300ohm*m^2'],
      /--r0: invalid value '1e300ohm\*m\^2'/,
    ],
    [
      ['photonic', '--TL', '1e-300K', '--TR', '100mK'],
      /--TL: invalid value '1e-297 mK': a temperature from 4\.8 mK \(0\.004 Tc\)/,
    ],
    [['phonon', '--Te', '500MK', '--Tbath', '10mK'], /^ndtc phonon: --Te: invalid value '5e8 K'/],
    [
      ['solve', '--Jin', '1W', '--TR', '100mK'],
      /^ndtc solve: --Jin: invalid value '1 W': from 0 W \(heater off\) to 1 µW/,
    ],
    [
      ['solve', '--Jin', '100fW', '--TR', '100mK', '--Tc', '10mK'],
      /^ndtc solve: --Tc: invalid value '10mK': a Tc above the bath temperature 10 mK/,
    ],
    [
      ['sweep', '--Jin', '100fW', '--TR', '100mK', '--vary', 'gamma=1e-9..1e-3:5', '--out', join(root, 's')],
      /^ndtc sweep: --vary: invalid value 'gamma = 1e-9'/,
    ],
    [
      ['hysteresis', '--sweep', 'TR=1e-300K..1K:3', '--Jin', '100fW', '--out', join(root, 'h')],
      /^ndtc hysteresis: --sweep: invalid value/,
    ],
    [
      [
        'optimize',
        '--maximize',
        'deltaT',
        '--param',
        'chi=1e-9..3',
        '--Jin',
        '100fW',
        '--out',
        join(root, 'o'),
      ],
      /^ndtc optimize: --param: invalid value 'chi = 1e-9'/,
    ],
    [
      [
        'optimize',
        '--maximize',
        'deltaT',
        '--param',
        'chi=1..3',
        '--Jin',
        '1uW',
        '--no-plot',
        '--out',
        join(root, 'o'),
      ],
      /^ndtc optimize: --param: .*no stable root below Tc/,
    ],
  ])('%j', async (argv, pattern) => {
    oneLine(await ndtc(...argv), 2, pattern);
    expect(readdirSync(root).filter((n) => n !== 'ro')).toEqual([]);
  });

  it('a device file with a γ outside the domain names the file and the key', async () => {
    const file = join(root, 'dev.yaml');
    writeFileSync(file, 'platform: ag\nleft:\n  superconductor:\n    gamma: 1e-9\n');
    oneLine(
      await ndtc('photonic', '--TL', '500mK', '--TR', '100mK', '--device', file),
      2,
      /^ndtc photonic: .*dev\.yaml: left\.superconductor\.gamma: invalid value '1e-9'/,
    );
    rmSync(file);
  });
});

describe('device files outside the domain or broken: exit 2, one line naming the file', () => {
  it.each<[string, string, RegExp]>([
    [
      'bath.yaml',
      'platform: ag\nTbath: 2K\n',
      /bath\.yaml: Tbath: invalid value '2 K': a temperature from .* to below Tc = 1\.2 K/,
    ],
    [
      'sigma.yaml',
      'platform: inas\nleft:\n  normal: { Sigma: 1e300 W/m^3/K^6 }\n',
      /sigma\.yaml: left\.normal\.Sigma: invalid value '1e300 W\/m³\/K⁶': from 1e4 W\/m³\/K⁶ to 1e12/,
    ],
    [
      'chi.yaml',
      'platform: ag\nright: { chi: 1e6 }\n',
      /chi\.yaml: right\.chi: invalid value '1e6': from 0\.01 to 100 accepted/,
    ],
    [
      'cold.yaml',
      'platform: ag\nTbath: 1uK\n',
      /cold\.yaml: Tbath: invalid value '0\.001 mK': a temperature from 4\.8 mK/,
    ],
    [
      'huge.json',
      '{"platform": "ag", "Tbath": "1e400K"}',
      /huge\.json: Tbath: invalid value '1e400K': not a finite number/,
    ],
  ])('%s', async (name, text, pattern) => {
    const file = join(root, name);
    writeFileSync(file, text);
    oneLine(await ndtc('photonic', '--TL', '500mK', '--TR', '100mK', '--device', file), 2, pattern);
    rmSync(file);
  });
});

describe('I/O failures: exit 1, one line naming the path and the cause', () => {
  const hysteresis = ['hysteresis', '--sweep', 'TR=10mK..800mK:3', '--Jin', '100fW', '--no-plot', '--out'];
  it('--out /dev/null', async () => {
    oneLine(
      await ndtc(...hysteresis, '/dev/null'),
      1,
      /^ndtc hysteresis: cannot create the directory \/dev\/null: it exists and is not a directory \(ENOTDIR\)\n$/,
    );
  });
  it('--out under /proc ends (Node’s recursive mkdir would loop)', async () => {
    const sweep = ['sweep', '--Jin', '100fW', '--vary', 'TR=10mK,20mK', '--workers', '0', '--no-plot'];
    // Without --quiet: the directory is made before the estimate, so the failure is the only line.
    oneLine(
      await ndtc(...sweep, '--out', '/proc/ndtc-x'),
      1,
      /^ndtc sweep: cannot create the directory \/proc\/ndtc-x: no such file or directory \(ENOENT\)\n$/,
    );
  });
  it('--out under an existing file names the file', async () => {
    const file = join(root, 'in-the-way.txt');
    writeFileSync(file, 'x');
    const sweep = ['sweep', '--Jin', '100fW', '--vary', 'TR=10mK,20mK', '--workers', '0', '--no-plot'];
    oneLine(
      await ndtc(...sweep, '--out', join(file, 'x')),
      1,
      /^ndtc sweep: cannot create the directory .*in-the-way\.txt\/x: .*in-the-way\.txt is not a directory \(ENOTDIR\)\n$/,
    );
    oneLine(
      await ndtc('reproduce', '--only', '2a', '--out', join(file, 'x')),
      1,
      /^ndtc reproduce: cannot create the directory .*in-the-way\.txt\/x: .*in-the-way\.txt is not a directory \(ENOTDIR\)\n$/,
    );
    rmSync(file);
  });
  it('--out an existing file', async () => {
    const file = join(root, 'a-file.txt');
    writeFileSync(file, 'x');
    const sweep = [
      'sweep',
      '--Jin',
      '100fW',
      '--vary',
      'TR=10mK,20mK',
      '--workers',
      '0',
      '--no-plot',
      '--quiet',
    ];
    oneLine(
      await ndtc(...sweep, '--out', file),
      1,
      /^ndtc sweep: cannot create the directory .*a-file\.txt: it exists and is not a directory \(ENOTDIR\)\n$/,
    );
    oneLine(
      await ndtc(...hysteresis, file),
      1,
      /^ndtc hysteresis: cannot create the directory .*a-file\.txt: it exists and is not a directory/,
    );
    // reproduce alike (it said 'invalid value', exit 2).
    oneLine(
      await ndtc('reproduce', '--only', '1c', '--format', 'csv', '--out', file),
      1,
      /^ndtc reproduce: cannot create the directory .*a-file\.txt: it exists and is not a directory \(ENOTDIR\)\n$/,
    );
    rmSync(file);
  });
  it('--out in a read-only directory (a read-only tmpfs: chmod does not stop root)', async (test) => {
    if (!readOnly) return test.skip();
    oneLine(
      await ndtc(...hysteresis, join(readOnly, 'x')),
      1,
      /^ndtc hysteresis: cannot create the directory .*ro\/x: read-only file system \(EROFS\)\n$/,
    );
  });
});

describe('--Tc against the bath the command computes at', () => {
  it('a --Tbath (or T_R in setup 2) that 0.004 Tc does not exceed lets a high --Tc through; one it exceeds is named', async () => {
    // 0.004 · 5 K = 20 mK: a 100 mK bath is in range, the device's own 10 mK is not.
    for (const args of [
      ['solve', '--Jin', '100fW', '--TR', '300mK', '--Tbath', '100mK', '--Tc', '5K'],
      ['solve', '--setup', '2', '--Jin', '100fW', '--TR', '300mK,400mK', '--Tc', '5K'],
      ['phonon', '--Te', '500mK', '--Tbath', '100mK', '--Tc', '5K'],
      ['transistor', '--JinL', '100fW', '--JinR', '1fW', '--Tbath', '100mK', '--Tc', '5K'],
      // A bath that is an axis: T_bath, or T_R in setup 2.
      [
        'sweep',
        '--vary',
        'Tbath=50mK,100mK',
        '--TR',
        '300mK',
        '--Jin',
        '100fW',
        '--Tc',
        '5K',
        '--out',
        join(root, 'tc-1'),
        '--no-plot',
      ],
      [
        'sweep',
        '--setup',
        '2',
        '--vary',
        'TR=50mK,300mK',
        '--Jin',
        '100fW',
        '--Tc',
        '5K',
        '--out',
        join(root, 'tc-2'),
        '--no-plot',
      ],
      [
        'hysteresis',
        '--setup',
        '2',
        '--sweep',
        'TR=50mK..300mK:5',
        '--Jin',
        '100fW',
        '--Tc',
        '5K',
        '--out',
        join(root, 'tc-3'),
        '--no-plot',
      ],
    ]) {
      const r = await ndtc(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      if (!['sweep', 'hysteresis'].includes(args[0])) expect(r.stdout).toContain('Tc = 5 K');
    }
    oneLine(
      await ndtc('solve', '--Jin', '100fW', '--TR', '300mK', '--Tbath', '10mK', '--Tc', '5K'),
      2,
      /^ndtc solve: --Tc: invalid value '5K': a Tc above the bath temperature 10 mK \(--Tbath\) and at most 2\.5 K/,
    );
    oneLine(
      await ndtc('solve', '--Jin', '100fW', '--TR', '300mK', '--Tbath', '100mK,10mK', '--Tc', '5K'),
      2,
      /^ndtc solve: --Tbath: invalid value '10 mK': a temperature from 20 mK \(0\.004 Tc\)/,
    );
  });
});

describe('the bath of commands that take one', () => {
  const json = (r: Run): Record<string, unknown> => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  it('photonic takes a --Tc that the 10 mK bath would refuse: J_γ does not depend on the bath', async () => {
    // 0.004 · 5 K = 20 mK > 10 mK; the same J_γ as with a 100 mK bath, which fits.
    const high = json(await ndtc('photonic', '--TL', '1K', '--TR', '500mK', '--Tc', '5K', '--json'));
    const device = join(root, 'tc5-bath100mK.yaml');
    const ag = readFileSync(new URL('../../examples/ag.yaml', import.meta.url), 'utf8');
    writeFileSync(device, ag.replace('Tbath: 10mK', 'Tbath: 100mK').replace('Tc: 1.2K', 'Tc: 5K'));
    const file = json(await ndtc('photonic', '--TL', '1K', '--TR', '500mK', '--device', device, '--json'));
    const J = (d: Record<string, unknown>): number => (d.points as { J_gamma: number }[])[0].J_gamma;
    expect(J(high)).toBeGreaterThan(0);
    expect(J(high)).toBe(J(file));
    const help = (await ndtc('photonic', '--help')).stdout;
    expect(help).not.toMatch(/--Tc[^]*T_bath[^]*--gamma/);
  });
  it('hysteresis and optimize compute at --Tbath in setup 1, and refuse it in setup 2 or beside a T_bath search', async () => {
    // A T_R sweep at 100 fW and the bath given, written into root/name.
    const hysteresis = (bath: string, name: string, ...more: string[]): Promise<Run> =>
      ndtc(
        'hysteresis',
        '--sweep',
        'TR=200mK..400mK:3',
        '--Jin',
        '100fW',
        '--Tbath',
        bath,
        '--out',
        join(root, name),
        ...more,
      );
    const out = join(root, 'hy-bath');
    await hysteresis('100mK', 'hy-bath', '--no-plot', '--quiet');
    const steps = (
      JSON.parse(readFileSync(join(out, 'hysteresis.json'), 'utf8')) as { steps: { T_L: number }[] }
    ).steps;
    const solved = json(await ndtc('solve', '--Jin', '100fW', '--TR', '200mK', '--Tbath', '100mK', '--json'));
    const roots = (solved.points as { roots: { T_L: number }[] }[])[0].roots;
    expect(roots).toHaveLength(1);
    expect(steps[0].T_L).toBe(roots[0].T_L);
    oneLine(
      await hysteresis('100mK', 'hy-2', '--setup', '2'),
      2,
      /^ndtc hysteresis: --Tbath: invalid value '100mK': not with --setup 2 \(the bath is at T_R\)\n$/,
    );
    oneLine(
      await hysteresis('2K', 'hy-3'),
      2,
      /^ndtc hysteresis: --Tbath: invalid value '2 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    );
    const opt = join(root, 'opt-bath');
    const r = await ndtc(
      'optimize',
      '--maximize',
      'deltaT',
      '--param',
      'chi=0.5..10:log',
      '--Jin',
      '100fW',
      '--Tbath',
      '50mK',
      '--max-evaluations',
      '12',
      '--out',
      opt,
      '--no-plot',
      '--quiet',
    );
    expect(r.code, r.stderr).toBe(0);
    const params = (
      JSON.parse(readFileSync(join(opt, 'optimize.json'), 'utf8')) as {
        parameters: { device: { Tbath: number } };
      }
    ).parameters;
    expect(params.device.Tbath).toBe(0.05);
    oneLine(
      await ndtc(
        'optimize',
        '--maximize',
        'deltaT',
        '--param',
        'Tbath=10mK..50mK',
        '--Jin',
        '100fW',
        '--Tbath',
        '50mK',
        '--out',
        join(root, 'opt-2'),
      ),
      2,
      /^ndtc optimize: --Tbath: invalid value '50mK': not together with --param T_bath=… \(the search sets it\)\n$/,
    );
  });
});

describe('a refused value just past a limit', () => {
  it('is shown with the digits that tell it from the limit', async () => {
    oneLine(
      await ndtc('resistance', '--T', '10.0000001K'),
      2,
      /^ndtc resistance: --T: invalid value '10\.0000001 K': a temperature from 4\.8 mK = 0\.004 Tc \(Tc = 1\.2 K\) to 10 K;/,
    );
    oneLine(
      await ndtc('resistance', '--T', '4.7999mK'),
      2,
      /^ndtc resistance: --T: invalid value '4\.7999 mK': a temperature from 4\.8 mK/,
    );
    oneLine(
      await ndtc('solve', '--Jin', '1.0000001uW', '--TR', '100mK'),
      2,
      /^ndtc solve: --Jin: invalid value '1\.0000001 µW': from 0 W \(heater off\) to 1 µW/,
    );
  });
});

describe('rectification temperatures', () => {
  it('a hot side below 0.004 Tc is named as --Thot, with the range it must lie in', async () => {
    oneLine(
      await ndtc('rectification', '--Thot', '4mK', '--Tcold', '100mK'),
      2,
      /^ndtc rectification: --Thot: invalid value '4mK': a temperature from 4\.8 mK \(0\.004 of the highest Tc\) to below 1\.2 K \(the lowest Tc\), above --Tcold/,
    );
    oneLine(
      await ndtc('rectification', '--Thot', '500mK', '--Tcold', '600mK'),
      2,
      /^ndtc rectification: --Tcold: invalid value '600mK': temperatures from 4\.8 mK \(0\.004 of the highest Tc\) to below --Thot/,
    );
  });
});

describe('phonon without --Tbath', () => {
  it("uses the device's bath: the platform's 10 mK, a device file's own", async () => {
    const file = join(root, 'bath-100mK.yaml');
    writeFileSync(file, 'platform: ag\nTbath: 100mK\n');
    for (const [args, bath] of [
      [['phonon', '--Te', '500mK', '--json'], 0.01],
      [['phonon', '--Te', '500mK', '--device', file, '--json'], 0.1],
    ] as const) {
      const r = await ndtc(...args);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { points: { T_bath: number; J_ph: number }[] };
      expect(doc.points.map((p) => p.T_bath)).toEqual([bath]);
      const given = await ndtc('phonon', '--Te', '500mK', '--Tbath', `${bath * 1000}mK`, '--json');
      expect((JSON.parse(given.stdout) as typeof doc).points[0].J_ph).toBe(doc.points[0].J_ph);
    }
  });
});
