/**
 * A figure panel as plain, serialisable data: the plotted values in the units of the axes
 * (mK, fW, …; the axis labels carry them) plus the SI parameters that produced them.
 */
import type { PlatformName } from '../index.js';

/** How an axis is drawn: linear or logarithmic. */
export type AxisScale = 'linear' | 'log';

/** One plotted curve of a panel: x and y in the axis units (mK, fW, …). */
export interface Series {
  name: string;
  /** The platform the curve belongs to (drawn solid for Ag, dashed for InAsOI). */
  platform?: PlatformName;
  /** Draw dashed even without a platform (e.g. the second γ of panel 1c). */
  dash?: boolean;
  /** A grey comparison curve (e.g. setup 1 shown under setup 2). */
  reference?: boolean;
  x: number[];
  y: number[];
}

/** A located feature (a maximum, a minimum) drawn as a point, in axis units. */
export interface Marker {
  x: number;
  y: number;
  /** What the point is, e.g. 'J_γ maximum'; one legend entry per kind. */
  kind: string;
  /** The series it belongs to (shares its colour). */
  series?: string;
}

/** An x-interval in axis units, e.g. where κ_γ < 0. */
export interface Interval {
  from: number;
  to: number;
  series?: string;
}

/** A horizontal (axis 'y') or vertical (axis 'x') reference line, in axis units. */
export interface Rule {
  axis: 'x' | 'y';
  value: number;
  label: string;
}

/** One figure panel of the paper as data: labels with units, series, markers, intervals, notes and every SI input. */
export interface Panel {
  /** Paper panel id, e.g. '2a'. */
  id: string;
  title: string;
  /** Axis titles with units, e.g. 'T_R (mK)'. */
  xLabel: string;
  yLabel: string;
  /** ASCII, unit-bearing CSV column names, e.g. 'T_R_mK'. */
  xColumn: string;
  yColumn: string;
  xScale: AxisScale;
  yScale: AxisScale;
  /** Axis extent in axis units; the data may be clipped to it. */
  xDomain?: [number, number];
  series: Series[];
  markers?: Marker[];
  intervals?: Interval[];
  /** What the interval bars mean (the title of their strip under the plot). */
  intervalLabel?: string;
  rules?: Rule[];
  /** Anything a reader must know about the data (bistability, points beyond the model). */
  notes?: string[];
  /** Every input of the computation, SI units. */
  parameters: Record<string, unknown>;
}
