/** `ndtc solve --setup 3` and `ndtc transient`: the CLI's numbers are the library's, files are written whole. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  platformDevice,
  solveBalance,
  solveTwoReservoirs,
  timeConstant,
  transientResponse,
} from '../../src/index.js';
import { ndtc, ndtcJson, parseCsv } from './harness.js';
import { svgTexts } from '../figures/xml.js';

const ag = platformDevice('ag');
const dir = mkdtempSync(join(tmpdir(), 'ndtc-dynamics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ndtc solve --setup 3', () => {
  it('prints every state of the library with stability and time constants', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '3', '--JinL', '1e-18W', '--JinR', '400fW');
    const points = doc.points as {
      J_in_L: number;
      J_in_R: number;
      roots: { T_L: number; T_R: number; stable: boolean; time_constants: number[] }[];
    }[];
    expect(points).toHaveLength(1);
    const lib = solveTwoReservoirs(ag, { JinL: 1e-18, JinR: 4e-13 }).roots;
    expect(points[0].roots).toHaveLength(lib.length);
    for (const [i, r] of points[0].roots.entries()) {
      expect(Object.keys(r)).toEqual(['T_L', 'T_R', 'stable', 'time_constants']);
      expect(r.T_L).toBe(lib[i].TL);
      expect(r.T_R).toBe(lib[i].TR);
      expect(r.stable).toBe(lib[i].stable);
      expect(r.time_constants).toEqual(lib[i].timeConstants);
    }
  });

  it('heaters too weak to lift a reservoir off the bath: said, as setup 1 says it', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '3', '--JinL', '1e-28W', '--JinR', '1e-30W,1e-9W');
    const p = doc.points as { J_in_R: number; roots: unknown[]; note?: string }[];
    expect(p.map((x) => x.roots)).toEqual([[], []]);
    expect(p[0].note).toMatch(/^no steady state above the bath: the heaters hold both reservoirs at T_bath/);
    // Heated past Tc: no state either, but not at the bath.
    expect(p[1].note).toBe('no steady state with both temperatures in (T_bath, Tc)');
  });

  it('setup 1 roots carry τ = C/(−∂F/∂T_L)', async () => {
    const { doc } = await ndtcJson('solve', '--setup', '1', '--Jin', '1e-18W', '--TR', '700mK');
    const roots = (doc.points as { roots: { time_constants: number[] }[] }[])[0].roots;
    const lib = solveBalance(ag, { Jin: 1e-18, TR: 0.7, setup: 1 }).roots;
    expect(roots.map((r) => r.time_constants[0])).toEqual(lib.map((r) => timeConstant(ag, r)));
  });
});

describe('ndtc transient', () => {
  it('writes CSV and JSON equal to the library, and the figure', async () => {
    const out = join(dir, 'pulse');
    const r = await ndtc(
      'transient',
      '--TR',
      '700mK',
      '--Jin',
      '1e-18W',
      '--change',
      'Jin=2fW',
      '--at',
      '1us',
      '--duration',
      '10us',
      '--until',
      '60us',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/from T_L = 140\.8 mK/);
    const lib = transientResponse(
      ag,
      { setup: 1, Jin: 1e-18, TR: 0.7 },
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-5 },
      { until: 6e-5 },
    );
    const { header, rows } = parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8'));
    expect(header).toEqual(['time', 'T_L', 'T_R']);
    expect(rows.map((row) => Number(row[1]))).toEqual(lib.TL);
    const json = JSON.parse(readFileSync(join(out, 'transient.json'), 'utf8')) as {
      status: string;
      units: Record<string, string>;
      time: number[];
    };
    expect(json.status).toBe('done');
    expect(json.units).toMatchObject({ time: 's', T_L: 'K', T_R: 'K', start: 's', value: 'W' });
    expect(json.time).toEqual(lib.time);
    expect(readFileSync(join(out, 'transient.png')).subarray(1, 4).toString()).toBe('PNG');
    // The title names the change by its symbol and value with a unit, not as typed (Jin=2fW).
    expect(svgTexts(readFileSync(join(out, 'transient.svg'), 'utf8'))).toContain(
      'T(t), setup 1: 10 µs pulse of Jin = 2 fW',
    );
  });

  it('a heater switched off (0 W) is a change like any other, as the library integrates it', async () => {
    const out = join(dir, 'off');
    const argv = ['transient', '--TR', '300mK', '--Jin', '100fW', '--change', 'Jin=0W', '--at', '1us'];
    const r = await ndtc(...argv, '--until', '20us', '--no-plot', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const lib = transientResponse(
      ag,
      { setup: 1, Jin: 1e-13, TR: 0.3 },
      { quantity: 'Jin', value: 0, start: 1e-6 },
      { until: 2e-5 },
    );
    const { rows } = parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8'));
    expect(rows.map((row) => Number(row[1]))).toEqual(lib.TL);
    const negative = await ndtc(
      'transient',
      '--TR',
      '300mK',
      '--Jin',
      '-1fW',
      '--change',
      'Jin=0W',
      '--until',
      '1us',
    );
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(
      /^ndtc transient: --Jin: invalid value '-1 fW': from 0 W \(heater off\) to 1 µW/,
    );
  });

  it('warns and keeps what was done when the step budget runs out', async () => {
    const out = join(dir, 'budget');
    const r = await ndtc(
      'transient',
      '--setup',
      '3',
      '--JinL',
      '1e-18W',
      '--JinR',
      '400fW',
      '--change',
      'JinL=2fW',
      '--until',
      '60us',
      '--max-steps',
      '5',
      '--no-plot',
      '--out',
      out,
    );
    // Stopped before --until: exit 1, in one line saying how far it got; the files hold that part.
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ndtc transient: stopped after --max-steps 5 steps at t = ${/at t = ([^;]+) of/.exec(r.stderr)?.[1]} of 60 µs; what was done is in ${out} (status max-steps)\n`,
    );
    expect(r.stdout).toBe('');
    expect(parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8')).rows.length).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(join(out, 'transient.json'), 'utf8')).status).toBe('max-steps');
  });

  it('flags junction noise not ≪ Δ/e where the trajectory is hottest, as solve does, and only then', async () => {
    const run = (change: string, out: string) =>
      ndtc(
        'transient',
        '--Jin',
        '10fW',
        '--TR',
        '100mK',
        '--change',
        change,
        '--until',
        '10us',
        '--no-plot',
        '--out',
        out,
      );
    const hot = await run('TR=1.15K', join(dir, 'noisy'));
    expect(hot.code).toBe(0);
    // The same sentence solve and photonic print for T_R = 1.15 K (docs/model.md §9).
    const { doc } = await ndtcJson('photonic', '--TL', '500mK', '--TR', '1.15K');
    const [expected] = doc.warnings as string[];
    expect(expected).toMatch(/^T_R = 1\.15 K: rms junction voltage/);
    expect(hot.stderr).toBe(`ndtc transient: warning: the trajectory reaches ${expected}\n`);
    const file = JSON.parse(readFileSync(join(dir, 'noisy', 'transient.json'), 'utf8')) as {
      warnings: string[];
    };
    expect(file.warnings).toEqual([`the trajectory reaches ${expected}`]);
    const cool = await run('TR=300mK', join(dir, 'quiet'));
    expect(cool.stderr).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'quiet', 'transient.json'), 'utf8')).warnings).toEqual([]);
  });
});

describe('T_R between the two Tc (left Tc 0.5 K, right 1.2 K)', () => {
  const device = join(dir, 'tc-left-low.yaml');
  writeFileSync(
    device,
    'platform: ag\nleft: {superconductor: {Tc: 0.5K}}\nright: {superconductor: {Tc: 1.2K}}\n',
  );
  const transient = ['transient', '--Jin', '1e-18W', '--change', 'Jin=2fW', '--until', '1us', '--no-plot'];

  it('setup 1: T_R = 0.7 K is the right reservoir’s, below its Tc: transient starts from solve’s state', async () => {
    const { doc } = await ndtcJson('solve', '--Jin', '1e-18W', '--TR', '700mK', '--device', device);
    const [root] = (doc.points as { roots: { T_L: number }[] }[])[0].roots;
    const out = join(dir, 'tc-left-low');
    const run = await ndtc(...transient, '--TR', '700mK', '--device', device, '--out', out);
    expect(run.code).toBe(0);
    const { rows } = parseCsv(readFileSync(join(out, 'transient.csv'), 'utf8'));
    expect(Number(rows[0][1])).toBe(root.T_L);
  });

  it('a bath below 0.004 of the higher Tc is refused naming --Tbath (not a library parameter)', async () => {
    const setup3 = ['--JinL', '20fW', '--JinR', '1fW', '--Tbath', '3mK', '--device', device];
    for (const argv of [
      ['solve', '--setup', '3', ...setup3],
      ['transistor', ...setup3],
      [
        'transient',
        '--setup',
        '3',
        ...setup3,
        '--change',
        'JinL=1fW',
        '--until',
        '1us',
        '--out',
        join(dir, 'no'),
      ],
      ['solve', '--Jin', '1fW', '--TR', '300mK', '--Tbath', '3mK', '--device', device],
      [...transient, '--TR', '300mK', '--Tbath', '3mK', '--device', device, '--out', join(dir, 'no')],
    ]) {
      const run = await ndtc(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^ndtc ${argv[0]}: --Tbath: invalid value '3 ?mK': .*4\\.8 mK`));
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('setup 2: T_R is the left’s bath too, refused naming --TR (not a library parameter)', async () => {
    for (const argv of [
      ['solve', '--setup', '2', '--Jin', '1e-18W', '--TR', '700mK', '--device', device],
      [...transient, '--setup', '2', '--TR', '700mK', '--device', device, '--out', join(dir, 'no')],
    ]) {
      const run = await ndtc(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^ndtc ${argv[0]}: --TR: invalid value '700 mK': .*below Tc = 500 mK`),
      );
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
