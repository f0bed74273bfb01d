/**
 * The cost of a sweep said up front: its point count, CPU time and disk, from a small deterministic
 * sample of its own grid computed here by the same code as the sweep's chunks.
 *
 * CPU time: short runs of consecutive points of the grid along its fastest axis (so that whatever a
 * chunk reuses from one point to the next is reused here too), at positions spread over the grid by a
 * Kronecker (R_d) sequence, timed after a warm-up so that compilation is not counted where it is
 * negligible in the sweep itself. Disk: the chunks' binary records at 8 bytes per value, the bytes
 * per point of the sample's CSV and JSON Lines (results.csv and results.jsonl; none for
 * `--formats h5`), and results.h5 at 8 bytes per value (each numeric output over its points and
 * roots).
 */
import { counted } from '../units/counted.js';
import { chunkBuilders, formatChunk, type ChunkBuilders } from './chunk.js';
import { chunkBuffers, evaluatePoints, hasRoots, type ChunkBuffers } from './evaluate-chunk.js';
import { isBoolean, splitOutputs } from './quantities.js';
import { h5Only, pointCount, type Axis, type SweepSpec } from './spec.js';

export interface SweepEstimate {
  points: number;
  /** Process CPU time per point (user + system), seconds. */
  cpuSecondsPerPoint: number;
  /** points × cpuSecondsPerPoint. */
  cpuSeconds: number;
  /** Bytes on disk at the end of a run: chunks, results.csv, results.jsonl and results.h5. */
  diskBytes: number;
}

/** Timed sample: RUNS runs of WINDOW consecutive points (64 points). */
const RUNS = 8;
const WINDOW = 8;
/**
 * V8 compiles the hot code over the first ~10⁴ points (≈ 1 s here, at 2–4× the steady cost per point):
 * for a sweep long enough for that not to matter, the sample is timed after warming up on other
 * points of the grid for up to this much CPU, and at most 2 % of the sweep's own cost as the sample
 * puts it.
 */
const WARM_SECONDS = 1;

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Fractional parts of the R_d sequence (Roberts 2018): well spread in every dimension, deterministic. */
function kronecker(dimensions: number, i: number): number[] {
  // φ_d is the positive root of x^(d+1) = x + 1.
  let phi = 2;
  for (let k = 0; k < 30; k++) phi = Math.pow(1 + phi, 1 / (dimensions + 1));
  const out = new Array<number>(dimensions);
  for (let d = 0; d < dimensions; d++) {
    const x = 0.5 + i / Math.pow(phi, d + 1);
    out[d] = x - Math.floor(x);
  }
  return out;
}

/**
 * The points of run r, [start, end): one value of each slow axis, a window of consecutive values of
 * the fastest axis. Points of the sweep's own grid, evaluated as its chunks are (one evaluator, the
 * device's caches shared from run to run): a sub-grid of its own per run made a new evaluator each
 * time, and V8 compiled the solver again for it (~0.1 ms a run, ten times the run's points).
 */
function sampleRun(axes: readonly Axis[], r: number, window: number): [number, number] {
  const at = kronecker(axes.length, r);
  let start = 0;
  let w = 1;
  axes.forEach((axis, a) => {
    const len = axis.values.length;
    w = a < axes.length - 1 ? 1 : Math.min(window, len);
    start = start * len + Math.min(len - w, Math.floor(at[a] * (len - w + 1)));
  });
  return [start, start + w];
}

interface SampleCost {
  points: number;
  seconds: number;
  textBytes: number;
  /** The most roots at any point (1 without roots). */
  roots: number;
}

/** What the sample's chunks are written into, reused from run to run as a sweep's thread reuses them. */
interface SampleBuffers {
  into: ChunkBuilders;
  buffers: ChunkBuffers;
}

/** Computes runs [from, from + count) of the sample as chunks, as the sweep would. */
function timeRuns(
  spec: SweepSpec,
  from: number,
  count: number,
  window: number,
  { into, buffers }: SampleBuffers,
): SampleCost {
  const cost: SampleCost = { points: 0, seconds: 0, textBytes: 0, roots: 1 };
  for (let r = from; r < from + count; r++) {
    const [start, end] = sampleRun(spec.axes, r, window);
    const t0 = cpuSeconds();
    const records = evaluatePoints(spec, start, end, buffers);
    const text = formatChunk(spec, records, into);
    cost.seconds += cpuSeconds() - t0;
    cost.points += end - start;
    cost.textBytes += text.csv.byteLength + text.jsonl.byteLength;
    cost.roots = Math.max(cost.roots, records.maxRoots);
  }
  return cost;
}

/**
 * Point count, CPU time and disk of `spec`, from a sample of 64 of its points (tens of ms; up to ~1 s
 * more to warm up when the sweep itself takes minutes or more; longer only when a single point is
 * slow, e.g. J_ph,S by direct quadrature). J_ph,S tables for the sweep's γ must be loaded first
 * (prepareForSweep), as for the sweep itself.
 */
