import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ndtc, ndtcJson, parseCsv } from './harness.js';

const COMMANDS = ['resistance', 'photonic', 'phonon', 'solve'];
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('program', () => {
  it('--version prints the package version', async () => {
    const r = await ndtc('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command with examples', async () => {
    const r = await ndtc('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Examples:');
  });

  it.each(COMMANDS)('%s --help shows options and examples', async (c) => {
    const r = await ndtc(c, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: ndtc ${c}`);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ ndtc /);
    expect(r.stdout).toContain('--json');
    expect(r.stdout).toContain('--csv');
  });

  it.each(['solve', 'transient', 'sweep', 'hysteresis', 'optimize', 'merge', 'reproduce', 'explore'])(
    '%s --help writes every default one way, "(default: X)"',
    async (c) => {
      const r = await ndtc(c, '--help');
      const help = r.stdout.replace(/\s+/g, ' ');
      expect(help).not.toMatch(/\(default: "/); // commander's JSON quoting
      expect(help).not.toMatch(/\(default [^:]/);
      expect(help).toMatch(/\(default: [^")]/);
    },
  );

  it('with no command prints the help on stderr and exits 2', async () => {
    const r = await ndtc();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: ndtc');
    expect(r.stdout).toBe('');
  });
});

describe('usage and input errors: exit 2, one line naming the option, no stack trace', () => {
  const cases: [string[], string][] = [
    [['bogus'], "unknown command 'bogus'"],
    [['resistance', '--T', '500mK', '--foo'], "unknown option '--foo'"],
    [['resistance'], "'--T <temps>' not specified"],
    [['resistance', '--T'], "'--T <temps>' argument missing"],
    [['resistance', '--T', '500'], "--T: invalid value '500': missing unit"],
    [['resistance', '--T', '500mW'], "--T: invalid value '500mW': wrong unit"],
    [['resistance', '--T', '-1K'], "--T: invalid value '-1K'"],
    [['resistance', '--T', '0K'], "--T: invalid value '0K'"],
    [
      ['sweep', '--vary', 'TR=10mK..800mK:5', '--Jin', '5fW', '--workers', '2.5'],
      `--workers: invalid value '2.5': an integer from 0 to ${4 * availableParallelism()} (4 per CPU here)`,
    ],
    // resistance's own reason: it computes R/R0 alone, not the J_ph,S tables the other commands read.
    [
      ['resistance', '--T', '1mK'],
      "--T: invalid value '1 mK': a temperature from 4.8 mK = 0.004 Tc (Tc = 1.2 K) to 10 K; below, R/R0 stays at 1/γ (within 0.1 % from 0.02 Tc down)",
    ],
    [['phonon', '--Te', '1mK', '--Tbath', '1mK'], 'below, J_ph,S leaves its tables'],
    [['resistance', '--T', '10mK..500mK:1'], '--T: invalid value'],
    [['resistance', '--T', '10mK..500mK'], 'malformed range'],
    [['resistance', '--T', '10mK,,20mK'], 'empty item'],
    [['resistance', '--T', '0.5K', '--gamma', '0'], "--gamma: invalid value '0'"],
    [['resistance', '--T', '0.5K', '--gamma', '1'], "--gamma: invalid value '1'"],
    [['resistance', '--T', '0.5K', '--gamma', '1.5'], "--gamma: invalid value '1.5'"],
    [['resistance', '--T', '0.5K', '--Tc', '0K'], "--Tc: invalid value '0K'"],
    [['resistance', '--T', '0.5K', '--json', '--csv'], 'choose one of --json and --csv'],
    [
      ['photonic', '--TL', '1.3K', '--TR', '100mK'],
      "--TL: invalid value '1.3 K': a temperature from 4.8 mK (0.004 Tc) to below Tc = 1.2 K",
    ],
    [
      ['photonic', '--TL', '500mK', '--TR', '1.2K'],
      "--TR: invalid value '1.2 K': a temperature from 4.8 mK (0.004 Tc) to below Tc",
    ],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--Tc', '400mK'], '--TL: invalid value'],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--chi', '0'], "--chi: invalid value '0'"],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--chi', '-2'], "--chi: invalid value '-2'"],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--c', '0fF/um^2'], "--c: invalid value '0fF/um^2'"],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--c', '50fF'], "--c: invalid value '50fF': wrong unit"],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--r0', '-10ohm*um^2'],
      "--r0: invalid value '-10ohm*um^2'",
    ],
    [['photonic', '--TL', '500mK', '--TR', '100mK', '--r0', '10'], "--r0: invalid value '10': missing unit"],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--platform', 'cu'],
      "--platform: invalid value 'cu': one of ag, inas",
    ],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--device', '/no/such/file.yaml'],
      '--device: invalid value',
    ],
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--device', 'examples/ag.yaml', '--platform', 'ag'],
      '--platform: invalid value',
    ],
    [['phonon', '--Tbath', '10mK'], "'--Te <temps>' not specified"],
    [
      ['phonon', '--Te', '500mK', '--Tbath', '10 parsecs'],
      "--Tbath: invalid value '10 parsecs': unknown unit",
    ],
    [['solve', '--setup', '4', '--Jin', '1fW', '--TR', '100mK'], "--setup: invalid value '4'"],
    [
      ['solve', '--setup', '3', '--Jin', '1fW', '--TR', '100mK'],
      "--Jin: invalid value '1fW': not with --setup 3",
    ],
    [['solve', '--setup', '3', '--JinL', '1fW'], "--JinR: invalid value '(none)'"],
    [
      ['transient', '--TR', '700mK', '--Jin', '1fW', '--change', 'JinR=1fW', '--until', '1us'],
      "--change: invalid value 'JinR=1fW'",
    ],
    [
      ['transient', '--TR', '700mK', '--Jin', '1fW', '--change', 'Jin=2fW', '--until', '0s'],
      "--until: invalid value '0s'",
    ],
    ...(['2', '1.5'] as const).map((state): [string[], string] => [
      [
        'transient',
        '--TR',
        '700mK',
        '--Jin',
        '1fW',
        '--change',
        'Jin=2fW',
        '--until',
        '1us',
        '--initial-state',
        state,
      ],
      state === '2'
        ? "--initial-state: invalid value '2': 0 … 0 (stable steady states before the change)"
        : "--initial-state: invalid value '1.5': an integer ≥ 0, e.g. 1 (0: the coldest stable steady state)",
    ]),
    [['solve', '--setup', '1', '--TR', '100mK'], 'exactly one of --Jin and --target-TL'],
    [
      ['solve', '--Jin', '1fW', '--TR', '100mK', '--quiet', '--progress'],
      "--progress: invalid value 'with --quiet'",
    ],
    // An empty path (an unset variable in --out "$DIR") meant the current directory, written into unchecked.
    [
      ['sweep', '--vary', 'TR=10mK..800mK:5', '--Jin', '1fW', '--out', ''],
      "--out: invalid value '': a directory path (not empty)",
    ],
    [
      ['hysteresis', '--sweep', 'TR=10mK..800mK:5', '--Jin', '1fW', '--out', ''],
      "--out: invalid value '': a directory path",
    ],
    [
      ['optimize', '--maximize', 'deltaT', '--param', 'chi=0.5..10', '--Jin', '100fW', '--out', ''],
      "--out: invalid value ''",
    ],
    [['reproduce', '--out', ''], "--out: invalid value ''"],
    [
      ['solve', '--Jin', '1fW', '--TR', '100mK', '--device', ''],
      "--device: invalid value '': a file path (not empty)",
    ],
    [['merge', ''], "DIR: invalid value '': a path (not empty)"],
    [['verify', 'a', ''], "DIR: invalid value '': a path (not empty)"],
    // Two heaters and no --setup: the user meant setup 3, and is told so rather than asked for --Jin.
    [
      ['solve', '--JinL', '1fW', '--JinR', '2fW'],
      "--JinL: invalid value '1fW': only with --setup 3 (in setups 1 and 2: --Jin)",
    ],
    [['solve', '--JinR', '2fW', '--TR', '100mK'], "--JinR: invalid value '2fW': only with --setup 3"],
    // An option of one value given twice: commander would keep the last silently.
    [
      ['photonic', '--TL', '500mK', '--TR', '100mK', '--TL=300mK'],
      "ndtc photonic: --TL: invalid value '500mK and 300mK': --TL once (several values go in one comma-separated list)",
    ],
    [
      ['solve', '--setup', '1', '--Jin', '1fW', '--target-TL', '0.5K', '--TR', '100mK'],
      "--target-TL: invalid value '0.5K with --Jin 1fW': give exactly one of --Jin and --target-TL",
    ],
    [
      ['solve', '--setup', '1', '--Jin', '-1fW', '--TR', '100mK'],
      "--Jin: invalid value '-1 fW': from 0 W (heater off) to 1 µW",
    ],
    [['solve', '--setup', '1', '--Jin', '-1fW', '--TR', '100mK'], "--Jin: invalid value '-1 fW'"],
    [['solve', '--setup', '1', '--Jin', '1fK', '--TR', '100mK'], '--Jin: invalid value'],
    [['solve', '--setup', '2', '--Jin', '1fW', '--TR', '100mK', '--Tbath', '10mK'], '--Tbath: invalid value'],
    [['solve', '--setup', '1', '--target-TL', '1.5K', '--TR', '100mK'], '--target-TL: invalid value'],
    [['solve', '--setup', '1', '--Jin', '1fW', '--TR', '1.5K'], '--TR: invalid value'],
  ];
  it.each(cases)('%j', async (argv, expected) => {
    const r = await ndtc(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ndtc( \w+)?: /);
    if (argv[0] !== 'bogus') expect(lines[0].startsWith(`ndtc ${argv[0]}: `)).toBe(true);
    expect(lines[0]).toContain(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an option of one value given twice is not sent to a list it would refuse', async () => {
    const argv = [
      'transient',
      '--TR',
      '700mK',
      '--Jin',
      '1e-18W',
      '--change',
      'Jin=2fW',
      '--change',
      'Jin=3fW',
    ];
    const r = await ndtc(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ndtc transient: --change: invalid value 'Jin=2fW and Jin=3fW': --change once\n");
  });

  it('an InputError message has the documented shape', async () => {
    const r = await ndtc('photonic', '--TL', '500mK', '--TR', '100mK', '--chi', '-2');
    expect(r.stderr).toMatch(/^ndtc photonic: --chi: invalid value '-2': .+\n$/);
  });
});

describe('resistance', () => {
  it('prints a table with units and R/R0 ≈ 11.2 at 0.5 K (docs/model.md §2)', async () => {
    const r = await ndtc('resistance', '--T', '500mK');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# Tc = 1\.2 K, γ = 0\.0001/);
    expect(lines[1]).toMatch(/T\s+R\/R0/);
    expect(lines[2]).toMatch(/500 mK\s+11\.\d+/);
  });

  it('JSON: one object with command, version, SI parameters and points {T, R_over_R0}', async () => {
    const { doc } = await ndtcJson('resistance', '--T', '0.1K,0.3K,0.5K,1K,1.2K,2K');
    expect(Object.keys(doc).sort()).toEqual(['command', 'parameters', 'points', 'version', 'warnings']);
    expect(doc.command).toBe('resistance');
    expect(doc.version).toBe(pkg.version);
    expect(doc.parameters).toEqual({ Tc: 1.2, gamma: 1e-4, T: [0.1, 0.3, 0.5, 1, 1.2, 2] });
    const points = doc.points as { T: number; R_over_R0: number }[];
    expect(points.map((p) => Object.keys(p))).toEqual(points.map(() => ['T', 'R_over_R0']));
    // docs/model.md §2's rough numbers, loosely (physics accuracy is tested with the physics).
    const rough = [9.9e3, 158, 11.2, 1.46];
    rough.forEach((v, i) => expect(Math.abs(points[i].R_over_R0 / v - 1)).toBeLessThan(0.05));
    expect(points[4].R_over_R0).toBe(1); // T = Tc
    expect(points[5].R_over_R0).toBe(1); // above Tc: normal state
  });

  it('--gamma changes the low-temperature plateau only', async () => {
    const a = (await ndtcJson('resistance', '--T', '60mK,0.6K')).doc.points as { R_over_R0: number }[];
    const b = (await ndtcJson('resistance', '--T', '60mK,0.6K', '--gamma', '1e-3')).doc.points as {
      R_over_R0: number;
    }[];
    expect(b[0].R_over_R0).toBeLessThan(0.5 * a[0].R_over_R0);
    expect(Math.abs(b[1].R_over_R0 / a[1].R_over_R0 - 1)).toBeLessThan(0.05);
  });

  it('CSV: header = field names, SI values, one row per temperature', async () => {
    const r = await ndtc('resistance', '--T', '100mK..1K:10', '--csv');
    expect(r.code).toBe(0);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['T', 'R_over_R0']);
    expect(rows).toHaveLength(10);
    expect(Number(rows[0][0])).toBe(0.1);
    expect(Number(rows[9][0])).toBe(1);
    const R = rows.map((row) => Number(row[1]));
    for (let i = 1; i < R.length; i++) expect(R[i]).toBeLessThan(R[i - 1]); // R/R0 falls with T
  });
});

describe('photonic', () => {
  it('Cartesian product with --TL varying slowest; J_γ ≈ 20 fW near the peak (docs/model.md §3)', async () => {
    const { doc } = await ndtcJson('photonic', '--TL', '300mK,500mK', '--TR', '100mK,200mK,400mK');
    const points = doc.points as { T_L: number; T_R: number; J_gamma: number; kappa_gamma: number }[];
    expect(points.map((p) => [p.T_L, p.T_R])).toEqual([
      [0.3, 0.1],
      [0.3, 0.2],
      [0.3, 0.4],
      [0.5, 0.1],
      [0.5, 0.2],
      [0.5, 0.4],
    ]);
    expect(Object.keys(points[0])).toEqual(['T_L', 'T_R', 'J_gamma', 'kappa_gamma']);
    const peak = points[5].J_gamma;
    expect(peak).toBeGreaterThan(10e-15);
    expect(peak).toBeLessThan(40e-15);
    expect(points[2].J_gamma).toBeLessThan(0); // T_R > T_L: heat flows right to left
    expect(doc.warnings).toEqual([]);
    const params = doc.parameters as Record<string, unknown>;
    expect(params.platform).toBe('ag');
    expect(params.chi).toBe(2);
    expect(params.TL).toEqual([0.3, 0.5]);
    expect(params.TR).toEqual([0.1, 0.2, 0.4]);
  });

  it('κ_γ agrees in sign with the change of J_γ along T_R', async () => {
    const { doc } = await ndtcJson('photonic', '--TL', '500mK', '--TR', '150mK,151mK,460mK,461mK');
    const p = doc.points as { J_gamma: number; kappa_gamma: number }[];
    for (const [i, j] of [
      [0, 1],
      [2, 3],
    ]) {
      const slope = -(p[j].J_gamma - p[i].J_gamma) / 1e-3;
      expect(Math.sign(p[i].kappa_gamma)).toBe(Math.sign(slope));
    }
  });

  it('device options change the result; the table shows them', async () => {
    const base = (await ndtcJson('photonic', '--TL', '500mK', '--TR', '300mK')).doc.points as {
      J_gamma: number;
    }[];
    const chi = (await ndtcJson('photonic', '--TL', '500mK', '--TR', '300mK', '--chi', '10')).doc.points as {
      J_gamma: number;
    }[];
    expect(chi[0].J_gamma).not.toBe(base[0].J_gamma);
    const t = await ndtc(
      'photonic',
      '--TL',
      '500mK',
      '--TR',
      '300mK',
      '--c',
      '80 fF/µm²',
      '--r0',
      '20ohm*um^2',
    );
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('c = 80 fF/µm²');
    expect(t.stdout).toContain('r0 = 20 Ω·µm²');
    expect(t.stdout).toMatch(/T_L\s+T_R\s+J_gamma\s+kappa_gamma/);
    expect(t.stdout).toMatch(/500 mK\s+300 mK\s+-?[\d.]+ [fpa]?W\s+-?[\d.]+ [fpn]?W\/K/);
  });

  it('--device examples/ag.yaml reproduces --platform ag, and options override the file', async () => {
    const args = ['photonic', '--TL', '500mK', '--TR', '100mK,300mK'];
    const builtIn = (await ndtcJson(...args)).doc.points as { J_gamma: number }[];
    const file = (await ndtcJson(...args, '--device', 'examples/ag.yaml')).doc;
    const points = file.points as { J_gamma: number }[];
    points.forEach((p, i) => expect(Math.abs(p.J_gamma / builtIn[i].J_gamma - 1)).toBeLessThan(1e-12));
    expect((file.parameters as Record<string, unknown>).platform).toBeNull();
    expect((file.parameters as Record<string, unknown>).deviceFile).toBe('examples/ag.yaml');
    const chi5 = (await ndtcJson(...args, '--device', 'examples/ag.yaml', '--chi', '5')).doc;
    expect((chi5.parameters as Record<string, unknown>).chi).toBeCloseTo(5, 12);
  });

  it('flags junction voltage noise not ≪ Δ/e near Tc (docs/model.md §9) on stderr and in JSON', async () => {
    const r = await ndtc('photonic', '--TL', '1.15K', '--TR', '100mK', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { warnings: string[] };
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/T_L = 1\.15 K: rms junction voltage .* of Δ\/e/);
    expect(r.stderr).toMatch(/^ndtc photonic: warning: T_L = 1\.15 K/);
    const quiet = await ndtc('photonic', '--TL', '500mK', '--TR', '100mK');
    expect(quiet.stderr).toBe('');
  });
});

describe('phonon', () => {
  it('J_ph_N = Σ_N V_N (T_e^5 − T_b^5) for Ag, J_ph = N + S, Te slowest', async () => {
    const { doc } = await ndtcJson(
      'phonon',
      '--platform',
      'ag',
      '--Te',
      '300mK,500mK',
      '--Tbath',
      '10mK,100mK',
    );
    const p = doc.points as { T_e: number; T_bath: number; J_ph_N: number; J_ph_S: number; J_ph: number }[];
    expect(p.map((x) => [x.T_e, x.T_bath])).toEqual([
      [0.3, 0.01],
      [0.3, 0.1],
      [0.5, 0.01],
      [0.5, 0.1],
    ]);
    expect(Object.keys(p[0])).toEqual(['T_e', 'T_bath', 'J_ph_N', 'J_ph_S', 'J_ph']);
    for (const x of p) {
      const expected = 5e8 * 5.2e-21 * (x.T_e ** 5 - x.T_bath ** 5); // docs/model.md §5 table
      expect(Math.abs(x.J_ph_N / expected - 1)).toBeLessThan(1e-9);
      expect(x.J_ph).toBeCloseTo(x.J_ph_N + x.J_ph_S, 30);
      expect(x.J_ph_S).toBeGreaterThan(0);
      expect(x.J_ph_S).toBeLessThan(x.J_ph_N); // gapped: far below the normal-state value
    }
  });

  it('InAsOI uses n = 6; no heat flows at equal temperatures', async () => {
    const { doc } = await ndtcJson('phonon', '--platform', 'inas', '--Te', '400mK', '--Tbath', '10mK,400mK');
    const p = doc.points as { J_ph_N: number; J_ph: number }[];
    expect(Math.abs(p[0].J_ph_N / (3e7 * 5.2e-20 * (0.4 ** 6 - 0.01 ** 6)) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(p[1].J_ph)).toBeLessThan(1e-6 * p[0].J_ph);
  });
});

describe('solve', () => {
  it('Ag, setup 1, J_in = 100 fW at T_R = 10 mK: one stable root near 500 mK (docs/model.md §8 claim 5)', async () => {
    const { doc } = await ndtcJson(
      'solve',
      '--platform',
      'ag',
      '--setup',
      '1',
      '--Jin',
      '100fW',
      '--TR',
      '10mK',
    );
    expect(Object.keys(doc).sort()).toEqual(['command', 'parameters', 'points', 'version', 'warnings']);
    const p = doc.points as {
      J_in: number;
      T_R: number;
      T_bath: number;
      roots: { T_L: number; stable: boolean }[];
    }[];
    expect(p).toHaveLength(1);
    expect(Object.keys(p[0])).toEqual(['J_in', 'T_R', 'T_bath', 'roots']);
    expect(p[0]).toMatchObject({ J_in: 1e-13, T_R: 0.01, T_bath: 0.01 });
    expect(p[0].roots).toHaveLength(1);
    expect(Object.keys(p[0].roots[0])).toEqual(['T_L', 'stable', 'dTL_dTR', 'time_constants']);
    expect(p[0].roots[0].stable).toBe(true);
    expect(p[0].roots[0].T_L).toBeGreaterThan(0.4);
    expect(p[0].roots[0].T_L).toBeLessThan(0.6);
  });

  it('--target-TL inverts the solve', async () => {
    const fwd = (await ndtcJson('solve', '--setup', '1', '--Jin', '100fW', '--TR', '300mK')).doc.points as {
      roots: { T_L: number }[];
    }[];
    const TL = fwd[0].roots[0].T_L;
    const inv = await ndtcJson('solve', '--setup', '1', '--target-TL', `${TL}K`, '--TR', '300mK');
    const p = inv.doc.points as { T_L: number; T_R: number; T_bath: number; J_in: number }[];
    expect(Object.keys(p[0])).toEqual(['T_L', 'T_R', 'T_bath', 'J_in']);
    expect(Math.abs(p[0].J_in / 1e-13 - 1)).toBeLessThan(1e-6);
    expect(p[0].T_bath).toBe(0.01);
  });

  it('setup 2 ties T_bath to T_R; Cartesian order J_in slowest', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '2', '--Jin', '50fW,200fW', '--TR', '100mK,300mK');
    const p = doc.points as { J_in: number; T_R: number; T_bath: number }[];
    expect(p.map((x) => [x.J_in, x.T_R, x.T_bath])).toEqual([
      [5e-14, 0.1, 0.1],
      [5e-14, 0.3, 0.3],
      [2e-13, 0.1, 0.1],
      [2e-13, 0.3, 0.3],
    ]);
    expect((doc.parameters as Record<string, unknown>).setup).toBe(2);
  });

  it('setup 1 with --Tbath list: J_in, T_R, T_bath nested in that order', async () => {
    const { doc } = await ndtcJson(
      'solve',
      '--setup',
      '1',
      '--Jin',
      '100fW',
      '--TR',
      '100mK,200mK',
      '--Tbath',
      '10mK,50mK',
    );
    const p = doc.points as { T_R: number; T_bath: number }[];
    expect(p.map((x) => [x.T_R, x.T_bath])).toEqual([
      [0.1, 0.01],
      [0.1, 0.05],
      [0.2, 0.01],
      [0.2, 0.05],
    ]);
  });

  it('no root below Tc: said in the table, as roots [] + note in JSON, empty CSV cells; exit 0', async () => {
    const args = ['solve', '--setup', '1', '--Jin', '1uW', '--TR', '100mK'];
    const table = await ndtc(...args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/no steady state below Tc = 1\.2 K/);
    const { doc } = await ndtcJson(...args);
    const p = doc.points as { roots: unknown[]; note?: string }[];
    expect(p[0].roots).toEqual([]);
    expect(p[0].note).toMatch(/no steady state below Tc/);
    const csv = await ndtc(...args, '--csv');
    expect(csv.code).toBe(0);
    const { header, rows } = parseCsv(csv.stdout);
    expect(header).toEqual(['J_in', 'T_R', 'T_bath', 'root_index', 'T_L', 'stable', 'dTL_dTR', 'tau']);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 3).map(Number)).toEqual([1e-6, 0.1, 0.01]);
    expect(rows[0].slice(3)).toEqual(['', '', '', '', '']);
    expect(csv.stderr).toMatch(/note: no steady state below Tc/);
  });

  it('a right reservoir below the bath holding the left one below it: said, not an empty answer', async () => {
    // ndtcJson fails on a non-zero exit.
    const { doc } = await ndtcJson('solve', '--Jin', '1e-21W', '--TR', '10mK', '--Tbath', '100mK');
    const p = doc.points as { roots: unknown[]; note?: string }[];
    expect(p[0].roots).toEqual([]);
    expect(p[0].note).toMatch(
      /^no steady state above the bath: the left reservoir settles at or below T_bath/,
    );
  });

  it('CSV has one row per root with its root_index', async () => {
    const r = await ndtc('solve', '--setup', '1', '--Jin', '30fW,100fW', '--TR', '10mK,400mK', '--csv');
    expect(r.code).toBe(0);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['J_in', 'T_R', 'T_bath', 'root_index', 'T_L', 'stable', 'dTL_dTR', 'tau']);
    const json = (await ndtcJson('solve', '--setup', '1', '--Jin', '30fW,100fW', '--TR', '10mK,400mK')).doc
      .points as {
      roots: { T_L: number; stable: boolean; dTL_dTR: number }[];
    }[];
    const flat = json.flatMap((p) => p.roots.map((r, i) => [i, r.T_L, r.stable, r.dTL_dTR]));
    expect(rows).toHaveLength(flat.length);
    rows.forEach((row, k) => {
      expect(Number(row[3])).toBe(flat[k][0]);
      expect(Number(row[4])).toBe(flat[k][1]);
      expect(row[5]).toBe(String(flat[k][2]));
      expect(Number(row[6])).toBe(flat[k][3]);
    });
  });
});
