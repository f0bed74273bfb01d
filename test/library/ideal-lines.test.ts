/**
 * The library's ideal-line functions (the paper's lossless lines) refuse a device with a real photon
 * line, which they would otherwise ignore, giving the ideal line's numbers without a word; a line of
 * 0 H and 0 Ω is the ideal line and gives exactly the numbers of a device without one. The
 * line-aware functions (…ThroughLine, rectification) take the same device, as does photonicCircuit
 * (the junctions' R and C, which a line does not change).
 */
import { describe, expect, it } from 'vitest';
import * as ndtc from '../../src/index.js';
import type { Device } from '../../src/index.js';

const ideal = ndtc.platformDevice('ag');
const real: Device = { ...ideal, line: { inductance: 1e-9, resistance: 5 } };
const zero: Device = { ...ideal, line: { inductance: 0, resistance: 0 } };
const op = { Jin: 1e-13, TR: 0.1, setup: 1 as const };
const twoOp = { JinL: 1e-13, JinR: 2e-14 };
const state = () => ndtc.describeTwoReservoirState(ideal, 0.3, 0.2);

/** Every function of src/index.ts that computes J_γ through the paper's ideal lines. */
const IDEAL_LINE_FUNCTIONS: Record<string, (d: Device) => unknown> = {
  photonicCutoff: (d) => ndtc.photonicCutoff(d, 0.3, 0.1),
  photonicHeatCurrent: (d) => ndtc.photonicHeatCurrent(d, 0.3, 0.1),
  photonicHeatCurrentAt: (d) => ndtc.photonicHeatCurrentAt(d, 0.1)(0.3),
  photonicConductance: (d) => ndtc.photonicConductance(d, 0.3, 0.1),
  photonicGradient: (d) => ndtc.photonicGradient(d, 0.3, 0.1),
  photonicHeatCurrentDirect: (d) => ndtc.photonicHeatCurrentDirect(d, 0.3, 0.1),
  balanceResidual: (d) => ndtc.balanceResidual(d, 1e-13, 0.3, 0.1, d.Tbath),
  describeRoot: (d) => ndtc.describeRoot(d, 0.3, 0.1, d.Tbath, 1),
  balanceRoots: (d) => ndtc.balanceRoots(d, op),
  solveBalance: (d) => ndtc.solveBalance(d, op),
  solveBalanceFullScan: (d) => ndtc.solveBalanceFullScan(d, op),
  solveBalanceNear: (d) => ndtc.solveBalanceNear(d, op, 0.3),
  balanceRootNear: (d) => ndtc.balanceRootNear(d, op, 0.3),
  inputPowerForTarget: (d) => ndtc.inputPowerForTarget(d, 0.3, 0.1, 1),
  photonicMaximum: (d) => ndtc.photonicMaximum(d, 0.3, 0.05, 0.6),
  ndtcIntervals: (d) => ndtc.ndtcIntervals(d, 0.3, 0.05, 0.6),
  leftTemperatureCurve: (d) => ndtc.leftTemperatureCurve(d, 1e-13, 1, [0.1, 0.2]),
  temperatureDrop: (d) => ndtc.temperatureDrop(d, 1e-13, 1, 0.01, 0.8),
  twoReservoirResidual: (d) => ndtc.twoReservoirResidual(d, twoOp, 0.3, 0.2),
  twoReservoirJacobian: (d) => ndtc.twoReservoirJacobian(d, 0.3, 0.2),
  describeTwoReservoirState: (d) => ndtc.describeTwoReservoirState(d, 0.3, 0.2),
  solveTwoReservoirs: (d) => ndtc.solveTwoReservoirs(d, twoOp),
  transistorResponseAt: (d) => ndtc.transistorResponseAt(d, state()),
  transistorResponse: (d) => ndtc.transistorResponse(d, twoOp),
  steadyStateRectification: (d) => ndtc.steadyStateRectification(d, 1e-13),
  transientResponse: (d) =>
    ndtc.transientResponse(
      d,
      { setup: 1, Jin: 1e-13, TR: 0.1 },
      { quantity: 'Jin', value: 2e-13, start: 0 },
      { until: 1e-6 },
    ),
};

describe('ideal-line functions and a real photon line', () => {
  for (const [name, call] of Object.entries(IDEAL_LINE_FUNCTIONS)) {
    it(`${name} refuses a device with a real line, naming it and the line-aware functions`, () => {
      let error: unknown;
      try {
        call(real);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(ndtc.InputError);
      const message = (error as Error).message;
      expect(message).toContain(`${name} device.line`);
      expect(message).toContain('inductance 1e-9 H, resistance 5 Ω');
      expect(message).toContain('…ThroughLine functions');
      // One line a terminal shows whole, whatever the function's name.
      expect(message.length).toBeLessThanOrEqual(200);
    });

    it(`${name} takes a line of 0 H and 0 Ω as the ideal line: the same result`, () => {
      expect(call(zero)).toEqual(call(ideal));
    });
  }

  it('the line-aware functions take the device the ideal ones refuse', () => {
    // With a 5 Ω line the left reservoir loses ~17 % more than through the lossless line (the line's
    // resistance, at the bath, draws heat too): the number an ideal-line function would have given is wrong.
    const through = ndtc.photonicHeatCurrentThroughLine(real, 0.3, 0.1);
    expect(Math.abs(through / ndtc.photonicHeatCurrent(ideal, 0.3, 0.1) - 1)).toBeGreaterThan(0.05);
    expect(ndtc.balanceRootsThroughLine(real, op).length).toBeGreaterThan(0);
    expect(ndtc.photonicCircuit(real, 0.3, 0.1)).toEqual(ndtc.photonicCircuit(ideal, 0.3, 0.1));
  });
});
