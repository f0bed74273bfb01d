/**
 * Real photon lines (src/physics/photonic-line.ts) in the cases the reference points do not reach: a
 * purely resistive line (no inductance) is a real line, with J_γ that of its circuit (R_ℓ = 2 R_line, both
 * lines in series) by direct quadrature of τ(ω); and a line at T = 0 (which emits nothing) in the closed
 * form, against the direct quadrature; and the corners of the line elements accepted (PHOTON_LINE_RANGE:
 * 1e-20 H to 1 mH, 0 or 1e-20 Ω to 1 GΩ per line), closed form against the direct quadrature; and circuits next to
 * critical damping, where two poles nearly coincide and the partial fractions cancel: the closed form must
 * still meet its 1e-11 there (it hands over to the quadrature when the cancellation is too large).
 */
import { describe, expect, it } from 'vitest';
import { PHOTON_LINE_RANGE, photonicHeatCurrent, platformDevice, type Device } from '../../src/index.js';
import {
  hasRealLine,
  lineCircuit,
  lineHeatCurrents,
  lineHeatCurrentsDirect,
  lineHeatCurrentsOfCircuit,
} from '../../src/physics/photonic-line.js';

const ag = platformDevice('ag');
const withLine = (L: number, R: number): Device => ({ ...ag, line: { inductance: L, resistance: R } });
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('a resistive line without inductance', () => {
  it('is a real line: J_γ is its circuit’s (R_ℓ = 2 R_line) by quadrature, to 1e-11, and not the paper’s', () => {
    for (const R of [1, 100, 1e4]) {
      const d = withLine(0, R);
      expect(hasRealLine(d)).toBe(true);
      for (const [TL, TR] of [
        [0.5, 0.1],
        [0.3, 0.45],
      ]) {
        const c = { ...lineCircuit(ag, TL, TR), L: 0, Rline: 2 * R };
        const ref = lineHeatCurrentsDirect(c, TL, TR, d.Tbath);
        const J = lineHeatCurrents(d, TL, TR);
        expect(rel(J.leftOut, ref.leftOut), `R = ${R} Ω, (${TL}, ${TR}) K`).toBeLessThan(1e-11);
        expect(rel(J.rightIn, ref.rightIn), `R = ${R} Ω, (${TL}, ${TR}) K`).toBeLessThan(1e-11);
        expect(rel(J.exchange, ref.exchange), `R = ${R} Ω, (${TL}, ${TR}) K`).toBeLessThan(1e-11);
        // The line takes heat from both reservoirs: J_γ leaving the left differs from the paper's.
        expect(rel(J.leftOut, photonicHeatCurrent(ag, TL, TR))).toBeGreaterThan(1e-6);
      }
    }
  });
});

describe('a line at T = 0', () => {
  it('closed form against the direct quadrature: 1e-11 relative, and the cold line takes heat from both sides', () => {
    for (const [L, R] of [
      [1e-8, 10],
      [0, 100],
      [1e-9, 1000],
    ]) {
      for (const [TL, TR] of [
        [0.5, 0.2],
        [0.3, 0.45],
      ]) {
        const c = lineCircuit(withLine(L, R), TL, TR);
        const J = lineHeatCurrentsOfCircuit(c, TL, TR, 0);
        const ref = lineHeatCurrentsDirect(c, TL, TR, 0);
        const where = `L = ${L} H, R = ${R} Ω, (${TL}, ${TR}) K`;
        expect(rel(J.leftOut, ref.leftOut), where).toBeLessThan(1e-11);
        expect(rel(J.rightIn, ref.rightIn), where).toBeLessThan(1e-11);
        expect(rel(J.exchange, ref.exchange), where).toBeLessThan(1e-11);
        // Heat into the line from the left, out of the right into the line.
        expect(J.leftOut - J.exchange, where).toBeGreaterThan(0);
        expect(J.rightIn - J.exchange, where).toBeLessThan(0);
      }
    }
  });
});

