/**
 * Every number a point command prints (`resistance`, `photonic`, `phonon`, `solve` with `--Jin` and
 * with `--target-TL`) is the library's number for the same inputs: the CLI runs in-process with
 * `--json`, and each point is recomputed here from the public API (src/index.ts), with the device built
 * independently (platformDevice / loadDeviceFile + withJunctionParameters). Tolerance 1e-12 relative:
 * the CLI calls the same functions, so anything beyond rounding means it computed something else.
 *
 * The asymmetric device file (test/cli/fixtures/asymmetric.yaml) differs between its reservoirs in Tc,
 * γ, Σ, volumes, r0, c and area, and its bath is at 20 mK, so that a command reading the wrong
 * reservoir or the wrong bath temperature fails here; each such case also checks that the alternative
 * really gives a different number.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeviceFile } from '../../src/device-file/load.js';
import {
  inputPowerForTarget,
  loadPhononFamily,
  phononHeat,
  photonicConductance,
  photonicHeatCurrent,
  platformDevice,
  resistanceRatio,
  solveBalance,
  withJunctionParameters,
  type Device,
  type Setup,
} from '../../src/index.js';
import { ndtcJson } from './harness.js';

const TOL = 1e-12;
const ASYMMETRIC = fileURLToPath(new URL('./fixtures/asymmetric.yaml', import.meta.url));

/** |a − b| ≤ TOL·|b| (exact equality for b = 0). */
function expectClose(actual: unknown, expected: number, what: string): void {
  expect(typeof actual, what).toBe('number');
  const a = actual as number;
  expect(Number.isFinite(expected), `${what}: library value ${expected}`).toBe(true);
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
  expect(err, `${what}: CLI ${a}, library ${expected}`).toBeLessThanOrEqual(TOL);
}

/** The relative difference of two alternatives, which must be far above TOL for a case to discriminate. */
const differs = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

interface Doc {
  parameters: Record<string, unknown>;
  points: Record<string, unknown>[];
}

async function run(...argv: string[]): Promise<Doc> {
  return (await ndtcJson(...argv)).doc as unknown as Doc;
}

beforeAll(async () => {
  // The asymmetric device's left γ = 2e-4 needs the γ family for J_ph,S; the CLI loads it itself.
  await loadPhononFamily();
});

describe('the asymmetric device file', () => {
  it('differs between its reservoirs in every parameter, and its bath is not 10 mK', () => {
    const d = loadDeviceFile(ASYMMETRIC);
    const { left: L, right: R } = d;
    expect(d.Tbath).toBe(0.02);
    for (const [a, b] of [
      [L.superconductor.Tc, R.superconductor.Tc],
      [L.superconductor.gamma, R.superconductor.gamma],
      [L.superconductor.Sigma, R.superconductor.Sigma],
      [L.superconductor.volume, R.superconductor.volume],
      [L.normal.Sigma, R.normal.Sigma],
      [L.normal.volume, R.normal.volume],
      [L.junction.r0, R.junction.r0],
      [L.junction.c, R.junction.c],
      [L.junction.area, R.junction.area],
    ])
      expect(a).not.toBe(b);
  });
});

describe('resistance: R/R0 as resistanceRatio', () => {
  it.each([
    [[], { Tc: 1.2, gamma: 1e-4 }],
    [['--Tc', '1.1K', '--gamma', '1e-3'], { Tc: 1.1, gamma: 1e-3 }],
  ])('%j', async (extra, sc) => {
    const doc = await run('resistance', '--T', '30mK,100mK,300mK,500mK,1K,1.3K', ...extra);
    expect(doc.points.map((p) => p.T)).toEqual([0.03, 0.1, 0.3, 0.5, 1, 1.3]);
    for (const p of doc.points) {
      expectClose(p.R_over_R0, resistanceRatio(p.T as number, sc), `R/R0 at T = ${p.T as number} K`);
    }
  });
});

function expectDevice(doc: Doc, device: Device): void {
  expect(doc.parameters.device).toEqual(device);
}

