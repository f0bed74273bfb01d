/**
 * The plot of a traced hysteresis: T_L against the swept parameter, the sweep up (solid) and down
 * (dashed) with a legend saying which is which, and the other
 * roots (unstable, or stable but not followed) as grey points. Titles in the unit of the ticks.
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  axisTitle,
  displayUnit,
  linearTickCount,
  NUMBER_FORMAT,
  plotSymbol,
} from '../figures/display-unit.js';
import type { Hysteresis } from './hysteresis.js';

/** Legend entries: the sweep up (solid), the sweep down (dashed), the roots not followed (grey). */
export const UP = 'sweep up';
export const DOWN = 'sweep down';
export const OTHER_ROOTS = 'other roots';

const WIDTH = 520;

/** The vega-lite spec of the hysteresis plot (`log`: the swept axis is log-spaced). */
export function hysteresisPlotSpec(h: Hysteresis, log: boolean): TopLevelSpec {
  const ux = displayUnit(
    h.parameter === 'J_in' ? 'W' : 'K',
    h.steps.map((s) => s.value),
  );
  const temperatures = h.steps.flatMap((s) => s.roots);
  const uy = displayUnit('K', temperatures);
  const rows = h.steps
    .filter((s) => s.T_L !== null)
    .map((s) => ({ x: s.value * ux.factor, T: s.T_L! * uy.factor, curve: s.direction === 'up' ? UP : DOWN }));
  // Every root once: those of the first half (the second half holds the same values).
  const others = h.steps
    .slice(0, h.steps.length / 2)
    .flatMap((s) =>
      s.roots
        .filter((r) => r !== s.T_L)
        .map((r) => ({ x: s.value * ux.factor, T: r * uy.factor, curve: OTHER_ROOTS })),
    );
  const domain = [UP, DOWN, ...(others.length > 0 ? [OTHER_ROOTS] : [])];
  const x = {
    field: 'x',
    type: 'quantitative',
    title: axisTitle(plotSymbol(h.parameter), ux.unit),
    // The swept range only (a T_R sweep from 300 mK began its axis at 0).
    scale: { type: log ? 'log' : 'linear', nice: false, ...(!log && { zero: false }) },
    ...(!log && { axis: { tickCount: linearTickCount(WIDTH) } }),
  };
  const y = { field: 'T', type: 'quantitative', title: axisTitle('T_L', uy.unit), scale: { zero: false } };
  // One legend for colour and dash: both keyed by the same field and domain, so vega-lite merges them.
  const colour = {
    field: 'curve',
    type: 'nominal',
    title: null,
    scale: { domain, range: ['#0072B2', '#D55E00', '#9a9a9a'] },
    legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 2.5, symbolSize: 300 },
  };
  const dash = {
    field: 'curve',
    type: 'nominal',
    title: null,
    scale: {
      domain,
      range: [
        [1, 0],
        [6, 3],
        [1, 3],
      ],
    },
    legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 2.5, symbolSize: 300 },
  };
  const loops = h.loops.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: 320,
    background: 'white',
    padding: 10,
    title: {
      text: `Hysteresis of T_L`,
      subtitle:
        loops > 0
          ? `${loops} ${loops === 1 ? 'loop' : 'loops'}; grey: the other roots (unstable, or stable but not followed)`
          : 'no loop: the sweeps up and down coincide',
      anchor: 'start',
    },
    layer: [
      {
        data: { values: others },
        mark: { type: 'point', size: 10, filled: true },
        encoding: { x, y, color: colour },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: { x, y, color: colour, strokeDash: dash },
      },
    ],
    config: {
      font: 'DejaVu Sans',
      numberFormat: NUMBER_FORMAT,
      axis: { grid: true, gridColor: '#e6e6e6', labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 12, symbolType: 'stroke' },
      title: { fontSize: 13 },
    },
  } as unknown as TopLevelSpec;
}
