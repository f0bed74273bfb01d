/**
 * Real photon lines: the paper's path is used unchanged without a line, the closed form tends to the
 * paper's formula as L, R_ℓ → 0, energy bookkeeping of the three channels, κ_γ's difference stencil
 * against the analytic κ_γ, and the NDTC window against a scan of the analytic κ_γ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineCircuit,
  lineHeatCurrents,
  lineHeatCurrentsOfCircuit,
  lineTransmissions,
  ndtcWindow,
  photonicConductance,
  photonicConductanceThroughLine,
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
  photonicHeatCurrentThroughLine,
  platformDevice,
  InputError,
  type Device,
} from '../../src/index.js';

const ag = platformDevice('ag');
const withLine = (L: number, R: number): Device => ({ ...ag, line: { inductance: L, resistance: R } });
const temperature = fc.double({ min: 0.05, max: 0.9, noNaN: true });

describe('no line: the paper exactly', () => {
  it('J_γ and κ_γ are the bits of photonicHeatCurrent/photonicConductance, with or without a zero line', () => {
    fc.assert(
      fc.property(temperature, temperature, (TL, TR) => {
        for (const d of [ag, withLine(0, 0)]) {
          expect(photonicHeatCurrentThroughLine(d, TL, TR)).toBe(photonicHeatCurrent(ag, TL, TR));
          expect(photonicConductanceThroughLine(d, TL, TR)).toBe(photonicConductance(ag, TL, TR));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('the partial fractions at L = R_ℓ = 0 (one pole) agree with the paper’s quadrature to 1e-11', () => {
    for (const [TL, TR] of [
      [0.5, 0.1],
      [0.3, 0.45],
      [0.8, 0.02],
    ]) {
      const J = lineHeatCurrentsOfCircuit(lineCircuit(ag, TL, TR), TL, TR, ag.Tbath).leftOut;
      const ref = photonicHeatCurrentDirect(ag, TL, TR);
      expect(Math.abs(J - ref) / Math.abs(ref)).toBeLessThan(1e-11);
    }
  });

  it('a vanishing line tends to the paper: L = 1e-18 H, R_ℓ = 1e-9 Ω change J_γ by < 1e-8', () => {
    const J0 = photonicHeatCurrent(ag, 0.5, 0.2);
    const J = photonicHeatCurrentThroughLine(withLine(1e-18, 1e-9), 0.5, 0.2);
    expect(Math.abs(J - J0) / J0).toBeLessThan(1e-8);
    expect(J).not.toBe(J0); // the line path was taken
  });
});

describe('lossy line bookkeeping', () => {
  it('τ_LR + τ_Lℓ ≤ 1 and τ_LR + τ_Rℓ ≤ 1 at every frequency (a passive circuit)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e-6, noNaN: true }),
        // R_ℓ of two lines: 0 or from 2e-20 Ω (PHOTON_LINE_RANGE).
        fc.oneof(fc.constant(0), fc.double({ min: 2e-20, max: 1e4, noNaN: true })),
        fc.double({ min: 1e8, max: 1e13, noNaN: true }),
        temperature,
        temperature,
        (L, R, omega, TL, TR) => {
          const t = lineTransmissions({ ...lineCircuit(ag, TL, TR), L, Rline: R }, omega);
          expect(t.leftRight + t.leftLine).toBeLessThanOrEqual(1 + 1e-12);
          expect(t.leftRight + t.rightLine).toBeLessThanOrEqual(1 + 1e-12);
          expect(t.leftRight).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('all three reservoirs at one temperature: no heat flows', () => {
    const d = { ...withLine(1e-8, 50), Tbath: 0.3 };
    const J = lineHeatCurrents(d, 0.3, 0.3);
    const scale = Math.abs(lineHeatCurrents(d, 0.5, 0.3).leftOut);
    for (const v of [J.leftOut, J.rightIn, J.exchange]) expect(Math.abs(v)).toBeLessThan(1e-12 * scale);
  });

  it('a line colder than both reservoirs takes heat: leftOut − rightIn > 0', () => {
    const J = lineHeatCurrents(withLine(1e-9, 20), 0.5, 0.3);
    expect(J.leftOut - J.rightIn).toBeGreaterThan(0);
  });
});

describe('κ_γ through a line', () => {
  it('the fourth-order difference stencil matches the analytic κ_γ to 1e-8 (tiny line: same function)', () => {
    // L = 1e-20 H, R_ℓ = 1e-12 Ω shift J_γ by < 1e-11: the stencil's own error is what is measured.
    const d = withLine(1e-20, 1e-12);
    for (const [TL, TR] of [
      [0.5, 0.1],
      [0.5, 0.25],
      [0.5, 0.45],
      [0.3, 0.2],
    ]) {
      const k = photonicConductanceThroughLine(d, TL, TR);
      const ref = photonicConductance(ag, TL, TR);
      const scale = Math.max(Math.abs(ref), (1e-3 * Math.abs(photonicHeatCurrent(ag, TL, TR))) / TR);
      expect(Math.abs(k - ref) / scale, `T_L = ${TL}, T_R = ${TR}`).toBeLessThan(1e-8);
    }
  });

  it('NDTC window without a line: edges where the analytic κ_γ changes sign', () => {
    const [w] = ndtcWindow(ag, 0.5, 0.02, 0.49, 40);
    for (const edge of [w.from, w.to]) {
      expect(
        photonicConductance(ag, 0.5, edge * (1 - 1e-6)) * photonicConductance(ag, 0.5, edge * (1 + 1e-6)),
      ).toBeLessThan(0);
    }
    expect(photonicConductance(ag, 0.5, 0.5 * (w.from + w.to))).toBeLessThan(0);
  });

  it('an inductance of 50 nH per line narrows the window at T_L = 500 mK (LC resonance below the thermal band)', () => {
    const [w0] = ndtcWindow(ag, 0.5, 0.02, 0.49, 40);
    const [w] = ndtcWindow(withLine(25e-9, 0), 0.5, 0.02, 0.49, 40);
    expect(w.to - w.from).toBeLessThan(w0.to - w0.from);
  });
});

describe('bad input', () => {
  it('a negative line resistance is an InputError naming it', () => {
    expect(() => photonicHeatCurrentThroughLine(withLine(0, -1), 0.5, 0.2)).toThrow(InputError);
    expect(() => photonicHeatCurrentThroughLine(withLine(0, -1), 0.5, 0.2)).toThrow(
      /device\.line\.resistance/,
    );
  });
});
