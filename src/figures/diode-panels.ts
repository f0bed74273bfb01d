/**
 * Panels beyond the paper: the thermal diode's rectification ratio against χ, and κ_γ through real
 * photon lines with the NDTC window each line leaves (docs/model.md, §§ thermal diode, real lines).
 */
import {
  formatQuantity,
  ndtcWindow,
  photonicConductanceThroughLine,
  rectification,
  withChi,
  withRightReservoir,
  type Device,
  type PhotonLine,
} from '../index.js';
import type { Panel, Series } from './panel.js';

/** One point of a rectification map: the asymmetry and the result. */
export interface RectificationPoint {
  T_hot: number;
  T_cold: number;
  chi: number;
  Tc_R: number;
  gamma_R: number;
  J_forward: number;
  J_reverse: number;
  /** Heat reaching the cold reservoir (less than J_forward/J_reverse by what lossy lines absorb). */
  J_forward_received: number;
  J_reverse_received: number;
  ratio: number;
  tau0_forward: number;
  tau0_reverse: number;
}

/** The device with A_R = χ A_L and the right superconductor's Tc and γ replaced (the asymmetric pair). */
export function asymmetricPair(device: Device, chi: number, TcR: number, gammaR: number): Device {
  return withRightReservoir(withChi(device, chi), (r) => ({
    ...r,
    superconductor: { ...r.superconductor, Tc: TcR, gamma: gammaR },
  }));
}

/** Rectification over the Cartesian product of T_cold, χ, Tc_R, γ_R (the outer loops first). */
export function rectificationMap(
  device: Device,
  Thot: number,
  axes: { Tcold: number[]; chi: number[]; TcR: number[]; gammaR: number[] },
): RectificationPoint[] {
  const points: RectificationPoint[] = [];
  for (const Tcold of axes.Tcold)
    for (const chi of axes.chi)
      for (const TcR of axes.TcR)
        for (const gammaR of axes.gammaR) {
          const r = rectification(asymmetricPair(device, chi, TcR, gammaR), Thot, Tcold);
          points.push({
            T_hot: Thot,
            T_cold: Tcold,
            chi,
            Tc_R: TcR,
            gamma_R: gammaR,
            J_forward: r.forward,
            J_reverse: r.reverse,
            J_forward_received: r.forwardReceived,
            J_reverse_received: r.reverseReceived,
            ratio: r.ratio,
            tau0_forward: r.tau0Forward,
            tau0_reverse: r.tau0Reverse,
          });
        }
  return points;
}

