/**
 * Thermal dynamics of the reservoirs, C(T) dT/dt = heat in − heat out (docs/model.md, "Dynamics"):
 * linear-response time constants around a steady state, and the transient after a step or pulse of
 * J_in, J_in^R or T_R, integrated by the stiff solver of src/numerics/ode.ts.
 */
import { buildPiecewiseChebyshev, type PiecewiseChebyshev } from '../numerics/chebyshev.js';
import { integrateStiff } from '../numerics/ode.js';
import { InputError } from '../errors.js';
import { solveBalance, type BalanceRoot } from './balance.js';
import type { Device, Reservoir, Superconductor } from './device.js';
import {
  heatCapacityNormal,
  reducedHeatCapacitySuperconductor,
  superconductorSommerfeld,
} from './heat-capacity.js';
import { photonicHeatCurrent } from './photonic.js';
import { reservoirPhononHeat, solveTwoReservoirs } from './two-reservoir.js';

/** τ = C_L/(−∂F/∂T_L) of a setup-1/2 steady state of the left reservoir, s (negative when unstable). */
export function timeConstant(device: Device, root: Pick<BalanceRoot, 'TL' | 'dF_dTL'>): number {
  return -reservoirHeatCapacityFast(device.left, root.TL) / root.dF_dTL;
}

// C_S/(γVT) as a function of t = T/Tc, tabulated once per Dynes γ: the quadrature costs ~ms and the
// integrator asks for it several times a step. Absolute error < 1e-9 (C_S/(γVT) is 1e-4 … 2.4).
// The table ends just below Tc: C_S/(γVT) jumps from ≈ 2.43 to 1 at Tc, which no polynomial follows.
const T_MIN = 0.004;
const T_MAX = 1 - 1e-6;
const ratioTables = new Map<number, PiecewiseChebyshev>();

function superconductorRatio(t: number, gamma: number): number {
  if (t >= 1) return 1;
  if (t < T_MIN || t > T_MAX) return reducedHeatCapacitySuperconductor(t, gamma);
  let table = ratioTables.get(gamma);
  if (!table) {
    table = buildPiecewiseChebyshev((x) => reducedHeatCapacitySuperconductor(x, gamma), T_MIN, T_MAX, {
      tolerance: 1e-9,
      nodes: 17,
    });
    ratioTables.set(gamma, table);
  }
  return table.evaluate(t);
}

function heatCapacitySuperconductorFast(sc: Superconductor, T: number): number {
  return superconductorSommerfeld(sc) * sc.volume * T * superconductorRatio(T / sc.Tc, sc.gamma);
}

/** C_N + C_S of a reservoir with C_S from a tabulation (absolute error < 1e-9 γ_S V_S T), J/K. */
export function reservoirHeatCapacityFast(reservoir: Reservoir, T: number): number {
  return (
    heatCapacityNormal(reservoir.normal, T) + heatCapacitySuperconductorFast(reservoir.superconductor, T)
  );
}

/** The drive before any change: setup 1 or 2 (left floating at T_R) or 3 (both floating). SI. */
export interface TransientDrive {
  setup: 1 | 2 | 3;
  /** Heater power on the left reservoir, W. */
  Jin: number;
  /** Heater power on the right reservoir, W (setup 3). */
  JinR?: number;
  /** Right temperature, K (setups 1 and 2; in setup 2 also the bath's). */
  TR?: number;
  /** Bath temperature, K (setups 1 and 3; default device.Tbath). */
  Tbath?: number;
}

/** A step (no duration) or a rectangular pulse of one drive quantity, starting at `start`. */
export interface TransientChange {
  quantity: 'Jin' | 'JinR' | 'TR';
  /** The quantity's value during the pulse, or after the step (W or K). */
  value: number;
  /** Start time, s (≥ 0). */
  start: number;
  /** Pulse length, s; absent: a step. */
  duration?: number;
}

/** Options of `transientResponse`. */
export interface TransientOptions {
  /** End time, s. */
  until: number;
  /** Which stable steady state of the initial drive to start from: index by ascending T_L (default 0). */
  initialState?: number;
  /** Relative tolerance of the integrator (default 1e-7). */
  rtol?: number;
  /** Absolute temperature tolerance, K (default 1e-9). */
  atol?: number;
  /** Step budget (default 100 000). */
  maxSteps?: number;
  /** Extra times (s) the integration must land on exactly (they appear in `time`). */
  outputTimes?: readonly number[];
  /** Called after every accepted step with the fraction of [0, until] done. */
  onProgress?: (fraction: number) => void;
}

