/**
 * The public functions' fast path (src/physics/domain.ts: comparisons against the const enum Bound) must
 * accept exactly what the checks that build the messages accept (DOMAIN, checkDeviceInput,
 * checkTemperature, checkOperatingPoint): a predicate stricter than its check would only cost time, a
 * looser one would let a value outside the domain through unchecked. Each case changes one number of a
 * valid device or operating point to a value on, one ulp beside, or far from an end of its range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOperatingPoint, checkTemperature } from '../../src/api/arguments.js';
import { InputError, photonicHeatCurrent, platformDevice, type Device } from '../../src/index.js';
import { checkDeviceInput } from '../../src/physics/device-input.js';
import {
  DOMAIN,
  deviceInDomain,
  MIN_REDUCED_TEMPERATURE,
  operatingPointInDomain,
  photonicArgumentsInDomain,
  temperatureInDomain,
  type DomainName,
} from '../../src/physics/domain.js';

const scratch = new Float64Array(1);
const bits = new BigInt64Array(scratch.buffer);
/** The double next to x towards +∞ (dir 1) or −∞ (dir −1), for x > 0. */
function ulpStep(x: number, dir: 1 | -1): number {
  scratch[0] = x;
  bits[0] += BigInt(dir);
  return scratch[0];
}

/** Every value a case may put in a field of range `name`: its ends, one ulp outside and inside, the middle, and non-values. */
function candidates(name: DomainName): unknown[] {
  const { min, max } = DOMAIN[name];
  return [
    min,
    max,
    ulpStep(min, -1),
    ulpStep(min, 1),
    ulpStep(max, -1),
    ulpStep(max, 1),
    Math.sqrt(min * max),
    0,
    -min,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    String(min),
  ];
}

type Part = 'superconductor' | 'normal' | 'junction';
const FIELDS: [Part, string, DomainName][] = [
  ['superconductor', 'Tc', 'Tc'],
  ['superconductor', 'gamma', 'gamma'],
  ['superconductor', 'Sigma', 'Sigma'],
  ['superconductor', 'volume', 'volume'],
  ['normal', 'Sigma', 'Sigma'],
  ['normal', 'n', 'n'],
  ['normal', 'volume', 'volume'],
  ['junction', 'r0', 'r0'],
  ['junction', 'c', 'c'],
  ['junction', 'area', 'area'],
];

/** platformDevice(platform) with one number replaced (a fresh copy: the platform's device is not edited). */
function edited(
  platform: 'ag' | 'inas',
  side: 'left' | 'right',
  part: Part,
  key: string,
  value: unknown,
): Device {
  const d = structuredClone(platformDevice(platform));
  (d[side][part] as unknown as Record<string, unknown>)[key] = value;
  return d;
}

const throwsInputError = (f: () => unknown): boolean => {
  try {
    f();
    return false;
  } catch (e) {
    if (e instanceof InputError) return true;
    throw e;
  }
};

const editArbitrary = fc.record({
  platform: fc.constantFrom('ag' as const, 'inas' as const),
  side: fc.constantFrom('left' as const, 'right' as const),
  field: fc.constantFrom(...FIELDS),
  pick: fc.nat(),
});

