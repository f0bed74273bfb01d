/**
 * The dynamics panel and the diode/transistor readout, as library calls (src/index.ts): T_L(t) after a
 * step of J_in at the operating point the T_L panel marks, its time constant, the rectification ratio
 * there and, where a right heater could hold that state in setup 3, the transistor gain.
 */
import {
  describeTwoReservoirState,
  photonicHeatCurrent,
  rectification,
  reservoirPhononHeat,
  solveBalance,
  temperatureDrop,
  timeConstant,
  transientResponse,
  transistorResponseAt,
  type Device,
  type Setup,
} from '../src/index.js';
import { balanceTRmax, linspace } from './curves.js';

/** The step: J_in × (1 + DYNAMICS_STEP) at t = 0. */
export const DYNAMICS_STEP = 0.1;
/** The integration runs for this many time constants of the initial state (e^−10 of the step left). */
export const DYNAMICS_SPAN = 10;
/** Step budget of the integrator: a few hundred steps suffice, so hitting it means trouble, not a long wait. */
export const DYNAMICS_MAX_STEPS = 5000;
const OUTPUT_POINTS = 60;

export interface DynamicsCurve {
  setup: Setup;
  /** J_in before and after the step, W. */
  Jin: number;
  JinAfter: number;
  /** The prescribed right temperature, K: T_R at T_L,min in setup 1 (the T_L panel's marker), T_bath in setup 2. */
  TR: number;
  /** τ = C_L/(−∂F/∂T_L) of the initial (lowest stable) state, s. */
  tau: number;
  /** Time (s) and T_L (K) at every accepted step of the integrator. */
  time: number[];
  TL: number[];
  status: 'done' | 'max-steps' | 'domain';
  /** The integrator's own account when it stopped early. */
  warning?: string;
  diode: { Thot: number; Tcold: number; forward: number; reverse: number; ratio: number } | { error: string };
  /** α = ∂J_γ/∂J_in^R of this state in setup 3, or why it does not apply. */
  transistor: { alpha: number; JinR: number; stable: boolean } | { note: string };
}

/** The right temperature of the operating point. */
export function dynamicsTR(device: Device, Jin: number, setup: Setup): number {
  if (setup === 2) return device.Tbath;
  return temperatureDrop(device, Jin, setup, device.Tbath, balanceTRmax(device)).TRatMin;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function dynamicsCurve(device: Device, Jin: number, setup: Setup): DynamicsCurve {
  const TR = dynamicsTR(device, Jin, setup);
  const JinAfter = Jin * (1 + DYNAMICS_STEP);
  // As the controls show them (10000 fW, not 1e4 fW).
  const shown = (v: number): string => String(Number(v.toPrecision(3)));
  const at = `J_in = ${shown(Jin * 1e15)} fW${Number.isFinite(TR) ? `, T_R = ${shown(TR * 1e3)} mK` : ''}`;
  // τ of the state transientResponse starts from (its lowest stable one) fixes the span.
  const roots = Number.isFinite(TR) ? solveBalance(device, { Jin, TR, setup }).roots : [];
  const start = roots.find((r) => r.stable);
  if (start === undefined)
    throw new Error(
      roots.length === 0
        ? `no steady state at ${at}: T_L would reach T_c (outside the model)`
        : `no stable steady state at ${at}`,
    );
  const tau = timeConstant(device, start);
  const until = DYNAMICS_SPAN * tau;
  const result = transientResponse(
    device,
    { setup, Jin, TR },
    { quantity: 'Jin', value: JinAfter, start: 0 },
    { until, maxSteps: DYNAMICS_MAX_STEPS, outputTimes: linspace(0, until, OUTPUT_POINTS) },
  );
  const warning =
    result.status === 'max-steps'
      ? `stopped after ${DYNAMICS_MAX_STEPS} steps, before ${DYNAMICS_SPAN} τ`
      : result.status === 'domain'
        ? 'stopped where T_L reaches Tc (outside the model)'
        : undefined;
  const TL0 = result.TL[0];
  let diode: DynamicsCurve['diode'];
  try {
    const r = rectification(device, Math.max(TL0, TR), Math.min(TL0, TR));
    diode = {
      Thot: Math.max(TL0, TR),
      Tcold: Math.min(TL0, TR),
      forward: r.forward,
      reverse: r.reverse,
      ratio: r.ratio,
    };
  } catch (error) {
    diode = { error: message(error) };
  }
  // Setup 3 holds (T_L, T_R) with J_in^R = J_ph^R(T_R) − J_γ: only a heater power ≥ 0 is a transistor.
  const JinR = reservoirPhononHeat(device.right, TR, device.Tbath) - photonicHeatCurrent(device, TL0, TR);
  let transistor: DynamicsCurve['transistor'];
  if (setup === 2) transistor = { note: 'not applicable: in setup 2 T_R is the bath, not a floating gate' };
  else if (!(JinR >= 0))
    transistor = {
      note: 'not applicable: a right heater cannot hold this T_R in setup 3 (it would need J_in^R < 0)',
    };
  else {
    try {
      const s = transistorResponseAt(device, describeTwoReservoirState(device, TL0, TR));
      transistor = { alpha: s.alpha, JinR, stable: s.stable };
    } catch (error) {
      transistor = { note: `not computed: ${message(error)}` };
    }
  }
  return {
    setup,
    Jin,
    JinAfter,
    TR,
    tau,
    time: result.time,
    TL: result.TL,
    status: result.status,
    warning,
    diode,
    transistor,
  };
}
