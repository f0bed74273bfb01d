/** The explorer's control ranges and URL state: round trip, clamping, refusal of anything that is not a number. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAIN, RESISTANCE_GAMMA_GRID, platformDevice } from '../../src/index.js';
import { checkDevice } from '../../src/physics/domain.js';
import { deviceFromParams, parseLoadedDevice, sliderValuesOf } from '../../web/device.js';
import {
  DEFAULT_PARAMS,
  NUMERIC_SPECS,
  SLIDER_STEPS,
  fromQuery,
  formatDisplay,
  fromSlider,
  helpText,
  maxTL,
  parseDisplay,
  rangeOf,
  toQuery,
  stepsOf,
  toSlider,
  clampDependent,
  linked,
  movedNotes,
  withSides,
  type ExplorerParams,
} from '../../web/params.js';

const relClose = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.abs(b);

describe('explorer parameters', () => {
  it('defaults are the paper device (docs/model.md §5) at T_L = 500 mK, J_in = 100 fW', () => {
    expect(DEFAULT_PARAMS).toMatchObject({ platform: 'ag', chi: 2, gamma: 1e-4, Tc: 1.2, TL: 0.5, setup: 1 });
    expect(DEFAULT_PARAMS.c).toBeCloseTo(0.05, 12); // 50 fF/µm² = 0.05 F/m²
    expect(DEFAULT_PARAMS.r0).toBeCloseTo(1e-11, 20); // 10 Ω·µm² = 1e-11 Ω·m²
    expect(DEFAULT_PARAMS.Jin).toBeCloseTo(1e-13, 25);
  });

  it('an empty query gives the defaults with no notes', () => {
    expect(fromQuery('')).toEqual({ params: DEFAULT_PARAMS, notes: [] });
  });

  it('the query is in display units', () => {
    const q = new URLSearchParams(toQuery(DEFAULT_PARAMS));
    expect(Object.fromEntries(q)).toEqual({
      platform: 'ag',
      setup: '1',
      chi: '2',
      c: '50',
      r0: '10',
      gamma: '0.0001',
      Tc: '1.2',
      Tbath: '10',
      TL: '500',
      Jin: '100',
    });
  });

  it('round-trips any in-range view to 4 significant digits', () => {
    const arb = fc.record({
      platform: fc.constantFrom('ag' as const, 'inas' as const),
      setup: fc.constantFrom(1 as const, 2 as const),
      separate: fc.boolean(),
      Tc: fc.double({ min: 0.1, max: 10, noNaN: true }),
      u: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: NUMERIC_SPECS.length,
        maxLength: NUMERIC_SPECS.length,
      }),
    });
    fc.assert(
      fc.property(arb, ({ platform, setup, separate, Tc, u }) => {
        const p: ExplorerParams = { ...DEFAULT_PARAMS, platform, setup, separate, Tc, TcR: Tc };
        // The ranges of T_bath and T_L depend on T_c (both sides) and T_bath: set those first.
        const order = [
          'TcR',
          'Tbath',
          ...NUMERIC_SPECS.map((s) => s.key).filter((k) => !['Tc', 'TcR', 'Tbath'].includes(k)),
        ] as const;
        for (const key of order) {
          const spec = NUMERIC_SPECS.find((s) => s.key === key)!;
          if (spec.group === 'right' && !separate) continue;
          const i = NUMERIC_SPECS.indexOf(spec);
          const { min, max } = rangeOf(spec.key, p);
          p[spec.key] = spec.log ? min * (max / min) ** u[i] : min + u[i] * (max - min);
        }
        if (!separate) Object.assign(p, { cR: p.c, r0R: p.r0, gammaR: p.gamma });
        const back = fromQuery(toQuery(p));
        expect(back.params.platform).toBe(platform);
        expect(back.params.setup).toBe(setup);
        expect(back.params.separate).toBe(separate);
        for (const spec of NUMERIC_SPECS) {
          // 4 significant digits, then clamped back into range if rounding stepped just outside
          expect(relClose(back.params[spec.key], p[spec.key], 6e-4), `${spec.key}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('clamps out-of-range values and says so', () => {
    const { params, notes } = fromQuery('chi=500&gamma=5&Tc=1.2&TL=9999&Jin=0.0001');
    expect(params.chi).toBe(20);
    expect(params.gamma).toBe(0.1);
    expect(params.TL).toBeCloseTo(maxTL(1.2), 12);
    expect(params.Jin).toBeCloseTo(0.1e-15, 25);
    expect(notes).toHaveLength(4);
    expect(notes.join('\n')).toMatch(/chi: '500' is not from 0\.1 to 20; using 20/);
  });

  it('a lower T_c that moves T_L (or T_bath) says so: from what, to what, and why', () => {
    const before = { ...DEFAULT_PARAMS, TL: 0.5 };
    const { params, moved } = clampDependent(linked({ ...before, Tc: 0.4 }));
    expect(moved).toEqual(['TL']);
    expect(movedNotes(before, params, moved)).toEqual([
      'T_L moved from 500 to 392 mK: from 2·T_bath to 0.98·T_c (the model needs superconducting junctions)',
    ]);
    const cold = clampDependent(linked({ ...before, Tc: 0.05 }));
    expect(cold.moved).toEqual(['Tbath', 'TL']);
    expect(movedNotes(before, cold.params, cold.moved)[0]).toMatch(/^T_bath moved from 10 to 5 mK: /);
    expect(movedNotes(before, before, [])).toEqual([]);
  });

  it('T_L is kept below T_c even when only T_c is given', () => {
    const { params, notes } = fromQuery('Tc=0.3');
    expect(params.TL).toBeCloseTo(0.98 * 0.3, 12);
    expect(notes).toHaveLength(1);
  });

  it.each([
    ['chi', 'abc'],
    ['chi', 'alert(1)'],
    ['chi', '0x10'],
    ['chi', 'Infinity'],
    ['chi', '1e400'],
    ['chi', ''],
    ['chi', '2 fF'],
    ['c', 'NaN'],
    ['TL', '500mK'],
  ])('refuses %s=%s, keeping the default and naming the option', (key, value) => {
    const { params, notes } = fromQuery(`${key}=${encodeURIComponent(value)}`);
    expect(params).toEqual(DEFAULT_PARAMS);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`${key}: invalid value '${value}'`);
    expect(notes[0]).toMatch(/a number from/);
  });

  it('refuses unknown platforms and setups, ignores unknown keys', () => {
    const { params, notes } = fromQuery('platform=nb&setup=3&evil=%3Cscript%3E');
    expect(params).toEqual(DEFAULT_PARAMS);
    expect(notes).toEqual(["platform: invalid value 'nb': ag or inas", "setup: invalid value '3': 1 or 2"]);
  });

  it('sliders span the range, log controls in equal ratios, values rounded as displayed', () => {
    for (const spec of NUMERIC_SPECS) {
      const steps = stepsOf(spec.key);
      const { min, max } = rangeOf(spec.key, DEFAULT_PARAMS);
      expect(relClose(fromSlider(spec.key, 0, DEFAULT_PARAMS), min, 1e-15)).toBe(true);
      expect(relClose(fromSlider(spec.key, steps, DEFAULT_PARAMS), max, 1e-15)).toBe(true);
      const mid = fromSlider(spec.key, steps / 2, DEFAULT_PARAMS);
      expect(relClose(mid, spec.log ? Math.sqrt(min * max) : (min + max) / 2, 5e-4)).toBe(true);
      expect(toSlider(spec.key, mid, DEFAULT_PARAMS)).toBe(steps / 2);
      for (let position = 0; position <= steps; position += 7) {
        const value = fromSlider(spec.key, position, DEFAULT_PARAMS);
        // the value a slider sets is the one its text box shows and its URL parameter reproduces
        expect(parseDisplay(spec.key, formatDisplay(spec.key, value), DEFAULT_PARAMS)).toEqual({ value });
      }
    }
    expect(stepsOf('gamma')).toBe(100);
    expect(SLIDER_STEPS).toBe(1000);
    expect(rangeOf('TL', { Tc: 1.2 }).max).toBeCloseTo(1.176, 12);
  });

  it('a typed value shows, and goes into the URL, with every digit typed; a slider value with its 4', () => {
    expect(formatDisplay('TL', 0.123456)).toBe('123.456');
    expect(formatDisplay('TL', fromSlider('TL', 337, DEFAULT_PARAMS))).toMatch(/^\d+(\.\d+)?$/);
    expect(
      formatDisplay('TL', fromSlider('TL', 337, DEFAULT_PARAMS))
        .replace(/\D/g, '')
        .replace(/^0+/, ''),
    ).toHaveLength(4);
    for (const spec of NUMERIC_SPECS) {
      const { min, max } = rangeOf(spec.key, DEFAULT_PARAMS);
      fc.assert(
        fc.property(fc.double({ min, max, noNaN: true }), fc.integer({ min: 1, max: 12 }), (x, digits) => {
          // What typing x with `digits` significant digits sets.
          const value = Number((x * spec.perSI).toPrecision(digits)) / spec.perSI;
          fc.pre(value >= min && value <= max);
          expect(parseDisplay(spec.key, formatDisplay(spec.key, value), DEFAULT_PARAMS)).toEqual({ value });
        }),
      );
    }
  });

  it('parses typed values in display units', () => {
    expect(parseDisplay('TL', '350', DEFAULT_PARAMS)).toEqual({ value: 0.35 });
    expect(parseDisplay('gamma', '1e-3', DEFAULT_PARAMS)).toEqual({ value: 1e-3 });
    expect(parseDisplay('c', ' 75 ', DEFAULT_PARAMS)).toEqual({ value: 0.075 });
    expect(parseDisplay('Jin', '250', DEFAULT_PARAMS)).toEqual({ value: 2.5e-13 });
  });
});

describe('ranges and help texts', () => {
  const domainOf = {
    c: 'c',
    cR: 'c',
    r0: 'r0',
    r0R: 'r0',
    gamma: 'gamma',
    gammaR: 'gamma',
    Tc: 'Tc',
    TcR: 'Tc',
    chi: 'chi',
    Jin: 'Jin',
  } as const;

  it('every control range lies inside the library’s domain', () => {
    for (const spec of NUMERIC_SPECS) {
      const name = domainOf[spec.key as keyof typeof domainOf];
      if (name === undefined) continue;
      const { min, max } = rangeOf(spec.key, DEFAULT_PARAMS);
      expect(min, spec.key).toBeGreaterThanOrEqual(DOMAIN[name].min);
      expect(max, spec.key).toBeLessThanOrEqual(DOMAIN[name].max);
    }
  });

  it('T_L’s help states 0.98·T_c of the lower T_c and 2·T_bath, as the range it enforces', () => {
    expect(helpText('TL', DEFAULT_PARAMS)).toBe(
      'left temperature for the J_γ and κ_γ panels; 20–1176 mK (from 2·T_bath to 0.98·T_c (the model needs superconducting junctions))',
    );
    const p = { Tc: 1.2, TcR: 0.5, Tbath: 0.03 };
    expect(helpText('TL', p)).toContain('; 60–490 mK');
    expect(parseDisplay('TL', '700', p)).toMatchObject({ value: 0.49 });
  });

  it('the ends of T_bath’s range are devices the library accepts (checkDevice)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (Tc, TcR) => {
          const { min, max } = rangeOf('Tbath', { Tc, TcR });
          fc.pre(max > min);
          for (const Tbath of [min, max]) {
            const p: ExplorerParams = { ...DEFAULT_PARAMS, separate: true, Tc, TcR, Tbath };
            expect(() => checkDevice(deviceFromParams(p), 'view')).not.toThrow();
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('separate sides set the right reservoir alone; without them the left values hold for both', () => {
    const p: ExplorerParams = { ...DEFAULT_PARAMS, separate: true, TcR: 1, gammaR: 1e-3 };
    const d = deviceFromParams(p);
    expect([d.left.superconductor.Tc, d.right.superconductor.Tc]).toEqual([1.2, 1]);
    expect([d.left.superconductor.gamma, d.right.superconductor.gamma]).toEqual([1e-4, 1e-3]);
    expect(d.right.junction).toEqual(platformDevice('ag').right.junction);
    const both = deviceFromParams({ ...p, separate: false });
    expect(both.right.superconductor).toEqual(platformDevice('ag').right.superconductor);
    expect(deviceFromParams({ ...DEFAULT_PARAMS, Tbath: 0.02 }).Tbath).toBe(0.02);
    const back = fromQuery(toQuery(p));
    expect(back.notes).toEqual([]);
    expect(back.params).toEqual(p);
    expect(fromQuery('TcR=1').notes).toEqual(['TcR: ignored without sides=separate']);
  });

  it('range ends in SI are the decimal values, without binary noise', () => {
    expect(rangeOf('Jin', DEFAULT_PARAMS)).toMatchObject({ min: 1e-16, max: 1e-11 });
    expect(rangeOf('c', DEFAULT_PARAMS)).toMatchObject({ min: 1e-3, max: 1 });
  });

  it('linking the sides and separating them again brings the right junction back, on the same device only', () => {
    const p: ExplorerParams = {
      ...DEFAULT_PARAMS,
      separate: true,
      TcR: 1,
      gammaR: 1e-3,
      cR: 60e-3,
      r0R: 2e-11,
    };
    const linkedSides = withSides(p, false, undefined);
    expect(linkedSides.params.separate).toBe(false);
    expect([linkedSides.params.TcR, linkedSides.params.gammaR]).toEqual([p.Tc, p.gamma]);
    const again = withSides(linkedSides.params, true, linkedSides.kept);
    expect(again.params).toEqual(p);
    expect(again.kept).toBeUndefined();
    // Another device meanwhile: its right junction starts as its left, not as the first device's.
    const other = withSides({ ...linkedSides.params, platform: 'inas' }, true, linkedSides.kept);
    expect([other.params.TcR, other.params.gammaR]).toEqual([p.Tc, p.gamma]);
    // No change of sides: nothing moves.
    expect(withSides(p, true, linkedSides.kept)).toEqual({ params: p, kept: linkedSides.kept });
  });
});

describe('a device file in the view', () => {
  const loaded = parseLoadedDevice(readFileSync('examples/asymmetric.json', 'utf8'), 'asymmetric.json');
  const withFile: ExplorerParams = { ...DEFAULT_PARAMS, ...sliderValuesOf(loaded.device), file: loaded };

  it('the link carries the whole device, and untouched sliders come back exactly from it', () => {
    expect(withFile.chi).not.toBe(Number(withFile.chi.toPrecision(4))); // 3e-13/1e-13 is not 3
    const query = toQuery(withFile);
    expect(new URLSearchParams(query).has('chi')).toBe(false);
    expect(new URLSearchParams(query).has('platform')).toBe(false);
    const back = fromQuery(query);
    expect(back.notes).toEqual([]);
    expect(back.params).toEqual(withFile);
    expect(deviceFromParams(back.params)).toEqual(loaded.device);
  });

  it('a moved slider is in the link and sets both reservoirs', () => {
    const moved = { ...withFile, gamma: 1e-3 };
    const back = fromQuery(toQuery(moved));
    expect(back.params.gamma).toBe(1e-3);
    const device = deviceFromParams(back.params);
    expect([device.left.superconductor.gamma, device.right.superconductor.gamma]).toEqual([1e-3, 1e-3]);
    expect(device.right.normal).toEqual(loaded.device.right.normal);
  });

  it('a device file with a real photon line is refused (the explorer draws ideal lines); 0 H and 0 Ω are the ideal line', () => {
    const text = (line: string): string => `platform: ag\nline: ${line}\n`;
    expect(() => parseLoadedDevice(text('{ inductance: 1nH, resistance: 5ohm }'), 'lossy.yaml')).toThrow(
      /^lossy\.yaml: line: invalid value 'inductance 1e-9 H, resistance 5 Ω': no 'line': the explorer draws the paper's ideal lines/,
    );
    const ideal = parseLoadedDevice(text('{ inductance: 0H, resistance: 0ohm }'), 'ideal.yaml');
    expect(
      deviceFromParams({ ...DEFAULT_PARAMS, ...sliderValuesOf(ideal.device), file: ideal }).left,
    ).toEqual(ideal.device.left);
  });

  it('a device in a link is validated like a file; a bad one is refused with a note', () => {
    const bad = fromQuery(`device=${encodeURIComponent('{"platform":"ag","left":{"juncton":{}}}')}`);
    expect(bad.params).toEqual(DEFAULT_PARAMS);
    expect(bad.notes).toHaveLength(1);
    expect(bad.notes[0]).toMatch(/^device: .*did you mean 'junction'/);
    const notJson = fromQuery('device=%7Bnot-json');
    expect(notJson.params).toEqual(DEFAULT_PARAMS);
    expect(notJson.notes[0]).toMatch(/^device: /);
  });
});

describe('γ slider and the stored R/R0 tables', () => {
  it('every γ the slider can take has a stored R/R0 table (no tabulation on a slider step)', () => {
    const steps = stepsOf('gamma');
    const values = Array.from({ length: steps + 1 }, (_, i) => fromSlider('gamma', i, DEFAULT_PARAMS));
    expect(new Set(values).size).toBe(steps + 1);
    for (const v of values) expect(RESISTANCE_GAMMA_GRID, `γ = ${v}`).toContain(v);
  });
});
