/**
 * The library's boundary beyond sweeps: device files written and read back to the same doubles, units
 * without an option name, hysteresis and optimisation checked before any work, the reproduction as the
 * CLI computes it. Every bad input is an InputError naming the field, the value and what is accepted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as ndtc from '../../src/index.js';
import {
  FileError,
  formatQuantity,
  InputError,
  loadDeviceFile,
  optimize,
  parseDeviceText,
  parseList,
  parseQuantity,
  platformDevice,
  reproducePaper,
  traceHysteresis,
  withChi,
  withJunctionParameters,
  writeDeviceFile,
  type Device,
  type DeviceFileWriteOptions,
  type HysteresisInput,
  type OptimizationProblem,
  type QuantityKind,
} from '../../src/index.js';
import { computeReproduction } from '../../src/figures/reproduce.js';
import { ndtc as cli } from '../cli/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'ndtc-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error `f` throws (or undefined). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

function expectInputError(f: () => unknown, message: RegExp): void {
  const e = thrown(f);
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message).toMatch(message);
  expect((e as Error).message).not.toContain('\n');
}

describe('a part of a device given alone is checked like a whole device', () => {
  const ag = withChi(platformDevice('ag'), 2);
  it.each([
    // A misspelt Sommerfeld coefficient gave the material's default: a heat capacity 13.6 × too small.
    [
      () =>
        ndtc.reservoirHeatCapacity(
          { ...ag.left, normal: { ...ag.left.normal, sommerfield: 1000 } } as never,
          0.3,
        ),
      /^reservoirHeatCapacity reservoir\.normal\.sommerfield: invalid value '1000': one of the keys Sigma, n, volume, sommerfeld$/,
    ],
    [
      () => ndtc.phononHeatNormal({ ...ag.left.normal, sigma: 1 } as never, 0.3, 0.01),
      /^phononHeatNormal normal\.sigma: invalid value '1': one of the keys Sigma, n, volume, sommerfeld$/,
    ],
    [
      () => ndtc.phononHeatSuperconductor({ ...ag.left.superconductor, gama: 1e-3 } as never, 0.3, 0.01),
      /^phononHeatSuperconductor sc\.gama: invalid value '0\.001': one of the keys Tc, gamma, Sigma, volume, sommerfeld$/,
    ],
    [
      () => ndtc.phononHeat({ ...ag.left, junktion: ag.left.junction } as never, 0.3, 0.01),
      /^phononHeat reservoir\.junktion: invalid value 'an object { r0, c, area }': one of the keys superconductor, normal, junction$/,
    ],
  ])('unknown keys %#', (f, message) => expectInputError(f, message));

  it('R/R0 and Δ read Tc and γ of any object carrying them (a table row with its T)', () => {
    const row = { T: 0.3, Tc: 1.2, gamma: 1e-4 };
    expect(ndtc.resistanceRatio(0.3, row)).toBe(ndtc.resistanceRatio(0.3, { Tc: 1.2, gamma: 1e-4 }));
  });

  it('the setup is named as the argument it is, and a string setup is told it is one', () => {
    expectInputError(
      () => ndtc.temperatureDrop(ag, 1e-13, 5 as never, 0.01, 0.8),
      /^temperatureDrop setup: invalid value '5': 1 \(T_bath fixed/,
    );
    expectInputError(
      () => ndtc.leftTemperatureCurve(ag, 1e-13, 5 as never, [0.1]),
      /^leftTemperatureCurve setup: invalid value '5'/,
    );
    expectInputError(
      () => ndtc.temperatureDrop(ag, 1e-13, 1, 1e-3, 0.8),
      /^temperatureDrop TRmin: invalid value '1 mK': a temperature from 4\.8 mK/,
    );
    expectInputError(
      () => ndtc.solveBalance(ag, { Jin: 1e-13, TR: 0.3, setup: '1' as never }),
      /^solveBalance op\.setup: invalid value '1': 1 \(.*\) or 2 \(.*\), a number \(not a string\)$/,
    );
  });
});

describe('device files', () => {
  it('a written device file loads back to the very same doubles (also awkward ones)', () => {
    const devices: Device[] = [
      platformDevice('ag'),
      withChi(platformDevice('inas'), 3.7),
      withJunctionParameters(platformDevice('ag'), { c: 0.1 / 3, r0: Math.PI * 1e-12, gamma: 1.1e-5 }),
    ];
    devices.forEach((device, i) => {
      const path = join(dir, `device-${i}.yaml`);
      writeDeviceFile(path, device, { name: `device ${i}` });
      expect(readFileSync(path, 'utf8')).toMatch(/^# ndtc device file/);
      const back = loadDeviceFile(path);
      // Bit for bit: the same JSON text (shortest round-trip decimals) means the same doubles.
      expect(JSON.stringify(back)).toBe(JSON.stringify(device));
      expect(JSON.stringify(parseDeviceText(readFileSync(path, 'utf8')))).toBe(JSON.stringify(device));
      // A .json path gets JSON (strict: JSON.parse reads it), loading back to the same doubles.
      const json = join(dir, `device-${i}.json`);
      writeDeviceFile(json, device, { name: `device ${i}` });
      expect((JSON.parse(readFileSync(json, 'utf8')) as { name: string }).name).toBe(`device ${i}`);
      expect(JSON.stringify(loadDeviceFile(json))).toBe(JSON.stringify(device));
    });
  });

  it('the CLI reads a written file as the library does', async () => {
    const device = withChi(platformDevice('ag'), 2);
    const path = join(dir, 'chi2.yaml');
    writeDeviceFile(path, device);
    const r = await cli('photonic', '--device', path, '--TL', '500mK', '--TR', '300mK', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { J_gamma?: number; Jgamma?: number }[] } & Record<
      string,
      unknown
    >;
    expect(JSON.stringify(doc)).toContain(String(ndtc.photonicHeatCurrent(device, 0.5, 0.3)));
  });

  it('bad input and I/O failures', () => {
    expectInputError(
      () => writeDeviceFile('', platformDevice('ag')),
      /^writeDeviceFile path: invalid value '': a file path/,
    );
    // Named so that loadDeviceFile reads it back (it takes .yaml, .yml and .json).
    expectInputError(
      () => writeDeviceFile(join(dir, 'device.txt'), platformDevice('ag')),
      /^writeDeviceFile path: invalid value '.*device\.txt': a device file named \*\.yaml, \*\.yml or \*\.json$/,
    );
    expect(existsSync(join(dir, 'device.txt'))).toBe(false);
    expectInputError(
      () => writeDeviceFile(join(dir, 'x.yaml'), { left: 1 } as unknown as Device),
      /^writeDeviceFile device\.left: invalid value '1': a Device object/,
    );
    // A misspelt option wrote the file without it; null options were a TypeError.
    expectInputError(
      () =>
        writeDeviceFile(join(dir, 'x.yaml'), platformDevice('ag'), { nme: 'Ag' } as DeviceFileWriteOptions),
      /^writeDeviceFile options\.nme: invalid value 'Ag': one of the keys comment, name$/,
    );
    expectInputError(
      () =>
        writeDeviceFile(join(dir, 'x.yaml'), platformDevice('ag'), null as unknown as DeviceFileWriteOptions),
      /^writeDeviceFile options: invalid value 'null': \{ comment\?, name\? \}$/,
    );
    const bad = { ...platformDevice('ag'), Tbath: 5 };
    expectInputError(
      () => writeDeviceFile(join(dir, 'x.yaml'), bad),
      /^writeDeviceFile device: Tbath: invalid value '5 K'/,
    );
    const e = thrown(() => writeDeviceFile(join(dir, 'device-0.yaml', 'x.yaml'), platformDevice('ag')));
    expect(e).toBeInstanceOf(FileError);
    expect((e as Error).message).toContain(join(dir, 'device-0.yaml'));
    expectInputError(() => parseDeviceText('platform: cu\n'), /^device text/);
  });
});

describe('units', () => {
  it('parse and format without naming an option; a bad kind or text is named by function and parameter', () => {
    expect(parseQuantity('50fF/um^2', 'specificCapacitance')).toBe(0.05);
    expect(formatQuantity(1.12e-14, 'power')).toBe('11.2 fW');
    expect(parseList('10mK,20mK', 'temperature')).toEqual([0.01, 0.02]);
    expectInputError(
      () => parseQuantity('5 parsec', 'temperature'),
      /^parseQuantity text: invalid value '5 parsec'/,
    );
    expectInputError(() => parseList('1,,2', 'power'), /^parseList text: invalid value '1,,2': empty item/);
    expectInputError(
      () => parseQuantity('5K', 'heat' as QuantityKind),
      /^parseQuantity kind: invalid value 'heat': one of temperature, power/,
    );
    expectInputError(
      () => formatQuantity(1, 'heat' as QuantityKind),
      /^formatQuantity kind: invalid value 'heat'/,
    );
    expectInputError(
      () => parseQuantity(5 as unknown as string, 'temperature'),
      /^parseQuantity text: invalid value '5': a string/,
    );
  });
});

describe('traceHysteresis', () => {
  const base: HysteresisInput = {
    device: platformDevice('ag'),
    parameter: 'T_R',
    values: parseList('10mK..800mK:40', 'temperature'),
    Jin: 1e-14,
    setup: 1,
  };

  it('what ndtc hysteresis writes', async () => {
    const out = join(dir, 'hysteresis');
    const r = await cli('hysteresis', '--sweep', 'TR=10mK..800mK:40', '--Jin', '10fW', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(out, 'hysteresis.json'), 'utf8')) as {
      steps: unknown[];
      loops: unknown[];
    };
    const h = traceHysteresis(base);
    expect(JSON.parse(JSON.stringify(h.steps))).toEqual(written.steps);
    expect(JSON.parse(JSON.stringify(h.loops))).toEqual(written.loops);
  });

  it.each([
    [{ parameter: 'Tbath' }, /^traceHysteresis parameter: invalid value 'Tbath': 'J_in' or 'T_R'/],
    [
      { values: [0.1] },
      /^traceHysteresis values: invalid value 'an array of 1': an array \(or Float64Array\) of at least two/,
    ],
    [
      { values: [0.1, 1.5] },
      /^traceHysteresis values\[1\]: invalid value '1\.5 K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    // NaN and negative values: this device's range, not the model's widest (0.04 mK to 10 K).
    [
      { values: [Number.NaN, 0.2] },
      /^traceHysteresis values\[0\]: invalid value 'NaN K': a temperature from 4\.8 mK \(0\.004 Tc\) to below Tc = 1\.2 K/,
    ],
    [
      { values: [-0.1, 0.2] },
      /^traceHysteresis values\[0\]: invalid value '-100 mK': a temperature from 4\.8 mK/,
    ],
    [{ Jin: undefined }, /^traceHysteresis Jin: invalid value 'undefined': a number \(SI\) for J_in/],
    [{ setup: 3 }, /^traceHysteresis setup: invalid value '3': 1 \(T_bath fixed\) or 2/],
    // Below 0.004 Tc the error named solveBalance op.TR, not this field.
    [
      { values: [1e-3, 0.1] },
      /^traceHysteresis values\[0\]: invalid value '1 mK': a temperature from 4\.8 mK/,
    ],
    // A real photon line was ignored (ndtc hysteresis refuses such a device file).
    [
      { device: { ...platformDevice('ag'), line: { inductance: 0, resistance: 5 } } },
      /^traceHysteresis device\.line: invalid value 'inductance 0 H, resistance 5 Ω': no 'line'/,
    ],
    // An unsupported key was ignored: the loops at the device's 10 mK bath, not at 100 mK.
    [
      { Tbath: 0.1 },
      /^traceHysteresis Tbath: invalid value '0\.1': one of the keys device, parameter, values/,
    ],
    // The swept quantity fixed as well was overridden by the sweep without a word.
    [
      { parameter: 'J_in', values: [1e-15, 1e-14], TR: 0.3 },
      /^traceHysteresis Jin: invalid value '1e-14': none when parameter is 'J_in'/,
    ],
  ])('bad input %# is refused before any solve', (over, message) => {
    expectInputError(() => traceHysteresis({ ...base, ...over } as HysteresisInput), message);
  });
});

describe('optimize', () => {
  const base: OptimizationProblem = {
    device: platformDevice('ag'),
    fixed: { setup: 1, J_in: 1e-13 },
    objective: 'deltaT',
    params: [{ name: 'chi', lo: 0.5, hi: 10, log: true }],
    TRrange: [0.01, 0.8],
    maxEvaluations: 20,
    profilePoints: 3,
  };

  it('spends at most maxEvaluations in the search and finds a positive δT', () => {
    const r = optimize(base);
    expect(r.evaluations).toBeLessThanOrEqual(20);
    expect(r.value).toBeGreaterThan(0);
    expect(r.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(r.x[0]).toBeLessThanOrEqual(10);
  });

  it('takes fixed.Jin for J_in, as sweepGrid does: the same search', () => {
    const spelled = optimize({
      ...base,
      fixed: { setup: 1, Jin: 1e-13 } as unknown as OptimizationProblem['fixed'],
    });
    const canonical = optimize(base);
    expect(spelled.x).toEqual(canonical.x);
    expect(spelled.value).toBe(canonical.value);
  });

  it.each([
    [{ objective: 'speed' }, /^optimize objective: invalid value 'speed': deltaT or negative-responsivity/],
    [
      { params: [{ name: 'chi', lo: 5, hi: 1, log: false }] },
      /^optimize params\[0\]\.hi: invalid value '1': above lo = 5/,
    ],
    [
      { params: [{ name: 'T_R', lo: 0.1, hi: 0.2, log: false }] },
      /^optimize params\[0\]\.name: invalid value 'T_R': a device parameter or J_in/,
    ],
    [
      { params: [{ name: 'chi', lo: 0.5, hi: 1000, log: true }] },
      /^optimize params\[0\]\.hi: invalid value 'chi = 1000'/,
    ],
    [{ fixed: { setup: 1 } }, /^optimize fixed\.J_in: invalid value 'undefined': an input power in W/],
    [
      { TRrange: [0.01, 2] },
      /^optimize TRrange: invalid value 'an array of 2': \[from, to\] in K with 0\.0048 K \(0\.004 Tc\) ≤ from < to < Tc = 1\.2 K/,
    ],
    // Below 0.004 Tc: the error named temperatureDrop TRmin, not this field.
    [
      { TRrange: [1e-6, 0.8] },
      /^optimize TRrange: invalid value 'an array of 2': \[from, to\] in K with 0\.0048 K/,
    ],
    [
      { device: { ...platformDevice('ag'), line: { inductance: 1e-9, resistance: 0 } } },
      /^optimize device\.line: invalid value 'inductance 1e-9 H, resistance 0 Ω': no 'line'/,
    ],
    // Misspelt keys were ignored: maxEvals spent the default 150 evaluations, fixed.T_bath kept 10 mK.
    [{ maxEvals: 2 }, /^optimize maxEvals: invalid value '2': one of the keys device, fixed, params/],
    [
      { fixed: { setup: 1, J_in: 1e-13, T_bath: 0.1 } },
      /^optimize fixed\.T_bath: invalid value '0\.1': one of the keys setup, J_in \(or Jin\): the bath is the device’s Tbath/,
    ],
    // J_in and its other spelling both: one would override the other.
    [
      { fixed: { setup: 1, J_in: 1e-13, Jin: 2e-13 } },
      /^optimize fixed\.Jin: invalid value '2e-13': J_in once$/,
    ],
    [
      { params: [{ name: 'chi', lo: 0.5, hi: 5, log: true, lg: false }] },
      /^optimize params\[0\]\.lg: invalid value 'false': one of the keys name, lo, hi, log$/,
    ],
    [{ maxEvaluations: 0 }, /^optimize maxEvaluations: invalid value '0': an integer from 1 to/],
  ])('bad input %# is refused before any evaluation', (over, message) => {
    expectInputError(() => optimize({ ...base, ...over } as OptimizationProblem), message);
  });
});

describe('reproducePaper', () => {
  it('the panels and claims ndtc reproduce computes, without files', () => {
    const lib = reproducePaper({ panels: ['2A', '1c'] });
    const ref = computeReproduction(['1c', '2a']);
    expect(lib.panels.map((p) => p.id)).toEqual(['1c', '2a']);
    expect(lib.panels).toEqual(ref.panels);
    expect(lib.claims).toEqual(ref.claims);
    expect(lib.claims).toHaveLength(8);
  }, 60_000);

  it('refuses an unknown panel', () => {
    expectInputError(
      () => reproducePaper({ panels: ['2a', '9z'] }),
      /^reproducePaper panels: invalid value '9z': panel ids from 1c, 2a/,
    );
  });
});
