/**
 * Child of sweep.bench.ts, run pinned to one CPU (`taskset -c i`): the per-point time of sweep chunks
 * computed on that CPU alone, V8's helper threads included. Prints µs/point.
 */
import { computeChunk } from '../dist/sweep/chunk.js';
import { mapSpec } from './sweep-map.js';

const spec = { ...mapSpec(1000, 1000), chunkSize: 256 };
const first = Number(process.argv[2] ?? 0);
for (let k = 0; k < 48; k++) computeChunk(spec, first + k);
const chunks = 48;
const t0 = performance.now();
for (let k = 48; k < 48 + chunks; k++) computeChunk(spec, first + k);
process.stdout.write(String(((performance.now() - t0) * 1000) / (chunks * spec.chunkSize)));
