/**
 * Thermal transistor: the linear-response amplification α = ∂J_γ/∂J_gate against a central difference
 * of full setup-3 solves (independent: no Jacobian), and |α| > 1 where NDTC acts.
 */
import { describe, expect, it } from 'vitest';
import {
  photonicHeatCurrent,
  platformDevice,
  solveTwoReservoirs,
  transistorResponse,
} from '../../src/index.js';

const ag = platformDevice('ag');

/** J_γ at the steady state nearest (T_L, T_R) for gate power JinR. */
function outputAt(JinL: number, JinR: number, TL: number, TR: number): { J: number; TL: number; TR: number } {
  const roots = solveTwoReservoirs(ag, { JinL, JinR }).roots;
  const s = roots.reduce((best, r) =>
    Math.hypot(r.TL - TL, r.TR - TR) < Math.hypot(best.TL - TL, best.TR - TR) ? r : best,
  );
  return { J: photonicHeatCurrent(ag, s.TL, s.TR), TL: s.TL, TR: s.TR };
}

describe('transistor response', () => {
  for (const [JinL, JinR] of [
    [20e-15, 0.5e-15],
    [50e-15, 5e-15],
    [100e-15, 20e-15],
  ]) {
    it(`α and ∂T/∂J_gate match a central difference of the solve at J_in^L = ${JinL * 1e15} fW, J_gate = ${JinR * 1e15} fW (1e-4)`, () => {
      const [r] = transistorResponse(ag, { JinL, JinR });
      const h = 1e-3 * JinR;
      const up = outputAt(JinL, JinR + h, r.TL, r.TR);
      const down = outputAt(JinL, JinR - h, r.TL, r.TR);
      const alpha = (up.J - down.J) / (2 * h);
      const dTL = (up.TL - down.TL) / (2 * h);
      const dTR = (up.TR - down.TR) / (2 * h);
      // Scale: J_γ changes are compared with the gate change itself (α ~ 0.1–1).
      expect(Math.abs(r.alpha - alpha)).toBeLessThan(1e-4 * Math.max(1, Math.abs(alpha)));
      expect(Math.abs(r.dTRdJgate - dTR) / Math.abs(dTR)).toBeLessThan(1e-4);
      expect(Math.abs(r.dTLdJgate - dTL)).toBeLessThan(1e-4 * Math.abs(dTR));
    });
  }

  it('with NDTC at the state (κ_γ < 0), the gain exceeds one: |α| > 1 at J_in^L = 20 fW, no gate power', () => {
    const [r] = transistorResponse(ag, { JinL: 20e-15, JinR: 0 });
    expect(r.kappa).toBeLessThan(0);
    expect(Math.abs(r.alpha)).toBeGreaterThan(1);
  });

  it('without NDTC (κ_γ > 0), α < 0 and |α| < 1: heat added to the gate partly returns to the bath', () => {
    const [r] = transistorResponse(ag, { JinL: 100e-15, JinR: 20e-15 });
    expect(r.kappa).toBeGreaterThan(0);
    expect(r.alpha).toBeLessThan(0);
    expect(r.alpha).toBeGreaterThan(-1);
  });
});
