/**
 * The paper's devices and the device edits (src/physics/device.ts) against docs/model.md §5's table (SI: µm³ =
 * 1e-18 m³, Ω·µm² = 1e-12 Ω m², fF/µm² = 1e-3 F/m²), and the shape check of a device given to the library
 * (src/physics/device-input.ts): each refusal names the field, shows the value and says what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/index.js';
import {
  chiOf,
  platformDevice,
  withChi,
  withJunctionParameters,
  type Device,
} from '../../src/physics/device.js';
import { checkDeviceInput, describeValue } from '../../src/physics/device-input.js';

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-15 * Math.abs(b);

describe('platformDevice: docs/model.md §5', () => {
  const table = {
    ag: { n: 5, SigmaN: 5e8, VN: 2 * 1.3 * 0.2 * 0.01e-18, VS: 2 * 0.2 * 0.01e-18 },
    inas: { n: 6, SigmaN: 3e7, VN: 2 * 1.3 * 0.2 * 0.1e-18, VS: 2 * 0.2 * 0.02e-18 },
  } as const;
  for (const platform of ['ag', 'inas'] as const) {
    it(`${platform}: both reservoirs, A_R = 2 A_L = 0.2 µm², T_bath = 10 mK`, () => {
      const d = platformDevice(platform);
      const t = table[platform];
      for (const side of ['left', 'right'] as const) {
        const r = d[side];
        expect(r.superconductor.Tc).toBe(1.2);
        expect(r.superconductor.gamma).toBe(1e-4);
        expect(r.superconductor.Sigma).toBe(3e8);
        expect(close(r.superconductor.volume, t.VS)).toBe(true);
        expect(r.normal.n).toBe(t.n);
        expect(r.normal.Sigma).toBe(t.SigmaN);
        expect(close(r.normal.volume, t.VN)).toBe(true);
        expect(close(r.junction.r0, 10e-12)).toBe(true);
        expect(close(r.junction.c, 50e-3)).toBe(true);
      }
      expect(close(d.left.junction.area, 0.1e-12)).toBe(true);
      expect(close(d.right.junction.area, 0.2e-12)).toBe(true);
      expect(chiOf(d)).toBe(2);
      expect(d.Tbath).toBe(0.01);
      // Each call builds a new device: editing one leaves the next untouched.
      d.left.superconductor.Tc = 2;
      expect(platformDevice(platform).left.superconductor.Tc).toBe(1.2);
    });
  }
});

describe('device edits', () => {
  const ag = platformDevice('ag');

  it('withChi sets A_R = χ A_L and changes nothing else', () => {
    const d = withChi(ag, 5);
    expect(d.right.junction.area).toBe(5 * ag.left.junction.area);
    expect(chiOf(d)).toBe(5);
    expect({ ...d, right: { ...d.right, junction: { ...d.right.junction, area: 0 } } }).toEqual({
      ...ag,
      right: { ...ag.right, junction: { ...ag.right.junction, area: 0 } },
    });
    expect(ag.right.junction.area).toBe(2e-13); // the original is untouched
  });

  it('withJunctionParameters replaces what is given, on both reservoirs, and nothing else', () => {
    const p = { Tc: 1.5, gamma: 1e-3, r0: 2e-11, c: 0.1, chi: 3 };
    const d = withJunctionParameters(ag, p);
    for (const side of ['left', 'right'] as const) {
      expect(d[side].superconductor).toEqual({ ...ag[side].superconductor, Tc: 1.5, gamma: 1e-3 });
      expect(d[side].normal).toEqual(ag[side].normal);
      expect(d[side].junction.r0).toBe(2e-11);
      expect(d[side].junction.c).toBe(0.1);
    }
    expect(d.left.junction.area).toBe(ag.left.junction.area);
    expect(d.right.junction.area).toBe(3 * ag.left.junction.area);
    expect(d.Tbath).toBe(ag.Tbath);
    // One at a time: only that field moves.
    for (const [key, value] of Object.entries(p) as [keyof typeof p, number][]) {
      const one = withJunctionParameters(ag, { [key]: value });
      const expected: Device =
        key === 'chi'
          ? withChi(ag, value)
          : key === 'Tc' || key === 'gamma'
            ? {
                ...ag,
                left: { ...ag.left, superconductor: { ...ag.left.superconductor, [key]: value } },
                right: { ...ag.right, superconductor: { ...ag.right.superconductor, [key]: value } },
              }
            : {
                ...ag,
                left: { ...ag.left, junction: { ...ag.left.junction, [key]: value } },
                right: { ...ag.right, junction: { ...ag.right.junction, [key]: value } },
              };
      expect(one, key).toEqual(expected);
    }
    expect(withJunctionParameters(ag, {})).toEqual(ag);
  });
});

describe('describeValue', () => {
  it('numbers and strings as themselves, arrays by length, other things by what they are', () => {
    expect(describeValue(1.5e-3)).toBe('0.0015');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue('abc')).toBe('abc');
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue({ Tc: 1.2, gamma: 1e-4 })).toBe('an object { Tc, gamma }');
    expect(describeValue(new Float64Array(3))).toBe('a Float64Array of 3');
    expect(describeValue(true)).toBe('true');
  });
});

describe('checkDeviceInput', () => {
  const ag = platformDevice('ag');
  function refusal(device: unknown): InputError {
    try {
      checkDeviceInput(device, 'f device');
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('accepted');
  }

  it('returns a device in its domain', () => {
    expect(checkDeviceInput(ag, 'f device')).toBe(ag);
  });

  it('refuses what is no object, naming the option', () => {
    for (const [value, shown] of [
      [null, 'null'],
      [3, '3'],
      ['ag', 'ag'],
      [undefined, 'undefined'],
    ] as const) {
      const e = refusal(value);
      expect(e.option).toBe('f device');
      expect(e.value).toBe(shown);
      expect(e.accepted).toMatch(/^a Device object \(SI\), e\.g\. platformDevice\('ag'\)/);
    }
  });

  it('refuses a reservoir missing or without one of its parts, naming the side or the part', () => {
    for (const side of ['left', 'right'] as const) {
      const cases: [unknown, string][] = [
        [undefined, 'undefined'],
        [7, '7'],
        // Not an object, though it carries the three parts.
        [Object.assign(() => 0, ag[side]), 'a function'],
      ];
      for (const [r, shown] of cases) {
        const e = refusal({ ...ag, [side]: r });
        expect(e.option).toBe(`f device.${side}`);
        expect(e.value).toBe(shown);
        expect(e.accepted).toMatch(/a reservoir with superconductor, normal, junction$/);
      }
      for (const part of ['superconductor', 'normal', 'junction'] as const) {
        for (const [value, shown] of [
          [undefined, 'undefined'],
          [0.1, '0.1'],
        ] as const) {
          const e = refusal({ ...ag, [side]: { ...ag[side], [part]: value } });
          expect(e.option).toBe(`f device.${side}.${part}`);
          expect(e.value).toBe(shown);
          expect(e.accepted).toMatch(/^an object \{ \w+, .*\} \(SI\)$/);
        }
      }
    }
  });

  it('refuses a field that is not a number, naming it', () => {
    for (const side of ['left', 'right'] as const) {
      for (const part of ['superconductor', 'normal', 'junction'] as const) {
        const key = Object.keys(ag[side][part])[0];
        const e = refusal({ ...ag, [side]: { ...ag[side], [part]: { ...ag[side][part], [key]: '1' } } });
        expect(e.option).toBe(`f device: ${side}.${part}.${key}`);
        expect(e.value).toBe('1');
        expect(e.accepted).toBe('a number (SI)');
      }
    }
    const e = refusal({ ...ag, Tbath: '10 mK' });
    expect(e.option).toBe('f device: Tbath');
    expect(e.value).toBe('10 mK');
    expect(e.accepted).toBe('a number (K)');
  });

  it('then checks the domain: a negative Tc is refused', () => {
    const e = refusal({ ...ag, left: { ...ag.left, superconductor: { ...ag.left.superconductor, Tc: -1 } } });
    expect(e.option).toMatch(/left\.superconductor\.Tc/);
  });
});
