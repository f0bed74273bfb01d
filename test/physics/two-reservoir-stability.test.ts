/**
 * Setup 3 in src/physics/two-reservoir.ts itself: the stability of a state by the Routh–Hurwitz criterion
 * (tr < 0 and det > 0 of C⁻¹J) over the whole square, not only at steady states; time constants against
 * the characteristic polynomial; degenerate eigenvalue problems; J_ph,S's slope against a five-point
 * difference; and the solver's own refusal of its inputs.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { phononHeatNormalDerivative, phononHeatSuperconductor } from '../../src/physics/electron-phonon.js';
import { platformDevice } from '../../src/physics/device.js';
import {
  describeTwoReservoirState,
  eigenvalues2,
  reservoirPhononHeatDerivative,
  solveTwoReservoirs,
  twoReservoirResidual,
} from '../../src/physics/two-reservoir.js';

const ag = platformDevice('ag');
const inas = platformDevice('inas');

describe('describeTwoReservoirState over (T_b, Tc)²', () => {
  /** The Routh–Hurwitz criterion on C⁻¹J, and τ = −1/Re λ from λ² − tr λ + det = 0, at (T_L, T_R). */
  function checkState(device: typeof ag, TL: number, TR: number): { det: number; stable: boolean } {
    const s = describeTwoReservoirState(device, TL, TR);
    const [[a, b], [c, d]] = s.jacobian;
    const [CL, CR] = s.heatCapacity;
    const tr = a / CL + d / CR;
    const det = (a * d - b * c) / (CL * CR);
    expect(s.stable).toBe(tr < 0 && det > 0);
    const [t1, t2] = s.timeConstants;
    expect(t1).toBeLessThanOrEqual(t2);
    const disc = 0.25 * tr * tr - det;
    if (disc < 0) {
      // A complex pair: Re λ = tr/2 for both.
      expect(Math.abs(t1 + 2 / tr)).toBeLessThan(1e-12 * Math.abs(t1));
      expect(Math.abs(t2 + 2 / tr)).toBeLessThan(1e-12 * Math.abs(t2));
    } else {
      const [l1, l2] = [-1 / t1, -1 / t2];
      const big = Math.max(Math.abs(l1), Math.abs(l2));
      expect(Math.abs(l1 + l2 - tr)).toBeLessThan(1e-9 * big);
      expect(Math.abs(l1 * l2 - det)).toBeLessThan(1e-9 * Math.abs(det) + 1e-12 * big * big);
    }
    return { det, stable: s.stable };
  }

  // Points off the steady states too: the right reservoir's own slope ∂F_R/∂T_R is positive in parts of
  // the square, where stability turns on the coupling terms of det J.
  for (const [name, device] of [
    ['ag', ag],
    ['inas', inas],
  ] as const) {
    const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
    const T = (k: number, n: number): number => 0.02 + ((0.98 * Tc - 0.02) * k) / n;
    it(`classifies stability by tr < 0 and det > 0 of C⁻¹J, τ ascending, on a grid (${name})`, () => {
      let unstable = 0;
      for (let i = 1; i < 16; i++)
        for (let j = 1; j < 16; j++) if (!checkState(device, T(i, 16), T(j, 16)).stable) unstable++;
      expect(unstable).toBeGreaterThan(0);
    });
    it(`classifies stability on both sides of where det J changes sign (${name})`, () => {
      // Along T_R at fixed T_L: each sign change of det J located by bisection, then both sides checked.
      let crossings = 0;
      for (let i = 2; i < 16; i += 2) {
        const TL = T(i, 16);
        for (let j = 1; j < 24; j++) {
          let [lo, hi] = [T(j, 24), T(j + 1, 24)];
          const sLo = Math.sign(checkState(device, TL, lo).det);
          if (sLo === Math.sign(checkState(device, TL, hi).det)) continue;
          for (let k = 0; k < 30; k++) {
            const mid = 0.5 * (lo + hi);
            if (Math.sign(checkState(device, TL, mid).det) === sLo) lo = mid;
            else hi = mid;
          }
          crossings++;
        }
      }
      expect(crossings).toBeGreaterThan(0);
    });
  }

  it('lists a saddle’s time constants in ascending order (the negative one first)', () => {
    // The middle of the three states of the bistable window is a saddle: one τ < 0 < the other.
    const roots = solveTwoReservoirs(ag, { JinL: 1e-18, JinR: 4e-13 }).roots;
    expect(roots).toHaveLength(3);
    const [t1, t2] = roots[1].timeConstants;
    expect(t1).toBeLessThan(0);
    expect(t2).toBeGreaterThan(0);
  });
});

describe('eigenvalues2 at a zero trace and determinant', () => {
  // Nilpotent and zero matrices: both eigenvalues are 0 (no 0/0).
  for (const m of [
    [
      [0, 0],
      [0, 0],
    ],
    [
      [0, 1],
      [0, 0],
    ],
    [
      [2, -4],
      [1, -2],
    ],
  ] as [[number, number], [number, number]][]) {
    it(`gives 0, 0 for ${JSON.stringify(m)}`, () => {
      for (const [re, im] of eigenvalues2(m)) {
        expect(re).toBe(0);
        expect(im).toBe(0);
      }
    });
  }
});

