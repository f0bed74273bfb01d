/**
 * Electron–phonon heat (docs/model.md §4): J_ph,N exactly; J_ph,S limits, sign, the tabulated fast path against the
 * direct nested quadrature, and the helpers of the reduced kernel. The direct path costs 1–4 s per point, so
 * only a handful of points are computed, once, in beforeAll.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  gap,
  kB,
  phononHeat,
  phononHeatNormal,
  phononHeatSuperconductor,
  phononHeatSuperconductorDirect,
  TABULATED_PHONON_GAMMAS,
  phononKernel,
  platformDevice,
  tanhDifference,
} from '../../src/index.js';
import { phononTableLookup } from '../../src/physics/electron-phonon-table.js';
import table1e4 from '../../src/physics/data/phonon-ratio-gamma-1e-4.json' with { type: 'json' };
import table1e3 from '../../src/physics/data/phonon-ratio-gamma-1e-3.json' with { type: 'json' };

const EPS = 2.220446049250313e-16;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const ag = platformDevice('ag');
const inas = platformDevice('inas');
const al = ag.left.superconductor;
/** Σ_S V_S (T_e⁵ − T_b⁵): the normal-state value of J_ph,S. */
const normalState = (sc: typeof al, Te: number, Tb: number): number =>
  sc.Sigma * sc.volume * (Te ** 5 - Tb ** 5);

describe('J_ph,N', () => {
  it('= Σ_N V_N (T_e^n − T_b^n) for both platforms (n = 5 for Ag, 6 for InAs), and phononHeat sums the channels', () => {
    expect(ag.left.normal.n).toBe(5);
    expect(inas.left.normal.n).toBe(6);
    for (const d of [ag, inas]) {
      const { Sigma, volume, n } = d.left.normal;
      for (const [Te, Tb] of [
        [0.5, 0.01],
        [0.2, 0.3],
        [0.7, 0.7],
      ]) {
        const exact = Sigma * volume * (Te ** n - Tb ** n);
        // x^n by multiplication (numerics/power.ts): within a few ulp of Math.pow
        expect(Math.abs(phononHeatNormal(d.left.normal, Te, Tb) - exact)).toBeLessThanOrEqual(
          4 * Number.EPSILON * Sigma * volume * Math.max(Te, Tb) ** n,
        );
        // T_b > T_e is outside the J_ph,S table (direct path, seconds): the sum is checked for T_e ≥ T_b only.
        if (Tb > Te) continue;
        const both = phononHeat(d.left, Te, Tb);
        expect(both.normal).toBe(exact);
        expect(both.superconductor).toBe(phononHeatSuperconductor(d.left.superconductor, Te, Tb));
        expect(both.total).toBe(both.normal + both.superconductor);
      }
    }
    // docs/model.md §5: Ag wires 2 × 1.3 × 0.2 × 0.01 µm³ = 5.2e-21 m³, InAs 5.2e-20 m³
    expect(rel(ag.left.normal.volume, 5.2e-21)).toBeLessThan(1e-12);
    expect(rel(inas.left.normal.volume, 5.2e-20)).toBeLessThan(1e-12);
  });
});

describe('J_ph,S: exact limits', () => {
  it('J_ph,S(T, T) = 0 on both paths', () => {
    for (const T of [0.05, 0.4, 1.0]) {
      expect(phononHeatSuperconductor(al, T, T)).toBe(0);
      expect(phononHeatSuperconductorDirect(al, T, T)).toBe(0);
    }
  });

  it('with the gap suppressed (T_e ≥ Tc) it equals Σ_S V_S (T_e⁵ − T_b⁵), which pins the 96ζ(5) (1e-7)', () => {
    // T_e = 1.5 K > Tc = 1.2 K: Δ(T_e) = 0, N_S = 1; the reduced kernel is then exactly −e′².
    expect(rel(phononHeatSuperconductor(al, 1.5, 0.3), normalState(al, 1.5, 0.3))).toBeLessThan(1e-7);
    // A superconductor with Tc = 0.1 K below both temperatures (T_b > T_e too: heat flows in, J < 0).
    const lowTc = { ...al, Tc: 0.1 };
    expect(rel(phononHeatSuperconductorDirect(lowTc, 0.5, 0.2), normalState(lowTc, 0.5, 0.2))).toBeLessThan(
      1e-7,
    );
    expect(rel(phononHeatSuperconductorDirect(lowTc, 0.2, 0.5), normalState(lowTc, 0.2, 0.5))).toBeLessThan(
      1e-7,
    );
  });

  it('phononKernel in the normal state (δ = 0) is −e′² (1e-9; inner tolerance 1e-10)', () => {
    for (const te of [0.1, 0.5, 1.3]) {
      for (const ep of [1e-3, 0.05, 0.4, 2, 10]) {
        expect(rel(phononKernel(ep, 0, 1.764e-4, te), -ep * ep), `t_e=${te}, e′=${ep}`).toBeLessThan(1e-9);
      }
    }
  });
});

