import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import {
  formatEphCoupling,
  formatNumber,
  formatQuantity,
  parseEphCoupling,
  parseQuantity,
  type QuantityKind,
} from '../../src/units/quantity.js';

/** Relative closeness; the parser rounds once, so most exact cases are equal to the last bit. */
const close = (a: number, b: number, rel = 1e-15) => Math.abs(a - b) <= rel * Math.abs(b);

describe('parseQuantity: accepted spellings', () => {
  const cases: [string, QuantityKind, number][] = [
    ['500mK', 'temperature', 0.5],
    ['0.5K', 'temperature', 0.5],
    ['0.5 K', 'temperature', 0.5],
    ['10 mK', 'temperature', 0.01],
    ['1.2K', 'temperature', 1.2],
    ['100fW', 'power', 1e-13],
    ['1e-13W', 'power', 1e-13],
    ['1pW', 'power', 1e-12],
    ['2.5 nW', 'power', 2.5e-9],
    ['50fF/um^2', 'specificCapacitance', 0.05],
    ['50 fF/µm²', 'specificCapacitance', 0.05],
    ['50 fF/μm^2', 'specificCapacitance', 0.05], // Greek mu as well as the micro sign
    ['0.05 F/m^2', 'specificCapacitance', 0.05],
    ['10ohm*um^2', 'specificResistance', 1e-11],
    ['10 Ω·µm²', 'specificResistance', 1e-11],
    ['10 Ohm um^2', 'specificResistance', 1e-11],
    ['1e-11 ohm*m^2', 'specificResistance', 1e-11],
    ['0.1um^2', 'area', 1e-13],
    ['0.5um x 0.2um', 'area', 1e-13],
    ['1.3um x 0.2um x 0.01um', 'volume', 2.6e-21],
    ['1.3 µm × 0.2 µm × 0.01 µm', 'volume', 2.6e-21],
    ['2 x 1.3um x 0.2um x 0.01um', 'volume', 5.2e-21],
    ['5.2e-21 m^3', 'volume', 5.2e-21],
    ['0.1um^2 x 10nm', 'volume', 1e-21],
    ['200nm', 'length', 2e-7],
    ['1cm', 'length', 0.01],
    ['5e8 W/m^3/K^5', 'ephCoupling5', 5e8],
    ['5e8 W m⁻³ K⁻⁵', 'ephCoupling5', 5e8],
    ['5e8 W/(m^3*K^5)', 'ephCoupling5', 5e8],
    ['3e7 W/m^3/K^6', 'ephCoupling6', 3e7],
    ['2', 'dimensionless', 2],
    ['1e-4', 'dimensionless', 1e-4],
    ['+.5', 'dimensionless', 0.5],
    ['−3', 'dimensionless', -3], // Unicode minus
    ['-0.25', 'responsivity', -0.25],
    ['1 K/K', 'responsivity', 1],
    ['2.9e-23 J', 'energy', 2.9e-23],
    ['1 meV', 'energy', 1.602176634e-22],
    ['1fW/K', 'conductance', 1e-15],
    ['1 kW/K', 'conductance', 1000],
  ];
  it.each(cases)('%s as %s = %d', (text, kind, expected) => {
    expect(close(parseQuantity(text, kind, '--x'), expected)).toBe(true);
  });

  it('rounds the exact decimal value once (correctly rounded, not a chain of products)', () => {
    expect(parseQuantity('0.1um^2', 'area', '--a')).toBe(1e-13);
    expect(parseQuantity('2 x 1.3um x 0.2um x 0.01um', 'volume', '--v')).toBe(5.2e-21);
    expect(parseQuantity('50fF/um^2', 'specificCapacitance', '--c')).toBe(0.05);
  });

  it('reads the electron-phonon exponent from the unit', () => {
    expect(parseEphCoupling('3e7 W/m^3/K^6', '--Sigma')).toEqual({ value: 3e7, exponent: 6 });
    expect(parseEphCoupling('5e8 W m⁻³ K⁻⁵', '--Sigma')).toEqual({ value: 5e8, exponent: 5 });
    expect(parseEphCoupling('1e9 W/m^3/K^4', '--Sigma')).toEqual({ value: 1e9, exponent: 4 });
  });
});

