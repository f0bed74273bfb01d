/**
 * The computations behind Figs. 3–4 and the claims, done once and shared: the operating points
 * (three J_in per platform), the T_L(T_R) response curves and the δT(J_in) sweeps (docs/model.md §6–8).
 * Everything physical comes from the library; this file only chooses grids and caches results.
 */
import {
  inputPowerForTarget,
  platformDevice,
  solveBalance,
  temperatureDrop,
  type Device,
  type PlatformName,
  type Setup,
  type TemperatureDrop,
} from '../index.js';
import { linspace, logspace } from './grid.js';

/** Sweep of T_R (setup 1) or T_R = T_bath (setup 2), K. */
export const TR_RANGE = { from: 0.01, to: 0.8, points: 240 } as const;
/** Targets T_L(T_R = 10 mK) that fix the three J_in of Figs. 3–4, K. */
export const TL_TARGETS = [0.3, 0.5, 0.7] as const;
/** δT(J_in) sweep of Figs. 3d–e and 4d–e: log-spaced J_in, W. */
export const JIN_RANGE = { from: 1e-15, to: 1e-12, points: 200 } as const;

export const PLATFORMS: readonly PlatformName[] = ['ag', 'inas'];
export const PLATFORM_LABEL: Record<PlatformName, string> = { ag: 'Ag', inas: 'InAsOI' };

export interface OperatingPoint {
  /** T_L at T_R = T_bath = 10 mK, K. */
  TL0: number;
  /** Input power giving that T_L, W. */
  Jin: number;
}

export interface ResponseCurve {
  platform: PlatformName;
  setup: Setup;
  Jin: number;
  TL0: number;
  /** T_R grid, K. */
  TR: number[];
  /** Steady-state T_L on the followed branch, K (NaN where no root lies below Tc). */
  TL: number[];
  /** dT_L/dT_R on that branch. */
  responsivity: number[];
  /** T_R values (K) where the balance has more than one root. */
  multipleRoots: number[];
  /** T_R values (K) with no root below Tc. */
  aboveTc: number[];
  /** δT and T_L,min located by the library. */
  drop: TemperatureDrop;
}

/**
 * Whether T_L has a minimum inside the T_R sweep: below T_L at the first point (δT > 0) and at neither
 * end. A curve whose lowest point is an end of the sweep (typically T_L rising from the first point,
 * δT = 0) has no minimum to mark or to rise after; the figures and the report both go by this.
 */
export function hasMinimumInSweep(c: ResponseCurve): boolean {
  return c.drop.deltaT > 0 && c.drop.TRatMin > c.TR[0] && c.drop.TRatMin < c.TR[c.TR.length - 1];
}

export interface DropSweep {
  platform: PlatformName;
  setup: Setup;
  Jin: number[];
  drops: TemperatureDrop[];
}

/** Lazily computed, cached results for one reproduction run. */
export class Study {
  private readonly operating = new Map<PlatformName, OperatingPoint[]>();
  private readonly curves = new Map<string, ResponseCurve[]>();
  private readonly sweeps = new Map<string, DropSweep>();

  device(platform: PlatformName): Device {
    return platformDevice(platform);
  }

  /** J_in for T_L(T_R = 10 mK) = 300, 500, 700 mK. T_R = T_bath there, so both setups share them. */
  operatingPoints(platform: PlatformName): OperatingPoint[] {
    let points = this.operating.get(platform);
    if (!points) {
      const device = this.device(platform);
      points = TL_TARGETS.map((TL0) => ({ TL0, Jin: inputPowerForTarget(device, TL0, TR_RANGE.from, 1) }));
      this.operating.set(platform, points);
    }
    return points;
  }

  trGrid(): number[] {
    return linspace(TR_RANGE.from, TR_RANGE.to, TR_RANGE.points);
  }

  jinGrid(): number[] {
    return logspace(JIN_RANGE.from, JIN_RANGE.to, JIN_RANGE.points);
  }

  /** T_L(T_R) and dT_L/dT_R for the three operating points. */
  responseCurves(platform: PlatformName, setup: Setup): ResponseCurve[] {
    const key = `${platform}/${setup}`;
    let curves = this.curves.get(key);
    if (!curves) {
      const device = this.device(platform);
      curves = this.operatingPoints(platform).map((op) =>
        responseCurve(device, platform, setup, op, this.trGrid()),
      );
      this.curves.set(key, curves);
    }
    return curves;
  }

  /** δT(J_in) over the log grid. */
  dropSweep(platform: PlatformName, setup: Setup): DropSweep {
    const key = `${platform}/${setup}`;
    let sweep = this.sweeps.get(key);
    if (!sweep) {
      const device = this.device(platform);
      const Jin = this.jinGrid();
      const drops = Jin.map((J) => temperatureDrop(device, J, setup, TR_RANGE.from, TR_RANGE.to));
      sweep = { platform, setup, Jin, drops };
      this.sweeps.set(key, sweep);
    }
    return sweep;
  }
}

/**
 * Follow one branch of the balance along the T_R grid: where several roots exist (bistability),
 * keep the stable root nearest the previous point and record the T_R so the figure can say so.
 */
function responseCurve(
  device: Device,
  platform: PlatformName,
  setup: Setup,
  op: OperatingPoint,
  TR: number[],
): ResponseCurve {
  const TL: number[] = [];
  const responsivity: number[] = [];
  const multipleRoots: number[] = [];
  const aboveTc: number[] = [];
  let previous = op.TL0;
  for (const tr of TR) {
    const { roots } = solveBalance(device, { Jin: op.Jin, TR: tr, setup });
    if (roots.length === 0) {
      aboveTc.push(tr);
      TL.push(NaN);
      responsivity.push(NaN);
      continue;
    }
    if (roots.length > 1) multipleRoots.push(tr);
    const candidates = roots.some((r) => r.stable) ? roots.filter((r) => r.stable) : roots;
    let best = candidates[0];
    for (const r of candidates) if (Math.abs(r.TL - previous) < Math.abs(best.TL - previous)) best = r;
    previous = best.TL;
    TL.push(best.TL);
    responsivity.push(best.dTL_dTR);
  }
  const drop = temperatureDrop(device, op.Jin, setup, TR_RANGE.from, TR_RANGE.to);
  return { platform, setup, Jin: op.Jin, TL0: op.TL0, TR, TL, responsivity, multipleRoots, aboveTc, drop };
}
