/**
 * `ndtc solve --setup 3`: both reservoirs floating, heated by J_in^L and J_in^R, each losing heat to the
 * bath: every steady state (T_L, T_R) with its stability and linear time constants (docs/dynamics.md).
 */
import { checkHeaterPower } from '../physics/domain.js';
import { InputError, solveTwoReservoirs, type Device } from '../index.js';
import { validityWarnings } from '../physics/validity.js';
import { createProgress } from '../io/progress.js';
import { formatQuantity } from '../units/quantity.js';
import { cartesian, checkProduct, parsePointList, productSize } from './cartesian.js';
import { deviceParameters, deviceSummary, type DeviceOptionValues } from './device-options.js';
import { assertFinite, type Cell, type Report } from './output.js';
import { aboveTcFloor, belowTc } from './temperature-checks.js';

/** The options `ndtc solve` passes on for setup 3. */
export interface TwoReservoirOptions extends DeviceOptionValues {
  JinL?: string;
  JinR?: string;
  Jin?: string;
  targetTL?: string;
  TR?: string;
  Tbath?: string;
  quiet?: boolean;
  progress?: boolean;
}

const BEYOND = { beyond: 'for more points, call solveTwoReservoirs from the library' };

interface StatePoint {
  T_L: number;
  T_R: number;
  stable: boolean;
  time_constants: number[];
}

/** The report of `ndtc solve --setup 3`; `beforeWork` runs once every input is checked. */
export function twoReservoirReport(
  opts: TwoReservoirOptions,
  device: Device,
  beforeWork: () => void,
): Report {
  for (const [given, option] of [
    [opts.Jin, '--Jin'],
    [opts.targetTL, '--target-TL'],
    [opts.TR, '--TR'],
  ] as const) {
    if (given !== undefined)
      throw new InputError(option, given, 'not with --setup 3 (give --JinL and --JinR; T_R floats)');
  }
  for (const [given, option] of [
    [opts.JinL, '--JinL'],
    [opts.JinR, '--JinR'],
  ] as const) {
    if (given === undefined) throw new InputError(option, '(none)', 'required with --setup 3, e.g. 100fW');
  }
  const JinLs = parsePointList(opts.JinL!, 'power', '--JinL', BEYOND);
  const JinRs = parsePointList(opts.JinR!, 'power', '--JinR', BEYOND);
  for (const J of JinLs) checkHeaterPower('--JinL', J);
  for (const J of JinRs) checkHeaterPower('--JinR', J);
  const Tbaths =
    opts.Tbath === undefined ? [device.Tbath] : parsePointList(opts.Tbath, 'temperature', '--Tbath', BEYOND);
  const lists = [
    { option: '--JinL', text: opts.JinL!, length: JinLs.length },
    { option: '--JinR', text: opts.JinR!, length: JinRs.length },
  ];
  if (opts.Tbath !== undefined) lists.push({ option: '--Tbath', text: opts.Tbath, length: Tbaths.length });
  checkProduct(lists, BEYOND);
  // The bath of both reservoirs: below either Tc and at least 0.004 of either.
  belowTc(Tbaths, Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc), '--Tbath');
  aboveTcFloor(Tbaths, Math.max(device.left.superconductor.Tc, device.right.superconductor.Tc), '--Tbath');
  beforeWork();
  const size = productSize([JinLs, JinRs, Tbaths]);
  const progress = createProgress({
    label: 'solve',
    total: size,
    quiet: opts.quiet === true,
    force: opts.progress === true,
    delaySeconds: 2,
  });
  const warnings = new Set<string>();
  const notes: string[] = [];
  const points = Array.from(cartesian([JinLs, JinRs, Tbaths]), ([JinL, JinR, Tbath]) => {
    const at = `J_in^L = ${JinL} W, J_in^R = ${JinR} W`;
    const solution = solveTwoReservoirs(device, { JinL, JinR, Tbath });
    const roots: StatePoint[] = solution.roots.map((s) => ({
      T_L: assertFinite(s.TL, `T_L at ${at}`),
      T_R: assertFinite(s.TR, `T_R at ${at}`),
      stable: s.stable,
      time_constants: s.timeConstants.map((t) => assertFinite(t, `time constant at ${at}`)),
    }));
    for (const r of roots) for (const w of validityWarnings(device, r.T_L, r.T_R)) warnings.add(w);
    progress.tick();
    const point: { J_in_L: number; J_in_R: number; T_bath: number; roots: StatePoint[]; note?: string } = {
      J_in_L: JinL,
      J_in_R: JinR,
      T_bath: Tbath,
      roots,
    };
    if (roots.length === 0) {
      point.note = solution.belowBath
        ? 'no steady state above the bath: the heaters hold both reservoirs at T_bath (within 1e-9 of Tc − T_bath, where the solver looks), outside the model’s (T_bath, Tc)'
        : 'no steady state with both temperatures in (T_bath, Tc)';
      notes.push(
        `${point.note} (J_in^L = ${formatQuantity(JinL, 'power')}, J_in^R = ${formatQuantity(JinR, 'power')})`,
      );
    }
    return point;
  });
  progress.done();
  const rows: Iterable<Record<string, Cell>> = {
    *[Symbol.iterator]() {
      for (const p of points) {
        const base = { J_in_L: p.J_in_L, J_in_R: p.J_in_R, T_bath: p.T_bath };
        if (p.roots.length === 0) {
          yield {
            ...base,
            root_index: null,
            T_L: null,
            T_R: null,
            stable: null,
            tau_1: null,
            tau_2: null,
            note: p.note ?? null,
          };
        }
        for (const [i, r] of p.roots.entries()) {
          const [tau_1, tau_2] = r.time_constants;
          yield {
            ...base,
            root_index: i,
            T_L: r.T_L,
            T_R: r.T_R,
            stable: r.stable,
            tau_1,
            tau_2,
            note: null,
          };
        }
      }
    },
  };
  return {
    command: 'solve',
    parameters: {
      ...deviceParameters(opts, device),
      setup: 3,
      JinL: JinLs,
      JinR: JinRs,
      Tbath: Array.from(new Set(Tbaths)),
    },
    points,
    columns: [
      { field: 'J_in_L', kind: 'power' },
      { field: 'J_in_R', kind: 'power' },
      { field: 'T_bath', kind: 'temperature' },
      { field: 'root_index', kind: 'index', label: 'root' },
      { field: 'T_L', kind: 'temperature' },
      { field: 'T_R', kind: 'temperature' },
      { field: 'stable', kind: 'boolean' },
      { field: 'tau_1', kind: 'time' },
      { field: 'tau_2', kind: 'time' },
      { field: 'note', kind: 'text' },
    ],
    rows,
    warnings: Array.from(warnings),
    csvNotes: notes,
    summary: `${deviceSummary(opts, device)}, setup 3 (both reservoirs floating)`,
  };
}
