/**
 * `ndtc sweep` against a vectorised NumPy/SciPy peer (bench/peer/tl_map.py) on the same map: Ag,
 * setup 1, 316 T_R (10–800 mK, linear) × 316 J_in (1 fW–1 pW, log). CPU time per point of each: the
 * peer's map alone (time.process_time, imports and its R(T) table excluded); ndtc's whole in-process
 * run (runSweep: start-up of any worker, compilation, solving, writing and assembling the CSV and JSONL;
 * process.cpuUsage, which counts every thread). The peer writes the first root only, so ndtc
 * is timed writing T_L (every root), and once more with the responsivity dT_L/dT_R as well. Then, as a
 * user runs it (`ndtc sweep` in a fresh process, every thread's CPU), on 10⁶ and 4·10⁶ points
 * alternating with the peer on the same maps: with binary chunks (`--formats h5`) and with text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { phononHeatSuperconductor } from '../dist/index.js';
import { runSweep } from '../dist/sweep/run.js';
import { chunkBuilders, computeChunk } from '../dist/sweep/chunk.js';
import { chunkBuffers } from '../dist/sweep/evaluate-chunk.js';
import { chunkCount } from '../dist/sweep/spec.js';
import { balanceRoots } from '../dist/physics/balance.js';
import type { SweepSpec } from '../dist/sweep/spec.js';
import type { BenchRow } from './physics.bench.js';
import { childUsage } from './child-usage.js';
import { linspace, mapSpec } from './sweep-map.js';

const SIDE = 316;
const BIG_SIDE = 1000;

interface PeerResult {
  tables_cpu_s: number;
  map_cpu_s: number;
  /** The peer's whole process: interpreter start-up, imports, input, tables, map, results. */
  process_cpu_s: number;
  points: number;
  T_L: (number | null)[];
}

interface Python {
  exe: string;
  /** "Python 3.11.2, NumPy 1.24.2, SciPy 1.10.1", for the report. */
  versions: string;
  /** Whether xarray and h5netcdf import, so that the peer can write results.h5 as ndtc does. */
  netcdf: boolean;
}

/**
 * Debian's python3 with python3-numpy/python3-scipy, as the issue names the peer's stack (another
 * python3 on PATH, e.g. pyenv's with newer wheels, starts up differently); else a python3 on PATH.
 */
function python(): Python | undefined {
  for (const exe of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(exe, [
      '-c',
      'import sys, numpy, scipy; print(f"Python {sys.version.split()[0]}, NumPy {numpy.__version__}, SciPy {scipy.__version__}")',
    ]);
    if (r.status !== 0) continue;
    const netcdf = spawnSync(exe, ['-c', 'import xarray, h5netcdf'], { stdio: 'ignore' }).status === 0;
    return { exe, versions: r.stdout.toString().trim(), netcdf };
  }
  return undefined;
}

