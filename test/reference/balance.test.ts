/**
 * Steady-state roots T_L of F = J_in − J_γ − J_ph,N − J_ph,S (paper Eq. 5, docs/model.md §6) against references:
 * test/fixtures/balance.json (both platforms of docs/model.md §5, setups 1 and 2) and balance-extra.json (three
 * roots in the bistable window of docs/bistability.md, T_bath of 50 and 100 mK, χ = 0.5 and 5, γ = 1e-3 and
 * 1e-5, c = 20 and 100 fF/µm²). Stated accuracy: every root to 1 nK (with J_ph,S from the γ family:
 * 1 nK plus what the family's own bound allows, see familyBound), no root missing or extra, and the
 * same stability (docs/accuracy.md); dF/dT_L is checked to 1e-6 relative and dT_L/dT_R to
 * 1e-6 × max(|dT_L/dT_R|, 1) (the reference's central differences are good to ~1e-8 of the terms involved).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TABULATED_PHONON_GAMMAS,
  loadPhononFamily,
  phononHeatSuperconductor,
  platformDevice,
  solveBalance,
  withJunctionParameters,
  type Device,
  type PlatformName,
  type Setup,
} from '../../src/index.js';
import { ErrorTally, loadFixture, relativeError } from './fixture.js';

interface RootRef {
  TL: number;
  TLAbsError: number;
  stable: boolean;
  dF_dTL: number;
  dTL_dTR: number;
}

interface Problem {
  platform: PlatformName;
  setup: Setup;
  Jin: number;
  TR: number;
  Tbath: number;
  /** balance-extra.json: γ, χ and c of both reservoirs (absent: the paper's) */
  gamma?: number;
  chi?: number;
  c?: number;
  roots: RootRef[];
  exceedsTc: boolean;
}

const paper = loadFixture<{ problems: Problem[] }>('balance.json');
const extra = loadFixture<{ problems: Problem[]; meta: { partial?: boolean } }>('balance-extra.json');
const problems = [...paper.problems, ...extra.problems];
const ROOT_TOL = 1e-9; // K
const DERIVATIVE_TOL = 1e-6;

/**
 * With a γ that has no shipped J_ph,S table (here 1e-5), J_ph,S comes from the γ family, whose stated
 * accuracy is |Δρ| ≤ 2e-6 · max(1, |ρ|) of the normal-state value Σ_S V_S (T_L⁵ − T_b⁵) (1e-7 for
 * γ ≥ 1e-4, docs/accuracy.md). That error moves a root by up to |ΔJ_ph,S|/|∂F/∂T_L|, which can exceed
 * 1 nK where ∂F/∂T_L is small (7.4 nK measured, 45 nK allowed at γ = 1e-5, setup 2, T_R = T_bath =
 * 0.3 K; 30 nK measured, 210 nK allowed at the hot root of γ = 1e-5, J_in = 1e-17 W, T_R = 0.7 K).
 * For such problems the root tolerance is 1 nK plus that bound; the 1 nK of the shipped tables is not
 * claimed there. Likewise ∂F/∂T_L (and dT_L/dT_R, its ratio) may be off by the family's bound on the
 * T_L-derivative of the normal-state scale, 2e-6 · max(1, |ρ|) · 5 Σ_S V_S T_L⁴, beyond the 1e-6
 * relative of the shipped tables (measured 1.25e-6 relative at that hot root, where the extra allowance
 * is 2.6e-6).
 */
function familyBound(p: Problem, r: RootRef): { root: number; derivative: number } {
  if (p.gamma === undefined || TABULATED_PHONON_GAMMAS.includes(p.gamma)) return { root: 0, derivative: 0 };
  const sc = deviceOf(p).left.superconductor;
  const normal = sc.Sigma * sc.volume * (r.TL ** 5 - p.Tbath ** 5);
  const rho = phononHeatSuperconductor(sc, r.TL, p.Tbath) / normal;
  const family = (p.gamma >= 1e-4 ? 1e-7 : 2e-6) * Math.max(1, Math.abs(rho));
  return {
    root: (family * Math.abs(normal)) / Math.abs(r.dF_dTL),
    // the same bound on the T_L-derivative of the normal-state scale, 5 Σ_S V_S T_L⁴, relative to ∂F/∂T_L
    derivative: (family * 5 * sc.Sigma * sc.volume * r.TL ** 4) / Math.abs(r.dF_dTL),
  };
}

const deviceOf = (p: Problem): Device =>
  withJunctionParameters(platformDevice(p.platform), { gamma: p.gamma, chi: p.chi, c: p.c });
const solve = (p: Problem) =>
  solveBalance(deviceOf(p), {
    Jin: p.Jin,
    TR: p.TR,
    setup: p.setup,
    Tbath: p.setup === 1 ? p.Tbath : undefined,
  });

const label = (p: Problem): string =>
  `${p.platform}, setup ${p.setup}, J_in=${p.Jin} W, T_R=${p.TR} K, T_bath=${p.Tbath} K` +
  (p.gamma !== undefined ? `, γ=${p.gamma}, χ=${p.chi}, c=${p.c} F/m²` : '');