describe('parseQuantity: every error path is an InputError naming option and value', () => {
  const errors: [string, QuantityKind, RegExp][] = [
    ['1e-13', 'power', /missing unit/],
    ['0.5', 'temperature', /missing unit/],
    ['5 W', 'temperature', /wrong unit/],
    ['50 fF', 'specificCapacitance', /wrong unit/],
    ['10 ohm', 'specificResistance', /wrong unit/],
    ['1.3um x 0.2um', 'volume', /wrong unit/],
    ['5e8 W/m^3/K^6', 'ephCoupling5', /wrong unit/],
    ['5e8 W/m^3', 'ephCoupling', /wrong unit/],
    ['5e8 W/m^3 K^5', 'ephCoupling', /wrong unit/], // '/' divides by the next factor only
    ['2 K', 'dimensionless', /wrong unit/],
    ['5 furlong', 'length', /unknown unit 'furlong'/],
    ['5 xK', 'temperature', /unknown unit 'xK'/],
    ['abc', 'power', /not a number/],
    ['mK', 'temperature', /not a number/],
    ['', 'temperature', /empty/],
    ['   ', 'power', /empty/],
    ['1e999 K', 'temperature', /finite/],
    ['1e400', 'dimensionless', /finite/],
    ['1e-400W', 'power', /too small for a double \(it would be read as 0\)/],
    ['2 x 1e-200um x 1e-200um x 1um', 'volume', /too small for a double/],
    ['0K', 'temperature', /above absolute zero/],
    ['-10mK', 'temperature', /above absolute zero/],
    ['5 W/(m^3', 'ephCoupling5', /parenthes/],
    ['5 W^', 'power', /unexpected/],
    ['5 W*', 'power', /ends early/],
    ['5 um2', 'length', /unexpected '2'/],
  ];
  it.each(errors)('%j as %s', (text, kind, why) => {
    let caught: unknown;
    try {
      parseQuantity(text, kind, '--opt');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const err = caught as InputError;
    expect(err.option).toBe('--opt');
    expect(err.value).toBe(text);
    expect(err.accepted).toMatch(why);
    expect(err.accepted).toMatch(/e\.g\./); // always shows an example
    expect(err.message).toContain(`--opt: invalid value '${text}'`);
  });
});

describe('formatQuantity', () => {
  const cases: [number, QuantityKind, string][] = [
    [1.12e-14, 'power', '11.2 fW'],
    [1e-13, 'power', '100 fW'],
    [9.99996e-13, 'power', '1 pW'], // rounding carries into the next prefix
    [0, 'power', '0 W'],
    // Below yocto: powers of ten of the bare unit, not '1e-6 yW'.
    [1e-30, 'power', '1e-30 W'],
    // J_ph,S of a cold InAsOI island: yocto, like its neighbours in zW (not '2.21e-24 W').
    [2.21e-24, 'power', '2.21 yW'],
    [-6.163e-33, 'power', '-6.163e-33 W'],
    [1e-21, 'power', '1 zW'],
    [9.99996e-22, 'power', '1 zW'], // rounds up into zepto
    [-2.3e-15, 'conductance', '-2.3 fW/K'],
    [0.5, 'temperature', '500 mK'],
    [0.01, 'temperature', '10 mK'],
    [1.2, 'temperature', '1.2 K'],
    [1, 'temperature', '1 K'],
    [0.05, 'specificCapacitance', '50 fF/µm²'],
    [1e-11, 'specificResistance', '10 Ω·µm²'],
    [1e-13, 'area', '0.1 µm²'],
    [5.2e-21, 'volume', '0.0052 µm³'],
    [2e-7, 'length', '200 nm'],
    [5e8, 'ephCoupling5', '5e8 W/m³/K⁵'],
    [3e7, 'ephCoupling6', '3e7 W/m³/K⁶'],
    [1e-4, 'dimensionless', '0.0001'],
    [2, 'dimensionless', '2'],
    [-0.5, 'responsivity', '-0.5'],
  ];
  it.each(cases)('%d as %s → %s', (value, kind, expected) => {
    expect(formatQuantity(value, kind)).toBe(expected);
  });

  it('honours the number of significant digits', () => {
    expect(formatQuantity(1.23456e-14, 'power', 3)).toBe('12.3 fW');
    expect(formatQuantity(1.23456e-14, 'power', 6)).toBe('12.3456 fW');
    expect(formatNumber(123456, 4)).toBe('1.235e5');
  });

  it('a value that rounds up to 10^digits is written plainly (R/R0 = 9999.97 is 10000, not 1e4)', () => {
    expect(formatNumber(9999.97, 4)).toBe('10000');
    expect(formatNumber(-999.96, 3)).toBe('-1000');
    expect(formatNumber(99999.7, 4)).toBe('1e5');
    expect(formatNumber(10004, 4)).toBe('1e4'); // at or past 10^digits: the exponent form, as 1e4 itself
    expect(formatNumber(1e4, 4)).toBe('1e4');
    expect(formatNumber(12345, 4)).toBe('1.235e4');
    fc.assert(
      fc.property(
        fc.double({ min: 1e-30, max: 1e30, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (x, d) => {
          const text = formatNumber(x, d);
          expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(x * 10 ** (1 - d));
        },
      ),
    );
  });

  it('17 digits give back the very double: the point is moved, not multiplied (fast-check)', () => {
    // 1.12e-14 W at 17 digits was '11.199999999999999 fW' (1.12e-14 × 1e15 rounds), which parses back
    // to another double.
    expect(formatQuantity(1.12e-14, 'power', 17)).toBe('11.200000000000001 fW'); // the double's 17 digits
    expect(formatQuantity(1.12e-14, 'power', 16)).toBe('11.2 fW');
    expect(formatQuantity(1e-13, 'area', 17)).toBe('0.1 µm²');
    const kinds: QuantityKind[] = [
      'power',
      'conductance',
      'time',
      'temperature',
      'specificCapacitance',
      'specificResistance',
      'area',
      'volume',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.double({ min: -30, max: 9, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (kind, e, m) => {
          const x = m * 10 ** Math.floor(e);
          const text = formatQuantity(x, kind, 17).replace(/ /g, '');
          const unit = text.replace(/^[-\d.e]+/, '');
          const back = parseQuantity(
            text
              .replace('µ', 'u')
              .replace('²', '^2')
              .replace('³', '^3')
              .replace('Ω·', 'ohm*')
              .replace('Ω', 'ohm'),
            kind,
            'x',
          );
          expect(back, `${x} → ${text} (${unit})`).toBe(x);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a digit count toPrecision cannot take, naming the parameter', () => {
    for (const digits of [0, 22, 2.5, Number.NaN]) {
      expect(() => formatQuantity(1e-14, 'power', digits)).toThrowError(
        new RegExp(`^formatQuantity digits: invalid value '${digits}': an integer from 1 to 21`),
      );
      expect(() => formatNumber(1, digits)).toThrowError(/^formatNumber digits: /);
    }
    // 21 digits of the double nearest 1e-14 (its own digits, shifted: not those of 1e-14 × 1e15 = 10).
    expect(formatQuantity(1e-14, 'power', 21)).toBe('9.99999999999999998819 fW');
  });

  it('formats an electron-phonon coupling with its exponent', () => {
    expect(formatEphCoupling(3e7, 6)).toBe('3e7 W/m³/K⁶');
    expect(formatEphCoupling(2e9, 12)).toBe('2e9 W/m³/K¹²');
    // An InputError as every library error (was a RangeError).
    expect(() => formatQuantity(1, 'ephCoupling')).toThrowError(
      /^formatQuantity kind: invalid value 'ephCoupling': a kind with one unit; for 'ephCoupling' \(W\/m³\/Kⁿ\) use formatEphCoupling/,
    );
    expect(() => formatQuantity(1, 'ephCoupling')).toThrow(InputError);
    // A non-integer exponent as it is, not as superscripts of its digits ('K¹⁵' for 1.5).
    expect(formatEphCoupling(3e7, 1.5)).toBe('3e7 W/m³/K^1.5');
    // No coupling has a unit K^NaN or K⁻² (parseEphCoupling reads n > 0 only): refused.
    expect(() => formatEphCoupling(3e7, Number.NaN)).toThrowError(
      /^formatEphCoupling exponent: invalid value 'NaN'/,
    );
    expect(() => formatEphCoupling(3e7, -2)).toThrowError(/^formatEphCoupling exponent: invalid value '-2'/);
    expect(() => formatEphCoupling(3e7, 6, 0)).toThrowError(/^formatEphCoupling digits: invalid value '0'/);
  });

  it('reads the ohm sign (U+2126) and the kelvin sign (U+212A) as Ω and K', () => {
    // Look-alikes of Greek omega and K, e.g. from a symbol picker: the ohm sign was refused.
    expect(parseQuantity('5 \u2126', 'resistance')).toBe(5);
    expect(parseQuantity('10 \u2126\u00b7\u00b5m\u00b2', 'specificResistance')).toBe(1e-11);
    expect(parseQuantity('5 \u03a9', 'resistance')).toBe(5);
    expect(parseQuantity('500 m\u212a', 'temperature')).toBe(0.5);
  });

  it('chooses mK or K by the rounded value', () => {
    expect(formatQuantity(0.99996, 'temperature')).toBe('1 K');
    expect(formatQuantity(0.99994, 'temperature')).toBe('999.9 mK');
    expect(formatQuantity(-0.99996, 'temperature')).toBe('-1 K');
    expect(formatQuantity(0.99996, 'temperature', 6)).toBe('999.96 mK');
  });
});

describe('format → parse round trip', () => {
  const kinds: QuantityKind[] = [
    'temperature',
    'power',
    'specificCapacitance',
    'specificResistance',
    'area',
    'volume',
    'length',
    'ephCoupling5',
    'ephCoupling6',
    'dimensionless',
    'energy',
    'conductance',
    'responsivity',
  ];
  const magnitude = fc.double({ min: 1e-30, max: 1e30, noNaN: true, noDefaultInfinity: true });

  it.each(kinds)('%s: parse(format(x, digits)) ≈ x to the printed digits', (kind) => {
    fc.assert(
      fc.property(magnitude, fc.boolean(), fc.integer({ min: 3, max: 12 }), (m, negative, digits) => {
        const x = negative && kind !== 'temperature' ? -m : m;
        const back = parseQuantity(formatQuantity(x, kind, digits), kind, '--x');
        // Half a unit in the last printed digit, plus a few ulps for the SI conversion.
        return Math.abs(back - x) <= (0.5 * 10 ** (1 - digits) + 1e-15) * Math.abs(x);
      }),
      { numRuns: 300 },
    );
  });

  it('ephCoupling with any exponent', () => {
    fc.assert(
      fc.property(magnitude, fc.integer({ min: 1, max: 20 }), (x, n) => {
        const back = parseEphCoupling(formatEphCoupling(x, n, 8), '--Sigma');
        return back.exponent === n && Math.abs(back.value - x) <= 1e-7 * x;
      }),
    );
  });
});
