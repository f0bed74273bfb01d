/**
 * The public functions' fast path (src/physics/domain.ts: comparisons against the const enum Bound) must
 * accept exactly what the checks that build the messages accept (DOMAIN through checkDeviceInput,
 * checkGapParameters, checkSuperconductor, checkTemperature, checkOperatingPoint): a predicate stricter
 * than its check would only cost time, a looser one would let a value outside the domain through
 * unchecked. Each case puts one value on, one ulp beside or far from an end of its range (or a string,
 * NaN, a missing container); the bath is kept valid for a Tc edit and both areas move together for an
 * area edit, so that each bound is judged by itself and not hidden behind χ's or the bath's.
 */
import { describe, expect, it } from 'vitest';
import {
  checkGapParameters,
  checkOperatingPoint,
  checkSuperconductor,
  checkTemperature,
} from '../../src/api/arguments.js';
import { InputError, platformDevice, type Device, type OperatingPoint } from '../../src/index.js';
import { checkDeviceInput } from '../../src/physics/device-input.js';
import {
  DOMAIN,
  deviceInDomain,
  gapParametersInDomain,
  MIN_REDUCED_TEMPERATURE,
  operatingPointInDomain,
  photonicArgumentsInDomain,
  superconductorInDomain,
  temperatureFromZeroInDomain,
  temperatureInDomain,
  type DomainName,
} from '../../src/physics/domain.js';
import { nextDouble } from '../next-double.js';

/** Every value a case may put in a field of range `name`: its ends, one ulp outside and inside, the middle, and non-values. */
function candidates(name: DomainName): unknown[] {
  const { min, max } = DOMAIN[name];
  return [
    min,
    max,
    nextDouble(min, -1),
    nextDouble(min, 1),
    nextDouble(max, -1),
    nextDouble(max, 1),
    Math.sqrt(min * max),
    0,
    -min,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    String(min),
    String(Math.sqrt(min * max)),
  ];
}