/** T(t) after the change, at every accepted step. */
export interface TransientResult {
  /** Times, s. */
  time: number[];
  /** Left temperature, K. */
  TL: number[];
  /**
   * Right temperature, K (prescribed in setups 1–2, integrated in setup 3). The first sample is the
   * initial state's, also when T_R changes at t = 0 (the next sample carries the new value).
   */
  TR: number[];
  /** 'done', or why the integration stopped early (see StiffSolution.status). */
  status: 'done' | 'max-steps' | 'domain';
  /** With status 'domain': the bound the solution ran into, a Tc or the bath (the model needs T > T_bath). */
  outside?: 'Tc' | 'bath';
  /** Accepted and rejected steps. */
  steps: { accepted: number; rejected: number };
  /** Linear-response time constants of the initial state, s. */
  initialTimeConstants: number[];
}

/** The drive at time t: the initial one, or with the change applied inside its window. */
function driveAt(drive: TransientDrive, change: TransientChange, t: number): TransientDrive {
  const end = change.duration === undefined ? Infinity : change.start + change.duration;
  return t >= change.start && t < end ? { ...drive, [change.quantity]: change.value } : drive;
}

function checkDrive(
  device: Device,
  drive: TransientDrive,
  change: TransientChange,
  options: TransientOptions,
): void {
  const positive = (name: string, v: number | undefined, what: string): void => {
    if (v === undefined || !(v >= 0) || !Number.isFinite(v)) throw new InputError(name, String(v), what);
  };
  positive('Jin', drive.Jin, 'a power ≥ 0, W');
  if (drive.setup === 3) {
    positive('JinR', drive.JinR, 'a power ≥ 0, W (setup 3 heats both reservoirs)');
    if (change.quantity === 'TR')
      throw new InputError('change.quantity', 'TR', 'Jin or JinR (in setup 3 T_R floats; it cannot be set)');
  } else {
    const TcR = device.right.superconductor.Tc;
    if (drive.TR === undefined || !(drive.TR > 0 && drive.TR < TcR))
      throw new InputError('TR', String(drive.TR), `a temperature in (0, Tc = ${TcR} K)`);
    if (change.quantity === 'JinR')
      throw new InputError('change.quantity', 'JinR', 'Jin or TR (a right heater exists in setup 3 only)');
    if (change.quantity === 'TR' && !(change.value > 0 && change.value < TcR))
      throw new InputError('change.value', String(change.value), `a temperature in (0, Tc = ${TcR} K)`);
  }
  if (change.quantity !== 'TR') positive('change.value', change.value, 'a power ≥ 0, W');
  if (!(change.start >= 0) || !Number.isFinite(change.start))
    throw new InputError('change.start', String(change.start), 'a time ≥ 0, s');
  if (change.duration !== undefined && !(change.duration > 0 && Number.isFinite(change.duration)))
    throw new InputError('change.duration', String(change.duration), 'a time > 0, s');
  if (!(options.until > change.start) || !Number.isFinite(options.until))
    throw new InputError(
      'until',
      String(options.until),
      `a time after the change's start (${change.start} s)`,
    );
}

/**
 * T(t) of the left reservoir (setups 1, 2) or of both (setup 3), starting from a stable steady state of
 * `drive`, with `change` applied: C_L dT_L/dt = J_in − J_γ − J_ph^L and, in setup 3,
 * C_R dT_R/dt = J_in^R + J_γ − J_ph^R. Stiff integration with error control, bounded by `maxSteps`;
 * the model's range (T < Tc) bounds the state.
 */