function runPeer(exe: string, spec: SweepSpec, out?: string): PeerResult {
  const device = spec.device;
  const Tb = device.Tbath;
  const Tc = device.left.superconductor.Tc;
  // ndtc's J_ph,S(T_L, T_b) on a fine grid, for the peer to interpolate (it is not what is compared).
  const TL = linspace(Tb, Tc * (1 - 1e-12), 4001);
  const input = {
    device,
    Tbath: Tb,
    T_R: spec.axes.find((a) => a.name === 'T_R')!.values,
    J_in: spec.axes.find((a) => a.name === 'J_in')!.values,
    phonon: { T_L: TL, J_ph_S: TL.map((T) => phononHeatSuperconductor(device.left.superconductor, T, Tb)) },
    out,
  };
  const script = new URL('./peer/tl_map.py', import.meta.url).pathname;
  const r = spawnSync(exe, [script], { input: JSON.stringify(input), maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`peer failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString()) as PeerResult;
}

/**
 * `ndtc sweep` over the benchmark's map (J_in slow, T_R fast, T_L alone) as a user runs it: a fresh
 * process, every thread's CPU counted, nothing drawn.
 */
function cliSweep(side: number, out: string, args: string[]): Measured {
  const { wall, cpuSeconds } = childUsage(
    [
      'bin/ndtc.js',
      'sweep',
      '--vary',
      `Jin=1fW..1pW:${side}:log`,
      '--vary',
      `TR=10mK..800mK:${side}`,
      '--output',
      'T_L',
      '--no-plot',
      '--quiet',
      '--out',
      out,
      ...args,
    ],
    dirname(out),
  );
  rmSync(out, { recursive: true, force: true });
  return { wall, cpu: cpuSeconds };
}

interface Measured {
  wall: number;
  cpu: number;
}

async function measured(f: () => Promise<unknown>): Promise<Measured> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** First root per point from a sweep's results.jsonl (J_in slow, T_R fast: the peer's order). */
function firstRoots(dir: string): (number | null)[] {
  return readFileSync(join(dir, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { roots: { T_L: number }[] }).roots[0]?.T_L ?? null);
}

export async function benchSweepPeer(): Promise<{ rows: BenchRow[] } | undefined> {
  const py = python();
  if (!py) {
    process.stderr.write('bench: no python3 with NumPy and SciPy; the peer comparison is skipped\n');
    return undefined;
  }
  const exe = py.exe;
  const root = mkdtempSync(join(tmpdir(), 'ndtc-bench-peer-'));
  try {
    const spec = (outputs: string[]): SweepSpec => ({ ...mapSpec(SIDE, SIDE), outputs });
    const points = SIDE * SIDE;
    // Warm the peer's disk cache and this process's (the first run of each pays for loading).
    runPeer(exe, spec(['T_L']));
    await runSweep(spec(['T_L']), { out: join(root, 'warm'), workers: 1, quiet: true, netcdf: false });

    const peerRuns = [0, 1, 2].map(() => runPeer(exe, spec(['T_L'])));
    const peer = peerRuns.map((p) => (p.map_cpu_s * 1e6) / p.points).sort((a, b) => a - b)[1];

    const runs: Record<string, Measured[]> = {};
    let first: (number | null)[] = [];
    const cases: [string, string[], number][] = [
      ['T_L, 1 thread', ['T_L'], 1],
      ['T_L, 2 threads', ['T_L'], 2],
      ['T_L and dT_L/dT_R, 1 thread', ['T_L', 'dTL_dTR'], 1],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [name, outputs, workers] of cases) {
        const out = join(root, `run-${round}-${workers}-${outputs.length}`);
        (runs[name] ??= []).push(
          await measured(() => runSweep(spec(outputs), { out, workers, quiet: true, netcdf: false })),
        );
        if (round === 0 && workers === 1 && outputs.length === 1) first = firstRoots(out);
        rmSync(out, { recursive: true, force: true });
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // Like for like with the peer's "map alone": this process, no start-up, caches cold (a fresh device).
    const cpuOf = (f: () => void): number => {
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / points;
    };
    const inProcess = { solve: [] as number[], chunks: [] as number[] };
    for (let round = 0; round < 3; round++) {
      const s = spec(['T_L']);
      const device = structuredClone(s.device);
      const TRs = s.axes.find((a) => a.name === 'T_R')!.values;
      const Jins = s.axes.find((a) => a.name === 'J_in')!.values;
      inProcess.solve.push(
        cpuOf(() => {
          for (const Jin of Jins) for (const TR of TRs) balanceRoots(device, { Jin, TR, setup: 1 });
        }),
      );
      const fresh = { ...s, device: structuredClone(s.device) };
      // One pair of text builders and record buffers for every chunk, as each thread of a sweep keeps.
      const [into, buffers] = [chunkBuilders(), chunkBuffers()];
      inProcess.chunks.push(
        cpuOf(() => {
          for (let k = 0; k < chunkCount(fresh); k++) computeChunk(fresh, k, into, buffers);
        }),
      );
    }
    const cpuPerPoint = (name: string): number => (median(runs[name].map((m) => m.cpu)) * 1e6) / points;
    const rate = (name: string): number => points / median(runs[name].map((m) => m.wall));

    // The same comparison on a 1000 × 1000 map, once each: ndtc's start-up and compilation (a few
    // tenths of a second per worker) weigh ten times less per point.
    const bigSpec = (): SweepSpec => ({ ...mapSpec(BIG_SIDE, BIG_SIDE), outputs: ['T_L'] });
    const bigPeer = runPeer(exe, bigSpec());
    const bigOut = join(root, 'big');
    const big = await measured(() =>
      runSweep(bigSpec(), { out: bigOut, workers: 1, quiet: true, netcdf: false }),
    );
    rmSync(bigOut, { recursive: true, force: true });
    const bigPoints = BIG_SIDE * BIG_SIDE;

    // --formats h5 (binary chunks, results.h5 alone), as a user runs it, alternating with the peer on
    // the same maps (the host's speed drifts by tens of percent within minutes): 10⁶ points twice each
    // (the better run of each), 4·10⁶ once each; the difference between ndtc's two sizes is its cost of
    // a point without the run's fixed start-up (the peer's "map alone" leaves its start-up out too).
    const HUGE_SIDE = 2 * BIG_SIDE;
    const hugePoints = HUGE_SIDE * HUGE_SIDE;
    const binary = (side: number, workers: number): Measured =>
      cliSweep(side, join(root, `h5-${side}-${workers}`), ['--formats', 'h5', '--workers', String(workers)]);
    const peerPerPoint = (side: number): number =>
      (runPeer(exe, { ...mapSpec(side, side), outputs: ['T_L'] }).map_cpu_s * 1e6) / (side * side);
    const pairs = [0, 1].map(() => ({ peer: peerPerPoint(BIG_SIDE), ndtc: binary(BIG_SIDE, 1) }));
    const binaryBig = pairs.map((p) => p.ndtc).sort((a, b) => a.cpu - b.cpu)[0];
    const peerBig = Math.min(...pairs.map((p) => p.peer));
    const peerHuge = peerPerPoint(HUGE_SIDE);
    const binaryHuge = binary(HUGE_SIDE, 1);
    const binaryBig2 = binary(BIG_SIDE, 2);
    const binaryPerPoint = (binaryBig.cpu * 1e6) / bigPoints;
    const hugePerPoint = (binaryHuge.cpu * 1e6) / hugePoints;
    const marginal = ((binaryHuge.cpu - binaryBig.cpu) * 1e6) / (hugePoints - bigPoints);
    // Text (--no-h5) likewise: its cost of a point without the fixed cost, from 10⁶ and 4·10⁶ points.
    const textBig = cliSweep(BIG_SIDE, join(root, 'text-big'), ['--no-h5', '--workers', '1']);
    const textHuge = cliSweep(HUGE_SIDE, join(root, 'text-huge'), ['--no-h5', '--workers', '1']);
    const textMarginal = ((textHuge.cpu - textBig.cpu) * 1e6) / (hugePoints - bigPoints);
    const bigPeerPerPoint = (bigPeer.map_cpu_s * 1e6) / bigPoints;
    const bigPerPoint = (big.cpu * 1e6) / bigPoints;

    // As the issue measured both (whole processes, the 316² map): the peer's script from interpreter
    // start-up to its results; `ndtc sweep` from start-up to results.csv, .jsonl and .h5 (and without
    // results.h5), no plot. Three runs each, alternating; medians.
    // Like for like, the peer also keeps its map as a physicist would: results.csv and results.h5.
    const whole = {
      peer: [] as number[],
      peerFiles: [] as number[],
      ndtc: [] as number[],
      text: [] as number[],
    };
    for (let round = 0; round < 3; round++) {
      whole.peer.push(runPeer(exe, spec(['T_L'])).process_cpu_s);
      if (py.netcdf) {
        const peerOut = mkdtempSync(join(root, 'peer-files-'));
        whole.peerFiles.push(runPeer(exe, spec(['T_L']), peerOut).process_cpu_s);
        rmSync(peerOut, { recursive: true, force: true });
      }
      whole.ndtc.push(cliSweep(SIDE, join(root, `whole-${round}`), ['--workers', '1']).cpu);
      whole.text.push(cliSweep(SIDE, join(root, `whole-text-${round}`), ['--workers', '1', '--no-h5']).cpu);
    }
    const perPointWhole = (xs: number[]): number => (median(xs) * 1e6) / points;

    // At study scale (10⁶ points), whole processes again, each keeping its results as a user does: the
    // peer as above, and writing results.csv and results.h5; ndtc's default run (results.csv, .jsonl
    // and .h5) and --formats h5. Two rounds, alternating; the better run of each.
    const study = {
      peer: [] as number[],
      peerFiles: [] as number[],
      ndtc: [] as number[],
      h5: [] as number[],
    };
    for (let round = 0; round < 2; round++) {
      const s = { ...mapSpec(BIG_SIDE, BIG_SIDE), outputs: ['T_L'] };
      study.peer.push(runPeer(exe, s).process_cpu_s);
      study.ndtc.push(cliSweep(BIG_SIDE, join(root, `study-${round}`), ['--workers', '1']).cpu);
      if (py.netcdf) {
        const peerOut = mkdtempSync(join(root, 'peer-study-'));
        study.peerFiles.push(runPeer(exe, s, peerOut).process_cpu_s);
        rmSync(peerOut, { recursive: true, force: true });
      }
      study.h5.push(
        cliSweep(BIG_SIDE, join(root, `study-h5-${round}`), ['--workers', '1', '--formats', 'h5']).cpu,
      );
    }
    const best = (xs: number[]): number => Math.min(...xs);
    const perPointStudy = (xs: number[]): number => (best(xs) * 1e6) / bigPoints;
    const peerTL = peerRuns[0].T_L;
    let worst = 0;
    let mismatched = 0;
    first.forEach((t, i) => {
      const p = peerTL[i];
      if (t === null || p === null) mismatched += t === p ? 0 : 1;
      else worst = Math.max(worst, Math.abs(t - p));
    });

    return {
      rows: [
        {
          name: `NumPy/SciPy peer (${py.versions}): the ${SIDE} × ${SIDE} Ag map (setup 1), first root to a 1e-9 K bracket, CPU of the map alone (median of 3)`,
          value: peer,
          unit: 'µs/point',
        },
        {
          name: '  its R(T) table (vectorised quadrature, not counted above)',
          value: peerRuns[1].tables_cpu_s,
          unit: 's',
        },
        {
          name: `  largest difference T_L(peer) − T_L(ndtc) in absolute value, first root (points where only one has a root: ${mismatched})`,
          value: worst,
          unit: 'K',
        },
        {
          name: 'ndtc, same map, this process (like the peer: no start-up, no files), caches cold: every root (balanceRoots)',
          value: median(inProcess.solve),
          unit: 'µs/point',
        },
        {
          name: '  … and formatted as the CSV and JSONL rows of the sweep (computeChunk, every chunk, buffers reused as a sweep thread does)',
          value: median(inProcess.chunks),
          unit: 'µs/point',
        },
        {
          name: 'ratio ndtc / peer, CPU per point in-process: roots alone',
          value: median(inProcess.solve) / peer,
          unit: '×',
        },
        {
          name: 'ratio ndtc / peer, CPU per point in-process: roots and their CSV and JSONL rows',
          value: median(inProcess.chunks) / peer,
          unit: '×',
        },
        ...cases.flatMap(([name]) => [
          {
            name: `ndtc sweep, same map, ${name}: CPU of the whole run (all threads; median of 3)`,
            value: cpuPerPoint(name),
            unit: 'µs/point',
          },
          { name: `  points per second (wall)`, value: rate(name), unit: 'points/s' },
        ]),
        {
          name: `NumPy/SciPy peer, ${BIG_SIDE} × ${BIG_SIDE} map, CPU of the map alone (one run)`,
          value: bigPeerPerPoint,
          unit: 'µs/point',
        },
        {
          name: `ndtc sweep, ${BIG_SIDE} × ${BIG_SIDE} map, T_L, 1 thread: CPU of the whole run (one run)`,
          value: bigPerPoint,
          unit: 'µs/point',
        },
        {
          name: `ratio ndtc / peer, CPU per point, ${BIG_SIDE} × ${BIG_SIDE} map (T_L, 1 thread, whole run)`,
          value: bigPerPoint / bigPeerPerPoint,
          unit: '×',
        },
        {
          name: `ndtc sweep as a user runs it (a fresh process), ${BIG_SIDE} × ${BIG_SIDE}, T_L, 1 thread, CSV and JSON Lines (--no-h5): CPU of the whole run`,
          value: (textBig.cpu * 1e6) / bigPoints,
          unit: 'µs/point',
        },
        {
          name: `  the same, ${HUGE_SIDE} × ${HUGE_SIDE} (4·10⁶ points): CPU of the whole run`,
          value: (textHuge.cpu * 1e6) / hugePoints,
          unit: 'µs/point',
        },
        {
          name: `  CPU per point without the run's fixed cost: (CPU at ${HUGE_SIDE}² − CPU at ${BIG_SIDE}²) / (3·10⁶ points)`,
          value: textMarginal,
          unit: 'µs/point',
        },
        {
          name: `ratio ndtc (CSV and JSON Lines) / peer, CPU per point without fixed costs (ndtc's marginal; the peer's ${HUGE_SIDE}² map alone)`,
          value: textMarginal / peerHuge,
          unit: '×',
        },
        {
          name: `ndtc sweep --formats h5 (binary chunks, results.h5 alone), ${BIG_SIDE} × ${BIG_SIDE}, T_L, 1 thread: CPU of the whole run (best of 2)`,
          value: binaryPerPoint,
          unit: 'µs/point',
        },
        { name: '  points per second (wall)', value: bigPoints / binaryBig.wall, unit: 'points/s' },
        {
          name: `  the same on 2 threads: CPU of the whole run`,
          value: (binaryBig2.cpu * 1e6) / bigPoints,
          unit: 'µs/point',
        },
        {
          name: '  points per second (wall), 2 threads',
          value: bigPoints / binaryBig2.wall,
          unit: 'points/s',
        },
        {
          name: `ndtc sweep --formats h5, ${HUGE_SIDE} × ${HUGE_SIDE} (4·10⁶ points), T_L, 1 thread: CPU of the whole run`,
          value: hugePerPoint,
          unit: 'µs/point',
        },
        {
          name: `  CPU per point without the run's fixed cost: (CPU at ${HUGE_SIDE}² − CPU at ${BIG_SIDE}²) / (3·10⁶ points)`,
          value: marginal,
          unit: 'µs/point',
        },
        {
          name: `NumPy/SciPy peer, ${BIG_SIDE} × ${BIG_SIDE} map, CPU of the map alone (better of 2, each run beside one of ndtc's)`,
          value: peerBig,
          unit: 'µs/point',
        },
        {
          name: `NumPy/SciPy peer, ${HUGE_SIDE} × ${HUGE_SIDE} map, CPU of the map alone (one run, beside ndtc's)`,
          value: peerHuge,
          unit: 'µs/point',
        },
        {
          name: `ratio ndtc --formats h5 / peer, CPU per point, ${BIG_SIDE}² (ndtc's whole run, 1 thread)`,
          value: binaryPerPoint / peerBig,
          unit: '×',
        },
        {
          name: `ratio ndtc --formats h5 / peer, CPU per point, ${HUGE_SIDE}² (ndtc's whole run, 1 thread)`,
          value: hugePerPoint / peerHuge,
          unit: '×',
        },
        {
          name: `ratio ndtc --formats h5 / peer, CPU per point without fixed costs (ndtc's marginal; the peer's ${HUGE_SIDE}² map alone)`,
          value: marginal / peerHuge,
          unit: '×',
        },
        {
          name: `NumPy/SciPy peer, ${SIDE} × ${SIDE} map, whole process (interpreter start-up, imports, tables, map, results; median of 3)`,
          value: perPointWhole(whole.peer),
          unit: 'µs/point',
        },
        {
          name: `ndtc sweep, same map, whole process (start-up to results.csv, .jsonl, .h5; 1 thread, no plot; median of 3)`,
          value: perPointWhole(whole.ndtc),
          unit: 'µs/point',
        },
        {
          name: '  the same without results.h5 (--no-h5)',
          value: perPointWhole(whole.text),
          unit: 'µs/point',
        },
        {
          name: 'ratio ndtc / peer, whole process each (as the issue measured them), with results.h5',
          value: median(whole.ndtc) / median(whole.peer),
          unit: '×',
        },
        {
          name: 'ratio ndtc / peer, whole process each, --no-h5',
          value: median(whole.text) / median(whole.peer),
          unit: '×',
        },
        ...(whole.peerFiles.length > 0
          ? [
              {
                name: `NumPy/SciPy peer, ${SIDE} × ${SIDE} map, whole process writing results.csv (np.savetxt) and results.h5 (xarray, h5netcdf), as ndtc does (median of 3)`,
                value: perPointWhole(whole.peerFiles),
                unit: 'µs/point',
              },
              {
                name: 'ratio ndtc / peer, whole process each, both writing their results as CSV and NetCDF-4 (ndtc also JSON Lines, chunk records and SHA-256)',
                value: median(whole.ndtc) / median(whole.peerFiles),
                unit: '×',
              },
            ]
          : []),
        {
          name: `NumPy/SciPy peer, ${BIG_SIDE} × ${BIG_SIDE} map (10⁶ points), whole process (better of 2)`,
          value: perPointStudy(study.peer),
          unit: 'µs/point',
        },
        ...(study.peerFiles.length > 0
          ? [
              {
                name: '  the same writing results.csv (np.savetxt) and results.h5 (xarray, h5netcdf)',
                value: perPointStudy(study.peerFiles),
                unit: 'µs/point',
              },
            ]
          : []),
        {
          name: `ndtc sweep, same map, whole process, default files (results.csv, .jsonl, .h5; 1 thread; better of 2)`,
          value: perPointStudy(study.ndtc),
          unit: 'µs/point',
        },
        {
          name: '  the same with --formats h5 (results.h5 alone)',
          value: perPointStudy(study.h5),
          unit: 'µs/point',
        },
        {
          name: `ratio ndtc / peer at 10⁶ points, whole process each: ndtc's default files against the peer writing none`,
          value: best(study.ndtc) / best(study.peer),
          unit: '×',
        },
        {
          name: `ratio ndtc --formats h5 / peer at 10⁶ points, whole process each (the peer writing none)`,
          value: best(study.h5) / best(study.peer),
          unit: '×',
        },
        ...(study.peerFiles.length > 0
          ? [
              {
                name: `ratio ndtc / peer at 10⁶ points, whole process each, both writing CSV and NetCDF-4 (ndtc also JSON Lines, chunk records and SHA-256)`,
                value: best(study.ndtc) / best(study.peerFiles),
                unit: '×',
              },
            ]
          : []),
        {
          name: 'ratio ndtc / peer, CPU per point (T_L, 1 thread)',
          value: cpuPerPoint('T_L, 1 thread') / peer,
          unit: '×',
        },
        {
          name: 'ratio ndtc / peer, CPU per point (T_L, 2 threads)',
          value: cpuPerPoint('T_L, 2 threads') / peer,
          unit: '×',
        },
        {
          name: 'ratio ndtc / peer, CPU per point (T_L and dT_L/dT_R, 1 thread)',
          value: cpuPerPoint('T_L and dT_L/dT_R, 1 thread') / peer,
          unit: '×',
        },
      ],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchSweepPeer();
  for (const r of result?.rows ?? []) console.log(`${r.name}: ${r.value.toPrecision(3)} ${r.unit}`);
}
