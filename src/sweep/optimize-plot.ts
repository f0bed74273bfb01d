/**
 * The plot of an optimisation: the objective along each parameter through the optimum (one panel
 * per parameter), the optimum dashed. Titles in the unit of the ticks (mK, fW, Ω·µm²).
 */
import type { TopLevelSpec } from 'vega-lite';
import {
  axisTitle,
  displayUnit,
  linearTickCount,
  NUMBER_FORMAT,
  plotSymbol,
} from '../figures/display-unit.js';
import {
  OBJECTIVES,
  type Objective,
  type OptimizationParameter,
  type OptimizationResult,
} from './optimize.js';
import { parameterInfo } from './parameters.js';

/** Objective names as drawn. */
const OBJECTIVE_SYMBOL: Record<Objective, string> = {
  deltaT: 'δT',
  'negative-responsivity': '−dT_L/dT_R',
};

/** The vega-lite spec of the profiles of `result`. */

const PANEL_WIDTH = 420;
export function optimizePlotSpec(
  result: OptimizationResult,
  params: readonly OptimizationParameter[],
  objective: Objective,
): TopLevelSpec {
  const values = result.profiles.flatMap((p) => p.value).filter(Number.isFinite);
  const uy = displayUnit(OBJECTIVES[objective].unit === 'K/K' ? '' : OBJECTIVES[objective].unit, values);
  const symbol = OBJECTIVE_SYMBOL[objective];
  const panels = params.map((p, i) => {
    const pr = result.profiles[i];
    const ux = displayUnit(parameterInfo(p.name, '--param').unit, pr.x);
    return {
      width: PANEL_WIDTH,
      height: 200,
      layer: [
        {
          data: {
            values: pr.x
              .map((x, j) => ({ x: x * ux.factor, y: pr.value[j] * uy.factor }))
              .filter((r) => Number.isFinite(r.y)),
          },
          mark: { type: 'line', point: { size: 14 }, color: '#0072B2' },
          encoding: {
            x: {
              field: 'x',
              type: 'quantitative',
              title: axisTitle(plotSymbol(p.name), ux.unit),
              scale: { type: p.log ? 'log' : 'linear', nice: false, ...(!p.log && { zero: false }) },
              ...(!p.log && { axis: { tickCount: linearTickCount(PANEL_WIDTH) } }),
            },
            y: {
              field: 'y',
              type: 'quantitative',
              title: axisTitle(symbol, uy.unit),
              scale: { zero: false },
            },
          },
        },
        {
          data: { values: [{ x: result.x[i] * ux.factor }] },
          mark: { type: 'rule', color: '#D55E00', strokeDash: [5, 3] },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 10,
    title: {
      text: `${symbol} along each parameter through the optimum`,
      subtitle: 'dashed: the optimum',
      anchor: 'start',
    },
    vconcat: panels,
    config: {
      font: 'DejaVu Sans',
      numberFormat: NUMBER_FORMAT,
      axis: { grid: true, gridColor: '#e6e6e6', labelFontSize: 11, titleFontSize: 12 },
      title: { fontSize: 13 },
    },
  } as unknown as TopLevelSpec;
}
