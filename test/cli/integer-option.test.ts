/** Integer options take digits or digits with a power of ten (1e6), within their range, nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerOption } from '../../src/cli/integer-option.js';

describe('integerOption', () => {
  it('reads n written as digits or as m·10^k (m, k digits) to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 9 }), (m, k) => {
        const n = m * 10 ** k;
        expect(integerOption(String(n), '--n')).toBe(n);
        expect(integerOption(`${m}e${k}`, '--n')).toBe(n);
        expect(integerOption(` ${m}E${k} `, '--n')).toBe(n);
      }),
    );
  });

  it('refuses fractions, signs, words and values outside its range, naming the option and the range', () => {
    for (const text of ['1.5', '-3', '+3', 'ten', '1e-3', '', '0x10', '1e400'])
      expect(() => integerOption(text, '--workers')).toThrow(
        new RegExp(`^--workers: invalid value '.*': an integer ≥ 1, e\\.g\\. 2 or 1e6$`),
      );
    expect(() => integerOption('0', '--grid', 2)).toThrow(/an integer ≥ 2, e\.g\. 3 or 1e6$/);
    expect(() => integerOption('1e7', '--max-evaluations', 1, 1e6)).toThrow(
      /^--max-evaluations: invalid value '1e7': an integer from 1 to 1000000$/,
    );
    expect(integerOption('1e6', '--max-evaluations', 1, 1e6)).toBe(1e6);
    expect(integerOption('0', '--workers', 0)).toBe(0);
  });
});