/** R against χ, one curve per (T_cold, Tc_R, γ_R). */
export function rectificationPanel(points: RectificationPoint[], parameters: Record<string, unknown>): Panel {
  // Legend entries name only the parameters that vary between curves.
  const varies = (f: (p: RectificationPoint) => number): boolean => new Set(points.map(f)).size > 1;
  const parts: Array<(p: RectificationPoint) => string> = [];
  if (varies((p) => p.T_cold)) parts.push((p) => `T_cold = ${+(p.T_cold * 1e3).toPrecision(4)} mK`);
  if (varies((p) => p.Tc_R)) parts.push((p) => `Tc_R = ${+p.Tc_R.toPrecision(4)} K`);
  if (varies((p) => p.gamma_R)) parts.push((p) => `γ_R = ${p.gamma_R}`);
  const groups = new Map<string, RectificationPoint[]>();
  for (const p of points) {
    const key = parts.length ? parts.map((f) => f(p)).join(', ') : 'R';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const series: Series[] = Array.from(groups, ([name, ps]) => ({
    name,
    x: ps.map((p) => p.chi),
    y: ps.map((p) => p.ratio),
  }));
  const Thot = points[0]?.T_hot ?? 0;
  const mK = (T: number): string => `${+(T * 1e3).toPrecision(4)} mK`;
  // What every curve shares is said once, in the title and the notes.
  const cold = varies((p) => p.T_cold) ? '' : `, T_cold = ${mK(points[0]?.T_cold ?? 0)}`;
  const line = parameters.line as PhotonLine | null | undefined;
  const lossy = line != null && (line.inductance > 0 || line.resistance > 0);
  return {
    id: 'rectification',
    title: `Thermal diode: R = J_fwd/J_rev at T_hot = ${mK(Thot)}${cold}`,
    xLabel: 'χ = A_R/A_L',
    yLabel: 'R = J_fwd/J_rev',
    xColumn: 'chi',
    yColumn: 'ratio',
    xScale: 'log',
    yScale: 'log',
    series,
    rules: [{ axis: 'y', value: 1, label: 'no rectification' }],
    notes: [
      'forward: left reservoir hot; reverse: right reservoir hot, same T_hot and T_cold',
      ...(lossy
        ? [
            `photon lines: L = ${formatQuantity(line.inductance, 'inductance')}, ` +
              `R = ${formatQuantity(line.resistance, 'resistance')} each; ` +
              'J: heat leaving the hot side',
          ]
        : []),
    ],
    parameters,
  };
}

/** κ_γ against T_R at T_L for each line (L, R_ℓ per line), with the NDTC windows as intervals. */
export function lineWindowPanel(
  device: Device,
  TL: number,
  lines: Array<{ inductance: number; resistance: number }>,
  TRs: number[],
): Panel {
  const series: Series[] = [];
  const intervals: NonNullable<Panel['intervals']> = [];
  for (const line of lines) {
    const d: Device = { ...device, line };
    const name = `L = ${+(line.inductance * 1e9).toPrecision(3)} nH, R = ${+line.resistance.toPrecision(3)} Ω`;
    series.push({
      name,
      x: TRs.map((T) => T * 1e3),
      y: TRs.map((T) => photonicConductanceThroughLine(d, TL, T) * 1e15),
    });
    for (const w of ndtcWindow(d, TL, TRs[0], TRs[TRs.length - 1], 60))
      intervals.push({ from: w.from * 1e3, to: w.to * 1e3, series: name });
  }
  return {
    id: 'line-window',
    title: `κ_γ through real lines at T_L = ${+(TL * 1e3).toPrecision(4)} mK`,
    xLabel: 'T_R (mK)',
    yLabel: 'κ_γ (fW/K)',
    xColumn: 'T_R_mK',
    yColumn: 'kappa_gamma_fW_per_K',
    xScale: 'linear',
    yScale: 'linear',
    series,
    intervals,
    intervalLabel: 'NDTC (κ_γ < 0)',
    rules: [{ axis: 'y', value: 0, label: 'κ_γ = 0' }],
    notes: ['L, R of each line (two in series); R at T_bath; J_γ = heat leaving the left reservoir'],
    parameters: { TL, lines, Tbath: device.Tbath },
  };
}

/** One row of `ndtc transistor`: the operating point, the state and its response. */
export interface TransistorPoint {
  J_in_L: number;
  J_in_R: number;
  state: number;
  stable: boolean;
  alpha: number;
  kappa_gamma: number;
}

/** α against J_in^R, one curve per J_in^L and state index (unstable states dashed). */
export function transistorPanel(points: TransistorPoint[], parameters: Record<string, unknown>): Panel {
  const groups = new Map<string, TransistorPoint[]>();
  for (const p of points) {
    const key = `J_in,L = ${+(p.J_in_L * 1e15).toPrecision(4)} fW${p.state > 0 ? `, state ${p.state}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const series: Series[] = Array.from(groups, ([name, ps]) => ({
    name,
    dash: ps.some((p) => !p.stable),
    x: ps.map((p) => p.J_in_R * 1e15),
    y: ps.map((p) => p.alpha),
  }));
  return {
    id: 'transistor',
    title: 'Thermal transistor: α = ∂J_γ/∂J_in,R (setup 3, right heater = gate)',
    xLabel: 'gate power J_in,R (fW)',
    yLabel: 'α',
    xColumn: 'J_in_R_fW',
    yColumn: 'alpha',
    // A gate of 0 W has no place on a log axis (it was left out without a word).
    xScale: points.every((p) => p.J_in_R > 0) ? 'log' : 'linear',
    yScale: 'linear',
    series,
    rules: [
      { axis: 'y', value: 1, label: '|α| = 1' },
      { axis: 'y', value: -1, label: '' },
    ],
    notes: [
      '|α| > 1 only where κ_γ < 0 (NDTC) at the state',
      // The legend shows the dash but not what it means.
      series.some((s) => s.dash) ? 'dashed: a curve through unstable states (the middle state of three)' : '',
    ],
    parameters,
  };
}
