/**
 * The validity check of the linear-response model (docs/model.md §9) against its formulas written out here:
 * V_rms = √(k_B T/C_total) with C_total = c_L A_L + c_R A_R, e·V_rms/Δ(T) with the BCS interpolation
 * Δ = 1.764 k_B Tc tanh(1.74 √(Tc/T − 1)), and the warnings at T ≥ Tc and above a ratio of 0.2.
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, type Device } from '../../src/physics/device.js';
import {
  NOISE_TO_GAP_LIMIT,
  noiseToGapRatio,
  rmsJunctionVoltage,
  validityWarnings,
} from '../../src/physics/validity.js';

// Exact SI values (2019 definitions).
const kB = 1.380649e-23;
const e = 1.602176634e-19;

const ag = platformDevice('ag');
/** Different c, area and Tc on the two sides: C_total = 0.03·2e-13 + 0.07·5e-14 = 9.5 fF. */
const asym: Device = {
  ...ag,
  left: { ...ag.left, junction: { ...ag.left.junction, c: 0.03, area: 2e-13 } },
  right: {
    ...ag.right,
    junction: { ...ag.right.junction, c: 0.07, area: 5e-14 },
    superconductor: { ...ag.right.superconductor, Tc: 0.8 },
  },
};

const ratio = (C: number, T: number, Tc: number): number =>
  (e * Math.sqrt((kB * T) / C)) / (1.764 * kB * Tc * Math.tanh(1.74 * Math.sqrt(Tc / T - 1)));

const near = (x: number, y: number, rel: number): void =>
  expect(Math.abs(x - y)).toBeLessThanOrEqual(rel * Math.abs(y));

describe('rmsJunctionVoltage and noiseToGapRatio', () => {
  it('V_rms = √(k_B T/C_total): the paper device’s 15 fF, and c_L A_L + c_R A_R = 9.5 fF', () => {
    for (const T of [0.01, 0.3, 1.1]) {
      near(rmsJunctionVoltage(ag, T), Math.sqrt((kB * T) / 15e-15), 1e-14);
      near(rmsJunctionVoltage(asym, T), Math.sqrt((kB * T) / 9.5e-15), 1e-14);
    }
  });
  it('e·V_rms/Δ(T) with the BCS Δ of the Tc given, Infinity at and above Tc', () => {
    for (const T of [0.02, 0.4, 0.79, 1.19]) {
      near(noiseToGapRatio(ag, T, 1.2), ratio(15e-15, T, 1.2), 1e-13);
      if (T < 0.8) near(noiseToGapRatio(asym, T, 0.8), ratio(9.5e-15, T, 0.8), 1e-13);
    }
    expect(noiseToGapRatio(ag, 1.2, 1.2)).toBe(Infinity);
    expect(noiseToGapRatio(asym, 0.9, 0.8)).toBe(Infinity);
  });
});

/** T where the ratio crosses the limit (bisection on the formula above: it rises with T). */
function threshold(C: number, Tc: number): number {
  let [lo, hi] = [1e-3, Tc * (1 - 1e-12)];
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (ratio(C, mid, Tc) > NOISE_TO_GAP_LIMIT) hi = mid;
    else lo = mid;
  }
  return lo;
}

describe('validityWarnings', () => {
  it('is empty well inside the model', () => {
    expect(validityWarnings(ag, 0.3, 0.5)).toEqual([]);
    expect(validityWarnings(asym, 0.1, 0.2)).toEqual([]);
  });

  it('flags a temperature at or above its own reservoir’s Tc, once, naming the side', () => {
    expect(validityWarnings(ag, 1.2, 0.3)).toEqual([
      'T_L = 1.2 K is not below Tc = 1.2 K: outside the model',
    ]);
    expect(validityWarnings(asym, 0.3, 0.8)).toEqual([
      'T_R = 800 mK is not below Tc = 800 mK: outside the model',
    ]);
    expect(validityWarnings(asym, 1.5, 0.95)).toEqual([
      'T_L = 1.5 K is not below Tc = 1.2 K: outside the model',
      'T_R = 950 mK is not below Tc = 800 mK: outside the model',
    ]);
  });

  it('flags a noise-to-gap ratio above 0.2 on either side, from just above the threshold', () => {
    // The paper's device (15 fF, Tc = 1.2 K) passes up to ≈ 0.9 K (validity.ts).
    const Tag = threshold(15e-15, 1.2);
    expect(Tag).toBeGreaterThan(0.85);
    expect(Tag).toBeLessThan(0.95);
    expect(validityWarnings(ag, Tag * (1 - 1e-6), 0.1)).toEqual([]);
    const [w] = validityWarnings(ag, Tag * (1 + 1e-6), 0.1);
    expect(w).toMatch(/^T_L = \d+(\.\d+)? mK: rms junction voltage \d+(\.\d+)? µV is 0\.2 of Δ\/e /);
    expect(w).toContain('flagged above 0.2');
    // Further above, the ratio is printed with the digits that show it above 0.2 (not '0.2').
    // T where the ratio is 0.203 (rounded to 2 digits: 0.2), by bisection on the independent ratio.
    let [lo, hi] = [Tag, 1.2 * (1 - 1e-12)];
    for (let k = 0; k < 200; k++) {
      const mid = 0.5 * (lo + hi);
      if (ratio(15e-15, mid, 1.2) > 0.203) hi = mid;
      else lo = mid;
    }
    const [above] = validityWarnings(ag, lo, 0.1);
    const shown = Number(/is ([\d.]+) of Δ\/e/.exec(above)![1]);
    expect(shown).toBeGreaterThan(0.2);
    const uV = Math.sqrt((kB * Tag) / 15e-15) * 1e6;
    expect(w).toContain(` ${Number(uV.toPrecision(3))} µV`);

    // The right side against its own Tc = 0.8 K and the device's 9.5 fF.
    const Tr = threshold(9.5e-15, 0.8);
    expect(validityWarnings(asym, 0.1, Tr * (1 - 1e-6))).toEqual([]);
    const right = validityWarnings(asym, 0.1, Tr * (1 + 1e-6));
    expect(right).toHaveLength(1);
    expect(right[0]).toMatch(/^T_R = /);
  });

  it('a ratio above 1 (the gap closing towards Tc) is said as a multiple of Δ/e', () => {
    // Close below Tc, Δ → 0: the ratio is hundreds, printed in plain digits, not '9e2 of Δ/e'.
    const T = 1.2 * (1 - 1e-7);
    const [w] = validityWarnings(ag, T, 0.1);
    const expected = ratio(15e-15, T, 1.2);
    expect(expected).toBeGreaterThan(100);
    const shown = Number(
      /is ([\d,.]+) times Δ\/e \(the gap closes towards Tc = 1\.2 K\)/.exec(w)![1].replace(/,/g, ''),
    );
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(0.05 + 0.5 * Number(expected >= 1000));
    expect(w).not.toMatch(/e\d/);
  });
});
