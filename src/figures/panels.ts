/**
 * The paper's panels (docs/model.md §7) as data, computed only through the library. Figs. 3–4: panels
 * b, d, f show the Ag device (solid) and c, e, g the InAsOI device (dashed); see docs/reproduce.md.
 */
import {
  ndtcIntervals,
  photonicConductance,
  photonicHeatCurrent,
  photonicMaximum,
  platformDevice,
  resistanceRatio,
  withChi,
  PAPER_DEFAULTS,
  type PlatformName,
  type Setup,
} from '../index.js';
import { linspace } from './grid.js';
import type { Marker, Panel, Series } from './panel.js';
import {
  hasMinimumInSweep,
  JIN_RANGE,
  PLATFORM_LABEL,
  TR_RANGE,
  type ResponseCurve,
  type Study,
} from './study.js';

/** Axis units: values are stored in these (SI × factor). */
const mK = 1e3;
const fW = 1e15;
const fWperK = 1e15;

/** Panel 1c: T/Tc range and the two Dynes parameters. */
export const RESISTANCE_PANEL = { from: 0.05, to: 0.999, points: 300, gammas: [1e-4, 1e-3] } as const;
/** Panels 2a–b: T_L and the area ratios. */
export const PHOTONIC_PANEL = { TL: 0.5, TRmin: 0.01, points: 300, chis: [0.5, 1, 2, 5, 10] } as const;

/**
 * The paper's panels that `ndtc reproduce` and `reproducePaper` compute, in the paper's order. Frozen:
 * a caller's push would change what reproducePaper computes by default.
 */
export const PANEL_IDS = Object.freeze([
  '1c',
  '2a',
  '2b',
  '3b',
  '3c',
  '3d',
  '3e',
  '3f',
  '3g',
  '4b',
  '4c',
  '4d',
  '4e',
  '4f',
  '4g',
] as const);
/** A panel id, e.g. '2a' (see PANEL_IDS). */
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(id: string): id is PanelId {
  return (PANEL_IDS as readonly string[]).includes(id);
}

const SETUP_TEXT: Record<Setup, string> = { 1: 'Setup 1 (T_bath = 10 mK)', 2: 'Setup 2 (T_R = T_bath)' };
const TR_LABEL: Record<Setup, string> = { 1: 'T_R (mK)', 2: 'T_R = T_bath (mK)' };
const TR_COLUMN: Record<Setup, string> = { 1: 'T_R_mK', 2: 'T_R_eq_T_bath_mK' };

