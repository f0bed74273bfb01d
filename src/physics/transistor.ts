/**
 * Thermal transistor in setup 3 (docs/model.md, thermal transistor): the right heater J_in^R is the gate,
 * the photonic current J_γ from the left (source) reservoir into the right one is the output. Linear
 * response at a steady state: J·dT = −(0, dJ_gate) with J = ∂(F_L, F_R)/∂(T_L, T_R), so
 * dT/dJ_gate = (J_LR, −J_LL)/det J and α = ∂J_γ/∂J_gate = ∂_TL J_γ · dT_L/dJ_gate + ∂_TR J_γ · dT_R/dJ_gate.
 */
import type { Device } from './device.js';
import { photonicGradient } from './photonic.js';
import {
  solveTwoReservoirs,
  type TwoReservoirOperatingPoint,
  type TwoReservoirState,
} from './two-reservoir.js';

/** The transistor's small-signal response at one steady state of setup 3. */
export interface TransistorResponse {
  /** Left (source) temperature, K. */
  TL: number;
  /** Right (gate) temperature, K. */
  TR: number;
  /** Linearly stable state (both eigenvalues of C⁻¹J with negative real part). */
  stable: boolean;
  /** Output J_out = J_γ(T_L, T_R), W. */
  Jout: number;
  /** Heat-current amplification α = ∂J_out/∂J_gate at fixed J_in^L and T_bath (dimensionless). */
  alpha: number;
  /** ∂T_L/∂J_gate, K/W. */
  dTLdJgate: number;
  /** ∂T_R/∂J_gate, K/W. */
  dTRdJgate: number;
  /** Temperature gain ∂T_L/∂T_R along the gate's control (dimensionless). */
  temperatureGain: number;
  /** κ_γ = −∂J_γ/∂T_R at the state, W/K (negative: NDTC). */
  kappa: number;
}

/** The response at a given steady state. */
export function transistorResponseAt(device: Device, state: TwoReservoirState): TransistorResponse {
  const [[a, b], [c, d]] = state.jacobian;
  const det = a * d - b * c;
  const dTL = b / det;
  const dTR = -a / det;
  const g = photonicGradient(device, state.TL, state.TR);
  return {
    TL: state.TL,
    TR: state.TR,
    stable: state.stable,
    Jout: g.J,
    alpha: g.dTL * dTL + g.dTR * dTR,
    dTLdJgate: dTL,
    dTRdJgate: dTR,
    temperatureGain: dTL / dTR,
    kappa: -g.dTR,
  };
}

/** The transistor response at every steady state of setup 3 with heaters J_in^L (source) and J_in^R (gate). */
export function transistorResponse(device: Device, op: TwoReservoirOperatingPoint): TransistorResponse[] {
  return solveTwoReservoirs(device, op).roots.map((s) => transistorResponseAt(device, s));
}
