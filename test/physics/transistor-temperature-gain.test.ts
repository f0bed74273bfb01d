/**
 * Thermal transistor: the temperature gain (∂T_L/∂J_gate)/(∂T_R/∂J_gate) against the ratio of central
 * differences of full setup-3 solves (independent: no Jacobian).
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, solveTwoReservoirs, transistorResponse } from '../../src/index.js';

const ag = platformDevice('ag');

/** The steady state nearest (T_L, T_R) for heaters JinL and JinR. */
function stateNear(JinL: number, JinR: number, TL: number, TR: number): { TL: number; TR: number } {
  return solveTwoReservoirs(ag, { JinL, JinR }).roots.reduce((best, r) =>
    Math.hypot(r.TL - TL, r.TR - TR) < Math.hypot(best.TL - TL, best.TR - TR) ? r : best,
  );
}

describe('transistor temperature gain', () => {
  it('= ΔT_L/ΔT_R of a central difference in J_gate at J_in^L = 50 fW, J_gate = 5 fW (3e-4·(1 + |gain|))', () => {
    const [JinL, JinR] = [50e-15, 5e-15];
    const [r] = transistorResponse(ag, { JinL, JinR });
    const h = 1e-3 * JinR;
    const up = stateNear(JinL, JinR + h, r.TL, r.TR);
    const down = stateNear(JinL, JinR - h, r.TL, r.TR);
    // each difference quotient is good to ~1e-4 of ∂T_R/∂J_gate (transistor.test.ts), hence the ratio's bound
    const gain = (up.TL - down.TL) / (up.TR - down.TR);
    expect(Math.abs(r.temperatureGain - gain)).toBeLessThan(3e-4 * (1 + Math.abs(gain)));
  });
});
