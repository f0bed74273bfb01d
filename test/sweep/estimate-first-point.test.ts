/**
 * The estimate's guard against slow points, when only the first point is slow: it builds what a sweep
 * builds once for its whole grid (R(T) over a T_R axis of 10⁶ values). Taken for the cost of every
 * point, it put a 6·10⁶-point sweep at 600 CPU-hours and sized its Slurm job so (it takes 26 s).
 */
import { describe, expect, it, vi } from 'vitest';
import { platformDevice } from '../../src/index.js';
import type { SweepSpec } from '../../src/sweep/spec.js';

/** CPU burnt by the first evaluation only, as a grid-wide cache built on first use. */
const FIRST_CALL_SECONDS = 0.4;

vi.mock('../../src/sweep/evaluate-chunk.js', async (original) => {
  const actual = await original<typeof import('../../src/sweep/evaluate-chunk.js')>();
  let calls = 0;
  return {
    ...actual,
    evaluatePoints: (...args: Parameters<typeof actual.evaluatePoints>) => {
      if (calls++ === 0) {
        const until = process.cpuUsage().user + FIRST_CALL_SECONDS * 1e6;
        while (process.cpuUsage().user < until);
      }
      return actual.evaluatePoints(...args);
    },
  };
});

const { estimateSweep } = await import('../../src/sweep/estimate.js');

describe('estimateSweep with a slow first point', () => {
  it('takes the cost per point from warm points, not from the first', () => {
    const values = Array.from({ length: 2000 }, (_, i) => 0.01 + (0.79 * i) / 1999);
    const spec: SweepSpec = {
      device: platformDevice('ag'),
      fixed: { setup: 1, J_in: 1e-13 },
      axes: [{ name: 'T_R', values, log: false }],
      outputs: ['T_L'],
      mode: 'balance',
      TRrange: [0.01, 0.8],
      chunkSize: 512,
    };
    const e = estimateSweep(spec);
    // A T_L solve costs microseconds; the first call alone is 0.4 s.
    expect(e.cpuSecondsPerPoint).toBeLessThan(1e-3);
    expect(e.cpuSeconds).toBeLessThan(FIRST_CALL_SECONDS);
  });
});
