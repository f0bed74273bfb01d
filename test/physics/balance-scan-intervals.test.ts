/**
 * The heat balance's scan nodes and interval series (src/physics/balance-scan.ts): the nodes are docs/model.md
 * §6's 41 points from T_b to Tc(1 − 1e-12), geometric in T_L − T_b; `scanInterval` returns the interval
 * holding x at and next to every node (where its logarithmic first guess is off by one); J_ph's interval
 * series agree with the exact J_ph,N + J_ph,S on a dense grid of every piece that keeps one, and give
 * J_ph(T_b, T_b) = 0 at the bath node also when T_b lies on a panel edge of the J_ph,S table; and a
 * root a few mK below Tc is found where J_in equals the heat out.
 */
import { describe, expect, it } from 'vitest';
import {
  phononHeat,
  photonicHeatCurrent,
  platformDevice,
  solveBalance,
  type PlatformName,
} from '../../src/index.js';
import { leftPhononHeat } from '../../src/physics/balance.js';
import { phononCell, phononHeatIn, scanInterval, scanNodes } from '../../src/physics/balance-scan.js';
import { phononTableEdges } from '../../src/physics/electron-phonon-table.js';
import { nextDouble } from '../next-double.js';

describe('scan nodes', () => {
  it('x_0 = T_b, x_40 = Tc(1 − 1e-12), x_i − T_b ∝ e^{3i/40} − 1', () => {
    const d = platformDevice('ag');
    const Tc = d.left.superconductor.Tc;
    for (const Tb of [0.0048, 0.01, 0.2, 0.7]) {
      const { grid } = scanNodes(d, Tb);
      expect(grid.length).toBe(41);
      expect(grid[0]).toBe(Tb);
      expect(Math.abs(grid[40] - Tc * (1 - 1e-12))).toBeLessThanOrEqual(4e-16 * Tc);
      for (let i = 1; i < 40; i++) {
        const expected = (Math.exp((3 * i) / 40) - 1) / (Math.exp(3) - 1);
        expect(Math.abs((grid[i] - Tb) / (grid[40] - Tb) - expected)).toBeLessThan(1e-14);
      }
    }
  });
});

describe('scanInterval', () => {
  it('returns the interval [x_i, x_{i+1}] holding x at every node and one ulp either side of it', () => {
    const d = platformDevice('inas');
    let checked = 0;
    for (const Tb of [0.0048, 0.01, 0.0371, 0.1, 0.25, 0.5, 0.777, 1.0, 1.19]) {
      const nodes = scanNodes(d, Tb);
      const { grid } = nodes;
      const n = grid.length - 1;
      for (let k = 0; k <= n; k++) {
        for (const x of [grid[k], nextDouble(grid[k], -1), nextDouble(grid[k], 1)]) {
          if (x < grid[0] || x > grid[n]) continue;
          const i = scanInterval(nodes, x);
          const where = `T_b = ${Tb}, x = ${x} (node ${k})`;
          expect(Number.isInteger(i), where).toBe(true);
          expect(i, where).toBeGreaterThanOrEqual(0);
          expect(i, where).toBeLessThan(n);
          expect(x, where).toBeGreaterThanOrEqual(grid[i]);
          expect(x, where).toBeLessThanOrEqual(grid[i + 1]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("J_ph's interval series", () => {
  it('every series kept matches the exact J_ph at 40 points of its piece to 1e-12 of the piece’s largest |J_ph|', () => {
    let series = 0;
    for (const platform of ['ag', 'inas'] as PlatformName[]) {
      const d = structuredClone(platformDevice(platform));
      for (const Tb of [0.01, 0.15, 0.45]) {
        const nodes = scanNodes(d, Tb);
        for (let i = 0; i < 40; i++) {
          const { edges, coeffs } = phononCell(d, nodes, i);
          coeffs.forEach((c, k) => {
            if (!c) return;
            series++;
            const [a, b] = [edges[k], edges[k + 1]];
            const xs = Array.from({ length: 40 }, (_, j) => a + ((b - a) * (j + 0.5)) / 40);
            const exact = xs.map((x) => leftPhononHeat(d, x, Tb));
            const largest = Math.max(...[a, b, ...xs].map((x) => Math.abs(leftPhononHeat(d, x, Tb))));
            xs.forEach((x, j) => {
              const err = Math.abs(phononHeatIn(d, nodes, i, x) - exact[j]);
              expect(
                err,
                `${platform}, T_b = ${Tb}, interval ${i}, piece ${k}, x = ${x}`,
              ).toBeLessThanOrEqual(1e-12 * largest);
            });
          });
        }
      }
    }
    expect(series).toBeGreaterThan(200);
  });

  it('J_ph(T_b, T_b) = 0 at the bath node, also with T_b on a panel edge of the J_ph,S table', () => {
    const d = structuredClone(platformDevice('ag'));
    const sc = d.left.superconductor;
    const edges = Array.from(phononTableEdges(sc.gamma) ?? []).filter((te) => te > 0.004 && te < 0.95);
    expect(edges.length).toBeGreaterThan(10);
    for (const te of edges) {
      // The bath exactly where the table's panels meet (the product the scan cuts the interval at).
      const Tb = te * sc.Tc;
      const nodes = scanNodes(d, Tb);
      const scale = Math.abs(leftPhononHeat(d, nodes.grid[1], Tb));
      const v = phononHeatIn(d, nodes, 0, nodes.grid[0]);
      expect(Math.abs(v), `T_b = ${Tb} K`).toBeLessThanOrEqual(1e-12 * scale);
    }
  });
});

describe('a root just below Tc', () => {
  it('J_in = J_γ(T*) + J_ph(T*) has its root at T* up to 1 − 1e-4 of Tc (setup 1, both platforms)', () => {
    for (const platform of ['ag', 'inas'] as PlatformName[]) {
      const d = platformDevice(platform);
      const Tc = d.left.superconductor.Tc;
      const TR = 0.3;
      for (const t of [0.9, 0.95, 0.99, 0.999, 0.9999]) {
        const target = t * Tc;
        const Jin = photonicHeatCurrent(d, target, TR) + phononHeat(d.left, target, d.Tbath).total;
        const s = solveBalance(d, { Jin, TR, setup: 1 });
        expect(s.exceedsTc, `${platform}, T* = ${target}`).toBe(false);
        expect(
          s.roots.some((r) => Math.abs(r.TL - target) <= 1e-9),
          `${platform}, T* = ${target}: roots ${s.roots.map((r) => r.TL).join(', ')}`,
        ).toBe(true);
      }
    }
  });
});
