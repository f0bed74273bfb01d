/** `ndtc rectification` and `ndtc transistor`: output contract, agreement with the library, bad input. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  platformDevice,
  rectification,
  solveBalance,
  transistorResponse,
  validityWarnings,
  withChi,
} from '../../src/index.js';
import { ndtc, ndtcJson, parseCsv } from './harness.js';

describe('ndtc rectification', () => {
  it('JSON points equal the library’s rectification of the asymmetric pair', async () => {
    const { doc } = await ndtcJson(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--chi',
      '0.5,5',
      '--TcR',
      '1K',
    );
    const points = doc.points as Array<Record<string, number>>;
    expect(points).toHaveLength(2);
    for (const p of points) {
      const base = platformDevice('ag');
      const d = {
        ...base,
        right: {
          ...base.right,
          junction: { ...base.right.junction, area: p.chi * base.left.junction.area },
          superconductor: { ...base.right.superconductor, Tc: 1 },
        },
      };
      const r = rectification(d, 0.5, 0.1);
      expect(p.J_forward).toBe(r.forward);
      expect(p.J_reverse).toBe(r.reverse);
      expect(p.ratio).toBe(r.ratio);
    }
  });

  it('CSV header names the fields', async () => {
    const run = await ndtc('rectification', '--Thot', '500mK', '--Tcold', '100mK,200mK', '--csv');
    expect(run.code).toBe(0);
    const { header, rows } = parseCsv(run.stdout);
    expect(header).toEqual([
      'T_hot',
      'T_cold',
      'chi',
      'Tc_R',
      'gamma_R',
      'J_forward',
      'J_reverse',
      'ratio',
      'tau0_forward',
      'tau0_reverse',
    ]);
    expect(rows).toHaveLength(2);
  });

  it('a line from --Lline/--Rline changes the currents', async () => {
    const a = await ndtcJson('rectification', '--Thot', '500mK', '--Tcold', '100mK');
    const b = await ndtcJson(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--Lline',
      '20nH',
      '--Rline',
      '1ohm',
    );
    const pa = (a.doc.points as Array<Record<string, number>>)[0];
    const pb = (b.doc.points as Array<Record<string, number>>)[0];
    expect(pb.J_forward).not.toBe(pa.J_forward);
    // A lossy line: the heat reaching the cold side is given beside the heat leaving the hot one.
    expect(Object.keys(pa)).not.toContain('J_forward_received');
    expect(pb.J_forward_received).toBeGreaterThan(0);
    expect(pb.J_forward_received).toBeLessThan(pb.J_forward);
    expect(pb.J_reverse_received).toBeLessThan(pb.J_reverse);
    // …and the ratio at the cold end, the received currents' (not the ratio of what leaves).
    expect(Object.keys(pa)).not.toContain('ratio_received');
    expect(pb.ratio_received).toBe(pb.J_forward_received / pb.J_reverse_received);
    expect(pb.ratio_received).not.toBe(pb.ratio);
  });

  it('--Tbath sets the lossy lines’ temperature (the library’s currents at that bath) and the floor of Tc_R', async () => {
    const args = ['--Thot', '500mK', '--Tcold', '100mK', '--Rline', '5ohm'];
    const at10 = (await ndtcJson('rectification', ...args)).doc.points as Array<Record<string, number>>;
    const at200 = (await ndtcJson('rectification', ...args, '--Tbath', '200mK')).doc.points as Array<
      Record<string, number>
    >;
    const device = { ...platformDevice('ag'), Tbath: 0.2, line: { inductance: 0, resistance: 5 } };
    const r = rectification(device, 0.5, 0.1);
    expect(at200[0].J_forward).toBe(r.forward);
    expect(at200[0].J_reverse).toBe(r.reverse);
    // A hotter line sends heat back into the cold side: less net heat leaves the hot one.
    expect(at200[0].J_forward).not.toBe(at10[0].J_forward);
    // At the device's 10 mK bath Tc_R stops at 2.5 K; at 20 mK, 5 K is in.
    const high = await ndtc(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--TcR',
      '5K',
      '--Tbath',
      '20mK',
    );
    expect(high.code).toBe(0);
    const bad = await ndtc('rectification', '--Thot', '500mK', '--Tcold', '100mK', '--Tbath', '2K');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^ndtc rectification: --Tbath: invalid value '2 ?K': a temperature .* to below Tc = 1\.2 K/,
    );
  });

  it('lossy lines that make a current negative: the ratio is said to rectify nothing', async () => {
    // A bath above T_hot: the lines heat the hot side, and both currents leaving it are negative.
    const hot = await ndtcJson(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--Rline',
      '50ohm',
      '--Tbath',
      '600mK',
    );
    const p = (hot.doc.points as Array<Record<string, number>>)[0];
    expect(p.J_forward).toBeLessThan(0);
    expect(hot.doc.warnings).toContain(
      'ratio: its currents are not both positive (the lossy lines at T_bath = 600 mK exchange heat with both reservoirs): no rectification',
    );
    // Very lossy lines at 10 mK: the cold side loses more to them than it receives.
    const lossy = await ndtcJson('rectification', '--Thot', '500mK', '--Tcold', '100mK', '--Rline', '5kohm');
    const q = (lossy.doc.points as Array<Record<string, number>>)[0];
    expect(q.J_forward_received).toBeLessThan(0);
    expect((lossy.doc.warnings as string[]).filter((w) => w.includes('not both positive'))).toEqual([
      'ratio_received: its currents are not both positive (the lossy lines at T_bath = 10 mK exchange heat with both reservoirs): no rectification',
    ]);
    // Ordinary lines: no such warning.
    const fine = await ndtcJson('rectification', '--Thot', '500mK', '--Tcold', '100mK', '--Rline', '5ohm');
    expect((fine.doc.warnings as string[]).some((w) => w.includes('not both positive'))).toBe(false);
  });

  it('the table header names the photon lines and does not claim one χ for rows of many', async () => {
    const run = await ndtc(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--chi',
      '1,5',
      '--Lline',
      '10nH',
      '--Rline',
      '5ohm',
    );
    expect(run.code).toBe(0);
    const header = run.stdout.split('\n').filter((l) => l.startsWith('# '));
    expect(header[0]).toMatch(/^# platform ag, χ per row, c = 50 fF\/µm²/);
    expect(header).toContain('# photon lines: L = 10 nH, R = 5 Ω each (at T_bath = 10 mK)');
    const ideal = await ndtc('rectification', '--Thot', '500mK', '--Tcold', '100mK');
    expect(ideal.stdout).toMatch(/^# platform ag, χ = 2, .*\n# photon lines: ideal \(the paper\)\n/);
  });

  for (const [args, option] of [
    [['--Thot', '500mK', '--Tcold', '600mK'], '--Tcold'],
    [['--Thot', '500mK', '--Tcold', '100mK', '--chi', '0'], '--chi'],
    [['--Thot', '500mK', '--Tcold', '100mK', '--Lline', '10nF'], '--Lline'],
    [['--Thot', '500mK', '--Tcold', '100mK', '--Rline', '-1ohm'], '--Rline'],
    [['--Thot', '2K', '--Tcold', '100mK'], '--Thot'],
    // Tc_R above 250 T_bath: named as such, not by the library's withRightReservoir.
    [
      ['--Thot', '500mK', '--Tcold', '100mK', '--TcR', '3K'],
      "--TcR: invalid value '3K': Tc values above T_bath",
    ],
  ] as const) {
    it(`bad ${option}: exit 2, one line naming it`, async () => {
      const run = await ndtc('rectification', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(option);
    });
  }
});

describe('validity warnings (docs/cli.md): as photonic and solve --setup 3 flag the same temperatures', () => {
  it('rectification flags a T_hot near Tc, in both directions', async () => {
    const { run, doc } = await ndtcJson('rectification', '--Thot', '1.1K', '--Tcold', '100mK');
    const expected = [
      ...validityWarnings(platformDevice('ag'), 1.1, 0.1).map((w) => `forward: ${w}`),
      ...validityWarnings(platformDevice('ag'), 0.1, 1.1).map((w) => `reverse: ${w}`),
    ];
    expect(expected).toHaveLength(2);
    expect(doc.warnings).toEqual(expected);
    expect(run.stderr).toBe(expected.map((w) => `ndtc rectification: warning: ${w}\n`).join(''));
  });

  it('rectification names the row of each warning by what varies between rows (C_total differs with χ)', async () => {
    const { doc } = await ndtcJson('rectification', '--Thot', '1.1K', '--Tcold', '100mK', '--chi', '0.5,2');
    const expected = [0.5, 2].flatMap((chi) => [
      ...validityWarnings(withChi(platformDevice('ag'), chi), 1.1, 0.1).map(
        (w) => `forward, χ = ${chi}: ${w}`,
      ),
      ...validityWarnings(withChi(platformDevice('ag'), chi), 0.1, 1.1).map(
        (w) => `reverse, χ = ${chi}: ${w}`,
      ),
    ]);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(doc.warnings).toEqual(expected);
  });

  it('transistor flags a state with T_R near Tc', async () => {
    const { run, doc } = await ndtcJson('transistor', '--JinL', '1fW', '--JinR', '3pW');
    const [state] = transistorResponse(platformDevice('ag'), { JinL: 1e-15, JinR: 3e-12 });
    const expected = validityWarnings(platformDevice('ag'), state.TL, state.TR);
    expect(expected).toHaveLength(1);
    expect(doc.warnings).toEqual(expected);
    expect(run.stderr).toBe(`ndtc transistor: warning: ${expected[0]}\n`);
  });
});

describe('figure output', () => {
  it('an unwritable --figure path: exit 1, one line naming the path', async () => {
    const path = '/dev/null/r.png'; // a file's child: no one can create it
    const run = await ndtc(
      'rectification',
      '--Thot',
      '500mK',
      '--Tcold',
      '100mK',
      '--chi',
      '1,2',
      '--figure',
      path,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('/dev/null');
  });

  it('a figure of single points (one χ, one J_in^R) would be empty: refused before any work', async () => {
    for (const [argv, accepted] of [
      [['rectification', '--Thot', '500mK', '--Tcold', '100mK,200mK'], 'give --chi two or more values'],
      [['transistor', '--JinL', '10fW,20fW', '--JinR', '0.1fW'], 'give --JinR two or more values'],
    ] as const) {
      const run = await ndtc(...argv, '--figure', '/nonexistent-dir/f.png');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(`^ndtc ${argv[0]}: --figure: invalid value '/nonexistent-dir/f.png': `),
      );
      expect(run.stderr).toContain(accepted);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('the transistor figure says what a dashed curve is, when it has one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndtc-figure-'));
    try {
      const note = 'dashed: a curve through unstable states';
      const bistable = join(dir, 'bistable.svg');
      const args = ['transistor', '--JinL', '1e-18W', '--JinR', '300fW,400fW', '--figure', bistable];
      expect((await ndtc(...args)).code).toBe(0);
      const svg = readFileSync(bistable, 'utf8');
      expect(svg).toContain(note);
      // The legend numbers states as the table does (0 first, unnamed; then state 1, …).
      const states = new Set(
        parseCsv((await ndtc(...args.slice(0, 5), '--csv')).stdout).rows.map((r) => r[3]),
      );
      expect(states).toEqual(new Set(['0', '1', '2']));
      expect(svg).toContain('state 1');
      expect(svg).toContain('state 2');
      expect(svg).not.toContain('state 3');
      const single = join(dir, 'single.svg');
      expect(
        (await ndtc('transistor', '--JinL', '20fW', '--JinR', '0.1fW,1fW', '--figure', single)).code,
      ).toBe(0);
      expect(readFileSync(single, 'utf8')).not.toContain('dashed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the transistor figure with a gate of 0 W draws it (a log axis left it out without a word)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndtc-figure-'));
    try {
      const withZero = join(dir, 'zero.svg');
      const r = await ndtc('transistor', '--JinL', '20fW', '--JinR', '0W,1fW,10fW', '--figure', withZero);
      expect(r.code, r.stderr).toBe(0);
      // Three points on the curve: its path has three vertices (M and two L).
      const paths = [
        ...readFileSync(withZero, 'utf8').matchAll(/<path [^>]*d="(M[^"]*)"[^>]*stroke="#[0-9a-f]{6}"/gi),
      ]
        .map((m) => m[1])
        .filter((d) => /^M[\d.,-]+(L[\d.,-]+){2}$/.test(d));
      expect(paths.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the format follows the extension (PNG, SVG, PDF); any other is refused before any work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndtc-figure-'));
    try {
      const args = ['--Thot', '500mK', '--Tcold', '100mK', '--chi', '0.5,2'];
      const magic: Record<string, string> = { png: '\x89PNG', svg: '<svg', pdf: '%PDF' };
      for (const ext of Object.keys(magic)) {
        const file = join(dir, `r.${ext}`);
        expect((await ndtc('rectification', ...args, '--figure', file)).code).toBe(0);
        expect(readFileSync(file, 'latin1').startsWith(magic[ext])).toBe(true);
      }
      for (const command of [
        ['rectification', ...args],
        ['transistor', '--JinL', '20fW', '--JinR', '0.1fW'],
      ]) {
        const run = await ndtc(...command, '--figure', join(dir, 'r.gif'));
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(
          /--figure: invalid value '.*r\.gif': a file ending in \.png, \.svg, \.pdf/,
        );
      }
      expect(existsSync(join(dir, 'r.gif'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ndtc transistor', () => {
  it('JSON rows are the library’s response at each steady state', async () => {
    const { doc } = await ndtcJson('transistor', '--JinL', '20fW', '--JinR', '0.1fW');
    const points = doc.points as Array<Record<string, number | boolean>>;
    const ref = transistorResponse(platformDevice('ag'), { JinL: 20e-15, JinR: 0.1e-15 });
    expect(points).toHaveLength(ref.length);
    expect(points[0].alpha).toBe(ref[0].alpha);
    expect(points[0].T_L).toBe(ref[0].TL);
    expect(points[0].stable).toBe(ref[0].stable);
  });

  it('an operating point without a steady state gets a row with a note, in every format', async () => {
    // 20 pW on the gate takes the right reservoir to Tc: no state (solve --setup 3 says so too).
    const argv = ['transistor', '--JinL', '1fW', '--JinR', '1fW,20pW'];
    expect(transistorResponse(platformDevice('ag'), { JinL: 1e-15, JinR: 2e-11 })).toEqual([]);
    const note = 'no steady state with both temperatures in (T_bath, Tc)';
    const table = await ndtc(...argv);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^ {2}1 fW {3}20 pW {3}10 mK .* no steady state/,
    );
    const csv = await ndtc(...argv, '--csv');
    const { header, rows } = parseCsv(csv.stdout);
    expect(header.slice(0, 4)).toEqual(['J_in_L', 'J_in_R', 'T_bath', 'state']);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 4)).toEqual(['1e-15', '2e-11', '0.01', '']);
    expect(csv.stderr).toBe(`ndtc transistor: note: ${note} (J_in^L = 1 fW, J_in^R = 20 pW)\n`);
    const { doc } = await ndtcJson(...argv);
    expect((doc.points as unknown[])[1]).toEqual({ J_in_L: 1e-15, J_in_R: 2e-11, T_bath: 0.01, note });
  });

  for (const [args, option] of [
    [['--JinL', '-1fW', '--JinR', '1fW'], '--JinL'],
    [['--JinL', '20fW', '--JinR', '1K'], '--JinR'],
    [['--JinL', '20fW', '--JinR', '1fW', '--Tbath', '5K'], '--Tbath'],
  ] as const) {
    it(`bad ${option}: exit 2, one line naming it`, async () => {
      const run = await ndtc('transistor', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(option);
    });
  }
});

describe('ranges of the line and transient options', () => {
  const transient = ['transient', '--TR', '700mK', '--Jin', '1e-18W', '--change', 'Jin=2fW'];
  const rectify = ['rectification', '--Thot', '500mK', '--Tcold', '100mK'];
  // Outside these ranges the line currents lose accuracy (L < 1e-20 H) and the integrator stops at once.
  const refusals: [string[], string, RegExp][] = [
    [[...rectify, '--Lline', '1e-22H'], '--Lline', /0 H or from 1e-20 H to 1 mH/],
    [[...rectify, '--Lline', '2mH'], '--Lline', /0 H or from 1e-20 H to 1 mH/],
    [[...rectify, '--Rline', '2Gohm'], '--Rline', /0 Ω or from 1e-20 Ω to 1 GΩ/],
    [[...transient, '--until', '1e6s'], '--until', /from 1fs to 100000s/],
    [[...transient, '--at', '1e-20s', '--until', '1us'], '--at', /0 or a time from 1fs to 100000s/],
    [[...transient, '--duration', '0s', '--until', '1us'], '--duration', /from 1fs to 100000s/],
  ];
  it.each(refusals)('%j → exit 2 naming %s', async (argv, option, accepted) => {
    const run = await ndtc(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ndtc ${argv[0]}: ${option}: invalid value '`));
    expect(lines[0]).toMatch(accepted);
  });
});

describe('a heater off (0 W) in every command that takes a heater power', () => {
  it('solve, solve --setup 3 and transistor accept 0 W, as transient and the library do', async () => {
    const ag = platformDevice('ag');
    // Setup 1, J_in = 0: the left reservoir warmed by the right one's photons alone.
    const one = await ndtcJson('solve', '--Jin', '0W', '--TR', '300mK');
    const roots = (one.doc.points as { roots: { T_L: number }[] }[])[0].roots;
    expect(roots.map((r) => r.T_L)).toEqual(
      solveBalance(ag, { Jin: 0, TR: 0.3, setup: 1 }).roots.map((r) => r.TL),
    );
    // Setup 3 with the right heater off: the state transient starts from with --JinR 0W.
    const three = await ndtcJson('solve', '--setup', '3', '--JinL', '1fW', '--JinR', '0W');
    const [state] = (three.doc.points as { roots: { T_L: number; T_R: number }[] }[])[0].roots;
    const dir = mkdtempSync(join(tmpdir(), 'ndtc-heater-off-'));
    try {
      const t = await ndtc(
        'transient',
        '--setup',
        '3',
        '--JinL',
        '1fW',
        '--JinR',
        '0W',
        '--change',
        'JinR=1fW',
        '--until',
        '1us',
        '--no-plot',
        '--out',
        dir,
      );
      expect(t.code, t.stderr).toBe(0);
      const run = JSON.parse(readFileSync(join(dir, 'transient.json'), 'utf8')) as {
        T_L: number[];
        T_R: number[];
      };
      expect([run.T_L[0], run.T_R[0]]).toEqual([state.T_L, state.T_R]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The transistor's α at J_in^R = 0 is its limit J_in^R → 0 (docs/model.md §13).
    const alpha = async (JinR: string) =>
      ((await ndtcJson('transistor', '--JinL', '20fW', '--JinR', JinR)).doc.points as { alpha: number }[])[0]
        .alpha;
    const [at0, near0] = [await alpha('0W'), await alpha('1e-25W')];
    expect(Math.abs(at0 - near0)).toBeLessThanOrEqual(1e-9 * Math.abs(at0));
    // Below 0 stays refused, saying 0 W is accepted.
    const bad = await ndtc('solve', '--Jin', '-1fW', '--TR', '300mK');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--Jin: invalid value '-1 fW': from 0 W (heater off) to 1 µW");
  });
});