describe('J_ph,S: the fast (tabulated) path', () => {
  // (T_e, T_b) in K: the paper's range, the low-T end where in-gap states matter, near Tc.
  const points: [number, number][] = [
    [0.6, 0.3],
    [0.15, 0.01],
    [0.9, 0.5],
    [0.3, 0.01],
  ];
  const direct = new Map<string, number>();
  beforeAll(() => {
    for (const [Te, Tb] of points) direct.set(`${Te},${Tb}`, phononHeatSuperconductorDirect(al, Te, Tb));
  }, 120_000);

  it('the shipped γ = 1e-4 table is real (not a placeholder) and covers T_e/Tc ∈ [0.004, 1]', () => {
    expect(table1e4.generator).toMatch(/generate-phonon-table/);
    expect(table1e4.checkPoints).toBeGreaterThan(0);
    expect(table1e4.teEdges[0]).toBeLessThanOrEqual(0.01);
    expect(table1e4.teEdges[table1e4.teEdges.length - 1]).toBe(1);
    expect(phononTableLookup(1e-4, 0.5, 0.25)).toBeDefined();
  });

  it("agrees with phononHeatSuperconductorDirect within the table's recorded maxRelativeError", () => {
    const stated = table1e4.maxRelativeError as number;
    expect(stated).toBeGreaterThan(0);
    // The recorded error is the worst of 48 check points; allow 2× for points between them.
    for (const [Te, Tb] of points) {
      const d = direct.get(`${Te},${Tb}`)!;
      expect(rel(phononHeatSuperconductor(al, Te, Tb), d), `T_e=${Te}, T_b=${Tb}`).toBeLessThan(2 * stated);
    }
  });

  it('agrees to 1e-6 in the paper range (T_e ≥ 0.3 K), where the table is most accurate', () => {
    for (const [Te, Tb] of points.filter(([Te]) => Te >= 0.3)) {
      expect(
        rel(phononHeatSuperconductor(al, Te, Tb), direct.get(`${Te},${Tb}`)!),
        `T_e=${Te}, T_b=${Tb}`,
      ).toBeLessThan(1e-6);
    }
  });

  it('is exponentially smaller than the normal-state value for T_e ≪ Tc: ratio ≤ 10·e^{−Δ/k_BT_e}', () => {
    for (const Te of [0.15, 0.2, 0.3, 0.4]) {
      const ratio = phononHeatSuperconductor(al, Te, 0.01) / normalState(al, Te, 0.01);
      const boltzmann = Math.exp(-gap(Te, al.Tc) / (kB * Te));
      expect(ratio, `T_e=${Te}`).toBeGreaterThan(0);
      expect(ratio, `T_e=${Te}`).toBeLessThan(10 * boltzmann);
    }
    // Below ~0.15 K the Dynes in-gap states take over (docs/model.md §4): at 0.1 K the ratio is above the
    // Boltzmann factor (e^{−21} ≈ 6e-10) but still ≲ 1e-6.
    const at100mK = phononHeatSuperconductor(al, 0.1, 0.01) / normalState(al, 0.1, 0.01);
    expect(at100mK).toBeGreaterThan(Math.exp(-gap(0.1, al.Tc) / (kB * 0.1)));
    expect(at100mK).toBeLessThan(1e-5);
    // and the direct path says the same at 0.15 K (ratio ~2e-7 vs e^{−14.1} ≈ 7.5e-7)
    expect(direct.get('0.15,0.01')! / normalState(al, 0.15, 0.01)).toBeLessThan(
      10 * Math.exp(-gap(0.15, 1.2) / (kB * 0.15)),
    );
  });

  // Outside the crossover where thermal quasiparticles take over from the Dynes in-gap states
  // (T_e ≈ 0.09–0.17 Tc), J_ph,S > 0 for any T_b < T_e.
  it('is positive when T_e > T_b outside the in-gap/thermal crossover (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0.01, max: 0.09 * al.Tc, noNaN: true }),
          fc.double({ min: 0.17 * al.Tc, max: 1.19, noNaN: true }),
        ),
        // T_b/T_e ≤ 1 − 1e-9: closer, T_e⁵ − T_b⁵ itself rounds to 0 and the sign is not defined.
        fc.double({ min: 0, max: 1 - 1e-9, noNaN: true }),
        (Te, v) => phononHeatSuperconductor(al, Te, v * Te) > 0,
      ),
      { numRuns: 300 },
    );
  });

  // A property of the model, not of the numerics: with Dynes in-gap states the coherence factor
  // 1 − Δ²/(EE′) is large and negative for two in-gap energies of one sign, and in the crossover these
  // terms outweigh the thermal ones when T_b is close to T_e. Both paths agree on the sign.
  it('turns negative in the crossover for T_b close to T_e (T_e = 0.127 Tc, T_b = 0.99 T_e), by both paths', () => {
    const Te = 0.127 * al.Tc;
    const Tb = 0.99 * Te;
    const direct = phononHeatSuperconductorDirect(al, Te, Tb);
    expect(direct).toBeLessThan(0);
    expect(phononHeatSuperconductor(al, Te, Tb)).toBeLessThan(0);
    expect(phononHeatSuperconductor(al, Te, 0.5 * Te)).toBeGreaterThan(0);
  });

  it('is continuous across the table edge at Tc (T_e = Tc ± 1e-6 K), approaching the normal-state value', () => {
    const below = phononHeatSuperconductor(al, al.Tc - 1e-6, 0.3);
    const above = phononHeatSuperconductor(al, al.Tc + 1e-6, 0.3);
    expect(rel(below, above)).toBeLessThan(1e-3);
    expect(rel(above, normalState(al, al.Tc + 1e-6, 0.3))).toBeLessThan(1e-7);
  });
});

