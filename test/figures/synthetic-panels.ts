/** Synthetic panels (no physics) exercising every rendering feature: log axes, dashes, markers, intervals, rules, gaps. */
import type { Panel } from '../../src/figures/panel.js';

const xs = Array.from({ length: 200 }, (_, i) => 10 + (790 * i) / 199);

export function syntheticLinearPanel(): Panel {
  return {
    id: 'syn-lin',
    title: 'Synthetic — lines, markers, intervals',
    xLabel: 'T_R (mK)',
    yLabel: 'κ_γ (fW/K)',
    xColumn: 'T_R_mK',
    yColumn: 'kappa_fW_per_K',
    xScale: 'linear',
    yScale: 'linear',
    series: [
      { name: 'χ = 1', platform: 'ag', x: xs, y: xs.map((x) => 100 * Math.sin(x / 120)) },
      // a NaN gap in the middle must break the line
      {
        name: 'χ = 2',
        platform: 'inas',
        x: xs,
        y: xs.map((x) => (x > 400 && x < 450 ? NaN : 80 * Math.cos(x / 150))),
      },
    ],
    markers: [{ x: 188, y: 100, kind: 'J_γ maximum', series: 'χ = 1' }],
    intervals: [
      { from: 380, to: 750, series: 'χ = 1' },
      { from: 240, to: 710, series: 'χ = 2' },
    ],
    intervalLabel: 'NDTC (κ_γ < 0)',
    rules: [{ axis: 'y', value: 0, label: 'κ_γ = 0' }],
    notes: ['a synthetic note'],
    parameters: { synthetic: true },
  };
}

export function syntheticLogPanel(): Panel {
  const J = Array.from({ length: 200 }, (_, i) => 10 ** (3 * (i / 199)));
  return {
    id: 'syn-log',
    title: 'Synthetic — log axes',
    xLabel: 'J_in (fW)',
    yLabel: 'R / R_0',
    xColumn: 'J_in_fW',
    yColumn: 'R_over_R0',
    xScale: 'log',
    yScale: 'log',
    xDomain: [1, 1000],
    series: [
      { name: 'γ = 1e-4', x: J, y: J.map((j) => 1e4 / j) },
      { name: 'γ = 1e-3', dash: true, x: J, y: J.map((j) => (j < 2 ? -1 : 2e3 / Math.sqrt(j))) },
      { name: 'reference', reference: true, x: J, y: J.map((j) => 10 + j) },
    ],
    rules: [{ axis: 'x', value: 10, label: '10 fW' }],
    parameters: {},
  };
}