export function transientResponse(
  device: Device,
  drive: TransientDrive,
  change: TransientChange,
  options: TransientOptions,
): TransientResult {
  checkDrive(device, drive, change, options);
  const { until, rtol = 1e-7, atol = 1e-9, maxSteps = 100_000 } = options;
  const baseTb = drive.Tbath ?? device.Tbath;
  const TcL = device.left.superconductor.Tc;
  const TcR = device.right.superconductor.Tc;
  let y0: number[];
  let initialTimeConstants: number[];
  const index = options.initialState ?? 0;
  if (drive.setup === 3) {
    const stable = solveTwoReservoirs(device, { JinL: drive.Jin, JinR: drive.JinR!, Tbath: baseTb })
      .roots.filter((r) => r.stable)
      .sort((a, b) => a.TL - b.TL);
    if (!stable[index])
      throw new InputError(
        'initialState',
        String(index),
        `0 … ${stable.length - 1} (stable steady states before the change)`,
      );
    y0 = [stable[index].TL, stable[index].TR];
    initialTimeConstants = stable[index].timeConstants;
  } else {
    const setup = drive.setup;
    const stable = solveBalance(device, { Jin: drive.Jin, TR: drive.TR!, setup, Tbath: baseTb }).roots.filter(
      (r) => r.stable,
    );
    if (!stable[index])
      throw new InputError(
        'initialState',
        String(index),
        `0 … ${stable.length - 1} (stable steady states before the change)`,
      );
    y0 = [stable[index].TL];
    initialTimeConstants = [timeConstant(device, stable[index])];
  }
  const inDomain = (y: readonly number[]): boolean =>
    y[0] > 0 && y[0] < TcL && (y.length < 2 || (y[1] > 0 && y[1] < TcR));
  const rhs = (t: number, y: readonly number[]): number[] => {
    // Outside the model's range (a trial stage of a too-long step): NaN makes the integrator reject it.
    if (!inDomain(y)) return y.map(() => NaN);
    const d = driveAt(drive, change, t);
    // Below the bath (a trial stage overshooting T_b), J_ph,S is not tabulated and costs seconds per
    // value: NaN rejects the stage. With J_in ≥ 0 and T_R ≥ T_b no reservoir cools below T_b.
    if (d.setup === 3) {
      if (y[0] < baseTb || y[1] < baseTb) return [NaN, NaN];
      const [TL, TR] = y;
      const J = photonicHeatCurrent(device, TL, TR);
      return [
        (d.Jin - J - reservoirPhononHeat(device.left, TL, baseTb)) /
          reservoirHeatCapacityFast(device.left, TL),
        (d.JinR! + J - reservoirPhononHeat(device.right, TR, baseTb)) /
          reservoirHeatCapacityFast(device.right, TR),
      ];
    }
    const TL = y[0];
    const Tb = d.setup === 2 ? d.TR! : baseTb;
    if (TL < Tb) return [NaN];
    const heat = d.Jin - photonicHeatCurrent(device, TL, d.TR!) - reservoirPhononHeat(device.left, TL, Tb);
    return [heat / reservoirHeatCapacityFast(device.left, TL)];
  };
  const edges = [
    0,
    change.start,
    change.start + (change.duration ?? 0),
    until,
    ...(options.outputTimes ?? []),
  ]
    .filter((t) => t >= 0 && t <= until)
    .sort((a, b) => a - b)
    // An output time a few rounding steps from a pulse edge (6 × 1e-6 against 5e-6 + 1e-6) made a
    // segment too short for any step: edges closer than this are one.
    .filter((t, i, a) => i === 0 || t - a[i - 1] > EDGE_RESOLUTION * t);
  const time = [0];
  const states = [y0];
  let status: TransientResult['status'] = 'done';
  let accepted = 0;
  let rejected = 0;
  let step: number | undefined;
  for (let k = 0; k + 1 < edges.length && status === 'done'; k++) {
    const [a, b] = [edges[k], edges[k + 1]];
    // Inside a segment the drive is constant: evaluate it mid-segment so the edges belong to their segment.
    const mid = 0.5 * (a + b);
    const sol = integrateStiff((_t, y) => rhs(mid, y), a, states[states.length - 1], b, {
      rtol,
      atol,
      maxSteps: maxSteps - accepted - rejected,
      initialStep:
        step ?? Math.min(b - a, Math.max(1e-12, 1e-3 * Math.min(...initialTimeConstants.map(Math.abs)))),
      inDomain,
      onStep: (t) => options.onProgress?.(t / until),
    });
    for (let i = 1; i < sol.t.length; i++) {
      time.push(sol.t[i]);
      states.push(sol.y[i]);
    }
    accepted += sol.accepted;
    rejected += sol.rejected;
    status = sol.status;
    const n = sol.t.length;
    step = n > 1 ? sol.t[n - 1] - sol.t[n - 2] : undefined;
  }
  // The bath where the run ended (T_R in setup 2), to say which bound stopped it.
  const endDrive = driveAt(drive, change, time[time.length - 1]);
  const bathAtEnd = endDrive.setup === 2 ? endDrive.TR! : baseTb;
  // The first sample is the initial steady state: a change of T_R at t = 0 shows from the next one on.
  const TR =
    drive.setup === 3
      ? states.map((s) => s[1])
      : time.map((t, i) => (i === 0 ? drive.TR! : driveAt(drive, change, t).TR!));
  return {
    time,
    TL: states.map((s) => s[0]),
    TR,
    status,
    ...(status === 'domain' && { outside: boundReached(states[states.length - 1], [TcL, TcR], bathAtEnd) }),
    steps: { accepted, rejected },
    initialTimeConstants,
  };
}

/**
 * The bound a state that stopped the integration lies nearest to, on a log scale: a Tc, or the bath
 * (where a reservoir settling onto T_b leaves the model, which needs T > T_b).
 */
function boundReached(state: readonly number[], Tcs: readonly number[], Tb: number): 'Tc' | 'bath' {
  return state.some((T, i) => Math.log(T / Tb) < Math.log(Tcs[i] / T)) ? 'bath' : 'Tc';
}

/**
 * Edges of a transient's segments closer than this fraction of their time are one (1 ps at 1 s): a
 * shorter segment is rounding noise, and too short for a step the integrator can tell from none.
 */
const EDGE_RESOLUTION = 1e-12;
