/**
 * checkDevice (src/physics/domain.ts) on devices wrong in one place: the error names that place as the
 * device-file loader names keys, and a bath must lie in [0.004 Tc, Tc) for both reservoirs' Tc.
 */
import { describe, expect, it } from 'vitest';
import { checkDevice, checkInRange } from '../../src/physics/domain.js';
import { InputError, platformDevice, type Device } from '../../src/index.js';

const ag = platformDevice('ag');

/** The error checkDevice throws for `device`, or undefined. */
function refusal(device: Device): InputError | undefined {
  try {
    checkDevice(device, 'dev.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  return undefined;
}

/** A copy of ag with one reservoir field set to `value`. */
function withField(side: 'left' | 'right', part: string, key: string, value: number): Device {
  const r = ag[side] as unknown as Record<string, Record<string, number>>;
  return { ...ag, [side]: { ...ag[side], [part]: { ...r[part], [key]: value } } } as Device;
}

describe('checkDevice names the offending field', () => {
  const fields: [string, string][] = [
    ['superconductor', 'Tc'],
    ['superconductor', 'gamma'],
    ['superconductor', 'Sigma'],
    ['superconductor', 'volume'],
    ['normal', 'n'],
    ['normal', 'Sigma'],
    ['normal', 'volume'],
    ['junction', 'r0'],
    ['junction', 'c'],
  ];

  it('each reservoir field out of its range (negative) is refused as `dev.yaml: side.part.key`', () => {
    expect(refusal(ag)).toBeUndefined();
    for (const side of ['left', 'right'] as const) {
      for (const [part, key] of fields) {
        const e = refusal(withField(side, part, key, -1));
        expect(e, `${side}.${part}.${key}`).toBeInstanceOf(InputError);
        expect(e!.option).toBe(`dev.yaml: ${side}.${part}.${key}`);
      }
    }
    // the areas (range checked before χ = A_R/A_L)
    for (const side of ['left', 'right'] as const)
      expect(refusal(withField(side, 'junction', 'area', 0))!.option).toBe(`dev.yaml: ${side}.junction.area`);
  });

  it("the superconductor's Σ is shown in W/m³/K⁵ whatever the normal metal's exponent", () => {
    const inas = platformDevice('inas');
    expect(inas.left.normal.n).toBe(6);
    const bad: Device = {
      ...inas,
      left: { ...inas.left, superconductor: { ...inas.left.superconductor, Sigma: -1 } },
    };
    expect(refusal(bad)!.value).toBe('-1 W/m³/K⁵');
    expect(refusal(bad)!.accepted).toMatch(/^from 1e4 W\/m³\/K⁵ to 1e12 W\/m³\/K⁵/);
  });
});

describe('checkDevice: the bath against two different Tc', () => {
  // Tc = 1.2 K on the left, 0.5 K on the right: the bath must be below 0.5 K and at least 0.004 × 1.2 K.
  const mixed: Device = {
    ...ag,
    right: { ...ag.right, superconductor: { ...ag.right.superconductor, Tc: 0.5 } },
  };
  const at = (Tbath: number): Device => ({ ...mixed, Tbath });

  it('accepts a bath in [0.004 · max Tc, min Tc)', () => {
    expect(refusal(at(0.02))).toBeUndefined();
    expect(refusal(at(0.49))).toBeUndefined();
  });

  it('refuses a bath at or above the lower Tc, though below the higher one', () => {
    for (const Tbath of [0.5, 0.8]) {
      const e = refusal(at(Tbath));
      expect(e, `T_bath = ${Tbath} K`).toBeInstanceOf(InputError);
      expect(e!.option).toBe('dev.yaml: Tbath');
      expect(e!.accepted).toMatch(/below Tc/);
    }
  });

  it('refuses a bath below 0.004 × the higher Tc, though above 0.004 × the lower one, and says so', () => {
    // 0.004 × 0.5 K = 2 mK < 3 mK < 4.8 mK = 0.004 × 1.2 K
    const e = refusal(at(0.003));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.option).toBe('dev.yaml: Tbath');
    expect(e!.accepted).toMatch(/from 4\.8 ?mK = 0\.004 Tc \(Tc = 1\.2 ?K\)/);
    expect(e!.accepted).toMatch(/J_ph,S leaves its tables/);
  });
});

describe('checkInRange shows the refused value', () => {
  /** The value as the error shows it. */
  const shownValue = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof InputError) return e.value;
      throw e;
    }
    throw new Error('not refused');
  };

  it('a dimensionless value below 1e-3 in exponent form, 0 and 1e-3 themselves plainly', () => {
    expect(shownValue(() => checkInRange('gamma', 'gamma', 1e-7))).toBe('1e-7');
    expect(shownValue(() => checkInRange('gamma', 'gamma', 0))).toBe('0');
    expect(shownValue(() => checkInRange('chi', 'chi', 1e-3))).toBe('0.001');
  });

  it('Σ with the unit of its exponent: W/m³/K⁵ for an integer n, W/m^3/K^n spelled out otherwise', () => {
    expect(shownValue(() => checkInRange('Sigma', 'Sigma', 1e-4, { exponent: 5 }))).toBe('0.0001 W/m³/K⁵');
    expect(shownValue(() => checkInRange('Sigma', 'Sigma', -1, { exponent: 5.5 }))).toBe('-1 W/m^3/K^5.5');
  });
});
