/** Messages between the page and the computing worker. Every reply carries the id of its request. */
import type { Setup, TemperatureDrop } from '../src/index.js';
import type { BalancePoint, DropPoint, PhotonicCurves, ResistanceCurve } from './curves.js';
import type { DynamicsCurve } from './dynamics.js';
import type { ExplorerParams } from './params.js';

/**
 * The page runs two workers: 'fast' (R/R0, J_γ, κ_γ: milliseconds; used when the page itself has no
 * R/R0 table for the γ) and 'slow' (heat balance and δT: many solves), so that a long solve never
 * delays the fast panels; a third, 'dynamics', integrates
 * T_L(t) for the dynamics panel and its diode/transistor readout.
 */
export type WorkerRole = 'fast' | 'slow' | 'dynamics';

export interface ComputeRequest {
  id: number;
  role: WorkerRole;
  /** The controls, with the loaded device file if any (params.file). */
  params: ExplorerParams;
}

export interface BalanceCurves {
  Jin: number;
  setup: Setup;
  TR: number[];
  /** One entry per T_R; null where not computed yet (coarse pass) or where the solve failed. */
  points: (BalancePoint | null)[];
  /** The minimum of T_L over T_R (δT), or null until located. */
  drop: TemperatureDrop | null;
  /** False for the coarse first pass. */
  complete: boolean;
}

export interface DropCurve {
  setup: Setup;
  points: (DropPoint | null)[];
  complete: boolean;
}

export type Panel = 'resistance' | 'photonic' | 'balance' | 'drop' | 'dynamics';

export type ComputeReply =
  | { id: number; panel: 'resistance'; data: ResistanceCurve; computeMs: number }
  | { id: number; panel: 'photonic'; data: PhotonicCurves; computeMs: number }
  | { id: number; panel: 'balance'; data: BalanceCurves; computeMs: number; error?: string }
  | { id: number; panel: 'drop'; data: DropCurve; computeMs: number; error?: string }
  | { id: number; panel: 'dynamics'; data: DynamicsCurve; computeMs: number }
  | { id: number; panel: Panel; error: string }
  /**
   * Sent at least every PROGRESS_MS while the slow worker is between solves; `directPhonon` (with the
   * range of γ that has tables) when J_ph,S has none for this γ, so that every solve takes the direct
   * quadrature.
   */
  | {
      id: number;
      panel: 'balance' | 'drop';
      progress: number;
      total: number;
      directPhonon?: { tabulatedRange: number[] };
    };

/** The slow worker reports at least this often (ms) unless one library call is still running. */
export const PROGRESS_MS = 250;
