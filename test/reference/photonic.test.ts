/**
 * J_γ and κ_γ = −∂J_γ/∂T_R against mpmath references (test/fixtures/photonic.json, docs/model.md §3).
 *
 * Tolerances (docs/accuracy.md): 1e-10 relative for |T_L − T_R| ≥ 5 mK. Closer to the diagonal J_γ is a
 * difference of two thermal terms of size Jscale = τ0·max(I(a,T_L), I(a,T_R)) that cancel, so there the
 * error is bounded absolutely by 1e-10·Jscale. κ_γ likewise crosses zero at the maximum of J_γ, where its
 * thermal part τ0·|∂I/∂T(a,T_R)| (kappaScale) cancels the dR_R/dT_R part; its error is bounded by
 * 1e-10·max(|κ_γ|, kappaScale), which is the relative bound wherever κ_γ is not itself cancelling.
 */
import { describe, expect, it } from 'vitest';
import {
  photonicConductance,
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
  platformDevice,
  withJunctionParameters,
  type Device,
} from '../../src/index.js';
import { ErrorTally, loadFixture } from './fixture.js';

interface Point {
  TL: number;
  TR: number;
  region: string;
  nearDiagonal: boolean;
  Tc: number;
  gamma: number;
  r0: number;
  c: number;
  chi: number;
  areaLeft: number;
  J: number;
  JAbsError: number;
  Jscale: number;
  kappa: number;
  kappaAbsError: number;
  kappaScale: number;
  z_L: number;
}

const fixture = loadFixture<{ points: Point[] }>('photonic.json');
const TOL = 1e-10;

function deviceOf(p: Point): Device {
  const { Tc, gamma, r0, c, chi } = p;
  return withJunctionParameters(platformDevice('ag'), { Tc, gamma, r0, c, chi });
}

const label = (p: Point): string =>
  `T_L=${p.TL} K, T_R=${p.TR} K, χ=${p.chi}, γ=${p.gamma}, c=${p.c} F/m², r0=${p.r0} Ω·m², Tc=${p.Tc} K [${p.region}]`;

function checkJ(what: string, f: (d: Device, TL: number, TR: number) => number): ErrorTally {
  const tally = new ErrorTally(what);
  for (const p of fixture.points) {
    try {
      const v = f(deviceOf(p), p.TL, p.TR);
      const scale = p.nearDiagonal ? p.Jscale : Math.abs(p.J);
      const err = Math.abs(v - p.J) / scale;
      const kind = p.nearDiagonal ? 'error/Jscale' : 'relative error';
      tally.add(label(p), err, TOL, `library ${v} W, reference ${p.J} W, ${kind} ${err.toExponential(2)}`);
    } catch (e) {
      tally.threw(label(p), e);
    }
  }
  return tally;
}

describe('photonic heat current against the mpmath reference', () => {
  it('the fixture spans χ, γ, c, r0, near-Tc, Γ-limited and near-diagonal points, with small reference errors', () => {
    const pts = fixture.points;
    expect(new Set(pts.map((p) => p.chi))).toEqual(new Set([0.5, 1, 2, 5, 10]));
    expect(pts.some((p) => p.nearDiagonal)).toBe(true);
    expect(pts.some((p) => p.TL < p.TR)).toBe(true);
    for (const p of pts) {
      expect(Math.abs(p.TL - p.TR) < 5e-3, label(p)).toBe(p.nearDiagonal);
      expect(p.JAbsError / (p.nearDiagonal ? p.Jscale : Math.abs(p.J)), label(p)).toBeLessThan(TOL / 20);
      expect(p.kappaAbsError / Math.max(Math.abs(p.kappa), p.kappaScale), label(p)).toBeLessThan(TOL / 20);
    }
  });

  it(`photonicHeatCurrent within ${TOL} (relative; ×Jscale near the diagonal)`, () => {
    const t = checkJ('photonicHeatCurrent', photonicHeatCurrent);
    expect(t.failed, t.summary()).toBe(0);
  });

  it(`photonicHeatCurrentDirect within ${TOL} (relative; ×Jscale near the diagonal)`, () => {
    const t = checkJ('photonicHeatCurrentDirect', photonicHeatCurrentDirect);
    expect(t.failed, t.summary()).toBe(0);
  });

  it(`photonicConductance κ_γ within ${TOL} × max(|κ_γ|, kappaScale)`, () => {
    const tally = new ErrorTally('photonicConductance');
    for (const p of fixture.points) {
      try {
        const v = photonicConductance(deviceOf(p), p.TL, p.TR);
        const scale = Math.max(Math.abs(p.kappa), p.kappaScale);
        const err = Math.abs(v - p.kappa) / scale;
        tally.add(
          label(p),
          err,
          TOL,
          `library ${v} W/K, reference ${p.kappa} W/K, error/scale ${err.toExponential(2)}`,
        );
      } catch (e) {
        tally.threw(label(p), e);
      }
    }
    expect(tally.failed, tally.summary()).toBe(0);
  });

  it('NDTC is present in the reference where the paper puts it (T_L = 0.5 K, χ = 2, T_R = 0.2–0.3 K)', () => {
    // Guards the fixture itself: a sign error in κ_γ or in the T_R dependence of R_R would flip this.
    const ndtc = fixture.points.filter(
      (p) => p.region === 'fig2' && p.chi === 2 && p.TR >= 0.2 && p.TR <= 0.3,
    );
    expect(ndtc.length).toBeGreaterThan(0);
    for (const p of ndtc) expect(p.kappa, label(p)).toBeLessThan(0);
  });
});
