import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { firstOfList, parseList, type ListLimit } from '../../src/units/list.js';
import type { QuantityKind } from '../../src/units/quantity.js';

describe('parseList', () => {
  it('reads comma-separated values in order', () => {
    expect(parseList('1fW,10fW, 100fW', 'power', '--Jin')).toEqual([1e-15, 1e-14, 1e-13]);
    expect(parseList('300mK', 'temperature', '--TL')).toEqual([0.3]);
  });

  it('reads a linear range with both ends included', () => {
    const v = parseList('10mK..800mK:200', 'temperature', '--TR');
    expect(v).toHaveLength(200);
    expect(v[0]).toBe(0.01);
    expect(v[199]).toBe(0.8);
    const step = (0.8 - 0.01) / 199;
    for (let i = 1; i < v.length; i++) expect(v[i] - v[i - 1]).toBeCloseTo(step, 12);
  });

  it('takes a point count written as any integer-valued decimal (15, 1.5e1, 1e6), and no other', () => {
    for (const count of ['15', '1.5e1', '15.0'])
      expect(parseList(`10mK..150mK:${count}`, 'temperature', '--TR')).toHaveLength(15);
    expect(parseList('1fW..1pW:1e2:log', 'power', '--Jin')).toHaveLength(100);
    for (const count of ['1.55e1', '2.5', '1e-1', '-3', 'x'])
      expect(() => parseList(`10mK..150mK:${count}`, 'temperature', '--TR')).toThrow(
        /must be an integer ≥ 2/,
      );
  });

  it('reads a log range', () => {
    const v = parseList('1fW..1pW:13:log', 'power', '--Jin');
    expect(v).toHaveLength(13);
    expect(v[0]).toBe(1e-15);
    expect(v[12]).toBe(1e-12);
    const ratio = 10 ** 0.25;
    for (let i = 1; i < v.length; i++) expect(v[i] / v[i - 1]).toBeCloseTo(ratio, 10);
  });

  it('accepts an explicit :lin, descending ranges and mixes ranges with values', () => {
    const near = (got: number[], want: number[]) => {
      expect(got).toHaveLength(want.length);
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 14));
    };
    near(parseList('0.3K..0.1K:3:lin', 'temperature', '--T'), [0.3, 0.2, 0.1]);
    near(parseList('1mK, 10mK..30mK:3, 1K', 'temperature', '--T'), [0.001, 0.01, 0.02, 0.03, 1]);
    near(parseList('10 mK .. 30 mK : 3', 'temperature', '--T'), [0.01, 0.02, 0.03]);
    expect(parseList('1fW..1fW:3:log', 'power', '--J')).toEqual([1e-15, 1e-15, 1e-15]);
  });

  it('log ranges are monotonic with exact ends for arbitrary ends and counts', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 2, max: 50 }),
        (a, b, n) => {
          const v = parseList(`${a}fW..${b}fW:${n}:log`, 'power', '--Jin');
          const a0 = parseList(`${a}fW`, 'power', '--Jin')[0];
          const b0 = parseList(`${b}fW`, 'power', '--Jin')[0];
          const sign = Math.sign(b0 - a0);
          return (
            v.length === n &&
            v[0] === a0 &&
            v[n - 1] === b0 &&
            v.every((x, i) => i === 0 || Math.sign(x - v[i - 1]) === sign || x === v[i - 1])
          );
        },
      ),
    );
  });

  const errors: [string, RegExp][] = [
    ['', /empty item/],
    ['1K,,2K', /empty item/],
    ['1K,', /empty item/],
    ['1K..2K', /malformed range/],
    ['..2K:3', /malformed range/],
    ['1K..2K..3K:3', /malformed range/],
    ['1K..2K:3:log:x', /malformed range/],
    ['1K..2K:1', /point count '1'/],
    ['1K..2K:x', /point count 'x'/],
    ['1K..2K:2.5', /point count '2.5'/],
    ['1K..2K:99999999999', /point count/],
    ['1K..2K:3:cubic', /unknown spacing 'cubic'/],
    ['1..2K:3', /missing unit/],
    ['1W..2K:3', /wrong unit/],
    ['1K,2W', /wrong unit/],
    ['-1K..1K:3', /above absolute zero/],
  ];
  it.each(errors)('%j → InputError', (text, why) => {
    let caught: unknown;
    try {
      parseList(text, 'temperature', '--T');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).option).toBe('--T');
    expect((caught as InputError).accepted).toMatch(why);
  });

  it('rejects a log range through zero or negative values', () => {
    expect(() => parseList('-1..1:3:log', 'dimensionless', '--x')).toThrow(/needs both ends > 0/);
    expect(parseList('-1..1:3', 'dimensionless', '--x')).toEqual([-1, 0, 1]);
  });

  // Its own arguments as InputErrors naming parseList: a number text and a null limit were TypeErrors,
  // a misspelt key of the limit was ignored, a limit of 0 refused every list.
  it.each([
    [
      () => parseList(5 as unknown as string, 'dimensionless'),
      /^parseList text: invalid value '5': a string: /,
    ],
    [
      () => parseList('1,2', 'dimensionles' as QuantityKind),
      /^parseList kind: invalid value 'dimensionles': one of /,
    ],
    [
      () => parseList('1,2', 'dimensionless', undefined, null as unknown as ListLimit),
      /^parseList limit: invalid value 'null': \{ max, beyond\? \}/,
    ],
    [
      () => parseList('1,2', 'dimensionless', undefined, { mx: 1 } as unknown as ListLimit),
      /^parseList limit\.mx: invalid value '1': one of the keys max, beyond/,
    ],
    [
      () => parseList('1,2', 'dimensionless', undefined, { max: 0 }),
      /^parseList limit\.max: invalid value '0': an integer from 1 to 10000000/,
    ],
  ])('bad argument %# → InputError', (call, message) => {
    expect(call).toThrow(InputError);
    expect(call).toThrowError(message);
  });
});

describe('firstOfList', () => {
  it("is parseList's first value, without making the others, and refuses what parseList refuses", () => {
    for (const text of ['10mK', '10mK,20mK', '50mK..800mK:20', '1e-3K..1K:7:log,2K', '0.5 K , 1K'])
      expect(firstOfList(text, 'temperature', '--T')).toBe(parseList(text, 'temperature', '--T')[0]);
    // 10⁷ values planned, one made.
    expect(firstOfList('1mK..1K:10000000', 'temperature', '--T')).toBe(1e-3);
    for (const bad of ['10mK,,20mK', '10mK..1K:1', '5kg'])
      expect(() => firstOfList(bad, 'temperature', '--T')).toThrow(InputError);
  });
});