describe('the fast checks accept what the message-building checks accept', () => {
  it('deviceInDomain ⇔ checkDeviceInput, one field of either reservoir changed (property)', () => {
    fc.assert(
      fc.property(editArbitrary, ({ platform, side, field: [part, key, name], pick }) => {
        const values = candidates(name);
        const d = edited(platform, side, part, key, values[pick % values.length]);
        expect(deviceInDomain(d)).toBe(!throwsInputError(() => checkDeviceInput(d, 'device')));
      }),
      { numRuns: 600 },
    );
  });

  it('every field and candidate, exhaustively, on the Ag device (both sides)', () => {
    let accepted = 0;
    let refused = 0;
    for (const side of ['left', 'right'] as const)
      for (const [part, key, name] of FIELDS)
        for (const value of candidates(name)) {
          const d = edited('ag', side, part, key, value);
          const ok = deviceInDomain(d);
          expect(ok, `${side}.${part}.${key} = ${String(value)}`).toBe(
            !throwsInputError(() => checkDeviceInput(d, 'device')),
          );
          if (ok) accepted++;
          else refused++;
        }
    // Both outcomes occur for every field: the ends and the middle in, one ulp outside and non-numbers out.
    expect(accepted).toBeGreaterThanOrEqual(2 * FIELDS.length * 3);
    expect(refused).toBeGreaterThanOrEqual(2 * FIELDS.length * 7);
  });

  it('photonicArgumentsInDomain ⇔ photonicHeatCurrent not refusing, for the fields J_γ reads and T_L, T_R (property)', () => {
    const read = FIELDS.filter(([part, key]) => part === 'junction' || key === 'Tc' || key === 'gamma');
    fc.assert(
      fc.property(
        editArbitrary,
        fc.constantFrom(...read),
        fc.constantFrom(-2, -1, 0, 1, 2),
        ({ platform, side, pick }, [part, key, name], tPick) => {
          const values = candidates(name);
          const d = edited(platform, side, part, key, values[pick % values.length]);
          // T_L on or one ulp beside 0.004 Tc_L or 10 K, T_R inside.
          const TcL = typeof d.left.superconductor.Tc === 'number' ? d.left.superconductor.Tc : 1;
          const low = MIN_REDUCED_TEMPERATURE * TcL;
          const TL =
            tPick === 0
              ? 0.5 * TcL
              : tPick > 0
                ? ulpStep(low, tPick > 1 ? 1 : -1)
                : ulpStep(10, tPick < -1 ? 1 : -1);
          const TR = 0.5 * platformDevice(platform).right.superconductor.Tc;
          expect(photonicArgumentsInDomain(d, TL, TR)).toBe(
            !throwsInputError(() => photonicHeatCurrent(d, TL, TR)),
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('temperatureInDomain ⇔ checkTemperature, at and one ulp beside 0.004 Tc and 10 K', () => {
    for (const Tc of [DOMAIN.Tc.min, 0.5, 1.19, 9.2, DOMAIN.Tc.max]) {
      const low = MIN_REDUCED_TEMPERATURE * Tc;
      for (const T of [
        low,
        ulpStep(low, -1),
        ulpStep(low, 1),
        10,
        ulpStep(10, -1),
        ulpStep(10, 1),
        0,
        Number.NaN,
      ]) {
        expect(temperatureInDomain(T, Tc), `T = ${T}, Tc = ${Tc}`).toBe(
          !throwsInputError(() => checkTemperature('T', T, Tc)),
        );
      }
    }
  });

  it('operatingPointInDomain ⇔ checkOperatingPoint, J_in, T_R, the setup and the bath on and beside their ends', () => {
    const d = platformDevice('ag');
    const Tc = d.right.superconductor.Tc;
    const lowT = MIN_REDUCED_TEMPERATURE * Tc;
    const Jins = [0, Number.MIN_VALUE, 1e-15, DOMAIN.Jin.max, ulpStep(DOMAIN.Jin.max, 1), -1e-15, Number.NaN];
    const TRs = [lowT, ulpStep(lowT, -1), 0.5 * Tc, ulpStep(Tc, -1), Tc, Number.NaN];
    const baths = [undefined, d.Tbath, ulpStep(Tc, -1), Tc, ulpStep(lowT, -1), Number.NaN];
    let cases = 0;
    for (const setup of [1, 2, 3] as const)
      for (const Jin of Jins)
        for (const TR of TRs)
          for (const Tbath of baths) {
            const op = { Jin, TR, setup: setup as 1 | 2, ...(Tbath !== undefined && { Tbath }) };
            expect(operatingPointInDomain(d, op), JSON.stringify(op)).toBe(
              !throwsInputError(() => checkOperatingPoint('op', d, op, true)),
            );
            cases++;
          }
    expect(cases).toBe(3 * Jins.length * TRs.length * baths.length);
  });
});