describe('the corners of the accepted line elements', () => {
  it('closed form of the device (lineHeatCurrents) against the direct quadrature of its circuit: 1e-11 relative', () => {
    const { inductanceMin, inductanceMax, resistanceMax } = PHOTON_LINE_RANGE;
    for (const L of [0, inductanceMin, 1e-9, inductanceMax]) {
      for (const R of [0, 1e-3, resistanceMax]) {
        if (L === 0 && R === 0) continue;
        const d = withLine(L, R);
        for (const [TL, TR] of [
          [0.5, 0.1],
          [0.1, 0.05],
          [1.1, 0.9],
        ]) {
          const J = lineHeatCurrents(d, TL, TR);
          const ref = lineHeatCurrentsDirect(lineCircuit(d, TL, TR), TL, TR, d.Tbath);
          const where = `L = ${L} H, R = ${R} Ω, (${TL}, ${TR}) K`;
          expect(rel(J.leftOut, ref.leftOut), where).toBeLessThan(1e-11);
          expect(rel(J.rightIn, ref.rightIn), where).toBeLessThan(1e-11);
          expect(rel(J.exchange, ref.exchange), where).toBeLessThan(1e-11);
        }
      }
    }
  });
});

describe('next to critical damping (two poles nearly coincident)', () => {
  it('closed form against the direct quadrature: 1e-11 relative at L = L_c(1 ± 10^k), k = −15 … −4', () => {
    // R_L = R_R = R and C_L = C_R = C: P(s) = (1 + sRC)(2R + sL(1 + sRC)), whose quadratic factor has a
    // double root at L_c = 8R·RC. And an asymmetric circuit whose cubic has a double root near 2.8 µH.
    const circuits = [
      { RL: 500, RR: 500, CL: 5e-15, CR: 5e-15, Lc: 8 * 500 * 500 * 5e-15 },
      { RL: 1116.2017648525614, RR: 7891.3479889538485, CL: 5e-15, CR: 1e-14, Lc: 2.8e-6 },
    ];
    let worst = 0;
    for (const { Lc, ...rc } of circuits) {
      for (let k = -15; k <= -4; k += 0.5) {
        for (const sign of [1, -1]) {
          const c = { ...rc, L: Lc * (1 + sign * 10 ** k), Rline: 0 };
          for (const [TL, TR, Tline] of [
            [0.5, 0.1, 0.01],
            [0.2, 0.4, 0.05],
          ]) {
            const J = lineHeatCurrentsOfCircuit(c, TL, TR, Tline);
            const ref = lineHeatCurrentsDirect(c, TL, TR, Tline);
            for (const key of ['leftOut', 'rightIn', 'exchange'] as const) {
              const err = rel(J[key], ref[key]);
              worst = Math.max(worst, err);
              expect(err, `L = ${c.L} H, ${key}, (${TL}, ${TR}) K`).toBeLessThan(1e-11);
            }
          }
        }
      }
    }
    expect(worst).toBeGreaterThan(0); // the closed form was used at some of the points
  });

  it('with a lossy line at T = 0 (whose channels alone do not cancel): 1e-11 relative', () => {
    // Symmetric circuit with R_ℓ: the quadratic factor L·RC s² + (L + R_ℓ RC) s + 2R + R_ℓ has a double
    // root where (L + R_ℓ RC)² = 4L·RC(2R + R_ℓ).
    const [R, C] = [500, 5e-15];
    const t = R * C;
    for (const Rline of [10, 100]) {
      const Lc = t * (4 * R + Rline + Math.sqrt((4 * R + Rline) ** 2 - Rline ** 2));
      for (const k of [-12, -11, -10, -9]) {
        const c = { RL: R, RR: R, CL: C, CR: C, L: Lc * (1 + 10 ** k), Rline };
        const J = lineHeatCurrentsOfCircuit(c, 0.5, 0.1, 0);
        const ref = lineHeatCurrentsDirect(c, 0.5, 0.1, 0);
        for (const key of ['leftOut', 'rightIn', 'exchange'] as const)
          expect(rel(J[key], ref[key]), `R_ℓ = ${Rline} Ω, L = ${c.L} H, ${key}`).toBeLessThan(1e-11);
      }
    }
  });
});
