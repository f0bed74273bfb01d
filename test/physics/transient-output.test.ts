/**
 * What transientResponse (src/physics/thermal-response.ts) reports besides T_L(t): the prescribed T_R(t)
 * of a pulse in setups 1–2 (the pulse's value on [start, start + duration), the drive's outside), the
 * output times (kept once each, only inside [0, until], every edge of the change landed on exactly),
 * the progress fractions, the start in each stable state of a bistable setup-3 drive (by ascending T_L),
 * a cooling step that ends at the bath's steady state, and the tabulated heat capacity against the
 * quadrature at the ends of its table and beyond them, for both shipped γ.
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, solveBalance, solveTwoReservoirs, timeConstant } from '../../src/index.js';
// The physics module: below 0.004 Tc too, where the public function refuses T.
import { reservoirHeatCapacity } from '../../src/physics/heat-capacity.js';
import { reservoirHeatCapacityFast, transientResponse } from '../../src/physics/thermal-response.js';

const ag = platformDevice('ag');
const drive = { setup: 1 as const, Jin: 1e-18, TR: 0.7 };

describe('transientResponse outputs', () => {
  it('T_R(t) of a T_R pulse: its value on [start, start + duration), the drive’s T_R elsewhere', () => {
    const [start, duration, until] = [1e-6, 2e-6, 5e-6];
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'TR', value: 0.3, start, duration },
      { until, outputTimes: [0.5e-6, 2e-6, 4e-6] },
    );
    expect(r.status).toBe('done');
    expect(r.time).toContain(start);
    expect(r.time).toContain(start + duration);
    r.time.forEach((t, k) => {
      const inPulse = t >= start && t < start + duration;
      expect(r.TR[k], `t = ${t}`).toBe(inPulse ? 0.3 : 0.7);
    });
    expect(r.TR.filter((T) => T === 0.3).length).toBeGreaterThan(1);
  });

  it('a T_R step at t = 0: the first sample is the initial state (old T_R), the new T_R from the next one on', () => {
    const r = transientResponse(ag, drive, { quantity: 'TR', value: 0.3, start: 0 }, { until: 2e-6 });
    const [initial] = solveBalance(ag, drive).roots.filter((s) => s.stable);
    expect(r.time[0]).toBe(0);
    expect(r.TR[0]).toBe(0.7);
    expect(r.TL[0]).toBe(initial.TL);
    expect(r.TR.slice(1).every((T) => T === 0.3)).toBe(true);
  });

  it('output times: each once, only those in [0, until]; the times strictly increase and end at until', () => {
    const until = 4e-6;
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'Jin', value: 2e-15, start: 1e-6 },
      { until, outputTimes: [-1e-6, 2e-6, 2e-6, 3e-6, 1e-6, until, 5e-6] },
    );
    for (const t of [0, 1e-6, 2e-6, 3e-6, until])
      expect(
        r.time.filter((x) => x === t),
        `t = ${t}`,
      ).toHaveLength(1);
    expect(r.time.some((t) => t < 0 || t > until)).toBe(false);
    for (let k = 1; k < r.time.length; k++) expect(r.time[k]).toBeGreaterThan(r.time[k - 1]);
    expect(r.time[r.time.length - 1]).toBe(until);
    expect(r.TL).toHaveLength(r.time.length);
    expect(r.TR).toHaveLength(r.time.length);
  });

  it('progress: fractions of [0, until] done, increasing, ending at 1', () => {
    const until = 3e-6;
    const fractions: number[] = [];
    const r = transientResponse(
      ag,
      drive,
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-6 },
      { until, onProgress: (f) => fractions.push(f) },
    );
    expect(fractions.length).toBe(r.steps.accepted);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThan(fractions[k - 1]);
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    // Each fraction is a time of the result over until.
    for (const f of fractions) expect(r.time.some((t) => Math.abs(t / until - f) <= 1e-15)).toBe(true);
  });
});

describe('initial states and cooling', () => {
  it('setup 3, J_in^R = 0.4 pW (two stable states): initialState 0 and 1 start in them by ascending T_L and stay', () => {
    const drive = { setup: 3 as const, Jin: 0, JinR: 4e-13 };
    const stable = solveTwoReservoirs(ag, { JinL: 0, JinR: 4e-13 })
      .roots.filter((r) => r.stable)
      .sort((a, b) => a.TL - b.TL);
    expect(stable).toHaveLength(2);
    stable.forEach((state, index) => {
      const r = transientResponse(
        ag,
        drive,
        { quantity: 'Jin', value: 0, start: 0 },
        { until: 1e-6, initialState: index },
      );
      expect(r.status).toBe('done');
      expect(r.TL[0]).toBe(state.TL);
      expect(r.TR[0]).toBe(state.TR);
      expect(r.initialTimeConstants).toEqual(state.timeConstants);
      expect(Math.abs(r.TL[r.TL.length - 1] - state.TL)).toBeLessThan(1e-9);
      expect(Math.abs(r.TR[r.TR.length - 1] - state.TR)).toBeLessThan(1e-9);
    });
  });

  it('setup 1: the initial time constant is τ = C_L/(−∂F/∂T_L) of the stable state started from', () => {
    const states = solveBalance(ag, { Jin: 1e-18, TR: 0.7, setup: 1 }).roots.filter((r) => r.stable);
    states.forEach((state, index) => {
      const r = transientResponse(
        ag,
        drive,
        { quantity: 'Jin', value: 1e-18, start: 0 },
        { until: 1e-7, initialState: index },
      );
      expect(r.TL[0]).toBe(state.TL);
      expect(r.initialTimeConstants).toEqual([timeConstant(ag, state)]);
      expect(r.initialTimeConstants[0]).toBeGreaterThan(0);
    });
  });

  it('setup 3: heating the right reservoir beyond Tc stops with status domain, both temperatures below Tc', () => {
    const r = transientResponse(
      ag,
      { setup: 3, Jin: 1e-15, JinR: 1e-15 },
      { quantity: 'JinR', value: 1e-9, start: 0 },
      { until: 1e-3 },
    );
    expect(r.status).toBe('domain');
    expect(Math.max(...r.TR)).toBeLessThan(ag.right.superconductor.Tc);
    expect(Math.max(...r.TL)).toBeLessThan(ag.left.superconductor.Tc);
    // It got close: the right reservoir ran up to Tc.
    expect(r.TR[r.TR.length - 1]).toBeGreaterThan(0.9 * ag.right.superconductor.Tc);
  });

  it('a pulse that heats beyond Tc ends the run there (status domain), not resumed after the pulse', () => {
    const [start, duration] = [1e-6, 1e-4];
    const r = transientResponse(
      ag,
      { setup: 1, Jin: 1e-15, TR: 0.1 },
      { quantity: 'Jin', value: 1e-9, start, duration },
      { until: 1e-3 },
    );
    expect(r.status).toBe('domain');
    expect(r.time[r.time.length - 1]).toBeLessThan(start + duration);
    expect(r.steps.rejected).toBeGreaterThan(0);
    expect(r.steps.accepted).toBe(r.time.length - 1);
  });

  it('the step budget holds over all the segments of a pulse', () => {
    const full = transientResponse(
      ag,
      drive,
      { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-5 },
      { until: 1e-4 },
    );
    const firstTwo = full.time.filter((t) => t <= 1.1e-5).length - 1;
    expect(firstTwo).toBeLessThan(full.steps.accepted);
    for (const maxSteps of [firstTwo - 1, firstTwo + 2]) {
      const r = transientResponse(
        ag,
        drive,
        { quantity: 'Jin', value: 2e-15, start: 1e-6, duration: 1e-5 },
        { until: 1e-4, maxSteps },
      );
      expect(r.status, `maxSteps = ${maxSteps}`).toBe('max-steps');
      expect(r.steps.accepted + r.steps.rejected, `maxSteps = ${maxSteps}`).toBe(maxSteps);
      expect(r.steps.rejected).toBeGreaterThanOrEqual(0);
    }
  });

  it('setup 1: switching the heater off cools T_L to the steady state at J_in = 0, never below the bath', () => {
    const TR = 0.1;
    const end = solveBalance(ag, { Jin: 0, TR, setup: 1 }).roots[0];
    const r = transientResponse(
      ag,
      { setup: 1, Jin: 1e-13, TR },
      { quantity: 'Jin', value: 0, start: 0 },
      { until: 1e-3 }, // many relaxation times (µs at these temperatures)
    );
    expect(r.status).toBe('done');
    expect(Math.min(...r.TL)).toBeGreaterThanOrEqual(ag.Tbath);
    expect(Math.abs(r.TL[r.TL.length - 1] - end.TL)).toBeLessThan(1e-6 * end.TL);
  });
});

describe('reservoirHeatCapacityFast against the quadrature', () => {
  it('at and beyond the ends of its table (t = 0.004 … 1 − 1e-6), down to 0.001 Tc, above Tc, for γ = 1e-4 and 1e-3: 1e-8 of γVT', () => {
    for (const gamma of [1e-4, 1e-3]) {
      const left = { ...ag.left, superconductor: { ...ag.left.superconductor, gamma } };
      const Tc = left.superconductor.Tc;
      for (const t of [
        0.001,
        0.002,
        0.0039,
        0.004,
        0.0041,
        0.01,
        0.3,
        0.7,
        0.99,
        1 - 1e-6,
        1 - 5e-7,
        1,
        1.5,
        4,
      ]) {
        const T = t * Tc;
        const direct = reservoirHeatCapacity(left, T);
        // γ_S V_S T with Al's Sommerfeld coefficient, 135 J m⁻³ K⁻² (the device has no coefficient of its own).
        expect(Math.abs(reservoirHeatCapacityFast(left, T) - direct), `γ = ${gamma}, t = ${t}`).toBeLessThan(
          1e-8 * 135 * left.superconductor.volume * T,
        );
      }
    }
  });
});

describe('transientResponse edges and bounds', () => {
  it('output times a few rounding steps from the pulse edges (i × 1 µs against 5 + 10 µs): the same run as without them', () => {
    const pulse = { quantity: 'Jin' as const, value: 2e-15, start: 5e-6, duration: 10e-6 };
    const grid = Array.from({ length: 61 }, (_, i) => i * 1e-6);
    expect(grid[5] === pulse.start && grid[15] === pulse.start + pulse.duration).toBe(false);
    const withGrid = transientResponse(ag, drive, pulse, { until: 60e-6, outputTimes: grid });
    const without = transientResponse(ag, drive, pulse, { until: 60e-6 });
    // It stopped at 5 µs with status 'domain', saying a temperature had reached Tc.
    expect(withGrid.status).toBe('done');
    expect(withGrid.time.at(-1)).toBeCloseTo(60e-6, 18);
    expect(Math.abs(withGrid.TL.at(-1)! - without.TL.at(-1)!)).toBeLessThan(1e-9);
  });

  it('a state that falls to the bath stops as such, not as one reaching Tc', () => {
    // T_R stepped below the bath: T_L follows it down to T_b, where the model ends (T > T_bath).
    const r = transientResponse(
      ag,
      { setup: 1, Jin: 1e-20, TR: 0.02 },
      { quantity: 'TR', value: 0.005, start: 0 },
      { until: 1e-2 },
    );
    expect(r.status).toBe('domain');
    expect(r.outside).toBe('bath');
    expect(r.TL.at(-1)! - ag.Tbath).toBeLessThan(1e-9);
    // A pulse that heats past Tc is still said so.
    const hot = transientResponse(ag, drive, { quantity: 'Jin', value: 1e-9, start: 0 }, { until: 1e-3 });
    expect(hot.status).toBe('domain');
    expect(hot.outside).toBe('Tc');
  });
});