describe('photonic: J_γ and κ_γ as photonicHeatCurrent and photonicConductance', () => {
  const cases: [string, string[], () => Device][] = [
    ['paper device', [], () => platformDevice('ag')],
    [
      'inas, χ = 5, c = 80 fF/µm², r0 = 30 Ω·µm², γ = 1e-3',
      ['--platform', 'inas', '--chi', '5', '--c', '80fF/um^2', '--r0', '30ohm*um^2', '--gamma', '1e-3'],
      () => withJunctionParameters(platformDevice('inas'), { chi: 5, c: 0.08, r0: 3e-11, gamma: 1e-3 }),
    ],
    ['asymmetric device file', ['--device', ASYMMETRIC], () => loadDeviceFile(ASYMMETRIC)],
  ];
  it.each(cases)('%s', async (_, extra, deviceOf) => {
    const device = deviceOf();
    // T_R above T_L too (heat flowing right to left), and up to 1.3 K on the asymmetric device's
    // right reservoir (Tc = 1.4 K).
    const TRs = extra.includes('--device') ? '10mK,250mK,600mK,1.3K' : '10mK,250mK,600mK';
    const doc = await run('photonic', '--TL', '300mK,500mK', '--TR', TRs, ...extra);
    expectDevice(doc, device);
    expect(doc.points.length).toBe(TRs.split(',').length * 2);
    for (const p of doc.points) {
      const [TL, TR] = [p.T_L as number, p.T_R as number];
      const at = `T_L = ${TL} K, T_R = ${TR} K`;
      expectClose(p.J_gamma, photonicHeatCurrent(device, TL, TR), `J_γ at ${at}`);
      expectClose(p.kappa_gamma, photonicConductance(device, TL, TR), `κ_γ at ${at}`);
    }
  });

  it('on the asymmetric device, swapping the reservoirs would change J_γ', () => {
    const d = loadDeviceFile(ASYMMETRIC);
    const swapped: Device = { ...d, left: d.right, right: d.left };
    expect(differs(photonicHeatCurrent(d, 0.5, 0.25), -photonicHeatCurrent(swapped, 0.25, 0.5))).toBeLessThan(
      1e-12,
    );
    expect(
      differs(photonicHeatCurrent(d, 0.5, 0.25), photonicHeatCurrent(swapped, 0.5, 0.25)),
    ).toBeGreaterThan(1e-3);
  });
});

describe('phonon: J_ph,N, J_ph,S and J_ph of the LEFT reservoir as phononHeat(device.left)', () => {
  const cases: [string, string[], () => Device][] = [
    ['inas', ['--platform', 'inas'], () => platformDevice('inas')],
    [
      'ag, γ = 1e-3, Tc = 1.1 K',
      ['--gamma', '1e-3', '--Tc', '1.1K'],
      () => withJunctionParameters(platformDevice('ag'), { gamma: 1e-3, Tc: 1.1 }),
    ],
    ['asymmetric device file', ['--device', ASYMMETRIC], () => loadDeviceFile(ASYMMETRIC)],
  ];
  it.each(cases)('%s', async (_, extra, deviceOf) => {
    const device = deviceOf();
    const doc = await run('phonon', '--Te', '50mK,300mK,700mK,1.05K', '--Tbath', '10mK,100mK', ...extra);
    expectDevice(doc, device);
    expect(doc.points.length).toBe(8);
    for (const p of doc.points) {
      const [Te, Tb] = [p.T_e as number, p.T_bath as number];
      const J = phononHeat(device.left, Te, Tb);
      const at = `T_e = ${Te} K, T_bath = ${Tb} K`;
      expectClose(p.J_ph_N, J.normal, `J_ph,N at ${at}`);
      expectClose(p.J_ph_S, J.superconductor, `J_ph,S at ${at}`);
      expectClose(p.J_ph, J.total, `J_ph at ${at}`);
    }
  });

  it('on the asymmetric device the right reservoir would give other numbers (both channels)', () => {
    const d = loadDeviceFile(ASYMMETRIC);
    const L = phononHeat(d.left, 0.3, 0.01);
    const R = phononHeat(d.right, 0.3, 0.01);
    expect(differs(L.normal, R.normal)).toBeGreaterThan(1e-2);
    expect(differs(L.superconductor, R.superconductor)).toBeGreaterThan(1e-2);
  });
});

interface RootOut {
  T_L: number;
  stable: boolean;
  dTL_dTR: number;
}

/** Compares every solve point (all roots, stability, responsivity, T_bath) with solveBalance. */
function checkSolvePoints(
  doc: Doc,
  device: Device,
  setup: Setup,
  expectedTbath: (TR: number, index: number) => number,
): void {
  doc.points.forEach((p, index) => {
    const [Jin, TR, Tbath] = [p.J_in as number, p.T_R as number, p.T_bath as number];
    const at = `J_in = ${Jin} W, T_R = ${TR} K, T_bath = ${Tbath} K`;
    expect(Tbath, at).toBe(expectedTbath(TR, index));
    const sol = solveBalance(device, { Jin, TR, setup, Tbath: setup === 1 ? Tbath : undefined });
    const roots = p.roots as RootOut[];
    expect(roots.length, `${at}: number of roots`).toBe(sol.roots.length);
    sol.roots.forEach((r, i) => {
      expectClose(roots[i].T_L, r.TL, `${at}, root ${i}: T_L`);
      expect(roots[i].stable, `${at}, root ${i}: stable`).toBe(r.stable);
      expectClose(roots[i].dTL_dTR, r.dTL_dTR, `${at}, root ${i}: dT_L/dT_R`);
    });
    expect(p.note === undefined, `${at}: a note exactly when there is no root`).toBe(sol.roots.length > 0);
  });
}