function fixed3(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 1e-4 → '10⁻⁴', 2e-3 → '2·10⁻³' (legend text; SVG has no markup for exponents). */
function superscriptPower(x: number): string {
  const [mantissa, exponent] = x.toExponential().split('e');
  const power = `10${[...String(Number(exponent))].map((ch) => SUPERSCRIPT[ch]).join('')}`;
  return mantissa === '1' ? power : `${mantissa}·${power}`;
}

function jinName(Jin: number): string {
  return `J_in = ${fixed3(Jin * fW)} fW`;
}

function resistancePanel(): Panel {
  const { from, to, points, gammas } = RESISTANCE_PANEL;
  const t = linspace(from, to, points);
  const Tc = PAPER_DEFAULTS.Tc;
  const series: Series[] = gammas.map((gamma, i) => ({
    name: `γ = ${superscriptPower(gamma)}`,
    dash: i > 0,
    x: t,
    y: t.map((x) => resistanceRatio(x * Tc, { Tc, gamma })),
  }));
  return {
    id: '1c',
    title: 'Fig. 1c — Zero-bias NIS resistance',
    xLabel: 'T / T_c',
    yLabel: 'R / R_0',
    xColumn: 'T_over_Tc',
    yColumn: 'R_over_R0',
    xScale: 'linear',
    yScale: 'log',
    xDomain: [0, 1],
    series,
    rules: [{ axis: 'x', value: 0.2, label: '0.2 T_c' }],
    parameters: { Tc, gammas: [...gammas], TOverTc: { from, to, points } },
  };
}

function photonicSeries(quantity: 'J' | 'kappa'): {
  series: Series[];
  markers: Marker[];
  intervals: Panel['intervals'];
} {
  const { TL, TRmin, points, chis } = PHOTONIC_PANEL;
  const TR = linspace(TRmin, TL, points);
  const base = platformDevice('ag');
  const series: Series[] = [];
  const markers: Marker[] = [];
  const intervals: NonNullable<Panel['intervals']> = [];
  for (const chi of chis) {
    const device = withChi(base, chi);
    const name = `χ = ${chi}`;
    const y =
      quantity === 'J'
        ? TR.map((tr) => photonicHeatCurrent(device, TL, tr) * fW)
        : TR.map((tr) => photonicConductance(device, TL, tr) * fWperK);
    series.push({ name, x: TR.map((tr) => tr * mK), y });
    if (quantity === 'J') {
      const max = photonicMaximum(device, TL, TRmin, TL);
      markers.push({ x: max.TR * mK, y: max.J * fW, kind: 'J_γ maximum', series: name });
    } else {
      for (const iv of ndtcIntervals(device, TL, TRmin, TL))
        intervals.push({ from: iv.from * mK, to: iv.to * mK, series: name });
    }
  }
  return { series, markers, intervals };
}

function photonicParameters(): Record<string, unknown> {
  const { TL, TRmin, points, chis } = PHOTONIC_PANEL;
  const d = platformDevice('ag');
  return {
    TL,
    TR: { from: TRmin, to: TL, points },
    chis: [...chis],
    Tc: d.left.superconductor.Tc,
    gamma: d.left.superconductor.gamma,
    r0: d.left.junction.r0,
    c: d.left.junction.c,
    areaLeft: d.left.junction.area,
    note: 'J_γ depends only on χ, c, r0, Tc, γ (not on A_L or the platform)',
  };
}

function heatCurrentPanel(): Panel {
  const { series, markers } = photonicSeries('J');
  return {
    id: '2a',
    title: 'Fig. 2a — Photonic heat current, T_L = 500 mK',
    xLabel: 'T_R (mK)',
    yLabel: 'J_γ (fW)',
    xColumn: 'T_R_mK',
    yColumn: 'J_gamma_fW',
    xScale: 'linear',
    yScale: 'linear',
    series,
    markers,
    parameters: photonicParameters(),
  };
}

function conductancePanel(): Panel {
  const { series, intervals } = photonicSeries('kappa');
  return {
    id: '2b',
    title: 'Fig. 2b — Differential thermal conductance, T_L = 500 mK',
    xLabel: 'T_R (mK)',
    yLabel: 'κ_γ = −∂J_γ/∂T_R (fW/K)',
    xColumn: 'T_R_mK',
    yColumn: 'kappa_gamma_fW_per_K',
    xScale: 'linear',
    yScale: 'linear',
    series,
    intervals,
    intervalLabel: 'NDTC (κ_γ < 0)',
    rules: [{ axis: 'y', value: 0, label: 'κ_γ = 0' }],
    parameters: photonicParameters(),
  };
}

function curveNotes(curves: ResponseCurve[]): string[] {
  const notes: string[] = [];
  for (const c of curves) {
    if (c.multipleRoots.length > 0)
      notes.push(
        `${jinName(c.Jin)}: several steady states at ${c.multipleRoots.length} T_R points ` +
          `(${fixed3(c.multipleRoots[0] * mK)}–${fixed3(c.multipleRoots[c.multipleRoots.length - 1] * mK)} mK); ` +
          'the stable branch continuous with the previous point is drawn',
      );
    if (c.aboveTc.length > 0)
      notes.push(
        `${jinName(c.Jin)}: no steady state below T_c at ${c.aboveTc.length} T_R points (not drawn)`,
      );
  }
  return notes;
}

function figureParameters(study: Study, platform: PlatformName, setup: Setup): Record<string, unknown> {
  return {
    platform,
    setup,
    device: study.device(platform),
    operatingPoints: study
      .operatingPoints(platform)
      .map((op) => ({ TL0: op.TL0, TR0: TR_RANGE.from, Jin: op.Jin })),
    TR: { ...TR_RANGE },
    ...(setup === 1 ? { Tbath: study.device(platform).Tbath } : { Tbath: 'equal to T_R' }),
  };
}

const FIG_LETTERS: Record<PlatformName, { curve: string; drop: string; resp: string }> = {
  ag: { curve: 'b', drop: 'd', resp: 'f' },
  inas: { curve: 'c', drop: 'e', resp: 'g' },
};

function temperaturePanel(study: Study, platform: PlatformName, setup: Setup): Panel {
  const curves = study.responseCurves(platform, setup);
  const figure = setup === 1 ? 3 : 4;
  const notes = curveNotes(curves);
  for (const c of curves)
    if (!hasMinimumInSweep(c))
      notes.push(`${jinName(c.Jin)}: no minimum of T_L inside the sweep (not marked)`);
  return {
    id: `${figure}${FIG_LETTERS[platform].curve}`,
    title: `Fig. ${figure}${FIG_LETTERS[platform].curve} — ${SETUP_TEXT[setup]}: T_L, ${PLATFORM_LABEL[platform]}`,
    xLabel: TR_LABEL[setup],
    yLabel: 'T_L (mK)',
    xColumn: TR_COLUMN[setup],
    yColumn: 'T_L_mK',
    xScale: 'linear',
    yScale: 'linear',
    series: curves.map((c) => ({
      name: jinName(c.Jin),
      platform,
      x: c.TR.map((t) => t * mK),
      y: c.TL.map((t) => t * mK),
    })),
    // the same rule as the report's: a curve whose lowest point is an end of the sweep has no minimum
    markers: curves.filter(hasMinimumInSweep).map((c) => ({
      x: c.drop.TRatMin * mK,
      y: c.drop.TLmin * mK,
      kind: 'T_L,min',
      series: jinName(c.Jin),
    })),
    ...(notes.length > 0 && { notes }),
    parameters: figureParameters(study, platform, setup),
  };
}

function responsivityPanel(study: Study, platform: PlatformName, setup: Setup): Panel {
  const curves = study.responseCurves(platform, setup);
  const figure = setup === 1 ? 3 : 4;
  const notes = curveNotes(curves);
  return {
    id: `${figure}${FIG_LETTERS[platform].resp}`,
    title: `Fig. ${figure}${FIG_LETTERS[platform].resp} — ${SETUP_TEXT[setup]}: responsivity, ${PLATFORM_LABEL[platform]}`,
    xLabel: TR_LABEL[setup],
    yLabel: setup === 1 ? 'dT_L/dT_R' : 'dT_L/dT_bath',
    xColumn: TR_COLUMN[setup],
    yColumn: setup === 1 ? 'dTL_dTR' : 'dTL_dTbath',
    xScale: 'linear',
    yScale: 'linear',
    series: curves.map((c) => ({
      name: jinName(c.Jin),
      platform,
      x: c.TR.map((t) => t * mK),
      y: c.responsivity,
    })),
    rules: [{ axis: 'y', value: 0, label: 'zero' }],
    ...(notes.length > 0 && { notes }),
    parameters: figureParameters(study, platform, setup),
  };
}

function dropPanel(study: Study, platform: PlatformName, setup: Setup): Panel {
  const figure = setup === 1 ? 3 : 4;
  const sweep = study.dropSweep(platform, setup);
  const series: Series[] = [
    {
      name: `δT, ${PLATFORM_LABEL[platform]}`,
      platform,
      x: sweep.Jin.map((J) => J * fW),
      y: sweep.drops.map((d) => d.deltaT * mK),
    },
  ];
  if (setup === 2) {
    const reference = study.dropSweep(platform, 1);
    series.push({
      name: 'setup 1 (Fig. 3)',
      platform,
      reference: true,
      x: reference.Jin.map((J) => J * fW),
      y: reference.drops.map((d) => d.deltaT * mK),
    });
  }
  const markers: Marker[] = study.responseCurves(platform, setup).map((c) => ({
    x: c.Jin * fW,
    y: c.drop.deltaT * mK,
    kind: `J_in of panel ${figure}${FIG_LETTERS[platform].curve}`,
    series: series[0].name,
  }));
  return {
    id: `${figure}${FIG_LETTERS[platform].drop}`,
    title: `Fig. ${figure}${FIG_LETTERS[platform].drop} — ${SETUP_TEXT[setup]}: δT, ${PLATFORM_LABEL[platform]}`,
    xLabel: 'J_in (fW)',
    yLabel: 'δT = T_L(10 mK) − T_L,min (mK)',
    xColumn: 'J_in_fW',
    yColumn: 'deltaT_mK',
    xScale: 'log',
    yScale: 'linear',
    xDomain: [JIN_RANGE.from * fW, JIN_RANGE.to * fW],
    series,
    markers,
    rules: [{ axis: 'y', value: 10, label: '10 mK' }],
    parameters: {
      platform,
      setup,
      device: study.device(platform),
      Jin: { ...JIN_RANGE, spacing: 'log' },
      TR: { from: TR_RANGE.from, to: TR_RANGE.to },
      definition: 'δT = T_L(T_R = 10 mK) − min over T_R ∈ [10, 800] mK of T_L, at fixed J_in',
    },
  };
}

/** Compute one panel. */
export function computePanel(id: PanelId, study: Study): Panel {
  switch (id) {
    case '1c':
      return resistancePanel();
    case '2a':
      return heatCurrentPanel();
    case '2b':
      return conductancePanel();
    default: {
      const setup: Setup = id[0] === '3' ? 1 : 2;
      const letter = id[1];
      const platform: PlatformName = 'bdf'.includes(letter) ? 'ag' : 'inas';
      if (letter === 'b' || letter === 'c') return temperaturePanel(study, platform, setup);
      if (letter === 'd' || letter === 'e') return dropPanel(study, platform, setup);
      return responsivityPanel(study, platform, setup);
    }
  }
}
