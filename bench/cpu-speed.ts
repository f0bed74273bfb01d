/**
 * Child of sweep.bench.ts, run pinned to one CPU (`taskset -c i`): the per-point time of sweep chunks
 * computed on that CPU alone, V8's helper threads included. Prints µs/point.
 */
import { computeChunk } from '../dist/sweep/chunk.js';
import { mapSpec } from './sweep-map.js';

const spec = { ...mapSpec(1000, 1000), chunkSize: 256 };
// Warm-up (JIT, tables), then the timed chunks.
const chunks = 48;
for (let k = 0; k < chunks; k++) computeChunk(spec, k);
const t0 = performance.now();
for (let k = chunks; k < 2 * chunks; k++) computeChunk(spec, k);
process.stdout.write(String(((performance.now() - t0) * 1000) / (chunks * spec.chunkSize)));
