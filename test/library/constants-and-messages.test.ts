/**
 * The public API's constants and argument checks (`import * as n from 'ndtc'`): every exported
 * constant frozen all the way down; volumes of positive factors and whole counts; messages that
 * describe a value of the wrong type and show a refused value with the digits that tell it from its
 * limit; formatting functions that check their arguments; device files named .yaml, .yml or .json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as n from '../../src/index.js';
import { DEVICE_KEYS } from '../../src/physics/domain.js';
import { CAPACITANCE, CUTOFF, RESISTANCE } from '../../src/api/arguments.js';

/** The InputError message `f` throws (fails the test if it throws nothing or something else). */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(n.InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

/** Whether `x` and everything reachable from it is frozen. */
function deepFrozen(x: unknown, seen = new Set<unknown>()): boolean {
  if (x === null || (typeof x !== 'object' && typeof x !== 'function') || seen.has(x)) return true;
  seen.add(x);
  if (!Object.isFrozen(x)) return false;
  return Reflect.ownKeys(x as object).every((key) =>
    deepFrozen((Object.getOwnPropertyDescriptor(x, key) as PropertyDescriptor).value, seen),
  );
}

describe('exported constants are deeply frozen', () => {
  const constants = Object.entries(n).filter(([, v]) => v !== null && typeof v === 'object');

  it('every exported constant object or array is frozen, recursively', () => {
    const mutable = constants.filter(([, v]) => !deepFrozen(v)).map(([k]) => k);
    expect(mutable).toEqual([]);
    for (const name of [
      'DOMAIN',
      'PANEL_IDS',
      'QUANTITY_KINDS',
      'SOMMERFELD_RANGE',
      'PAPER_DEFAULTS',
      'OBJECTIVES',
    ])
      expect(deepFrozen((n as Record<string, unknown>)[name]), name).toBe(true);
  });

  it('internal tables shared by the checks are frozen too', () => {
    for (const table of [DEVICE_KEYS, RESISTANCE, CAPACITANCE, CUTOFF]) expect(deepFrozen(table)).toBe(true);
  });

  it('a mutation throws (strict mode) and leaves the checks and defaults unchanged', () => {
    expect(() => {
      (n.DOMAIN.gamma as { max: number }).max = 0.5;
    }).toThrow(TypeError);
    expect(n.DOMAIN.gamma.max).toBe(0.1);
    expect(() => n.resistanceRatio(0.3, { Tc: 1.2, gamma: 0.2 })).toThrow(n.InputError);
    expect(() => (n.PANEL_IDS as unknown as string[]).push('9z')).toThrow(TypeError);
    expect(n.PANEL_IDS).toHaveLength(15);
    expect(() => (n.QUANTITY_KINDS as string[]).push('heat')).toThrow(TypeError);
    expect(() => n.formatQuantity(1, 'heat' as n.QuantityKind)).toThrow(n.InputError);
    expect(() => {
      (n.SOMMERFELD_RANGE as { max: number }).max = 1e9;
    }).toThrow(TypeError);
  });
});

describe('volumes: every factor above 0, a count a positive integer', () => {
  it.each([
    ['1.3um x -0.2um x -0.01um', /each factor of a product must be above 0 \('-0\.2um' is not\)/],
    ['-1.3um x 0.2um x -0.01um', /each factor of a product must be above 0/],
    ['1.3um x 0.2um x -0.01um', /each factor of a product must be above 0/],
    ['0 x 1um x 1um x 1um', /each factor of a product must be above 0 \('0' is not\)/],
    ['-2 x 1um x 1um x 1um', /each factor of a product must be above 0/],
    ['2.5 x 1um x 1um x 1um', /a count must be a positive integer \('2\.5' is not\)/],
    ['1e-999999999 x 1um x 1um x 1um', /a count must be a positive integer/],
  ])('%s is refused, naming the value and what is accepted', (text, why) => {
    const message = refusal(() => n.parseQuantity(text, 'volume', '--volume'));
    expect(message).toContain(`--volume: invalid value '${text}'`);
    expect(message).toMatch(why);
    expect(message).toMatch(/expected a volume, e\.g\./);
  });

  it('positive factors and whole counts are read as before', () => {
    expect(n.parseQuantity('2 x 1.3um x 0.2um x 0.01um', 'volume')).toBe(5.2e-21);
    expect(n.parseQuantity('2.0 x 1um x 1um x 1um', 'volume')).toBe(2e-18);
    expect(n.parseQuantity('20e-1 x 1um x 1um x 1um', 'volume')).toBe(2e-18);
    expect(n.parseQuantity('0.5um x 0.2um', 'area')).toBe(1e-13);
  });
});

describe('a value of the wrong type is described, not given as its typeof', () => {
  it('gap(T, Tc) given an object for Tc', () => {
    const message = refusal(() => n.gap(0.3, { Tc: 1.2, gamma: 1e-4 } as unknown as number));
    expect(message).toBe(
      "gap Tc: invalid value 'an object { Tc, gamma }': a temperature in K (a number) from 10 mK to 10 K",
    );
  });

  it('reservoirHeatCapacity(reservoir, T) given a whole device', () => {
    const device = n.platformDevice('ag');
    const message = refusal(() => n.reservoirHeatCapacity(device as unknown as n.Reservoir, 0.3));
    expect(message).toMatch(
      /^reservoirHeatCapacity reservoir: invalid value 'an object \{ left, right, Tbath \}'/,
    );
    expect(message).toMatch(/a Reservoir \{ superconductor, normal, junction \}.*e\.g\. device\.left$/);
    expect(n.reservoirHeatCapacity(device.left, 0.3)).toBeGreaterThan(0);
  });

  it.each([
    ['0.3', 'a string "0.3"'],
    [new Float64Array(3), 'a Float64Array of 3'],
    [[0.3], 'an array of 1'],
    [{}, 'an empty object'],
    [new Map(), 'a Map'],
    [null, 'null'],
    [undefined, 'undefined'],
    [3n, 'a bigint 3n'],
  ])('%o is shown as %s, after the parameter', (value, shown) => {
    expect(refusal(() => n.gap(value as unknown as number, 1.2))).toMatch(
      new RegExp(`^gap T: invalid value '${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': `),
    );
  });
});

describe('a refused temperature shows the digits that tell it from the limit', () => {
  it.each([
    ['resistanceRatio', () => n.resistanceRatio(10.0001, { Tc: 1.2, gamma: 1e-4 }), '10.0001 K'],
    ['gap', () => n.gap(10.0001, 1.2), '10.0001 K'],
    ['gap', () => n.gap(10.000000001, 1.2), '10.000000001 K'],
    [
      'heatCapacityNormal',
      () => n.heatCapacityNormal(n.platformDevice('ag').left.normal, 10.00001),
      '10.00001 K',
    ],
  ])('%s', (_name, f, shown) => {
    const message = refusal(f);
    expect(message).toContain(`invalid value '${shown}'`);
    expect(message).toContain('10 K');
  });

  it('a reversed range whose ends round alike', () => {
    const device = n.platformDevice('ag');
    const message = refusal(() => n.photonicMaximum(device, 0.5, 0.30001, 0.3));
    expect(message).toContain("invalid value '300.01 mK > 300 mK'");
  });
});

describe('the formatting functions check their arguments', () => {
  it.each([
    [
      'formatQuantity(undefined)',
      () => n.formatQuantity(undefined as unknown as number, 'power'),
      "formatQuantity value: invalid value 'undefined'",
    ],
    [
      'formatQuantity({})',
      () => n.formatQuantity({} as unknown as number, 'power'),
      "formatQuantity value: invalid value 'an empty object'",
    ],
    [
      "formatQuantity('1')",
      () => n.formatQuantity('1' as unknown as number, 'power'),
      'formatQuantity value: invalid value \'a string "1"\'',
    ],
    [
      'formatQuantity(1, 5)',
      () => n.formatQuantity(1, 5 as unknown as n.QuantityKind),
      "formatQuantity kind: invalid value '5'",
    ],
    [
      'formatNumber(undefined)',
      () => n.formatNumber(undefined as unknown as number),
      "formatNumber x: invalid value 'undefined'",
    ],
    [
      "formatEphCoupling(5e8, 'x')",
      () => n.formatEphCoupling(5e8, 'x' as unknown as number),
      'formatEphCoupling exponent: invalid value \'a string "x"\'',
    ],
    [
      'formatEphCoupling(5e8, 0)',
      () => n.formatEphCoupling(5e8, 0),
      "formatEphCoupling exponent: invalid value '0'",
    ],
    [
      'formatEphCoupling(5e8, -2)',
      () => n.formatEphCoupling(5e8, -2),
      "formatEphCoupling exponent: invalid value '-2'",
    ],
    [
      'formatEphCoupling(5e8, NaN)',
      () => n.formatEphCoupling(5e8, Number.NaN),
      "formatEphCoupling exponent: invalid value 'NaN'",
    ],
    [
      'formatEphCoupling(null, 5)',
      () => n.formatEphCoupling(null as unknown as number, 5),
      "formatEphCoupling value: invalid value 'null'",
    ],
  ])('%s', (_label, f, start) => {
    expect(refusal(f).startsWith(start)).toBe(true);
  });

  it('numbers, non-finite ones included, are formatted as before', () => {
    expect(n.formatQuantity(Number.NaN, 'power')).toBe('NaN W');
    expect(n.formatQuantity(Infinity, 'temperature')).toBe('Infinity K');
    expect(n.formatNumber(-Infinity)).toBe('-Infinity');
    expect(n.formatEphCoupling(5e8, 5)).toBe('5e8 W/m³/K⁵');
    expect(n.formatEphCoupling(5e8, 5.5)).toBe('5e8 W/m³/K^5.5');
  });
});

describe('device files are named .yaml, .yml or .json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndtc-device-ext-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = readFileSync('examples/ag.yaml', 'utf8');

  it('a .txt file is refused, naming the path and the extensions accepted', () => {
    const path = join(dir, 'ag.txt');
    writeFileSync(path, text);
    expect(refusal(() => n.loadDeviceFile(path))).toBe(
      `loadDeviceFile path: invalid value '${path}': a device file named *.yaml, *.yml or *.json (see docs/devices.md)`,
    );
    expect(refusal(() => n.loadDeviceFile(path, '--device'))).toMatch(/^--device: invalid value '.*ag\.txt'/);
  });

  it('.yaml, .yml, .json in any case are read', () => {
    const expected = JSON.stringify(n.loadDeviceFile('examples/ag.yaml'));
    for (const name of ['ag.yml', 'ag.YAML', 'ag.json']) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(JSON.stringify(n.loadDeviceFile(path)), name).toBe(expected);
    }
  });
});

describe('parseList describes arguments of the wrong type', () => {
  it.each([
    [
      () => n.parseList({} as unknown as string, 'temperature'),
      "parseList text: invalid value 'an empty object'",
    ],
    [
      () => n.parseList(['1K'] as unknown as string, 'temperature'),
      "parseList text: invalid value 'an array of 1'",
    ],
    [
      () => n.parseList('1K', 'temperature', undefined, [] as unknown as n.ListLimit),
      "parseList limit.max: invalid value 'undefined'",
    ],
    [
      () => n.parseList('1K', 'temperature', undefined, { max: { n: 3 } } as unknown as n.ListLimit),
      "parseList limit.max: invalid value 'an object { n }'",
    ],
  ])('%#', (f, start) => {
    expect(refusal(f).startsWith(start)).toBe(true);
  });
});
