/**
 * A figure panel as plain, serialisable data: the plotted values in the units of the axes
 * (mK, fW, …; the axis labels carry them) plus the SI parameters that produced them.
 */
import type { PlatformName } from '../index.js';

/** How an axis is drawn: linear or logarithmic. */
export type AxisScale = 'linear' | 'log';

/** One plotted curve of a panel: x and y in the axis units (mK, fW, …). */
export interface Series {
  /** The legend entry. */
  name: string;
  /** The platform the curve belongs to (drawn solid for Ag, dashed for InAsOI). */
  platform?: PlatformName;
  /** Draw dashed even without a platform (e.g. the second γ of panel 1c). */
  dash?: boolean;
  /** A grey comparison curve (e.g. setup 1 shown under setup 2). */
  reference?: boolean;
  /** Abscissae in the x axis unit. */
  x: number[];
  /** Ordinates in the y axis unit. */
  y: number[];
}

/** A located feature (a maximum, a minimum) drawn as a point, in axis units. */
export interface Marker {
  /** Abscissa, x axis unit. */
  x: number;
  /** Ordinate, y axis unit. */
  y: number;
  /** What the point is, e.g. 'J_γ maximum'; one legend entry per kind. */
  kind: string;
  /** The series it belongs to (shares its colour). */
  series?: string;
}

/** An x-interval in axis units, e.g. where κ_γ < 0. */
export interface Interval {
  /** Lower end, x axis unit. */
  from: number;
  /** Upper end, x axis unit. */
  to: number;
  /** The series it belongs to. */
  series?: string;
}

/** A horizontal (axis 'y') or vertical (axis 'x') reference line, in axis units. */
export interface Rule {
  /** 'x': a vertical line at x = value; 'y': a horizontal one. */
  axis: 'x' | 'y';
  /** Where, in that axis' unit. */
  value: number;
  /** What the line marks. */
  label: string;
}

/** One figure panel of the paper as data: labels with units, series, markers, intervals, notes and every SI input. */
export interface Panel {
  /** Paper panel id, e.g. '2a'. */
  id: string;
  /** The panel's title. */
  title: string;
  /** Axis titles with units, e.g. 'T_R (mK)'. */
  xLabel: string;
  /** The y axis title with its unit. */
  yLabel: string;
  /** ASCII, unit-bearing CSV column names, e.g. 'T_R_mK'. */
  xColumn: string;
  /** The y column's name. */
  yColumn: string;
  /** How the x axis is drawn. */
  xScale: AxisScale;
  /** How the y axis is drawn. */
  yScale: AxisScale;
  /** Axis extent in axis units; the data may be clipped to it. */
  xDomain?: [number, number];
  /** The curves. */
  series: Series[];
  /** Located features (maxima, minima). */
  markers?: Marker[];
  /** Marked x-intervals (e.g. NDTC regions), drawn as bars under the plot. */
  intervals?: Interval[];
  /** What the interval bars mean (the title of their strip under the plot). */
  intervalLabel?: string;
  /** Reference lines. */
  rules?: Rule[];
  /** Anything a reader must know about the data (bistability, points beyond the model). */
  notes?: string[];
  /** Every input of the computation, SI units. */
  parameters: Record<string, unknown>;
}
