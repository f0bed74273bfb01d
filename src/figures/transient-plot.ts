/**
 * The plot of a transient: T_L(t) (and T_R(t)) after a step or pulse, the change's window shaded, titles
 * in the unit of the ticks.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TransientChange, TransientResult } from '../index.js';
import { axisTitle, displayUnit, linearTickCount, NUMBER_FORMAT, roomyDomain } from './display-unit.js';

/** Largest number of samples drawn per curve (longer runs are strided; the files keep every step). */
const MAX_DRAWN = 2000;
const WIDTH = 520;

const CHANGED: Record<TransientChange['quantity'], string> = {
  Jin: 'left heater',
  JinR: 'right heater',
  TR: 'T_R',
};

/** The vega-lite spec of T(t); `floatingRight`: T_R is integrated (setup 3), else prescribed. */
export function transientPlotSpec(
  r: TransientResult,
  change: TransientChange,
  floatingRight: boolean,
  title: string,
): TopLevelSpec {
  const ux = displayUnit('s', r.time);
  const uy = displayUnit('K', [...r.TL, ...r.TR]);
  const stride = Math.max(1, Math.ceil(r.time.length / MAX_DRAWN));
  const left = 'T_L';
  const right = floatingRight ? 'T_R' : 'T_R (set)';
  const rows: { t: number; T: number; curve: string }[] = [];
  for (let i = 0; i < r.time.length; i++) {
    // Every sample where a prescribed T_R jumps is kept, so the drawn step sits at the change's edge.
    const edge = r.TR[i] !== r.TR[i - 1] || r.TR[i] !== r.TR[i + 1];
    if (i % stride !== 0 && i !== r.time.length - 1 && !edge) continue;
    rows.push({ t: r.time[i] * ux.factor, T: r.TL[i] * uy.factor, curve: left });
    rows.push({ t: r.time[i] * ux.factor, T: r.TR[i] * uy.factor, curve: right });
  }
  const end = Math.min(r.time[r.time.length - 1], change.start + (change.duration ?? Infinity));
  const color = {
    field: 'curve',
    type: 'nominal',
    title: null,
    scale: { domain: [left, right], range: ['#0072B2', '#D55E00'] },
    legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 2.5, symbolSize: 300 },
  };
  const x = {
    field: 't',
    type: 'quantitative',
    title: axisTitle('t', ux.unit),
    scale: { nice: false },
    axis: { tickCount: linearTickCount(WIDTH) },
  };
  // Room past the data before the nice ends: a set T_R of 700 mK otherwise runs along the frame.
  const domain = roomyDomain(rows.map((row) => row.T));
  const y = {
    field: 'T',
    type: 'quantitative',
    title: axisTitle('T', uy.unit),
    scale: { zero: false, ...(domain !== undefined && { domain, nice: true }) },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: 320,
    background: 'white',
    padding: 10,
    title: { text: title, subtitle: `shaded: ${CHANGED[change.quantity]} changed`, anchor: 'start' },
    layer: [
      {
        data: { values: [{ a: change.start * ux.factor, b: end * ux.factor }] },
        mark: { type: 'rect', color: '#f0e442', opacity: 0.25 },
        encoding: { x: { field: 'a', type: 'quantitative' }, x2: { field: 'b' } },
      },
      {
        // A prescribed T_R holds its value from each sample to the next (it jumps at the change's edges).
        data: { values: rows.filter((row) => floatingRight || row.curve === left) },
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: { x, y, color },
      },
      ...(floatingRight
        ? []
        : [
            {
              data: { values: rows.filter((row) => row.curve === right) },
              mark: { type: 'line', strokeWidth: 1.8, interpolate: 'step-after' },
              encoding: { x, y, color },
            },
          ]),
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
