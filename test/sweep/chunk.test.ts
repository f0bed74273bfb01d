import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformDevice, type Device } from '../../src/index.js';
import { chunkBuilders, computeChunk, csvHeader } from '../../src/sweep/chunk.js';
import {
  axisIndices,
  evaluationContext,
  evaluationOrder,
  pointEvaluator,
} from '../../src/sweep/evaluate-chunk.js';
import type { Value } from '../../src/sweep/quantities.js';
import type { SweepSpec } from '../../src/sweep/spec.js';

const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

function spec(over: Partial<SweepSpec>): SweepSpec {
  return {
    device: platformDevice('ag'),
    fixed: { setup: 1 },
    axes: [
      { name: 'J_in', values: [0, 3e-14, 1e-12, 1e-8], log: false },
      { name: 'T_R', values: linspace(0.01, 0.8, 7), log: false },
    ],
    outputs: ['T_L', 'stable', 'dTL_dTR', 'n_roots', 'deltaT'],
    mode: 'balance',
    TRrange: [0.01, 0.8],
    chunkSize: 10,
    ...over,
  };
}

/** Every line of every chunk, and the CSV rows grouped by point index. */
function allChunks(s: SweepSpec): { json: string[]; rows: Map<number, string[][]> } {
  const points = s.axes.reduce((n, a) => n * a.values.length, 1);
  const json: string[] = [];
  const rows = new Map<number, string[][]>();
  for (let k = 0; k * s.chunkSize < points; k++) {
    const chunk = computeChunk(s, k);
    json.push(...text(chunk.jsonl).trimEnd().split('\n'));
    for (const line of text(chunk.csv).trimEnd().split('\n')) {
      const fields = line.split(',');
      const index = Number(fields[0]);
      rows.set(index, [...(rows.get(index) ?? []), fields]);
    }
  }
  return { json, rows };
}

const utf8 = new TextDecoder();
const text = (bytes: Uint8Array): string => utf8.decode(bytes);

const csvOf = (v: unknown): string => (v === null ? '' : String(v));

/** The Ag device whose left `part`.`key` is read through `get` (which may throw). */
function withLeftGetter(part: 'normal' | 'superconductor', key: string, get: () => number): Device {
  const device = platformDevice('ag');
  return {
    ...device,
    left: { ...device.left, [part]: Object.defineProperty({ ...device.left[part] }, key, { get }) },
  };
}

