/** Zero-bias NIS resistance R(T)/R0 = 1/G(T), G = ∫ N_S (−∂f/∂E) dE — docs/model.md §2, paper Eq. 1 linearised. */
import {
  buildPiecewiseChebyshev,
  piecewiseChebyshev,
  type PiecewiseChebyshev,
} from '../numerics/chebyshev.js';
import { integrate } from '../numerics/quadrature.js';
import type { Superconductor } from './device.js';
import { dynesDos, dynesDosGapDerivative } from './dos.js';
import { gap, gapDerivative, gapZero } from './gap.js';
import { kB } from './constants.js';
import shipped1e3 from './data/resistance-table-gamma-1e-3.json' with { type: 'json' };
import shipped1e4 from './data/resistance-table-gamma-1e-4.json' with { type: 'json' };

/** What R/R0 depends on: the critical temperature Tc (K) and the Dynes parameter γ. */
export type GapParameters = Pick<Superconductor, 'Tc' | 'gamma'>;

/**
 * Dimensionless conductance G at reduced gap d = Δ/k_BT and broadening g = Γ/k_BT:
 * G = 2∫_0^∞ N_S(x) w(x) dx with w = 1/(4cosh²(x/2)), x = E/k_BT.
 * The Dynes peak at x = d has width g; the break points around it are what make GK see it.
 */
function conductanceReduced(d: number, g: number, integrand: (x: number) => number): number {
  const upper = d + 60; // w(x) ≤ e^{−x}: the tail beyond d + 60 is < e^{−60} of the peak's weight
  const breakpoints = [d];
  for (const k of [1, 10, 100, 1e3, 1e4]) breakpoints.push(d - k * g, d + k * g);
  breakpoints.push(0.5 * d, d + 5, d + 20);
  return 2 * integrate(integrand, 0, upper, { breakpoints, epsRel: 1e-13, maxIntervals: 5000 }).value;
}

function thermalWeight(x: number): number {
  const c = Math.cosh(0.5 * x);
  return 1 / (4 * c * c);
}

/** G(T) = R0/R by direct adaptive quadrature. */
export function conductanceRatioDirect(T: number, sc: GapParameters): number {
  if (T >= sc.Tc) return 1;
  const kT = kB * T;
  const d = gap(T, sc.Tc) / kT;
  const g = (sc.gamma * gapZero(sc.Tc)) / kT;
  return conductanceReduced(d, g, (x) => dynesDos(x, d, g) * thermalWeight(x));
}

/**
 * dG/dT by direct quadrature of ∂/∂T under the integral: the gap moves (∂N_S/∂Δ · dΔ/dT) and the
 * thermal window widens (∂(−f′)/∂T). In x = E/k_BT: dG/dT = (2/T)∫ [∂N/∂d · (T d′(T)) … ] — written
 * here in E to keep each factor physical.
 */
export function conductanceRatioDerivativeDirect(T: number, sc: GapParameters): number {
  if (T >= sc.Tc) return 0;
  const kT = kB * T;
  const Delta = gap(T, sc.Tc);
  const Gamma = sc.gamma * gapZero(sc.Tc);
  const dDelta = gapDerivative(T, sc.Tc);
  const d = Delta / kT;
  const g = Gamma / kT;
  // E = x kT. −f′ = w(x)/kT; ∂(−f′)/∂T = w(x)(x tanh(x/2) − 1)/(kT·T). ∂N/∂Δ = (1/kT) ∂N/∂d.
  const integrand = (x: number): number => {
    const w = thermalWeight(x);
    return (
      (dynesDosGapDerivative(x, d, g) * dDelta * w) / kT +
      (dynesDos(x, d, g) * w * (x * Math.tanh(0.5 * x) - 1)) / T
    );
  };
  return conductanceReduced(d, g, integrand);
}

/** R/R0 by direct adaptive quadrature (reference path). */
export function resistanceRatioDirect(T: number, sc: GapParameters): number {
  return 1 / conductanceRatioDirect(T, sc);
}

/**
 * The fast path: L(s) = ln G at s = ln(Tc/T), tabulated per γ by piecewise Chebyshev interpolation
 * checked against direct quadrature to 2e-13 in L (so R/R0 to ~2e-13 relative). ln G is analytic in s
 * up to Tc because G is analytic in Δ² and Δ² ∝ tanh²(1.74√(Tc/T − 1)) is analytic in Tc/T.
 */
