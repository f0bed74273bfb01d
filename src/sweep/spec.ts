/**
 * A sweep as plain data: base device, fixed operating point, axes (Cartesian product, first axis
 * slowest), outputs, and the chunk layout. The hash of this object identifies a sweep's results.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Device } from '../index.js';
import type { OperatingValues } from './parameters.js';
import type { SweepMode } from './quantities.js';

export interface Axis {
  /** Canonical parameter name (see parameters.ts). */
  name: string;
  /** SI values in the order written. */
  values: number[];
  /** Log-spaced (plots use a log axis). */
  log: boolean;
}

export interface SweepSpec {
  device: Device;
  fixed: OperatingValues;
  axes: Axis[];
  outputs: string[];
  mode: SweepMode;
  /** T_R range for δT-type outputs, K. */
  TRrange: [number, number];
  /** Points per chunk file; a function of the grid only, so every shard and resume agrees. */
  chunkSize: number;
  /**
   * What the sweep writes from its binary chunks (float64 records, binary-chunk.ts): `text` (the
   * default when absent) results.csv and results.jsonl (and results.h5 from the same chunks); `h5`
   * results.h5 alone, for studies whose text would not be read line by line.
   */
  formats?: SweepFormats;
}

export type SweepFormats = 'text' | 'h5';

/** Whether the sweep writes results.h5 alone (`--formats h5`: no CSV or JSON Lines). */
export const h5Only = (spec: SweepSpec): boolean => spec.formats === 'h5';

/** The layout of a sweep directory; 2: chunks hold binary records alone (text is made at assembly). */
export const SWEEP_FORMAT = 'ndtc-sweep/2';

/** The package version, read at runtime relative to this module (same depth in src/ and dist/). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export function pointCount(axes: readonly Axis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * Default chunk size: at most 4096 chunks for big grids (few files, seconds of
 * work each); up to that, 16 384 points (~50 ms of balance solves, a few seconds for the slowest
 * outputs: a killed run loses that much per thread); about 64 chunks (at most 64, of at least 16
 * points) for small grids so that every core gets work and progress moves. Each chunk costs files to
 * create, rename and fsync and a record (~2–3 ms of CPU here, half of it the kernel's): the text
 * chunks of 2048 points of an earlier ndtc spent a fifth of a 10⁶-point map's CPU on that.
 */
export function defaultChunkSize(points: number): number {
  return Math.max(Math.ceil(points / 4096), Math.min(16384, Math.max(16, Math.ceil(points / 64))));
}

export function chunkCount(spec: SweepSpec): number {
  return Math.ceil(pointCount(spec.axes) / spec.chunkSize);
}

/** Point-index range [start, end) of chunk k. */
export function chunkRange(spec: SweepSpec, k: number): [number, number] {
  const n = pointCount(spec.axes);
  return [k * spec.chunkSize, Math.min(n, (k + 1) * spec.chunkSize)];
}

/** Chunks [from, to) of shard i of n: contiguous, as equal as possible, covering every chunk once. */
export function shardChunks(chunks: number, i: number, n: number): [number, number] {
  return [Math.floor((i * chunks) / n), Math.floor(((i + 1) * chunks) / n)];
}

/** Axis values of point `index` (mixed radix, last axis fastest). */
export function coordinates(
  axes: readonly Axis[],
  index: number,
  out: number[] = new Array<number>(axes.length),
): number[] {
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const len = axes[a].values.length;
    const i = rest % len;
    rest = (rest - i) / len;
    out[a] = axes[a].values[i];
  }
  return out;
}

/** JSON with object keys sorted at every level, so equal data hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Hashes of the parts of a sweep, so a mismatch can say what differs. */
export function specHashes(spec: SweepSpec): {
  sweep: string;
  device: string;
  grid: string;
  outputs: string;
  version: string;
} {
  const device = sha(canonicalJson(spec.device));
  const grid = sha(canonicalJson({ axes: spec.axes, fixed: spec.fixed, chunkSize: spec.chunkSize }));
  // formats only when binary: the hashes of text sweeps are those written before it existed.
  const outputs = sha(
    canonicalJson({
      outputs: spec.outputs,
      mode: spec.mode,
      TRrange: spec.TRrange,
      formats: h5Only(spec) ? 'h5' : undefined,
    }),
  );
  const version = `${SWEEP_FORMAT} ${VERSION}`;
  return { sweep: sha(canonicalJson({ device, grid, outputs, version })), device, grid, outputs, version };
}

/** The γ values at which the sweep evaluates J_ph,S (none if it never does): its tables to prepare. */
export function phononGammas(spec: SweepSpec): number[] {
  const needsPhonon = spec.mode === 'balance' || spec.outputs.some((o) => o === 'J_ph_S' || o === 'J_ph');
  if (!needsPhonon) return [];
  const axis = spec.axes.find((a) => a.name === 'gamma' || a.name === 'left.superconductor.gamma');
  return axis ? axis.values : [spec.device.left.superconductor.gamma];
}
