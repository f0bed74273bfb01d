/**
 * Steady states of the left reservoir (paper Eq. 5, model.md §6) with J_γ through real lines (§11):
 * F(T_L) = J_in − J_γ,line(T_L, T_R) − J_ph,N(T_L) − J_ph,S(T_L) = 0, every root in (T_b, Tc) by the
 * generic all-roots search. The line's resistance sits at the bath temperature of the operating point.
 * balance.ts serves devices without a line; this is the path for devices with one.
 */
import { findAllRoots } from '../numerics/roots.js';
import type { Device } from './device.js';
import type { OperatingPoint } from './balance.js';
import { photonicHeatCurrentThroughLine } from './photonic-line.js';
import { reservoirPhononHeat } from './two-reservoir.js';

/** One steady state through real lines: T_L (K), ∂F/∂T_L (W/K) and its stability (∂F/∂T_L < 0). */
export interface LineBalanceRoot {
  /** Left temperature, K. */
  TL: number;
  /** ∂F/∂T_L by a central difference (step 1e-6 T_L), W/K. */
  dFdTL: number;
  /** Stable against a small change of T_L. */
  stable: boolean;
}

const NODES = 120;

/** Every root T_L of the left balance with the device's lines, ascending. */
export function balanceRootsThroughLine(device: Device, op: OperatingPoint): LineBalanceRoot[] {
  const Tb = op.setup === 2 ? op.TR : (op.Tbath ?? device.Tbath);
  const d: Device = { ...device, Tbath: Tb };
  const F = (TL: number): number =>
    op.Jin - photonicHeatCurrentThroughLine(d, TL, op.TR) - reservoirPhononHeat(d.left, TL, Tb);
  const hi = device.left.superconductor.Tc * (1 - 1e-9);
  // Nodes crowded near T_b, where F varies fastest (as the scan of balance.ts).
  const grid = Array.from(
    { length: NODES + 1 },
    (_, i) => Tb + (hi - Tb) * ((Math.exp((3 * i) / NODES) - 1) / (Math.exp(3) - 1)),
  );
  grid[0] = Tb * (1 + 1e-9);
  return findAllRoots(F, grid[0], hi, { grid }).map((TL) => {
    const h = 1e-6 * TL;
    const dFdTL = (F(TL + h) - F(TL - h)) / (2 * h);
    return { TL, dFdTL, stable: dFdTL < 0 };
  });
}