describe('tanhDifference', () => {
  // For |x − y| ≥ 1e-3. Closer arguments are not needed by the kernel (its e′ grid starts at 1e-4·t_e,
  // where the e′² weight makes the contribution negligible); there tanhDifference's e^{d−s} − e^{−d−s}
  // cancels to a relative error ~ε/|x − y|, like the naive form.
  const arg = (m: number): fc.Arbitrary<number> => fc.double({ min: -m, max: m, noNaN: true });

  it('equals the naive tanh x − tanh y where that is accurate (fast-check, 500 runs)', () => {
    // Naive rounding ~2ε(|tanh x| + |tanh y|) absolute; tanhDifference's ~4ε·|result|/|x − y|. The
    // example was 3.6e-15 off (|result| > 2) while |x| and |y| were subtracted one by one.
    fc.assert(
      fc.property(arg(5), arg(5), (x, y) => {
        if (Math.abs(x - y) < 1e-3) return true;
        const naive = Math.tanh(x) - Math.tanh(y);
        const bound =
          4 * EPS * (Math.abs(Math.tanh(x)) + Math.abs(Math.tanh(y))) +
          (4 * EPS * Math.abs(naive)) / Math.abs(x - y);
        return Math.abs(tanhDifference(x, y) - naive) <= bound;
      }),
      { numRuns: 500, examples: [[-45.704459501794524, 16.651406683183712]] },
    );
  });

  it('equals sinh(x − y)/(cosh x cosh y), also in the tails where the naive form is 0 (fast-check, 500 runs)', () => {
    fc.assert(
      fc.property(arg(300), arg(300), (x, y) => {
        const d = Math.abs(x - y);
        const exact = Math.sinh(x - y) / (Math.cosh(x) * Math.cosh(y));
        if (d < 1e-3 || exact === 0 || !Number.isFinite(exact)) return true;
        // exp of arguments up to ~600 carries a relative error ~ε·600; plus the small-d cancellation
        return rel(tanhDifference(x, y), exact) <= 1e-13 + 4 * EPS * (d + 1 / d);
      }),
      { numRuns: 500 },
    );
    expect(Math.tanh(30) - Math.tanh(31)).toBe(0);
    expect(rel(tanhDifference(30, 31), 2 * Math.exp(-62) - 2 * Math.exp(-60))).toBeLessThan(1e-12);
  });
});

describe('J_ph,S tables for other γ', () => {
  it('the γ = 1e-3 table agrees with the direct path (≤ 1e-7) and records a build error ≤ 1e-7', () => {
    expect(TABULATED_PHONON_GAMMAS).toContain(1e-3);
    const sc = { ...al, gamma: 1e-3 };
    for (const [Te, Tb] of [
      [0.6, 0.3],
      [0.2, 0.01],
    ]) {
      expect(
        rel(phononHeatSuperconductor(sc, Te, Tb), phononHeatSuperconductorDirect(sc, Te, Tb)),
      ).toBeLessThan(1e-7);
    }
    expect(table1e3.maxRelativeError).toBeLessThan(1e-7);
  });
});
