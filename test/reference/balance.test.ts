/**
 * Steady-state roots T_L of F = J_in − J_γ − J_ph,N − J_ph,S (paper Eq. 5, MODEL.md §6) against references
 * (test/fixtures/balance.json): both platforms of MODEL.md §5, setups 1 and 2. Stated accuracy: every root
 * to 1 nK, and no root missing or extra (docs/accuracy.md). Stability must agree; the derivatives
 * dF/dT_L is checked to 1e-6 relative and dT_L/dT_R to 1e-6 × max(|dT_L/dT_R|, 1) (the reference's central
 * differences are good to ~1e-8 of the terms involved).
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, solveBalance, type PlatformName, type Setup } from '../../src/index.js';
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
  roots: RootRef[];
  exceedsTc: boolean;
}

const fixture = loadFixture<{ problems: Problem[] }>('balance.json');
const ROOT_TOL = 1e-9; // K
const DERIVATIVE_TOL = 1e-6;

const label = (p: Problem): string =>
  `${p.platform}, setup ${p.setup}, J_in=${p.Jin} W, T_R=${p.TR} K, T_bath=${p.Tbath} K`;

describe('steady-state roots against the mpmath reference', () => {
  it('the fixture covers both platforms, both setups and a case beyond Tc, with errors far below 1 nK', () => {
    const kinds = new Set(fixture.problems.map((p) => `${p.platform}/${p.setup}`));
    expect(kinds).toEqual(new Set(['ag/1', 'ag/2', 'inas/1', 'inas/2']));
    expect(fixture.problems.some((p) => p.exceedsTc && p.roots.length === 0)).toBe(true);
    for (const p of fixture.problems) {
      expect(p.Tbath, label(p)).toBe(p.setup === 1 ? 0.01 : p.TR);
      for (const r of p.roots) expect(r.TLAbsError, label(p)).toBeLessThan(ROOT_TOL / 10);
    }
  });

  it(`solveBalance finds every reference root to ${ROOT_TOL} K, with the same stability`, () => {
    const tally = new ErrorTally('solveBalance T_L');
    for (const p of fixture.problems) {
      try {
        const device = platformDevice(p.platform);
        const sol = solveBalance(device, { Jin: p.Jin, TR: p.TR, setup: p.setup });
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
          tally.add(
            `${label(p)}, root ${i}`,
            err,
            ROOT_TOL,
            `library T_L=${r.TL} K, reference ${ref.TL} K, |ΔT_L| ${err.toExponential(2)} K`,
          );
          if (r.stable !== ref.stable) {
            tally.add(
              `${label(p)}, root ${i}`,
              Infinity,
              ROOT_TOL,
              `stable=${r.stable}, reference ${ref.stable}`,
            );
          }
        });
      } catch (e) {
        tally.threw(label(p), e);
      }
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });

  it(`∂F/∂T_L and dT_L/dT_R at each root within ${DERIVATIVE_TOL} relative`, () => {
    const tally = new ErrorTally('solveBalance derivatives');
    for (const p of fixture.problems) {
      try {
        const sol = solveBalance(platformDevice(p.platform), { Jin: p.Jin, TR: p.TR, setup: p.setup });
        p.roots.forEach((ref, i) => {
          const r = sol.roots[i];
          if (!r) return tally.add(`${label(p)}, root ${i}`, Infinity, DERIVATIVE_TOL, 'root missing');
          const e1 = relativeError(r.dF_dTL, ref.dF_dTL);
          tally.add(
            `${label(p)}, root ${i}, dF/dT_L`,
            e1,
            DERIVATIVE_TOL,
            `library ${r.dF_dTL} W/K, reference ${ref.dF_dTL} W/K`,
          );
          // dT_L/dT_R is a ratio whose numerator cancels in setup 2 (J_γ against J_ph's T_b dependence);
          // its error is measured against max(|dT_L/dT_R|, 1), the scale of full thermal coupling.
          const e2 = Math.abs(r.dTL_dTR - ref.dTL_dTR) / Math.max(Math.abs(ref.dTL_dTR), 1);
          tally.add(
            `${label(p)}, root ${i}, dT_L/dT_R`,
            e2,
            DERIVATIVE_TOL,
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
