/**
 * Dynamics C dT/dt = heat in − heat out: relaxation in the linear limit against the exponential with the
 * linear time constant; a nonlinear step against SciPy's Radau (test/fixtures/generate_dynamics.py);
 * switching the bistable Ag device of docs/bistability.md with a heat pulse and back with a T_R dip.
 */
import { describe, expect, it } from 'vitest';
import {
  InputError,
  platformDevice,
  reservoirHeatCapacity,
  reservoirHeatCapacityFast,
  solveBalance,
  solveTwoReservoirs,
  timeConstant,
  transientResponse,
  type Device,
} from '../../src/index.js';
import { transientResponse as transientResponseUnchecked } from '../../src/physics/thermal-response.js';
import { loadFixture } from '../reference/fixture.js';

const ag = platformDevice('ag');
const at = (r: { time: number[] }, t: number): number => r.time.indexOf(t);

describe('linear response', () => {
  it('a small J_in step relaxes as exp(−t/τ) with τ = C/(−∂F/∂T_L) (setup 1)', () => {
    const J0 = 1e-14;
    const J1 = J0 * (1 + 1e-4);
    const TR = 0.1;
    const final = solveBalance(ag, { Jin: J1, TR, setup: 1 }).roots[0];
    const start = solveBalance(ag, { Jin: J0, TR, setup: 1 }).roots[0];
    const tau = timeConstant(ag, final);
    expect(tau).toBeGreaterThan(0);
    const times = [0.3, 1, 2, 4].map((k) => k * tau);
    const r = transientResponse(
      ag,
      { setup: 1, Jin: J0, TR },
      { quantity: 'Jin', value: J1, start: 0 },
      { until: 5 * tau, rtol: 1e-10, atol: 1e-14, outputTimes: times },
    );
    expect(r.status).toBe('done');
    const dT = start.TL - final.TL;
    for (const t of times) {
      const T = r.TL[at(r, t)];
      expect(Math.abs(T - (final.TL + dT * Math.exp(-t / tau)))).toBeLessThan(2e-3 * Math.abs(dT));
    }
  });

  it('setup 3: a small J_in^L step follows exp(C⁻¹J t) of the final state (Sylvester formula)', () => {
    const op = { JinL: 2e-15, JinR: 1e-15 };
    const final = solveTwoReservoirs(ag, op).roots[0];
    const start = solveTwoReservoirs(ag, { ...op, JinL: op.JinL * (1 - 1e-4) }).roots[0];
    const [CL, CR] = final.heatCapacity;
    const A = [
      [final.jacobian[0][0] / CL, final.jacobian[0][1] / CL],
      [final.jacobian[1][0] / CR, final.jacobian[1][1] / CR],
    ];
    const tr = A[0][0] + A[1][1];
    const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
    const root = Math.sqrt(0.25 * tr * tr - det);
    const [l1, l2] = [0.5 * tr + root, 0.5 * tr - root];
    const d0 = [start.TL - final.TL, start.TR - final.TR];
    const linear = (t: number): number[] => {
      // e^{At} = (e^{λ1 t}(A − λ2) − e^{λ2 t}(A − λ1))/(λ1 − λ2)
      const e1 = Math.exp(l1 * t);
      const e2 = Math.exp(l2 * t);
      const M = A.map((row, i) =>
        row.map((v, j) => (e1 * (v - (i === j ? l2 : 0)) - e2 * (v - (i === j ? l1 : 0))) / (l1 - l2)),
      );
      return [M[0][0] * d0[0] + M[0][1] * d0[1], M[1][0] * d0[0] + M[1][1] * d0[1]];
    };
    const tau = Math.max(...final.timeConstants);
    const times = [0.2, 0.5, 1, 2, 3].map((k) => k * tau);
    const r = transientResponse(
      ag,
      { setup: 3, Jin: op.JinL * (1 - 1e-4), JinR: op.JinR },
      { quantity: 'Jin', value: op.JinL, start: 0 },
      { until: 3 * tau, rtol: 1e-10, atol: 1e-15, outputTimes: times },
    );
    expect(r.status).toBe('done');
    const size = Math.hypot(d0[0], d0[1]);
    for (const t of times) {
      const k = at(r, t);
      const [dL, dR] = linear(t);
      expect(Math.abs(r.TL[k] - final.TL - dL)).toBeLessThan(2e-3 * size);
      expect(Math.abs(r.TR[k] - final.TR - dR)).toBeLessThan(2e-3 * size);
    }
  });
});

describe('setup 2 (bath at T_R)', () => {
  it('a T_R step (the bath moves with it) ends on the setup-2 root, approached as exp(−t/τ)', () => {
    const before = solveBalance(ag, { Jin: 1e-13, TR: 0.1, setup: 2 }).roots[0];
    const after = solveBalance(ag, { Jin: 1e-13, TR: 0.2, setup: 2 }).roots[0];
    const tau = timeConstant(ag, after);
    const times = [1, 3, 30].map((k) => k * tau);
    const r = transientResponse(
      ag,
      { setup: 2, Jin: 1e-13, TR: 0.1 },
      { quantity: 'TR', value: 0.2, start: 0 },
      { until: 30 * tau, rtol: 1e-10, atol: 1e-14, outputTimes: times },
    );
    expect(Math.abs(r.TL[0] - before.TL)).toBeLessThan(1e-12);
    const dT = before.TL - after.TL;
    expect(Math.abs(dT)).toBeGreaterThan(1e-6);
    for (const t of times)
      expect(Math.abs(r.TL[at(r, t)] - (after.TL + dT * Math.exp(-t / tau)))).toBeLessThan(
        2e-3 * Math.abs(dT),
      );
    expect(r.TR[r.TR.length - 1]).toBe(0.2);
  });
});

