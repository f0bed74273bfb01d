/**
 * The cached scan and series-started polish of solveBalance (src/physics/balance-scan.ts, balanceRoots)
 * against the generic all-roots search that evaluates everything afresh (solveBalanceFullScan: the same
 * 41 nodes, Brent from each sign change, |F| minima probed at every call): the same number of roots,
 * every root within 1 nK and of the same stability, on a bistable map and on the paper's maps; and
 * the same bits whatever the caches held before (cold device, any order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanNodes, photonicNodes } from '../../src/physics/balance-scan.js';
import { balanceRoots } from '../../src/physics/balance.js';
import {
  inputPowerForTarget,
  platformDevice,
  withChi,
  solveBalance,
  solveBalanceFullScan,
  type BalanceSolution,
  type Device,
  type PlatformName,
  type Setup,
} from '../../src/index.js';

const NK = 1e-9;

const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const logspace = (a: number, b: number, n: number): number[] =>
  linspace(Math.log(a), Math.log(b), n).map(Math.exp);

/** A copy of the device: a new object, so every cache starts cold for it. */
const cold = (d: Device): Device => structuredClone(d);

function expectSameRoots(fast: BalanceSolution, full: BalanceSolution, where: string): void {
  expect(fast.roots.length, where).toBe(full.roots.length);
  expect(fast.exceedsTc, where).toBe(full.exceedsTc);
  fast.roots.forEach((r, k) => {
    expect(Math.abs(r.TL - full.roots[k].TL), where).toBeLessThanOrEqual(NK);
    expect(r.stable, where).toBe(full.roots[k].stable);
  });
}

/** Every point of a T_R × J_in map, J_in slow and T_R fast as a sweep visits them; counts by root number. */
function compareMap(d: Device, setup: Setup, TRs: number[], Jins: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const Jin of Jins) {
    for (const TR of TRs) {
      const op = { Jin, TR, setup };
      const fast = solveBalance(d, op);
      expectSameRoots(fast, solveBalanceFullScan(d, op), `J_in=${Jin}, T_R=${TR}, setup ${setup}`);
      counts.set(fast.roots.length, (counts.get(fast.roots.length) ?? 0) + 1);
    }
  }
  return counts;
}

