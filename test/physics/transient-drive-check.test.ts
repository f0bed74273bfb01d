/**
 * The physics module's own check of a transient's drive and change (src/physics/thermal-response.ts,
 * called without the public wrapper of src/api): every refusal is an InputError naming the parameter,
 * and every value at the edge of what is accepted is computed.
 */
import { describe, expect, it } from 'vitest';
import { InputError, platformDevice } from '../../src/index.js';
import {
  transientResponse,
  type TransientChange,
  type TransientDrive,
  type TransientOptions,
} from '../../src/physics/thermal-response.js';

const ag = platformDevice('ag');
const setup1: TransientDrive = { setup: 1, Jin: 1e-15, TR: 0.1 };
const setup3: TransientDrive = { setup: 3, Jin: 1e-15, JinR: 1e-15 };
const step: TransientChange = { quantity: 'Jin', value: 2e-15, start: 0 };
const short: TransientOptions = { until: 1e-7, maxSteps: 40 };

/** The InputError thrown, or a failure naming what happened instead. */
function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('transientResponse (physics module): refused drives and changes name the parameter', () => {
  const power = /^a power ≥ 0, W/;
  const temperature = /^a temperature in \(0, Tc = 1\.2 K\)$/;
  const states = /^0 … 1 \(stable steady states before the change\)$/;
  const cases: [string, TransientDrive, TransientChange, TransientOptions, string, string, RegExp][] = [
    ['J_in negative', { ...setup1, Jin: -1e-15 }, step, short, 'Jin', '-1e-15', power],
    ['J_in NaN', { ...setup1, Jin: NaN }, step, short, 'Jin', 'NaN', power],
    ['J_in infinite', { ...setup1, Jin: Infinity }, step, short, 'Jin', 'Infinity', power],
    [
      'J_in^R missing in setup 3',
      { setup: 3, Jin: 1e-15 },
      step,
      short,
      'JinR',
      'undefined',
      /heats both reservoirs/,
    ],
    ['J_in^R negative in setup 3', { ...setup3, JinR: -1 }, step, short, 'JinR', '-1', power],
    ['J_in^R infinite in setup 3', { ...setup3, JinR: Infinity }, step, short, 'JinR', 'Infinity', power],
    [
      'T_R changed in setup 3',
      setup3,
      { quantity: 'TR', value: 0.2, start: 0 },
      short,
      'change.quantity',
      'TR',
      /^Jin or JinR \(in setup 3 T_R floats/,
    ],
    ['T_R missing in setup 1', { setup: 1, Jin: 1e-15 }, step, short, 'TR', 'undefined', temperature],
    ['T_R = 0', { ...setup1, TR: 0 }, step, short, 'TR', '0', temperature],
    ['T_R = Tc', { ...setup1, TR: 1.2 }, step, short, 'TR', '1.2', temperature],
    [
      'J_in^R changed in setup 2',
      { ...setup1, setup: 2 },
      { quantity: 'JinR', value: 1e-15, start: 0 },
      short,
      'change.quantity',
      'JinR',
      /^Jin or TR \(a right heater exists in setup 3 only\)$/,
    ],
    [
      'T_R stepped to 0',
      setup1,
      { quantity: 'TR', value: 0, start: 0 },
      short,
      'change.value',
      '0',
      temperature,
    ],
    [
      'T_R stepped to Tc',
      setup1,
      { quantity: 'TR', value: 1.2, start: 0 },
      short,
      'change.value',
      '1.2',
      temperature,
    ],
    ['J_in stepped below 0', setup1, { ...step, value: -1e-15 }, short, 'change.value', '-1e-15', power],
    ['J_in stepped to ∞', setup1, { ...step, value: Infinity }, short, 'change.value', 'Infinity', power],
    ['start < 0', setup1, { ...step, start: -1e-9 }, short, 'change.start', '-1e-9', /^a time ≥ 0, s$/],
    ['start NaN', setup1, { ...step, start: NaN }, short, 'change.start', 'NaN', /^a time ≥ 0, s$/],
    [
      'start ∞',
      setup1,
      { ...step, start: Infinity },
      { until: Infinity },
      'change.start',
      'Infinity',
      /^a time ≥ 0, s$/,
    ],
    ['duration 0', setup1, { ...step, duration: 0 }, short, 'change.duration', '0', /^a time > 0, s$/],
    [
      'duration ∞',
      setup1,
      { ...step, duration: Infinity },
      short,
      'change.duration',
      'Infinity',
      /^a time > 0, s$/,
    ],
    [
      'until = start',
      setup1,
      { ...step, start: 1e-7 },
      short,
      'until',
      '1e-7',
      /^a time after the change's start \(1e-7 s\)$/,
    ],
    [
      'until ∞',
      setup1,
      step,
      { until: Infinity },
      'until',
      'Infinity',
      /^a time after the change's start \(0 s\)$/,
    ],
    [
      'no stable state of that index',
      setup1,
      step,
      { ...short, initialState: 1 },
      'initialState',
      '1',
      /^0 … 0 \(stable/,
    ],
    [
      'no stable state of that index (setup 3)',
      setup3,
      step,
      { ...short, initialState: 1 },
      'initialState',
      '1',
      /^0 … 0 \(stable/,
    ],
    // Bistable drives (docs/bistability.md; setup 3 with the right reservoir heated by 0.4 pW): two stable states.
    [
      'index 2 of two stable states',
      { setup: 1, Jin: 1e-18, TR: 0.7 },
      step,
      { ...short, initialState: 2 },
      'initialState',
      '2',
      states,
    ],
    [
      'index 2 of two stable states (setup 3)',
      { setup: 3, Jin: 0, JinR: 4e-13 },
      step,
      { ...short, initialState: 2 },
      'initialState',
      '2',
      states,
    ],
  ];
  for (const [what, drive, change, options, name, value, accepted] of cases) {
    it(`${what}: InputError naming ${name}, the value and what is accepted`, () => {
      const e = refusal(() => transientResponse(ag, drive, change, options));
      expect(e.option).toBe(name);
      expect(e.value).toBe(value);
      expect(e.accepted).toMatch(accepted);
    });
  }
});

describe('transientResponse (physics module): the edges of what is accepted', () => {
  const accepted: [string, TransientDrive, TransientChange][] = [
    ['J_in = 0 and a step to 0', { ...setup1, Jin: 0 }, { ...step, value: 0 }],
    ['J_in^R = 0 in setup 3', { ...setup3, JinR: 0 }, step],
    ['T_R stepped to just below Tc', setup1, { quantity: 'TR', value: 1.2 * (1 - 1e-9), start: 0 }],
    ['T_R changed in setup 2', { ...setup1, setup: 2 }, { quantity: 'TR', value: 0.2, start: 0 }],
    ['J_in^R changed in setup 3', setup3, { quantity: 'JinR', value: 2e-15, start: 0 }],
    ['a pulse', setup1, { ...step, start: 1e-8, duration: 1e-8 }],
  ];
  for (const [what, drive, change] of accepted) {
    it(what, () => {
      const r = transientResponse(ag, drive, change, short);
      expect(r.time[0]).toBe(0);
      expect(r.TL.every(Number.isFinite)).toBe(true);
    });
  }
});
