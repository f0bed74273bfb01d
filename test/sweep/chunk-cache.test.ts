/**
 * The evaluation loop of computeChunk with the heat balance's per-device caches: a point's bytes do
 * not depend on the chunk size (chunks that start and end mid-row), on the order chunks are computed
 * in, or on whether the device object was kept from the point before; and its roots agree with the
 * full scan (solveBalanceFullScan) within 1 nK; a spec changed between chunks is evaluated afresh.
 */
import { describe, expect, it } from 'vitest';
import { platformDevice, solveBalanceFullScan, withChi } from '../../src/index.js';
import { computeChunk } from '../../src/sweep/chunk.js';
import { chunkCount, type SweepSpec } from '../../src/sweep/spec.js';

const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const logspace = (a: number, b: number, n: number): number[] =>
  linspace(Math.log(a), Math.log(b), n).map(Math.exp);

/** χ (slow) × J_in × T_R (fast), Ag setup 1, over a range with one and three roots. */
function spec(chunkSize: number): SweepSpec {
  return {
    device: platformDevice('ag'),
    fixed: { setup: 1 },
    axes: [
      { name: 'chi', values: [1, 2], log: false },
      { name: 'J_in', values: logspace(1e-18, 1e-13, 6), log: true },
      { name: 'T_R', values: linspace(0.3, 0.8, 11), log: false },
    ],
    outputs: ['n_roots', 'T_L', 'stable', 'dTL_dTR', 'J_gamma'],
    mode: 'balance',
    TRrange: [0.01, 0.8],
    chunkSize,
  };
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** The concatenated CSV and JSONL of every chunk, computed in the given order of chunk indices. */
function whole(s: SweepSpec, order: 'forward' | 'backward'): { csv: string; jsonl: string } {
  const ks = Array.from({ length: chunkCount(s) }, (_, k) => k);
  const parts = new Map<number, { csv: string; jsonl: string }>();
  for (const k of order === 'forward' ? ks : [...ks].reverse()) {
    const c = computeChunk(s, k);
    expect(c.failures).toEqual([]);
    parts.set(k, { csv: text(c.csv), jsonl: text(c.jsonl) });
  }
  return {
    csv: ks.map((k) => parts.get(k)!.csv).join(''),
    jsonl: ks.map((k) => parts.get(k)!.jsonl).join(''),
  };
}

describe('computeChunk with per-device heat-balance caches', () => {
  it('bytes do not depend on the chunk size or the order chunks are computed in', () => {
    const reference = whole(spec(132), 'forward');
    // 7 and 13 points: chunks start and end in the middle of T_R rows and of χ blocks.
    for (const size of [1, 7, 13]) expect(whole(spec(size), 'backward')).toEqual(reference);
  });

  it('every root matches the full scan on that point’s device (χ applied per point) within 1 nK', () => {
    const s = spec(29);
    let bistable = 0;
    for (let k = 0; k < chunkCount(s); k++) {
      for (const line of text(computeChunk(s, k).jsonl).trimEnd().split('\n')) {
        const rec = JSON.parse(line) as {
          chi: number;
          J_in: number;
          T_R: number;
          n_roots: number;
          roots: { T_L: number; stable: boolean }[];
        };
        const full = solveBalanceFullScan(withChi(s.device, rec.chi), {
          Jin: rec.J_in,
          TR: rec.T_R,
          setup: 1,
        });
        expect(rec.n_roots).toBe(full.roots.length);
        rec.roots.forEach((r, i) => {
          expect(Math.abs(r.T_L - full.roots[i].TL)).toBeLessThanOrEqual(1e-9);
          expect(r.stable).toBe(full.roots[i].stable);
        });
        if (rec.n_roots === 3) bistable++;
      }
    }
    expect(bistable).toBeGreaterThan(5);
  });

  it('a spec given another device, axes or outputs is evaluated afresh (the evaluator kept per spec follows it)', () => {
    const s = spec(29);
    const first = text(computeChunk(s, 0).csv);
    s.device = platformDevice('inas');
    const inas = text(computeChunk(s, 0).csv);
    expect(inas).not.toBe(first);
    expect(inas).toBe(text(computeChunk({ ...spec(29), device: platformDevice('inas') }, 0).csv));
    s.outputs = ['n_roots'];
    expect(text(computeChunk(s, 0).csv)).toBe(
      text(computeChunk({ ...spec(29), device: platformDevice('inas'), outputs: ['n_roots'] }, 0).csv),
    );
  });
});