describe('chunk text', () => {
  it('builders reused chunk after chunk give each chunk the bytes fresh builders give it', () => {
    const s = spec({ chunkSize: 5 });
    const into = chunkBuilders();
    // Chunks of unequal length in an order where a longer one precedes a shorter one.
    for (const k of [0, 5, 1, 2, 5, 3]) {
      const reused = computeChunk(s, k, into);
      const fresh = computeChunk(s, k);
      expect(text(reused.csv)).toBe(text(fresh.csv));
      expect(text(reused.jsonl)).toBe(text(fresh.jsonl));
    }
  });

  it('each JSON line is what JSON.stringify writes, and the CSV rows carry the same values', () => {
    const s = spec({});
    const header = csvHeader(s).trimEnd().split(',');
    const { json, rows } = allChunks(s);
    expect(json).toHaveLength(28);
    let bistable = 0;
    for (const line of json) {
      const record = JSON.parse(line) as Record<string, unknown> & { index: number; roots: object[] };
      expect(JSON.stringify(record)).toBe(line);
      expect(Object.keys(record).slice(0, 3)).toEqual(['index', 'J_in', 'T_R']);
      const csv = rows.get(record.index)!;
      // One row per root, or one row with empty root columns.
      expect(csv).toHaveLength(Math.max(1, record.roots.length));
      csv.forEach((fields, r) => {
        expect(fields).toHaveLength(header.length);
        const root = (record.roots[r] ?? {}) as Record<string, unknown>;
        header.forEach((name, i) => {
          if (name === 'root_index') expect(fields[i]).toBe(record.roots.length ? String(r) : '');
          else expect(fields[i]).toBe(csvOf(name in root ? root[name] : (record[name] ?? null)));
        });
      });
      // J_in = 10 nW heats far above Tc: no root; every other heated point has one.
      if (record.J_in === 1e-8) expect([record.exceedsTc, record.roots.length]).toEqual([true, 0]);
      else if ((record.J_in as number) > 0) expect(record.roots.length).toBeGreaterThan(0);
      if (record.roots.length > 1) bistable++;
    }
    // The hot-right, unheated-left points are bistable (docs/bistability.md): several rows per point.
    expect(bistable).toBeGreaterThan(0);
  });

  it('direct mode: one row and a flat record per point', () => {
    const s = spec({
      fixed: { setup: 1, T_L: 0.5 },
      axes: [{ name: 'T_R', values: linspace(0.01, 0.49, 5), log: false }],
      outputs: ['J_gamma', 'kappa_gamma'],
      mode: 'direct',
    });
    const { json, rows } = allChunks(s);
    for (const line of json) {
      const record = JSON.parse(line) as { index: number; T_R: number; J_gamma: number; kappa_gamma: number };
      expect(JSON.stringify(record)).toBe(line);
      expect(Object.keys(record)).toEqual(['index', 'T_R', 'J_gamma', 'kappa_gamma']);
      expect(rows.get(record.index)).toEqual([
        [record.index, record.T_R, record.J_gamma, record.kappa_gamma].map(String),
      ]);
    }
  });

  it('axis values read from their formatted table and, on axes too long for one, formatted as met, alike', () => {
    // 70 000 T_R values: past the 65 536 an axis table holds; each value a distinct double.
    const long = linspace(0.01, 0.49, 70_000);
    const chunkSize = 1000;
    for (const values of [long.slice(0, 300), long]) {
      const s = spec({
        fixed: { setup: 1, T_L: 0.5 },
        axes: [
          { name: 'chi', values: [1, 2.5], log: false },
          { name: 'T_R', values, log: false },
        ],
        outputs: ['J_gamma'],
        mode: 'direct',
        chunkSize,
      });
      // The first chunk, and the one where the slow axis steps (index values.length).
      for (const k of [0, Math.floor(values.length / chunkSize)]) {
        const chunk = computeChunk(s, k);
        const csv = text(chunk.csv).trimEnd().split('\n');
        const json = text(chunk.jsonl).trimEnd().split('\n');
        csv.forEach((row, i) => {
          const index = k * chunkSize + i;
          const chi = s.axes[0].values[Math.floor(index / values.length)];
          const TR = values[index % values.length];
          expect(row.split(',').slice(0, 3)).toEqual([String(index), String(chi), String(TR)]);
          const record = JSON.parse(json[i]) as { index: number; chi: number; T_R: number };
          expect([record.index, record.chi, record.T_R]).toEqual([index, chi, TR]);
          expect(json[i].startsWith(`{"index":${index},"chi":${chi},"T_R":${TR},`)).toBe(true);
        });
      }
    }
  });

  it('a point that throws: empty CSV cells, the message in the JSON record and in the failures', () => {
    const broken = withLeftGetter('superconductor', 'Tc', () => {
      throw new Error('no Tc, with γ in the message');
    });
    const s = spec({ device: broken, chunkSize: 3 });
    const chunk = computeChunk(s, 1);
    expect(chunk.failures.map((f) => f.index)).toEqual([3, 4, 5]);
    expect(chunk.failures[0].message).toBe('no Tc, with γ in the message');
    const columns = csvHeader(s).split(',').length;
    for (const row of text(chunk.csv).trimEnd().split('\n')) {
      const fields = row.split(',');
      expect(fields).toHaveLength(columns);
      expect(fields.slice(3).every((f) => f === '')).toBe(true);
    }
    const line = text(chunk.jsonl).split('\n')[0];
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record).toEqual({ index: 3, J_in: 0, T_R: s.axes[1].values[3], error: chunk.failures[0].message });
    expect(JSON.stringify(record)).toBe(line);
  });

  it('evaluated T_R by T_R, every value is the point evaluated alone, bit for bit, in index order', () => {
    // The whole 4 × 7 map in one chunk: evaluated T_R by T_R, written in index order.
    const s = spec({ chunkSize: 28, outputs: ['n_roots', 'deltaT', 'T_L', 'stable', 'dTL_dTR', 'J_gamma'] });
    expect(evaluationOrder(s, 0, 28)).toBeDefined();
    const lines = text(computeChunk(s, 0).jsonl).trimEnd().split('\n');
    expect(lines).toHaveLength(28);
    const json = (v: Value): Value => (typeof v === 'number' && !Number.isFinite(v) ? null : v);
    const ctx = evaluationContext(s);
    lines.forEach((line, index) => {
      const record = JSON.parse(line) as Record<string, unknown> & { roots: Record<string, Value>[] };
      // A fresh evaluator per point: its own device object, so no cache from another point.
      const at = axisIndices(s, index);
      const alone = pointEvaluator(s, ctx)(
        at,
        at.map((i, a) => s.axes[a].values[i]),
      );
      expect(record.index).toBe(index);
      ctx.pointOutputs.forEach((name, i) => expect(record[name]).toBe(json(alone.point[i])));
      expect(record.exceedsTc).toBe(alone.exceedsTc);
      expect(record.roots.map((root) => ctx.rootOutputs.map((name) => root[name]))).toEqual(
        alone.roots.map((values) => values.map(json)),
      );
    });
  });

  it('points that throw among points that do not, evaluated T_R by T_R: each message at its point', () => {
    // Σ of the left normal metal, read at each point, throws at every 100th read (numbered; a point reads it ~40 times).
    const Sigma = platformDevice('ag').left.normal.Sigma;
    let reads = 0;
    const fragile = withLeftGetter('normal', 'Sigma', () => {
      if (++reads % 100 === 0) throw new Error(`no Σ at read ${reads}`);
      return Sigma;
    });
    const s = spec({ device: fragile, chunkSize: 28, outputs: ['T_L'] });
    expect(evaluationOrder(s, 0, 28)).toBeDefined();
    const chunk = computeChunk(s, 0);
    const failed = chunk.failures.map((f) => f.index);
    expect(failed).toEqual([...failed].sort((a, b) => a - b));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(28);
    const messages = new Map(chunk.failures.map((f) => [f.index, f.message]));
    const lines = text(chunk.jsonl).trimEnd().split('\n');
    const rows = text(chunk.csv).trimEnd().split('\n');
    lines.forEach((line, index) => {
      const record = JSON.parse(line) as { index: number; error?: string; roots?: unknown[] };
      expect(record.index).toBe(index);
      expect(record.error).toBe(messages.get(index));
      expect(record.roots === undefined).toBe(messages.has(index));
    });
    // One CSV row per failed point, its values empty.
    for (const index of failed) {
      const row = rows.filter((r) => r.startsWith(`${index},`));
      expect(row).toHaveLength(1);
      expect(
        row[0]
          .split(',')
          .slice(3)
          .every((f) => f === ''),
      ).toBe(true);
    }
  });

  it('numbers are written as JSON.stringify writes them: the shortest round-trip decimal String gives', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(JSON.stringify(v)).toBe(String(v));
        expect(Number(JSON.stringify(v))).toBe(v === 0 ? 0 : v);
      }),
      { numRuns: 20_000 },
    );
  });
});
