/**
 * The model's domain (src/physics/domain.ts): its ends are where the library's results stay finite and
 * sane, and its checks name the option, the value and the range with units.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  checkDevice,
  checkInRange,
  checkTemperatures,
} from '../../src/physics/domain.js';
import { InputError, platformDevice, type Device } from '../../src/index.js';
// The modules themselves, unchecked: these tests probe the ends of the domain and beyond.
import { solveBalance } from '../../src/physics/balance.js';
import { withJunctionParameters } from '../../src/physics/device.js';
import { phononHeat } from '../../src/physics/electron-phonon.js';
import { photonicConductance, photonicHeatCurrent } from '../../src/physics/photonic.js';
import { resistanceRatio, resistanceRatioDerivative } from '../../src/physics/resistance.js';
import { phononTableLookup } from '../../src/physics/electron-phonon-table.js';

const ag = platformDevice('ag');

describe('the ends of the domain give finite, sane results', () => {
  it('R/R0 and its derivative at T = 0.004 Tc, for the ends of γ and Tc; overflow far below', () => {
    for (const gamma of [DOMAIN.gamma.min, 1e-4, DOMAIN.gamma.max]) {
      for (const Tc of [DOMAIN.Tc.min, 1.2, DOMAIN.Tc.max]) {
        const T = MIN_REDUCED_TEMPERATURE * Tc;
        const R = resistanceRatio(T, { Tc, gamma });
        // Γ-limited plateau: R/R0 ≈ 1/γ for small γ (docs/model.md §2), never more than that.
        expect(R).toBeGreaterThan(1);
        expect(R).toBeLessThan(1.01 / gamma);
        expect(Number.isFinite(resistanceRatioDerivative(T, { Tc, gamma }))).toBe(true);
      }
    }
    // What the floor guards against: the direct quadrature overflows well below it.
    expect(Number.isFinite(resistanceRatio(1e-6 * 1.2, { Tc: 1.2, gamma: 1e-4 }))).toBe(false);
  });

  it('J_γ and κ_γ are finite at the corners of χ, c, r0, γ and the temperature range', () => {
    const corners = fc.record({
      chi: fc.constantFrom(DOMAIN.chi.min, DOMAIN.chi.max),
      c: fc.constantFrom(DOMAIN.c.min, DOMAIN.c.max),
      r0: fc.constantFrom(DOMAIN.r0.min, DOMAIN.r0.max),
      gamma: fc.constantFrom(DOMAIN.gamma.min, DOMAIN.gamma.max),
      Tc: fc.constantFrom(DOMAIN.Tc.min, DOMAIN.Tc.max),
      TL: fc.constantFrom(MIN_REDUCED_TEMPERATURE, 0.5, 0.999),
      TR: fc.constantFrom(MIN_REDUCED_TEMPERATURE, 0.3, 0.999),
    });
    fc.assert(
      fc.property(corners, ({ chi, c, r0, gamma, Tc, TL, TR }) => {
        const d = withJunctionParameters(ag, { chi, c, r0, gamma, Tc });
        expect(Number.isFinite(photonicHeatCurrent(d, TL * Tc, TR * Tc))).toBe(true);
        expect(Number.isFinite(photonicConductance(d, TL * Tc, TR * Tc))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('J_ph at the ends of Tc: finite, and from the tables (as fast as at 1.2 K) at the floor', () => {
    const floor = MIN_REDUCED_TEMPERATURE;
    // The floor is where the J_ph,S tables begin: T_e there, any bath below, needs no quadrature.
    expect(phononTableLookup(1e-4, floor, 0.5 * floor)).toBeDefined();
    expect(phononTableLookup(1e-4, 0.99 * floor, 0.5 * floor)).toBeUndefined();
    for (const Tc of [DOMAIN.Tc.min, DOMAIN.Tc.max]) {
      const d = withJunctionParameters(ag, { Tc });
      for (const [te, tb] of [
        [2 * floor, floor],
        [0.5, floor],
        [0.999, 0.5],
      ]) {
        const J = phononHeat(d.left, te * Tc, tb * Tc);
        expect(Number.isFinite(J.total)).toBe(true);
        expect(J.total).toBeGreaterThan(0);
      }
    }
  });

  it('the heat balance at the largest J_in leaves the model (no root below Tc), finitely', () => {
    const s = solveBalance(ag, { Jin: DOMAIN.Jin.max, TR: 0.1, setup: 1 });
    expect(s.roots).toEqual([]);
    expect(s.exceedsTc).toBe(true);
  });
});

describe('checks', () => {
  it('checkInRange names the option, the value as given and the range with units and reason', () => {
    expect(() => checkInRange('gamma', '--gamma', 1e-9, { text: '1e-9' })).toThrowError(
      "--gamma: invalid value '1e-9': from 1e-6 to 0.1 accepted (R/R0 and J_ph,S are tabulated",
    );
    expect(() => checkInRange('c', '--c', 1e-300)).toThrowError(/from 1 fF\/µm² to 50 pF\/µm² accepted/);
    expect(() => checkInRange('Jin', '--Jin', 0)).toThrowError("'0 W': above 0 W and at most 1 µW");
    expect(checkInRange('Jin', '--Jin', 1e-6)).toBe(1e-6);
    for (const bad of [NaN, Infinity, -Infinity, -0])
      expect(() => checkInRange('chi', '--chi', bad)).toThrowError(InputError);
  });

  it('every range holds its ends (but an open one) and refuses just beyond', () => {
    for (const [name, range] of Object.entries(DOMAIN) as [
      keyof typeof DOMAIN,
      (typeof DOMAIN)[keyof typeof DOMAIN],
    ][]) {
      if (!('minExclusive' in range)) expect(checkInRange(name, name, range.min)).toBe(range.min);
      else expect(() => checkInRange(name, name, range.min)).toThrowError(InputError);
      expect(checkInRange(name, name, range.max)).toBe(range.max);
      expect(() => checkInRange(name, name, range.max * (1 + 1e-12))).toThrowError(InputError);
      if (range.min > 0)
        expect(() => checkInRange(name, name, range.min * (1 - 1e-12))).toThrowError(InputError);
    }
  });

  it('temperatures: from 0.004 Tc, below Tc where asked', () => {
    const Tc = 1.2;
    expect(() => checkTemperatures([0.0048, 1.1999], '--TR', { Tc, belowTc: true })).not.toThrow();
    expect(() => checkTemperatures([0.5, 0.0047], '--TR', { Tc, belowTc: true })).toThrowError(
      "--TR: invalid value '4.7 mK': a temperature from 4.8 mK (0.004 Tc) to below Tc = 1.2 K",
    );
    expect(() => checkTemperatures([1.2], '--TL', { Tc, belowTc: true })).toThrowError(/superconducting/);
    expect(() => checkTemperatures([10], '--T', { Tc, belowTc: false })).not.toThrow();
    expect(() => checkTemperatures([10.01], '--T', { Tc, belowTc: false })).toThrowError(
      /to 10 K; the domain of the model ends there/,
    );
    expect(() => checkTemperatures([Infinity], '--T', { Tc, belowTc: false })).toThrowError(InputError);
    expect(() => checkTemperatures([NaN], '--T', { Tc, belowTc: false })).toThrowError(InputError);
  });

  it('checkDevice accepts the platforms and names the key of a value outside', () => {
    expect(checkDevice(platformDevice('ag'), 'ag')).toEqual(platformDevice('ag'));
    expect(checkDevice(platformDevice('inas'), 'inas')).toEqual(platformDevice('inas'));
    const with_ = (patch: (d: Device) => void): Device => {
      const d = structuredClone(ag);
      patch(d);
      return d;
    };
    const cases: [Device, RegExp][] = [
      [with_((d) => (d.right.junction.c = 1e3)), /^f\.yaml: right\.junction\.c: invalid value '1 nF\/µm²'/],
      [with_((d) => (d.left.superconductor.gamma = 0.5)), /^f\.yaml: left\.superconductor\.gamma:/],
      [
        with_((d) => (d.left.normal.Sigma = 1e300)),
        /^f\.yaml: left\.normal\.Sigma: invalid value '1e300 W\/m³\/K⁵'/,
      ],
      [with_((d) => (d.right.junction.area = 1e-10)), /^f\.yaml: right\.chi: invalid value '1000'/],
      [with_((d) => (d.Tbath = 4e-3)), /^f\.yaml: Tbath: invalid value '4 mK': a temperature from 4\.8 mK/],
      [with_((d) => (d.Tbath = 1.3)), /^f\.yaml: Tbath: .*below Tc = 1\.2 K/],
    ];
    for (const [device, message] of cases) expect(() => checkDevice(device, 'f.yaml')).toThrowError(message);
  });
});
