/**
 * The NDTC window through a real line (ndtcWindow, src/physics/photonic-line.ts) when the range of T_R
 * asked for cuts it: a window that already holds at TRmin starts there, one that still holds at TRmax ends
 * there, a range inside the window is the window, and a range beside it has none. Every edge found inside
 * the range is where κ_γ changes sign (checked 1e-6 either side of it).
 */
import { describe, expect, it } from 'vitest';
import { ndtcWindow, photonicConductanceThroughLine, platformDevice, type Device } from '../../src/index.js';

const ag = platformDevice('ag');
/** A lossy, inductive line: κ_γ by the difference stencil of the closed form. */
const device: Device = { ...ag, line: { inductance: 1e-9, resistance: 30 } };
const TL = 0.5;
const kappa = (TR: number): number => photonicConductanceThroughLine(device, TL, TR);

function expectSignChange(edge: number): void {
  expect(kappa(edge * (1 - 1e-6)) * kappa(edge * (1 + 1e-6)), `edge ${edge} K`).toBeLessThan(0);
}

describe('ndtcWindow on a range that cuts the window', () => {
  // The whole window, found on a range around it: κ_γ > 0 at both ends, < 0 between the edges.
  const [whole] = ndtcWindow(device, TL, 0.02, 0.49, 40);

  it('the whole window: κ_γ > 0 at both ends of the range, one window with edges where κ_γ changes sign', () => {
    expect(kappa(0.02)).toBeGreaterThan(0);
    expect(kappa(0.49)).toBeGreaterThan(0);
    expect(ndtcWindow(device, TL, 0.02, 0.49, 40)).toHaveLength(1);
    expectSignChange(whole.from);
    expectSignChange(whole.to);
    expect(kappa(0.5 * (whole.from + whole.to))).toBeLessThan(0);
  });

  it('a range inside the window is the window: from TRmin to TRmax exactly', () => {
    const [a, b] = [whole.from + 0.02, whole.to - 0.02];
    expect(ndtcWindow(device, TL, a, b, 20)).toEqual([{ from: a, to: b }]);
  });

  it('a range starting inside the window: the window starts at TRmin and ends at its own upper edge', () => {
    const a = 0.5 * (whole.from + whole.to);
    const w = ndtcWindow(device, TL, a, 0.49, 30);
    expect(w).toHaveLength(1);
    expect(w[0].from).toBe(a);
    expect(Math.abs(w[0].to - whole.to)).toBeLessThan(1e-8);
    expectSignChange(w[0].to);
  });

  it('a range ending inside the window: the window starts at its own lower edge and ends at TRmax', () => {
    const b = 0.5 * (whole.from + whole.to);
    const w = ndtcWindow(device, TL, 0.02, b, 30);
    expect(w).toHaveLength(1);
    expect(Math.abs(w[0].from - whole.from)).toBeLessThan(1e-8);
    expect(w[0].to).toBe(b);
    expectSignChange(w[0].from);
  });

  it('an edge in the last interval of the scan is found, not replaced by TRmax', () => {
    // 30 points on [0.02, to + 0.005]: the upper edge lies in the last of the 29 intervals.
    const b = whole.to + 0.005;
    expect((b - whole.to) / (b - 0.02)).toBeLessThan(1 / 29);
    const w = ndtcWindow(device, TL, 0.02, b, 30);
    expect(w).toHaveLength(1);
    expect(Math.abs(w[0].to - whole.to)).toBeLessThan(1e-8);
    expect(w[0].to).toBeLessThan(b);
  });

  it('a range below or above the window: no window', () => {
    expect(ndtcWindow(device, TL, 0.02, whole.from - 0.01, 20)).toEqual([]);
    expect(ndtcWindow(device, TL, whole.to + 0.01, 0.49, 20)).toEqual([]);
  });

  it('the default of 60 points finds the same edges', () => {
    const [w] = ndtcWindow(device, TL, 0.02, 0.49);
    expect(Math.abs(w.from - whole.from)).toBeLessThan(1e-8);
    expect(Math.abs(w.to - whole.to)).toBeLessThan(1e-8);
  });
});
