/**
 * A sweep directory of any size written in seconds: the manifest of a real balance-mode sweep and
 * its chunks in the sweep's own format (binary records as a sweep thread writes them, each chunk
 * written and recorded by writeChunk), with smooth made-up values instead of computed ones.
 * For tests of what happens after computing: merge, plot, memory.
 */
import { platformDevice } from '../../src/index.js';
import { binaryChunkFile } from '../../src/sweep/binary-chunk.js';
import { openSweepDirectory, writeChunk } from '../../src/sweep/directory.js';
import { FAILED, type PointFailure } from '../../src/sweep/evaluate-chunk.js';
import { chunkCount, chunkRange, defaultChunkSize, type SweepSpec } from '../../src/sweep/spec.js';

/** A J_in × T_R map (nx × ny points) with the default balance outputs. */
export function syntheticSpec(nx: number, ny: number): SweepSpec {
  const range = (a: number, b: number, n: number, log: boolean) =>
    Array.from({ length: n }, (_, i) => (log ? a * (b / a) ** (i / (n - 1)) : a + ((b - a) * i) / (n - 1)));
  return {
    device: platformDevice('ag'),
    fixed: { setup: 1 },
    axes: [
      { name: 'J_in', values: range(1e-15, 1e-12, nx, true), log: true },
      { name: 'T_R', values: range(0.01, 0.8, ny, false), log: false },
    ],
    outputs: ['T_L', 'stable', 'dTL_dTR', 'J_gamma'],
    mode: 'balance',
    TRrange: [0.01, 0.8],
    chunkSize: defaultChunkSize(nx * ny),
  };
}

/**
 * Chunk k's binary file, one root per point (two where x + y > 1.5: a bistable corner); the points in
 * `failed` hold an error record ("x") instead.
 */
export function syntheticChunk(
  spec: SweepSpec,
  k: number,
  failed: ReadonlySet<number> = new Set(),
): Uint8Array {
  const [start, end] = chunkRange(spec, k);
  const [nx, ny] = spec.axes.map((a) => a.values.length);
  const values: number[] = [];
  const failures: PointFailure[] = [];
  let maxRoots = 0;
  for (let index = start; index < end; index++) {
    if (failed.has(index)) {
      values.push(FAILED);
      failures.push({ index, message: 'x' });
      continue;
    }
    const x = Math.floor(index / ny) / (nx - 1);
    const y = (index % ny) / (ny - 1);
    // Full-length decimals, as computed values have (the files' sizes are realistic).
    const wiggle = 1e-9 * Math.sin(index);
    const roots =
      x + y > 1.5 ? [0.2 + 0.3 * x * y + wiggle, 0.9 - 0.1 * y - wiggle] : [0.2 + 0.3 * x * y + wiggle];
    maxRoots = Math.max(maxRoots, roots.length);
    // The root count, exceedsTc (false), then per root T_L, stable, dTL_dTR and J_gamma.
    values.push(roots.length, 0);
    roots.forEach((TL, r) =>
      values.push(TL, r === 0 ? 1 : 0, 0.1 * y - 0.02 * r + wiggle, 1e-15 * (1 + x + wiggle)),
    );
  }
  return binaryChunkFile(Float64Array.from(values), failures, maxRoots);
}

/** Writes the manifest and every chunk of `spec` into `dir` (a new directory). */
export function writeSyntheticStudy(dir: string, spec: SweepSpec): void {
  openSweepDirectory(dir, spec, false);
  for (let k = 0; k < chunkCount(spec); k++) writeChunk(dir, k, { bin: syntheticChunk(spec, k) });
}