describe('reservoirPhononHeatDerivative', () => {
  it('has the J_ph,S slope of a five-point difference (1e-7 of it)', () => {
    // At low T J_ph,S ∝ e^{−Δ/k_BT} varies fast: a step of 10⁻⁵/T instead of 10⁻⁵ T is off by 2e-6 to
    // 3e-5 there. Five points at h = 10⁻⁴ T: truncation ~(h Δ/k_BT²)⁴; the table's own smoothness limits
    // the agreement to ~1e-8. J_ph,N's slope is analytic (phonon-normal-derivative.test.ts).
    const r = ag.left;
    const Tb = ag.Tbath;
    for (const T of [0.05, 0.1, 0.15, 0.2, 0.5]) {
      const h = 1e-4 * T;
      const f = (x: number): number => phononHeatSuperconductor(r.superconductor, x, Tb);
      const dS = (8 * (f(T + h) - f(T - h)) - (f(T + 2 * h) - f(T - 2 * h))) / (12 * h);
      const slope = reservoirPhononHeatDerivative(r, T, Tb) - phononHeatNormalDerivative(r.normal, T);
      expect(Math.abs(slope - dS)).toBeLessThan(1e-7 * dS);
    }
  });
});

describe('solveTwoReservoirs refuses its inputs itself', () => {
  const refused = (device: typeof ag, op: Parameters<typeof solveTwoReservoirs>[1]): InputError => {
    try {
      solveTwoReservoirs(device, op);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('accepted');
  };
  it('a negative, infinite or NaN heater power, naming it', () => {
    for (const [key, value] of [
      ['JinL', -1e-15],
      ['JinL', Infinity],
      ['JinR', NaN],
      ['JinR', -Infinity],
    ] as const) {
      const e = refused(ag, { JinL: 0, JinR: 0, [key]: value });
      expect(e.option).toBe(key);
      expect(e.value).toBe(String(value));
      expect(e.accepted).toBe('a finite power ≥ 0, W');
    }
  });
  it('a bath at 0 or at the lower Tc, naming Tbath and that Tc', () => {
    const asym = { ...ag, right: { ...ag.right, superconductor: { ...ag.right.superconductor, Tc: 0.8 } } };
    for (const [device, Tbath, Tc] of [
      [ag, 0, 1.2],
      [ag, 1.2, 1.2],
      [asym, 0.8, 0.8],
      [asym, 1, 0.8],
    ] as const) {
      const e = refused(device, { JinL: 0, JinR: 0, Tbath });
      expect(e.option).toBe('Tbath');
      expect(e.value).toBe(String(Tbath));
      expect(e.accepted).toBe(`a temperature in (0, Tc = ${Tc} K)`);
    }
  });
  it('accepts zero heater powers: both reservoirs at the bath', () => {
    const { roots, belowBath } = solveTwoReservoirs(ag, { JinL: 0, JinR: 0, Tbath: 0.1 });
    expect(belowBath).toBe(true);
    // With no heating the only state is T_L = T_R = T_b, which lies on the scan's lower end (not
    // resolved): no state above the bath, and no error.
    for (const s of roots) {
      expect(Math.abs(s.TL - 0.1)).toBeLessThan(1e-6);
      expect(Math.abs(s.TR - 0.1)).toBeLessThan(1e-6);
    }
  });
});

describe('solveTwoReservoirs belowBath: a state at the bath, which the scan does not return', () => {
  const Tb = ag.Tbath;
  // The scan of T_R begins 10⁻⁹ (Tc − T_b) above the bath (steadyStatesByReduction).
  const delta = 1e-9 * (ag.right.superconductor.Tc - Tb);
  it.each([
    [0, 0],
    [1e-28, 0],
    [0, 1e-28],
    [1e-30, 1e-30],
  ])('J_in^L = %s W, J_in^R = %s W: no state, belowBath', (JinL, JinR) => {
    const op = { JinL, JinR };
    expect(solveTwoReservoirs(ag, op)).toEqual({ roots: [], belowBath: true });
    // Both reservoirs lose heat at T_b + δ: the state lies within δ of the bath.
    const [FL, FR] = twoReservoirResidual(ag, op, Tb + delta, Tb + delta);
    expect(FL).toBeLessThan(0);
    expect(FR).toBeLessThan(0);
  });
  it.each([
    [1e-26, 0, 1],
    [0, 1e-26, 1],
    [1e-18, 4e-16, 1],
    [1e-18, 4e-13, 3],
    [1e-9, 0, 0], // heated past Tc: no state, but not at the bath
  ])('J_in^L = %s W, J_in^R = %s W: %i states, not belowBath', (JinL, JinR, states) => {
    const solution = solveTwoReservoirs(ag, { JinL, JinR });
    expect(solution.roots).toHaveLength(states);
    expect(solution.belowBath).toBe(false);
    for (const s of solution.roots) expect(Math.min(s.TL, s.TR) - Tb).toBeGreaterThan(delta);
  });
});