describe('nonlinear step against SciPy Radau', () => {
  const fx = loadFixture<{
    model: {
      Sigma: number;
      volume: number;
      n: number;
      sommerfeld: number;
      Tbath: number;
      Jin_before: number;
      Jin_after: number;
      T0: number;
    };
    time: number[];
    T: number[];
  }>('transient.json');
  it('follows the normal-metal island heated from 1 fW to 100 fW to 1e-6 relative', () => {
    const m = fx.model;
    // The fixture's model alone: no superconductor volume, a right junction so resistive that J_γ ~ 1e-13 of J.
    const device: Device = {
      ...ag,
      Tbath: m.Tbath,
      left: {
        ...ag.left,
        normal: { Sigma: m.Sigma, n: m.n, volume: m.volume, sommerfeld: m.sommerfeld },
        superconductor: { ...ag.left.superconductor, volume: 0 },
      },
      right: { ...ag.right, junction: { ...ag.right.junction, r0: 1e3 } },
    };
    // Outside the device domain (no superconductor, r0 = 1e3 Ω m²): the physics module, unchecked.
    const r = transientResponseUnchecked(
      device,
      { setup: 1, Jin: m.Jin_before, TR: 0.05 },
      { quantity: 'Jin', value: m.Jin_after, start: 0 },
      { until: fx.time[fx.time.length - 1], rtol: 1e-9, atol: 1e-13, outputTimes: fx.time },
    );
    expect(Math.abs(r.TL[0] - m.T0)).toBeLessThan(1e-10 * m.T0);
    for (const [i, t] of fx.time.entries()) {
      const k = at(r, t);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(Math.abs(r.TL[k] - fx.T[i]), `t = ${t}`).toBeLessThan(1e-6 * fx.T[i]);
    }
  });
});

describe('switching the bistable Ag device (docs/bistability.md, T_R = 700 mK)', () => {
  const drive = { setup: 1 as const, Jin: 1e-18, TR: 0.7 };
  const states = solveBalance(ag, { Jin: 1e-18, TR: 0.7, setup: 1 }).roots.filter((r) => r.stable);
  it('has two stable states there', () => expect(states.length).toBe(2));

  it('a 2 fW heat pulse of 10 µs takes the cold state to the hot one', () => {
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-5 },
      { until: 1e-4 },
    );
    expect(r.status).toBe('done');
    expect(Math.abs(r.TL[0] - states[0].TL)).toBeLessThan(1e-9);
    expect(Math.abs(r.TL[r.TL.length - 1] - states[1].TL)).toBeLessThan(1e-6);
  });

  it('a pulse too short to cross the unstable state falls back to the cold one', () => {
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-7 },
      { until: 2e-4 },
    );
    expect(Math.abs(r.TL[r.TL.length - 1] - states[0].TL)).toBeLessThan(1e-6);
  });

  it('a 20 µs dip of T_R to 300 mK takes the hot state back to the cold one', () => {
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'TR', value: 0.3, start: 1e-6, duration: 2e-5 },
      { until: 3e-4, initialState: 1 },
    );
    expect(Math.abs(r.TL[0] - states[1].TL)).toBeLessThan(1e-9);
    expect(Math.abs(r.TL[r.TL.length - 1] - states[0].TL)).toBeLessThan(1e-6);
  });
});

describe('bounds and bad input', () => {
  it('stops at the step budget', () => {
    const r = transientResponse(
      ag,
      { setup: 1, Jin: 1e-18, TR: 0.7 },
      { quantity: 'Jin', value: 2e-15, start: 0 },
      { until: 1e-4, maxSteps: 10 },
    );
    expect(r.status).toBe('max-steps');
    expect(r.steps.accepted + r.steps.rejected).toBeLessThanOrEqual(10);
  });
  it('stops when the left reservoir is heated beyond Tc', () => {
    const r = transientResponse(
      ag,
      { setup: 1, Jin: 1e-15, TR: 0.1 },
      { quantity: 'Jin', value: 1e-9, start: 0 },
      { until: 1e-3 },
    );
    expect(r.status).toBe('domain');
    expect(r.TL[r.TL.length - 1]).toBeLessThan(1.2);
  });
  it('names the bad parameter', () => {
    const bad = [
      () =>
        transientResponse(
          ag,
          { setup: 3, Jin: 1e-15, JinR: 1e-15 },
          { quantity: 'TR', value: 0.2, start: 0 },
          { until: 1e-5 },
        ),
      () =>
        transientResponse(
          ag,
          { setup: 1, Jin: 1e-15, TR: 2 },
          { quantity: 'Jin', value: 1e-15, start: 0 },
          { until: 1e-5 },
        ),
      () =>
        transientResponse(
          ag,
          { setup: 1, Jin: 1e-15, TR: 0.1 },
          { quantity: 'Jin', value: 1e-15, start: 1e-5 },
          { until: 1e-6 },
        ),
      () =>
        transientResponse(
          ag,
          { setup: 1, Jin: 1e-15, TR: 0.1 },
          { quantity: 'Jin', value: 1e-15, start: 0 },
          { until: 1e-5, initialState: 3 },
        ),
    ];
    for (const f of bad) expect(f).toThrow(InputError);
  });
});

describe('tabulated heat capacity', () => {
  it('equals the quadrature to 1e-8 of γVT', () => {
    for (const T of [0.02, 0.1, 0.3, 0.6, 0.9, 1.1, 1.19]) {
      const direct = reservoirHeatCapacity(ag.left, T);
      expect(Math.abs(reservoirHeatCapacityFast(ag.left, T) - direct)).toBeLessThan(1e-8 * 135 * 4e-21 * T);
    }
  });
});