describe('solveBalance (cached scan, series-started polish) vs the full scan', () => {
  it('bistable map (Ag, setup 1, T_R 0.6–0.8 K × J_in 1e-18 W–1 pW): same roots, ≤ 1 nK, same stability', () => {
    const counts = compareMap(platformDevice('ag'), 1, linspace(0.6, 0.8, 24), logspace(1e-18, 1e-12, 30));
    // The map really is bistable in part (docs/bistability.md), and monostable elsewhere.
    expect(counts.get(3) ?? 0).toBeGreaterThan(50);
    expect(counts.get(1) ?? 0).toBeGreaterThan(50);
  });

  for (const platform of ['ag', 'inas'] as PlatformName[]) {
    for (const setup of [1, 2] as Setup[]) {
      it(`paper map (Figs ${setup === 1 ? 3 : 4}), ${platform}, setup ${setup}: T_R 10–800 mK × J_in 1 fW–1 pW`, () => {
        const TRs = linspace(setup === 2 ? 0.02 : 0.01, 0.8, 27);
        const counts = compareMap(platformDevice(platform), setup, TRs, logspace(1e-15, 1e-12, 21));
        expect(counts.get(1)).toBeGreaterThan(0);
      });
    }
  }

  it('a point gives the same bits with its caches cold or warm, in any order', () => {
    const d = platformDevice('ag');
    const points = logspace(1e-18, 1e-13, 7).flatMap((Jin) =>
      linspace(0.5, 0.8, 7).map((TR) => ({ Jin, TR, setup: 1 as Setup })),
    );
    const warm = points.map((op) => solveBalance(d, op));
    const reversed = [...points]
      .reverse()
      .map((op) => solveBalance(d, op))
      .reverse();
    const fresh = points.map((op) => solveBalance(cold(d), op));
    expect(reversed).toEqual(warm);
    expect(fresh).toEqual(warm);
    // toEqual compares numbers with Object.is: every root and derivative is the same double.
    expect(warm.some((s) => s.roots.length === 3)).toBe(true);
  });

  it('property: any sequence of operating points (repeated T_R, both setups, both platforms) matches a cold solve bit for bit and the full scan within 1 nK', () => {
    const devices = { ag: platformDevice('ag'), inas: platformDevice('inas') };
    // T_R ≤ 0.8 K: beyond it setup 2's bath leaves the J_ph,S table and every solve takes seconds.
    const TRs = linspace(0.01, 0.8, 10);
    const op = fc.record({
      platform: fc.constantFrom<PlatformName>('ag', 'inas'),
      setup: fc.constantFrom<Setup>(1, 2),
      TR: fc.constantFrom(...TRs),
      u: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), (sequence) => {
        for (const { platform, setup, TR, u } of sequence) {
          // J_in from 1e-19 W (setup 1) or 1 fW (setup 2) to 3 pW, log-uniform. Below 1 fW setup 2's
          // root lies within ~1e-5 K of T_b at warm baths, where the J_ph,S slope's central difference
          // reaches T_e < T_b, outside the table (seconds per root, either solver).
          const lo = Math.log(setup === 2 ? 1e-15 : 1e-19);
          const Jin = Math.exp(lo + u * (Math.log(3e-12) - lo));
          const point = { Jin, TR: setup === 2 ? Math.max(TR, 0.02) : TR, setup };
          const d = devices[platform];
          const warm = solveBalance(d, point);
          expect(solveBalance(cold(d), point)).toEqual(warm);
          expectSameRoots(warm, solveBalanceFullScan(d, point), JSON.stringify({ platform, ...point }));
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});

describe('bisection over the runs where G is monotone (balanceRoots)', () => {
  /** Every point of the map, then the same again with every T_R's runs forgotten (the 41-node scan). */
  function bothWays(d: Device, setup: Setup, TRs: number[], Jins: number[]) {
    const points = Jins.flatMap((Jin) => TRs.map((TR) => ({ Jin, TR, setup })));
    const bisected = points.map((op) => balanceRoots(d, op));
    let withRuns = 0;
    let turning = 0;
    for (const TR of TRs) {
      const at = photonicNodes(d, scanNodes(d, setup === 2 ? TR : d.Tbath), TR);
      if (at.turns) withRuns++;
      if (at.turns && at.turns.length > 2) turning++;
      at.turns = undefined;
    }
    const scanned = points.map((op) => balanceRoots(d, op));
    return { bisected, scanned, withRuns, turning };
  }

  it('gives the 41-node scan’s roots and flags bit for bit: bistable map, paper maps, χ from 0.5 to 10', () => {
    const cases: [PlatformName, number, Setup, number[], number[]][] = [
      ['ag', 2, 1, linspace(0.55, 0.8, 26), logspace(1e-18, 1e-12, 40)],
      ['ag', 2, 2, linspace(0.02, 0.8, 20), logspace(1e-15, 1e-12, 20)],
      ['inas', 2, 1, linspace(0.01, 0.8, 20), logspace(1e-15, 1e-12, 20)],
      ['ag', 0.5, 1, linspace(0.01, 1.1, 20), logspace(1e-16, 1e-11, 20)],
      ['ag', 10, 1, linspace(0.01, 1.1, 20), logspace(1e-16, 1e-11, 20)],
    ];
    let tristable = 0;
    for (const [platform, chi, setup, TRs, Jins] of cases) {
      const d = withChi(platformDevice(platform), chi);
      const { bisected, scanned, withRuns, turning } = bothWays(d, setup, TRs, Jins);
      // toEqual compares numbers with Object.is: every root is the same double, and both flags agree.
      expect(bisected, `${platform} χ=${chi} setup ${setup}`).toEqual(scanned);
      expect(withRuns).toBe(TRs.length);
      if (platform === 'ag' && chi === 2 && setup === 1) expect(turning).toBeGreaterThan(0);
      tristable += bisected.filter((r) => r.TL.length === 3).length;
    }
    expect(tristable).toBeGreaterThan(100);
  });

  it('gives the scan’s roots where F is exactly zero at a node (J_in = G there), at every node', () => {
    const d = platformDevice('ag');
    let zeros = 0;
    for (const TR of [0.1, 0.65, 0.75]) {
      const nodes = scanNodes(d, d.Tbath);
      const at = photonicNodes(d, nodes, TR);
      const ops = Array.from(at.photonic, (P, k) => ({ Jin: P + nodes.heat[k], TR, setup: 1 as Setup }));
      zeros += ops.filter((op, k) => op.Jin - at.photonic[k] - nodes.heat[k] === 0).length;
      const bisected = ops.map((op) => balanceRoots(d, op));
      const turns = at.turns;
      at.turns = undefined;
      expect(bisected).toEqual(ops.map((op) => balanceRoots(d, op)));
      at.turns = turns;
    }
    // Most nodes give an exact zero (J_in − P − H rounds back to 0), the case both branches take.
    expect(zeros).toBeGreaterThan(60);
  });

  it('finds a pair of roots between the nodes around a turn of G (the |F| minimum probed there), as the scan does', () => {
    const d = platformDevice('ag');
    let pairs = 0;
    for (const TR of linspace(0.55, 0.8, 12)) {
      const nodes = scanNodes(d, d.Tbath);
      const turns = photonicNodes(d, nodes, TR).turns!;
      for (const i of turns.slice(1, -1)) {
        // G at a turning node i where it peaks among the nodes, and its true peak between x_{i−1} and x_{i+1}.
        const G = (x: number) => inputPowerForTarget(d, x, TR, 1);
        const atNodes = Math.max(G(nodes.grid[i - 1]), G(nodes.grid[i]), G(nodes.grid[i + 1]));
        if (atNodes !== G(nodes.grid[i])) continue;
        const peak = Math.max(...linspace(nodes.grid[i - 1], nodes.grid[i + 1], 4001).map(G));
        if (!(peak > atNodes * (1 + 1e-9))) continue;
        // J_in between the nodes' G and the peak: F > 0 at every node near the turn, < 0 at the peak.
        const op = { Jin: 0.5 * (atNodes + peak), TR, setup: 1 as Setup };
        // A solve far below first leaves F < 0 at every node in the solver's scratch: the probe must
        // read this point's values, not that one's.
        balanceRoots(d, { ...op, Jin: 1e-30 });
        const bisected = balanceRoots(d, op);
        const full = solveBalanceFullScan(d, op);
        expect(bisected.TL.length).toBe(full.roots.length);
        bisected.TL.forEach((x, k) => expect(Math.abs(x - full.roots[k].TL)).toBeLessThanOrEqual(NK));
        const between = bisected.TL.filter((x) => x > nodes.grid[i - 1] && x < nodes.grid[i + 1]);
        expect(between.length).toBeGreaterThanOrEqual(2);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });
});

describe("J_ph's interval series (setup 1's root polish)", () => {
  it('matches the exact J_ph to 1e-12 of its size wherever a series is used, on both platforms and any bath', async () => {
    const scan = await import('../../src/physics/balance-scan.js');
    const { leftPhononHeat } = await import('../../src/physics/balance.js');
    let used = 0;
    let exactOnly = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<PlatformName>('ag', 'inas'),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (platform, Tb, u) => {
          const d = cold(platformDevice(platform));
          const nodes = scan.scanNodes(d, Tb);
          const x = nodes.grid[0] + u * (nodes.grid[40] - nodes.grid[0]);
          const i = scan.scanInterval(nodes, x);
          expect(x).toBeGreaterThanOrEqual(nodes.grid[i]);
          expect(x).toBeLessThanOrEqual(nodes.grid[i + 1]);
          for (let k = 0; k < 40; k++)
            scan.phononCell(d, nodes, k).coeffs.forEach((c) => (c ? used++ : exactOnly++));
          const exact = leftPhononHeat(d, x, Tb);
          // The scale: the largest |J_ph| on the interval, at its hot end.
          const size = Math.abs(leftPhononHeat(d, nodes.grid[i + 1], Tb));
          expect(Math.abs(scan.phononHeatIn(d, nodes, i, x) - exact)).toBeLessThanOrEqual(2e-12 * size);
        },
      ),
      { numRuns: 300 },
    );
    // Series are the rule: only pieces next to Tc keep the exact evaluation.
    expect(used).toBeGreaterThan(25 * exactOnly);
  });
});
