/**
 * Thermal diode: forward and reverse currents against direct quadrature, the symmetric pair, the
 * mirrored pair and the matched-load limit where R = τ0,fwd/τ0,rev exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mirrored,
  photonicHeatCurrent,
  photonicHeatCurrentDirect,
  reservoirPhononHeat,
  steadyStateRectification,
  platformDevice,
  rectification,
  withChi,
  withJunctionParameters,
  withRightReservoir,
  InputError,
  type Device,
} from '../../src/index.js';

const ag = platformDevice('ag');
/** Right superconductor with its own Tc and γ. */
const asymmetric = (chi: number, TcR: number, gammaR: number): Device =>
  withRightReservoir(withChi(ag, chi), (r) => ({
    ...r,
    superconductor: { ...r.superconductor, Tc: TcR, gamma: gammaR },
  }));

describe('rectification', () => {
  it('forward and reverse against direct quadrature of the paper’s integral (1e-10)', () => {
    for (const d of [ag, asymmetric(5, 1.5, 1e-3), asymmetric(0.5, 1.0, 1e-5)]) {
      const r = rectification(d, 0.6, 0.2);
      const fwd = photonicHeatCurrentDirect(d, 0.6, 0.2);
      const rev = -photonicHeatCurrentDirect(d, 0.2, 0.6);
      expect(Math.abs(r.forward - fwd) / fwd).toBeLessThan(1e-10);
      expect(Math.abs(r.reverse - rev) / rev).toBeLessThan(1e-10);
      expect(Math.abs(r.ratio - fwd / rev) / (fwd / rev)).toBeLessThan(2e-10);
    }
  });

  it('a symmetric pair (χ = 1, same materials) does not rectify: R = 1', () => {
    const d = withChi(ag, 1);
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.6, noNaN: true }),
        (Tcold, dT) => {
          const r = rectification(d, Tcold + dT, Tcold);
          expect(Math.abs(r.ratio - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the heat reaching the cold side: all of it with ideal lines, less by what a lossy line absorbs', () => {
    const d = asymmetric(3, 1.4, 1e-3);
    const ideal = rectification(d, 0.5, 0.1);
    expect(ideal.forwardReceived).toBe(ideal.forward);
    expect(ideal.reverseReceived).toBe(ideal.reverse);
    const withLine = (resistance: number): Device => ({ ...d, line: { inductance: 0, resistance } });
    // A line colder than both reservoirs (at T_bath) takes heat from the photons in either direction.
    const lossy = rectification(withLine(5), 0.5, 0.1);
    for (const [leaving, received] of [
      [lossy.forward, lossy.forwardReceived],
      [lossy.reverse, lossy.reverseReceived],
    ]) {
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(leaving);
    }
    // Seen from the other side, forward and reverse exchange roles.
    const other = rectification(mirrored(withLine(5)), 0.5, 0.1);
    expect(other.forwardReceived).toBeCloseTo(lossy.reverseReceived, 30);
    expect(Math.abs(other.forwardReceived / lossy.reverseReceived - 1)).toBeLessThan(1e-12);
    // A vanishing line loses a vanishing part.
    const faint = rectification(withLine(1e-6), 0.5, 0.1);
    expect(Math.abs(faint.forwardReceived / faint.forward - 1)).toBeLessThan(1e-5);
    expect(Math.abs(faint.forwardReceived / ideal.forward - 1)).toBeLessThan(1e-5);
  });

  it('the mirrored pair has the inverse ratio', () => {
    const d = asymmetric(3, 1.4, 1e-3);
    const r = rectification(d, 0.5, 0.1).ratio;
    expect(rectification(mirrored(d), 0.5, 0.1).ratio * r).toBeCloseTo(1, 12);
  });

  it('matched-load limit: R − τ0,fwd/τ0,rev vanishes as c² (the correction ∝ (k_BT/ħa)²)', () => {
    const deviation = (c: number): number => {
      const r = rectification(withJunctionParameters(asymmetric(5, 1.2, 1e-4), { c }), 0.6, 0.2);
      return r.ratio / (r.tau0Forward / r.tau0Reverse) - 1;
    };
    const d1 = deviation(1e-3);
    expect(Math.abs(d1)).toBeLessThan(5e-3);
    expect(deviation(2e-3) / d1).toBeGreaterThan(3.6);
    expect(deviation(2e-3) / d1).toBeLessThan(4.4);
    // The impedance mismatch alone decides the direction: the pair rectifies in this limit.
    const r = rectification(withJunctionParameters(asymmetric(5, 1.2, 1e-4), { c: 1e-3 }), 0.6, 0.2);
    expect(Math.abs(r.ratio - 1)).toBeGreaterThan(0.01);
  });

  it('steady state with heaters: R = 1 for a symmetric pair, 1/R for the mirrored pair, each state balanced', () => {
    const sym = steadyStateRectification(withChi(ag, 1), 10e-15);
    expect(sym.ratio).toBe(1);
    const d = withChi(ag, 2);
    const r = steadyStateRectification(d, 10e-15);
    expect(r.forward).toHaveLength(1);
    expect(r.reverse).toHaveLength(1);
    expect(steadyStateRectification(mirrored(d), 10e-15).ratio * r.ratio).toBeCloseTo(1, 12);
    // The forward state balances: the heater's 10 fW leave through J_γ and the left reservoir's phonons.
    const s = r.forward[0];
    expect(s.J).toBeCloseTo(photonicHeatCurrent(d, s.Thot, s.Tcold), 25);
    expect(Math.abs(10e-15 - s.J - reservoirPhononHeat(d.left, s.Thot, d.Tbath))).toBeLessThan(1e-9 * 10e-15);
    expect(Math.abs(s.J - reservoirPhononHeat(d.right, s.Tcold, d.Tbath))).toBeLessThan(1e-9 * 10e-15);
  });

  it('T_hot ≤ T_cold is an InputError', () => {
    expect(() => rectification(ag, 0.2, 0.5)).toThrow(InputError);
  });
});
