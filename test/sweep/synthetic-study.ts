/**
 * A sweep directory of any size written in seconds: the manifest of a real balance-mode sweep and
 * its chunks in the sweep's own format (CSV rows and JSON Lines as computeChunk writes them, each
 * chunk written and recorded by writeChunk), with smooth made-up values instead of computed ones.
 * For tests of what happens after computing: merge, plot, memory.
 */
import { Utf8Builder } from '../../src/io/utf8-builder.js';
import { platformDevice } from '../../src/index.js';
import { openSweepDirectory, writeChunk } from '../../src/sweep/directory.js';
import {
  chunkCount,
  chunkRange,
  coordinates,
  defaultChunkSize,
  type SweepSpec,
} from '../../src/sweep/spec.js';

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

/** Chunk k's CSV rows and JSON Lines, one root per point (two where x + y > 1.5: a bistable corner). */
export function syntheticChunk(spec: SweepSpec, k: number): { csv: Uint8Array; jsonl: Uint8Array } {
  const [start, end] = chunkRange(spec, k);
  const [nx, ny] = spec.axes.map((a) => a.values.length);
  const coords = new Array<number>(2);
  const names = spec.axes.map((a) => a.name);
  const csv = new Utf8Builder();
  const jsonl = new Utf8Builder();
  for (let index = start; index < end; index++) {
    coordinates(spec.axes, index, coords);
    const x = Math.floor(index / ny) / (nx - 1);
    const y = (index % ny) / (ny - 1);
    // Full-length decimals, as computed values have (the files' sizes are realistic).
    const wiggle = 1e-9 * Math.sin(index);
    const roots =
      x + y > 1.5 ? [0.2 + 0.3 * x * y + wiggle, 0.9 - 0.1 * y - wiggle] : [0.2 + 0.3 * x * y + wiggle];
    const prefix = `${index},${coords[0]},${coords[1]}`;
    const objects: string[] = [];
    roots.forEach((TL, r) => {
      const values = [TL, r === 0, 0.1 * y - 0.02 * r + wiggle, 1e-15 * (1 + x + wiggle)];
      csv.append(`${prefix},${r},${values.join(',')}\n`);
      objects.push(
        `{"T_L":${values[0]},"stable":${values[1]},"dTL_dTR":${values[2]},"J_gamma":${values[3]}}`,
      );
    });
    jsonl.append(
      `{"index":${index},"${names[0]}":${coords[0]},"${names[1]}":${coords[1]},"exceedsTc":false,"roots":[${objects.join(',')}]}\n`,
    );
  }
  return { csv: csv.bytes(), jsonl: jsonl.bytes() };
}

/** Writes the manifest and every chunk of `spec` into `dir` (a new directory). */
export function writeSyntheticStudy(dir: string, spec: SweepSpec): void {
  openSweepDirectory(dir, spec, false);
  for (let k = 0; k < chunkCount(spec); k++) {
    const { csv, jsonl } = syntheticChunk(spec, k);
    writeChunk(dir, k, { csv, jsonl });
  }
}