export function estimateSweep(spec: SweepSpec): SweepEstimate {
  const points = pointCount(spec.axes);
  const reused: SampleBuffers = { into: chunkBuilders(), buffers: chunkBuffers() };
  // One point first: compilation of the first call, and a guard against slow points. A slow first
  // point may only have built what the sweep builds once for its whole grid (R(T) over a T_R axis of
  // 10⁶ values): a second point says whether points are slow.
  let first = timeRuns(spec, 0, 1, 1, reused);
  if (first.seconds >= WARM_SECONDS / 4) first = timeRuns(spec, 1, 1, 1, reused);
  let sample = first;
  if (first.seconds < WARM_SECONDS / 4) {
    // A first pass builds what the sample's points keep from one to the next (a sweep builds each
    // once and reuses it over its slower axes); the sample is timed again after it, and after each
    // warm-up batch, until the warm-up has cost 2 % of the sweep as the latest timing puts it (a budget
    // set from a cold first pass came to 1 s for a sweep of 10⁵ points, as much as the sweep).
    const t0 = cpuSeconds();
    timeRuns(spec, 0, RUNS, WINDOW, reused);
    for (let r = RUNS; ; r += RUNS) {
      sample = timeRuns(spec, 0, RUNS, WINDOW, reused);
      // All the estimate has cost so far, the timing itself included (a third of it, uncounted, made
      // the 2 % twice as much).
      const spent = cpuSeconds() - t0;
      if (spent >= Math.min(WARM_SECONDS, 0.02 * points * (sample.seconds / sample.points))) break;
      timeRuns(spec, r, RUNS, WINDOW, reused);
    }
  }
  const cpuSecondsPerPoint = sample.seconds / sample.points;
  const { pointOutputs, rootOutputs } = splitOutputs(spec.outputs);
  const roots = sample.roots;
  // results.h5: float64 per value (int8 for a boolean), over the roots for root outputs, and n_roots
  // (int32) wherever there is a root dimension.
  const bytesOf = (name: string): number => (isBoolean(name) ? 1 : 8);
  const rootBytes = rootOutputs.reduce((n, o) => n + bytesOf(o), 0);
  const h5BytesPerPoint =
    pointOutputs.reduce((n, o) => n + bytesOf(o), 0) + rootBytes * roots + (hasRoots(spec) ? 4 : 0);
  // Binary records (a code, exceedsTc and the values of each point) in the chunks; a text sweep's
  // results.csv and results.jsonl beside them.
  const recordBytesPerPoint = 8 * (2 + pointOutputs.length + rootOutputs.length * roots);
  const textBytesPerPoint = h5Only(spec) ? 0 : sample.textBytes / sample.points;
  const diskBytes = points * (recordBytesPerPoint + textBytesPerPoint + h5BytesPerPoint);
  return { points, cpuSecondsPerPoint, cpuSeconds: points * cpuSecondsPerPoint, diskBytes };
}

/** Two significant digits, without an exponent (650, 4.2, 0.071). */
const twoDigits = (x: number): string => String(Number(x.toPrecision(2)));

/** An estimated time in seconds as said to the user: "~1.5 s", "~12 min", "~3.4 h", "under 0.01 s". */
export function aboutSeconds(s: number): string {
  // Below a hundredth of a second the digits are noise.
  if (s < 0.01) return 'under 0.01 s';
  return `~${s < 90 ? `${twoDigits(s)} s` : s < 5400 ? `${twoDigits(s / 60)} min` : `${twoDigits(s / 3600)} h`}`;
}

/**
 * `N points, ~X CPU-hours (~Y on W workers), ~Z GB disk` (units chosen by size): one line for a
 * person deciding whether to start.
 */
export function describeEstimate(e: SweepEstimate, workers: number): string {
  const bytes = (b: number): string =>
    b < 1e6 ? `${twoDigits(b / 1e3)} kB` : b < 1e9 ? `${twoDigits(b / 1e6)} MB` : `${twoDigits(b / 1e9)} GB`;
  const about = aboutSeconds;
  const w = Math.max(1, workers);
  return (
    `${counted(e.points, 'point')}, ${about(e.cpuSeconds)} of CPU (${about(e.cpuSeconds / w)} on ${w} worker${w === 1 ? '' : 's'}), ` +
    `~${bytes(e.diskBytes)} of disk`
  );
}

/** Points from which a sweep writing text is pointed to `--formats h5`. */
export const BINARY_HINT_POINTS = 1_000_000;

/**
 * A line pointing a text sweep of study size to `--formats h5`, or undefined: at 10⁶ points its CSV
 * and JSON Lines take ~4 times the bytes of the binary chunks and results.h5, and formatting them more
 * CPU than solving (docs/sweeps.md, "Binary chunks" and "Against a NumPy/SciPy peer").
 */
export function formatsHint(spec: SweepSpec): string | undefined {
  if (h5Only(spec) || pointCount(spec.axes) < BINARY_HINT_POINTS) return undefined;
  return 'at this size --formats h5 (results.h5 alone, no CSV or JSON Lines) takes about a fifth of the disk and two thirds of the CPU';
}