// γ = 1e-5 is not one of the shipped J_ph,S tables: the library takes it from the γ family.
beforeAll(async () => {
  await loadPhononFamily();
});

describe('steady-state roots against the mpmath reference', () => {
  it('the fixtures cover both platforms, both setups, a case beyond Tc, three roots and other T_bath, χ, γ, c, with errors far below 1 nK', () => {
    const kinds = new Set(paper.problems.map((p) => `${p.platform}/${p.setup}`));
    expect(kinds).toEqual(new Set(['ag/1', 'ag/2', 'inas/1', 'inas/2']));
    expect(paper.problems.some((p) => p.exceedsTc && p.roots.length === 0)).toBe(true);
    expect(extra.meta.partial).toBe(false);
    // the bistable window: three roots, stable–unstable–stable
    const three = extra.problems.filter((p) => p.roots.length === 3);
    expect(three.length).toBeGreaterThanOrEqual(3);
    for (const p of three)
      expect(
        p.roots.map((r) => r.stable),
        label(p),
      ).toEqual([true, false, true]);
    expect(new Set(extra.problems.map((p) => p.Tbath))).toEqual(new Set([0.01, 0.05, 0.1, 0.2, 0.3]));
    expect(new Set(extra.problems.map((p) => p.chi))).toEqual(new Set([0.5, 2, 5]));
    expect(new Set(extra.problems.map((p) => p.gamma))).toEqual(new Set([1e-5, 1e-4, 1e-3]));
    expect(new Set(extra.problems.map((p) => p.c))).toEqual(new Set([0.02, 0.05, 0.1]));
    for (const p of problems) {
      if (p.setup === 2) expect(p.Tbath, label(p)).toBe(p.TR);
      else if (p.gamma === undefined) expect(p.Tbath, label(p)).toBe(0.01);
      for (const r of p.roots) expect(r.TLAbsError, label(p)).toBeLessThan(ROOT_TOL / 10);
    }
  });

  it(`solveBalance finds every reference root to ${ROOT_TOL} K (γ family: plus its bound), with the same stability`, () => {
    const tally = new ErrorTally('solveBalance T_L');
    for (const p of problems) {
      try {
        const sol = solve(p);
        if (sol.exceedsTc !== p.exceedsTc) {
          tally.add(label(p), Infinity, ROOT_TOL, `exceedsTc ${sol.exceedsTc}, reference ${p.exceedsTc}`);
        }
        if (sol.roots.length !== p.roots.length) {
          const got = sol.roots.map((r) => r.TL).join(', ');
          const want = p.roots.map((r) => r.TL).join(', ');
          tally.add(label(p), Infinity, ROOT_TOL, `roots [${got}], reference [${want}]`);
          continue;
        }
        p.roots.forEach((ref, i) => {
          const r = sol.roots[i];
          const err = Math.abs(r.TL - ref.TL);
          const tol = ROOT_TOL + familyBound(p, ref).root;
          tally.add(
            `${label(p)}, root ${i}`,
            err,
            tol,
            `library T_L=${r.TL} K, reference ${ref.TL} K, |ΔT_L| ${err.toExponential(2)} K`,
          );
          if (r.stable !== ref.stable) {
            tally.add(`${label(p)}, root ${i}`, Infinity, tol, `stable=${r.stable}, reference ${ref.stable}`);
          }
        });
      } catch (e) {
        tally.threw(label(p), e);
      }
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });

  it(`∂F/∂T_L and dT_L/dT_R at each root within ${DERIVATIVE_TOL} relative (γ family: plus its bound)`, () => {
    const tally = new ErrorTally('solveBalance derivatives');
    for (const p of problems) {
      try {
        const sol = solve(p);
        p.roots.forEach((ref, i) => {
          const r = sol.roots[i];
          if (!r) return tally.add(`${label(p)}, root ${i}`, Infinity, DERIVATIVE_TOL, 'root missing');
          const tol = DERIVATIVE_TOL + familyBound(p, ref).derivative;
          const e1 = relativeError(r.dF_dTL, ref.dF_dTL);
          tally.add(
            `${label(p)}, root ${i}, dF/dT_L`,
            e1,
            tol,
            `library ${r.dF_dTL} W/K, reference ${ref.dF_dTL} W/K`,
          );
          // dT_L/dT_R is a ratio whose numerator cancels in setup 2 (J_γ against J_ph's T_b dependence);
          // its error is measured against max(|dT_L/dT_R|, 1), the scale of full thermal coupling.
          const e2 = Math.abs(r.dTL_dTR - ref.dTL_dTR) / Math.max(Math.abs(ref.dTL_dTR), 1);
          tally.add(
            `${label(p)}, root ${i}, dT_L/dT_R`,
            e2,
            tol,
            `library ${r.dTL_dTR}, reference ${ref.dTL_dTR}`,
          );
        });
      } catch (e) {
        tally.threw(label(p), e);
      }
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });
});