const TABLE_MIN_REDUCED_T = 1e-3;
const S_MAX = Math.log(1 / TABLE_MIN_REDUCED_T);
const TABLE_TOLERANCE = 2e-13;

/** A tabulation of ln G as data: what `buildResistanceTable` returns, written by scripts/generate-resistance-tables.ts. */
export interface ResistanceTableData {
  gamma: number;
  maxCheckedError: number;
  panels: { a: number; b: number; coeffs: number[] }[];
  generator: string;
}

const fromData = (t: ResistanceTableData): [number, PiecewiseChebyshev] => [
  t.gamma,
  piecewiseChebyshev(
    t.panels.map((p) => ({ a: p.a, b: p.b, coeffs: Float64Array.from(p.coeffs) })),
    t.maxCheckedError,
  ),
];

// The paper's two γ come built (the same build, stored), so that nothing is tabulated at start-up.
const tables = new Map<number, PiecewiseChebyshev>(
  ([shipped1e4, shipped1e3] as ResistanceTableData[]).map(fromData),
);

/**
 * A grid of γ whose tables are stored too (loaded on demand by `loadResistanceGrid`): 20 per decade
 * from 1e-6 to 1e-1, rounded to 4 significant digits — the values the explorer's γ slider takes, so
 * that a slider step costs no tabulation (30–80 ms otherwise).
 */
export const RESISTANCE_GAMMA_GRID: readonly number[] = Object.freeze(
  Array.from({ length: 101 }, (_, i) => Number((1e-6 * (1e-1 / 1e-6) ** (i / 100)).toPrecision(4))),
);

let gridLoaded = false;

/** Load the stored tables of RESISTANCE_GAMMA_GRID (idempotent). */
export async function loadResistanceGrid(): Promise<void> {
  if (gridLoaded) return;
  const module = (await import('./data/resistance-tables-gamma-grid.json', { with: { type: 'json' } })) as {
    default: ResistanceTableData[];
  };
  for (const t of module.default) if (!tables.has(t.gamma)) tables.set(...fromData(t));
  gridLoaded = true;
}

/** Whether R/R0 at γ is tabulated already (else the first use tabulates it). */
export function hasResistanceTable(gamma: number): boolean {
  return tables.has(gamma);
}

/** Tabulate ln G vs ln(Tc/T) for γ afresh (what `resistanceTable` caches). */
export function buildResistanceTable(gamma: number): PiecewiseChebyshev {
  const sc = { Tc: 1, gamma };
  return buildPiecewiseChebyshev((s) => Math.log(conductanceRatioDirect(Math.exp(-s), sc)), 0, S_MAX, {
    nodes: 17,
    tolerance: TABLE_TOLERANCE,
  });
}

/** The last table asked for: most callers use one γ over and over. */
let lastTable: { gamma: number; table: PiecewiseChebyshev } | undefined;

/** The tabulation of ln G vs ln(Tc/T) for Dynes parameter γ (built once per γ, then cached). */
export function resistanceTable(gamma: number): PiecewiseChebyshev {
  // Most callers use one γ over and over: skip the map lookup (it boxes the double key).
  if (lastTable?.gamma === gamma) return lastTable.table;
  let table = tables.get(gamma);
  if (!table) {
    table = buildResistanceTable(gamma);
    tables.set(gamma, table);
  }
  lastTable = { gamma, table };
  return table;
}

/** R/R0 at temperature T (K): fast path (verified Chebyshev tabulation). 1 at T ≥ Tc. */
export function resistanceRatio(T: number, sc: GapParameters): number {
  if (T >= sc.Tc) return 1;
  if (T < TABLE_MIN_REDUCED_T * sc.Tc) return resistanceRatioDirect(T, sc);
  return Math.exp(-resistanceTable(sc.gamma).evaluate(Math.log(sc.Tc / T)));
}

/** d(R/R0)/dT in 1/K (0 above Tc; the derivative jumps at Tc, where the gap opens). */
export function resistanceRatioDerivative(T: number, sc: GapParameters): number {
  if (T >= sc.Tc) return 0;
  if (T < TABLE_MIN_REDUCED_T * sc.Tc) {
    const G = conductanceRatioDirect(T, sc);
    return -conductanceRatioDerivativeDirect(T, sc) / (G * G);
  }
  const table = resistanceTable(sc.gamma);
  const s = Math.log(sc.Tc / T);
  // R/R0 = e^{−L(s)}, ds/dT = −1/T
  return (Math.exp(-table.evaluate(s)) * table.derivative(s)) / T;
}