/** T on and one ulp beside 0.004 Tc and 10 K, NaN and a numeric string. */
function temperatureCandidates(Tc: number): unknown[] {
  const low = MIN_REDUCED_TEMPERATURE * Tc;
  return [
    low,
    nextDouble(low, -1),
    nextDouble(low, 1),
    10,
    nextDouble(10, -1),
    nextDouble(10, 1),
    Number.NaN,
    String(low),
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

/**
 * A bath both Tc accept (between 0.004 of the higher and the lower), so that a Tc edit is judged by its
 * own range and not by the bath's; unchanged where there is none.
 */
function keepBathValid(d: Device): void {
  const [a, b] = [d.left.superconductor.Tc, d.right.superconductor.Tc];
  if (typeof a !== 'number' || typeof b !== 'number' || !(a > 0 && b > 0)) return;
  const [low, high] = [MIN_REDUCED_TEMPERATURE * Math.max(a, b), Math.min(a, b)];
  if (low < high) d.Tbath = Math.sqrt(low * high);
}

/**
 * platformDevice(platform) with one number replaced (a fresh copy: the platform's device is not edited).
 * A Tc edit moves the bath into its range; with `bothAreas` the other side's area is put at the nearest
 * end of the range (χ ≈ 1), so that the area's own bound decides and not χ's.
 */
function edited(
  platform: 'ag' | 'inas',
  side: 'left' | 'right',
  part: Part,
  key: string,
  value: unknown,
  bothAreas = false,
): Device {
  const d = structuredClone(platformDevice(platform));
  (d[side][part] as unknown as Record<string, unknown>)[key] = value;
  if (key === 'area' && bothAreas) {
    // The other side at the nearest end of the range: χ ≈ 1, and only this side's own bound can refuse.
    const other = side === 'left' ? d.right : d.left;
    const { min, max } = DOMAIN.area;
    if (typeof value === 'number' && !Number.isNaN(value))
      other.junction.area = Math.min(Math.max(value, min), max);
  }
  if (key === 'Tc') keepBathValid(d);
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

/** Every single-field edit of a platform's device, both areas together for the area's own range. */
function allEdits(platform: 'ag' | 'inas'): { label: string; device: Device }[] {
  const out: { label: string; device: Device }[] = [];
  for (const side of ['left', 'right'] as const)
    for (const [part, key, name] of FIELDS)
      for (const value of candidates(name))
        for (const both of key === 'area' ? [false, true] : [false])
          out.push({
            label: `${platform} ${side}.${part}.${key} = ${String(value)}${both ? ' (both sides)' : ''}`,
            device: edited(platform, side, part, key, value, both),
          });
  // χ = A_R/A_L on and beside its ends, the areas inside theirs.
  for (const chi of candidates('chi')) {
    const d = structuredClone(platformDevice(platform));
    d.left.junction.area = 1e-12;
    (d.right.junction as unknown as Record<string, unknown>).area =
      typeof chi === 'number' ? chi * 1e-12 : chi;
    out.push({ label: `${platform} χ = ${String(chi)}`, device: d });
  }
  // The bath on and beside 0.004 Tc and Tc, and not a number.
  const Tc = platformDevice(platform).left.superconductor.Tc;
  const low = MIN_REDUCED_TEMPERATURE * Tc;
  for (const Tbath of [low, nextDouble(low, -1), nextDouble(Tc, -1), Tc, 0, Number.NaN, String(low)]) {
    const d = structuredClone(platformDevice(platform));
    (d as unknown as Record<string, unknown>).Tbath = Tbath;
    out.push({ label: `${platform} Tbath = ${String(Tbath)}`, device: d });
  }
  // Unequal Tc (either side lower): the bath on and beside each Tc and each 0.004 Tc, so that each of
  // the bath's four bounds is the only one to refuse somewhere.
  for (const [TcL, TcR] of [
    [1.0, 1.5],
    [1.5, 1.0],
  ]) {
    for (const T of [TcL, TcR, MIN_REDUCED_TEMPERATURE * TcL, MIN_REDUCED_TEMPERATURE * TcR])
      for (const Tbath of [T, nextDouble(T, -1), nextDouble(T, 1)]) {
        const d = structuredClone(platformDevice(platform));
        d.left.superconductor.Tc = TcL;
        d.right.superconductor.Tc = TcR;
        d.Tbath = Tbath;
        out.push({ label: `${platform} Tc = ${TcL}, ${TcR} K, Tbath = ${Tbath}`, device: d });
      }
  }
  // Missing or wrong containers.
  for (const bad of [null, undefined, 1, 'x']) {
    out.push({ label: `${platform} device = ${String(bad)}`, device: bad as unknown as Device });
    for (const side of ['left', 'right'] as const) {
      const d = structuredClone(platformDevice(platform));
      (d as unknown as Record<string, unknown>)[side] = bad;
      out.push({ label: `${platform} ${side} = ${String(bad)}`, device: d });
      for (const part of ['superconductor', 'normal', 'junction'] as const) {
        const e = structuredClone(platformDevice(platform));
        (e[side] as unknown as Record<string, unknown>)[part] = bad;
        out.push({ label: `${platform} ${side}.${part} = ${String(bad)}`, device: e });
      }
    }
  }
  return out;
}

const EDITS = [...allEdits('ag'), ...allEdits('inas')];

/**
 * The oracle for J_γ's arguments, independent of the predicate: the fields J_γ reads (both junctions,
 * both gaps; χ follows) copied into a valid device whose bath suits their Tc, judged by
 * checkDeviceInput, and T_L, T_R by checkTemperature.
 */
function photonicArgumentsAccepted(d: Device, TL: number, TR: number): boolean {
  if (d === null || typeof d !== 'object') return false;
  const base = structuredClone(platformDevice('ag'));
  for (const side of ['left', 'right'] as const) {
    const r = d[side] as Device['left'] | undefined;
    if (r === null || typeof r !== 'object') return false;
    const { junction: j, superconductor: s } = r;
    if (j === null || typeof j !== 'object' || s === null || typeof s !== 'object') return false;
    base[side].junction = { r0: j.r0, c: j.c, area: j.area };
    base[side].superconductor = { ...base[side].superconductor, Tc: s.Tc, gamma: s.gamma };
  }
  keepBathValid(base);
  return (
    !throwsInputError(() => checkDeviceInput(base, 'device')) &&
    !throwsInputError(() => checkTemperature('TL', TL, base.left.superconductor.Tc)) &&
    !throwsInputError(() => checkTemperature('TR', TR, base.right.superconductor.Tc))
  );
}

describe('the fast checks accept what the message-building checks accept', () => {
  it('deviceInDomain ⇔ checkDeviceInput: every field, χ, the bath and the containers, on and beside their ends', () => {
    let accepted = 0;
    for (const { label, device } of EDITS) {
      const ok = deviceInDomain(device);
      expect(ok, label).toBe(!throwsInputError(() => checkDeviceInput(device, 'device')));
      if (ok) accepted++;
    }
    // Both outcomes for every field: its ends and middle in, one ulp outside and non-numbers out.
    expect(accepted).toBeGreaterThanOrEqual(2 * 2 * FIELDS.length * 3);
    expect(EDITS.length - accepted).toBeGreaterThanOrEqual(2 * 2 * FIELDS.length * 7);
  });

  it('photonicArgumentsInDomain ⇔ the checks of the fields J_γ reads and of T_L, T_R', () => {
    let accepted = 0;
    for (const { label, device } of EDITS) {
      const TcL = typeof device?.left?.superconductor?.Tc === 'number' ? device.left.superconductor.Tc : 1;
      const TcR = typeof device?.right?.superconductor?.Tc === 'number' ? device.right.superconductor.Tc : 1;
      const ok = photonicArgumentsInDomain(device, 0.5 * TcL, 0.5 * TcR);
      expect(ok, label).toBe(photonicArgumentsAccepted(device, 0.5 * TcL, 0.5 * TcR));
      if (ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(EDITS.length / 4);
  });

  it('photonicArgumentsInDomain ⇔ checkTemperature for T_L and T_R on and beside 0.004 Tc and 10 K', () => {
    for (const platform of ['ag', 'inas'] as const) {
      const d = platformDevice(platform);
      for (const TL of temperatureCandidates(d.left.superconductor.Tc))
        for (const TR of [
          0.5 * d.right.superconductor.Tc,
          ...temperatureCandidates(d.right.superconductor.Tc),
        ]) {
          const [a, b] = [TL as number, TR as number];
          expect(
            photonicArgumentsInDomain(d, a, b),
            `${platform} TL = ${String(TL)}, TR = ${String(TR)}`,
          ).toBe(photonicArgumentsAccepted(d, a, b));
        }
    }
  });

  it('gapParametersInDomain ⇔ checkGapParameters and superconductorInDomain ⇔ checkSuperconductor', () => {
    const base = platformDevice('ag').left.superconductor;
    const cases: unknown[] = [null, undefined, 1, 'x', base];
    for (const [key, name] of [
      ['Tc', 'Tc'],
      ['gamma', 'gamma'],
      ['Sigma', 'Sigma'],
      ['volume', 'volume'],
    ] as const)
      for (const value of candidates(name)) cases.push({ ...base, [key]: value });
    let accepted = 0;
    for (const sc of cases) {
      const s = sc as typeof base;
      const label = JSON.stringify(sc) ?? String(sc);
      const gap = gapParametersInDomain(s);
      expect(gap, label).toBe(!throwsInputError(() => checkGapParameters('sc', s)));
      expect(superconductorInDomain(s), label).toBe(!throwsInputError(() => checkSuperconductor('sc', s)));
      if (gap) accepted++;
    }
    expect(accepted).toBeGreaterThanOrEqual(4 * 3);
  });

  it('temperatureInDomain ⇔ checkTemperature, at and one ulp beside 0.004 Tc and 10 K', () => {
    for (const Tc of [DOMAIN.Tc.min, 0.5, 1.19, 9.2, DOMAIN.Tc.max]) {
      for (const T of [...temperatureCandidates(Tc), 0]) {
        expect(temperatureInDomain(T as number, Tc), `T = ${String(T)}, Tc = ${Tc}`).toBe(
          !throwsInputError(() => checkTemperature('T', T as number, Tc)),
        );
      }
    }
  });

  it('temperatureFromZeroInDomain: [0, 10 K], numbers only', () => {
    for (const [T, ok] of [
      [0, true],
      [10, true],
      [nextDouble(10, 1), false],
      [-Number.MIN_VALUE, false],
      [Number.NaN, false],
      ['0.5', false],
    ] as const)
      expect(temperatureFromZeroInDomain(T as number), String(T)).toBe(ok);
  });

  it('operatingPointInDomain ⇔ checkOperatingPoint, J_in, T_R, the setup and the bath on and beside their ends', () => {
    const d = platformDevice('ag');
    const Tc = d.right.superconductor.Tc;
    const lowT = MIN_REDUCED_TEMPERATURE * Tc;
    const Jins = [
      0,
      Number.MIN_VALUE,
      1e-15,
      DOMAIN.Jin.max,
      nextDouble(DOMAIN.Jin.max, 1),
      -1e-15,
      Number.NaN,
      '1e-15',
    ];
    const TRs = [lowT, nextDouble(lowT, -1), 0.5 * Tc, nextDouble(Tc, -1), Tc, Number.NaN, String(0.5 * Tc)];
    const baths = [
      undefined,
      d.Tbath,
      nextDouble(Tc, -1),
      Tc,
      nextDouble(lowT, -1),
      Number.NaN,
      String(d.Tbath),
    ];
    let cases = 0;
    for (const setup of [1, 2, 3] as const)
      for (const Jin of Jins)
        for (const TR of TRs)
          for (const Tbath of baths) {
            const op = { Jin, TR, setup, ...(Tbath !== undefined && { Tbath }) } as unknown as OperatingPoint;
            expect(operatingPointInDomain(d, op), JSON.stringify(op)).toBe(
              !throwsInputError(() => checkOperatingPoint('op', d, op, true)),
            );
            cases++;
          }
    for (const op of [null, undefined, 1, 'x'] as unknown as OperatingPoint[]) {
      expect(operatingPointInDomain(d, op), String(op)).toBe(false);
      expect(
        throwsInputError(() => checkOperatingPoint('op', d, op, true)),
        String(op),
      ).toBe(true);
    }
    expect(cases).toBe(3 * Jins.length * TRs.length * baths.length);
  });
});