describe('solve --Jin: every root, its stability and dT_L/dT_R as solveBalance', () => {
  it('setup 1, paper device: one root, and three (two stable) at 1e-18 W, 700 mK', async () => {
    const device = platformDevice('ag');
    const doc = await run('solve', '--Jin', '1e-18W,100fW', '--TR', '10mK,300mK,700mK');
    expectDevice(doc, device);
    expect(doc.points.length).toBe(6);
    checkSolvePoints(doc, device, 1, () => 0.01);
    const counts = doc.points.map((p) => (p.roots as RootOut[]).length);
    expect(counts).toContain(3);
    const three = doc.points.find((p) => (p.roots as RootOut[]).length === 3)!;
    expect((three.roots as RootOut[]).map((r) => r.stable)).toEqual([true, false, true]);
  });

  it('setup 1, --Tbath list: each point solved at its own bath temperature', async () => {
    const device = platformDevice('ag');
    const doc = await run(
      'solve',
      '--Jin',
      '1e-16W,1e-15W',
      '--TR',
      '50mK,700mK',
      '--Tbath',
      '10mK,50mK,100mK',
    );
    expect(doc.parameters.Tbath).toEqual([0.01, 0.05, 0.1]);
    const baths = [0.01, 0.05, 0.1];
    checkSolvePoints(doc, device, 1, (_, i) => baths[i % 3]);
    // the bath matters here: at 1e-16 W and T_R = 50 mK, T_L moves by far more than 1e-12 with T_bath
    const cold = doc.points.slice(0, 3).map((p) => (p.roots as RootOut[])[0].T_L);
    expect(differs(cold[0], cold[2])).toBeGreaterThan(1e-3);
  });

  it('setup 2: the bath follows T_R', async () => {
    const device = withJunctionParameters(platformDevice('inas'), { chi: 0.5 });
    const doc = await run(
      'solve',
      '--setup',
      '2',
      '--platform',
      'inas',
      '--chi',
      '0.5',
      '--Jin',
      '10fW,100fW',
      '--TR',
      '100mK,400mK',
    );
    expectDevice(doc, device);
    checkSolvePoints(doc, device, 2, (TR) => TR);
  });

  it('asymmetric device file: its own 20 mK bath by default, --Tbath when given', async () => {
    const device = loadDeviceFile(ASYMMETRIC);
    const args = [
      'solve',
      '--device',
      ASYMMETRIC,
      '--Jin',
      '1e-18W,1e-16W,100fW',
      '--TR',
      '10mK,300mK,700mK',
    ];
    const byDefault = await run(...args);
    expectDevice(byDefault, device);
    checkSolvePoints(byDefault, device, 1, () => 0.02);
    const given = await run(...args, '--Tbath', '80mK');
    checkSolvePoints(given, device, 1, () => 0.08);
    // the bath matters at these points: the two runs differ
    const TLs = (doc: Doc): number[] => doc.points.flatMap((p) => (p.roots as RootOut[]).map((r) => r.T_L));
    expect(TLs(given)).not.toEqual(TLs(byDefault));
  });
});

describe('solve --target-TL: J_in as inputPowerForTarget', () => {
  it.each([
    ['paper device, setup 1', [], () => platformDevice('ag'), 1 as Setup],
    ['paper device, setup 2', ['--setup', '2'], () => platformDevice('ag'), 2 as Setup],
    [
      'asymmetric device file, setup 1',
      ['--device', ASYMMETRIC],
      () => loadDeviceFile(ASYMMETRIC),
      1 as Setup,
    ],
    [
      'asymmetric device file, setup 1, --Tbath 50mK,150mK',
      ['--device', ASYMMETRIC, '--Tbath', '50mK,150mK'],
      () => loadDeviceFile(ASYMMETRIC),
      1 as Setup,
    ],
  ])('%s', async (_, extra, deviceOf, setup) => {
    const device = deviceOf();
    const doc = await run('solve', '--target-TL', '200mK,500mK', '--TR', '10mK,400mK', ...extra);
    expectDevice(doc, device);
    for (const p of doc.points) {
      const [TL, TR, Tbath] = [p.T_L as number, p.T_R as number, p.T_bath as number];
      const at = `T_L = ${TL} K, T_R = ${TR} K, T_bath = ${Tbath} K`;
      if (setup === 2) expect(Tbath, at).toBe(TR);
      else if (!extra.includes('--Tbath')) expect(Tbath, at).toBe(device.Tbath);
      expectClose(
        p.J_in,
        inputPowerForTarget(device, TL, TR, setup, setup === 1 ? Tbath : undefined),
        `J_in at ${at}`,
      );
    }
  });
});
