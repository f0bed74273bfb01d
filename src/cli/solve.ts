/**
 * `ndtc solve`: steady state of the left reservoir, F(T_L) = J_in − J_γ − J_ph = 0 (docs/model.md §6,
 * paper Eq. 5): every root with its stability and responsivity; or, with --target-TL, the J_in that
 * puts the left reservoir at a given T_L.
 */
import { checkHeaterPower } from '../physics/domain.js';
import type { Command } from 'commander';
import {
  InputError,
  inputPowerForTarget,
  solveBalance,
  timeConstant,
  type Device,
  type Setup,
} from '../index.js';
import { formatQuantity } from '../units/quantity.js';
import { cartesian, checkProduct, parsePointList, productSize } from './cartesian.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceParameters,
  deviceSummary,
  type DeviceOptionValues,
} from './device-options.js';
import {
  addOutputOptions,
  assertFinite,
  emitReport,
  outputFormatOf,
  type Cell,
  type Report,
} from './output.js';
import { prepareForDevice } from './phonon-tables.js';
import { createProgress } from '../io/progress.js';
import { PROGRESS_HELP } from './progress-option.js';
import { aboveTcFloor, belowTc } from './temperature-checks.js';
import { validityWarnings } from '../physics/validity.js';
import { twoReservoirReport } from './solve-two-reservoirs.js';

interface Options extends DeviceOptionValues {
  setup: string;
  Jin?: string;
  targetTL?: string;
  TR?: string;
  JinL?: string;
  JinR?: string;
  Tbath?: string;
  json?: boolean;
  csv?: boolean;
  quiet?: boolean;
  progress?: boolean;
}

const PROGRESS_MIN_POINTS = 20;

const BEYOND = {
  beyond: 'for more: ndtc sweep --vary Jin=… --vary TR=…',
};

/** A list option as the product check names it. */
interface ListOption {
  option: string;
  text: string;
  length: number;
}

interface RootPoint {
  T_L: number;
  stable: boolean;
  dTL_dTR: number;
  /** Linear-response time constant C_L/(−∂F/∂T_L), s (negative when unstable). */
  time_constants: number[];
}

interface SolvePoint {
  J_in: number;
  T_R: number;
  T_bath: number;
  roots: RootPoint[];
  note?: string;
}

function parseSetup(text: string): Setup | 3 {
  if (text === '1' || text === '2' || text === '3') return Number(text) as Setup | 3;
  throw new InputError(
    '--setup',
    text,
    '1 (T_bath fixed, T_R swept), 2 (T_R = T_bath) or 3 (both reservoirs floating)',
  );
}

/**
 * The grid `lead` × T_R × T_bath, lazily: setup 2 ties the bath to T_R; setup 1 takes --Tbath
 * (default: the device's). The product size is checked before anything of its size is made.
 */
function operatingGrid(
  opts: Options,
  setup: Setup,
  device: Device,
  lead: ListOption & { values: number[] },
): { TRs: number[]; Tbaths: number[] | undefined; size: number; grid: Iterable<[number, number, number]> } {
  if (opts.TR === undefined)
    throw new InputError('--TR', '(none)', 'required with --setup 1 or 2, e.g. 100mK');
  for (const [given, option] of [
    [opts.JinL, '--JinL'],
    [opts.JinR, '--JinR'],
  ] as const) {
    if (given !== undefined)
      throw new InputError(option, given, 'only with --setup 3 (in setups 1 and 2: --Jin)');
  }
  const TRs = parsePointList(opts.TR, 'temperature', '--TR', BEYOND);
  const lists: ListOption[] = [lead, { option: '--TR', text: opts.TR, length: TRs.length }];
  if (setup === 2) {
    if (opts.Tbath !== undefined) {
      throw new InputError('--Tbath', opts.Tbath, 'not with --setup 2 (the bath is at T_R)');
    }
    checkProduct(lists, BEYOND);
    // T_R is the left reservoir's bath too: below both Tc.
    belowTc(TRs, Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc), '--TR');
    const grid = (function* () {
      for (const [a, TR] of cartesian([lead.values, TRs])) yield [a, TR, TR] as [number, number, number];
    })();
    return { TRs, Tbaths: undefined, size: productSize([lead.values, TRs]), grid };
  }
  const Tbaths =
    opts.Tbath === undefined ? [device.Tbath] : parsePointList(opts.Tbath, 'temperature', '--Tbath', BEYOND);
  if (opts.Tbath !== undefined) lists.push({ option: '--Tbath', text: opts.Tbath, length: Tbaths.length });
  checkProduct(lists, BEYOND);
  belowTc(TRs, device.right.superconductor.Tc, '--TR');
  belowTc(Tbaths, device.left.superconductor.Tc, '--Tbath');
  // A device's bath: at least 0.004 of either Tc (the library's rule).
  aboveTcFloor(Tbaths, Math.max(device.left.superconductor.Tc, device.right.superconductor.Tc), '--Tbath');
  const grid = cartesian([lead.values, TRs, Tbaths]) as Iterable<[number, number, number]>;
  return { TRs, Tbaths, size: productSize([lead.values, TRs, Tbaths]), grid };
}

/** `beforeWork` runs once every input is checked, before the first solve (a note must not precede an input error). */
function forwardReport(opts: Options, setup: Setup, device: Device, beforeWork: () => void): Report {
  const Jins = parsePointList(opts.Jin!, 'power', '--Jin', BEYOND);
  for (const J of Jins) checkHeaterPower('--Jin', J);
  const { TRs, Tbaths, size, grid } = operatingGrid(opts, setup, device, {
    option: '--Jin',
    text: opts.Jin!,
    length: Jins.length,
    values: Jins,
  });
  beforeWork();
  const progress = createProgress({
    label: 'solve',
    total: size,
    quiet: opts.quiet === true,
    force: opts.progress === true,
    // A short list gets a bar only if it turns out slow (J_ph,S by quadrature, seconds a point).
    delaySeconds: size < PROGRESS_MIN_POINTS ? 2 : 1,
  });
  const Tc = device.left.superconductor.Tc;
  const warnings = new Set<string>();
  const notes: string[] = [];
  const points: SolvePoint[] = Array.from(grid, ([Jin, TR, Tbath]) => {
    const solution = solveBalance(device, { Jin, TR, setup, Tbath });
    const at = `J_in = ${Jin} W, T_R = ${TR} K`;
    const roots = solution.roots.map((r) => ({
      T_L: assertFinite(r.TL, `T_L at ${at}`),
      stable: r.stable,
      dTL_dTR: assertFinite(r.dTL_dTR, `dTL_dTR at ${at}`),
      time_constants: [assertFinite(timeConstant(device, r), `time constant at ${at}`)],
    }));
    for (const r of roots) for (const w of validityWarnings(device, r.T_L, TR)) warnings.add(w);
    progress.tick();
    const point: SolvePoint = { J_in: Jin, T_R: TR, T_bath: Tbath, roots };
    if (roots.length === 0) {
      point.note = solution.exceedsTc
        ? `no steady state below Tc = ${formatQuantity(Tc, 'temperature')}: J_in heats the left reservoir out of the model's range`
        : solution.belowBath
          ? 'no steady state above the bath: the left reservoir settles at or below T_bath (T_R ≤ T_bath draws more heat than J_in brings), outside the model’s (T_bath, Tc)'
          : `no root T_L in (T_bath, Tc)`;
      notes.push(
        `${point.note} (J_in = ${formatQuantity(Jin, 'power')}, T_R = ${formatQuantity(TR, 'temperature')})`,
      );
    }
    return point;
  });
  progress.done();
  // One row per root, made while printing (not held beside the points).
  const rows: Iterable<Record<string, Cell>> = {
    *[Symbol.iterator]() {
      for (const p of points) {
        const base = { J_in: p.J_in, T_R: p.T_R, T_bath: p.T_bath };
        if (p.roots.length === 0) {
          yield {
            ...base,
            root_index: null,
            T_L: null,
            stable: null,
            dTL_dTR: null,
            tau: null,
            note: p.note ?? null,
          };
        }
        for (const [i, r] of p.roots.entries()) {
          const { time_constants, ...cells } = r;
          yield { ...base, root_index: i, ...cells, tau: time_constants[0], note: null };
        }
      }
    },
  };
  return {
    command: 'solve',
    parameters: {
      ...deviceParameters(opts, device),
      setup,
      Jin: Jins,
      TR: TRs,
      Tbath: Tbaths ? Array.from(new Set(Tbaths)) : 'T_R',
    },
    points,
    columns: [
      { field: 'J_in', kind: 'power' },
      { field: 'T_R', kind: 'temperature' },
      { field: 'T_bath', kind: 'temperature' },
      { field: 'root_index', kind: 'index', label: 'root' },
      { field: 'T_L', kind: 'temperature' },
      { field: 'stable', kind: 'boolean' },
      { field: 'dTL_dTR', kind: 'responsivity' },
      { field: 'tau', kind: 'time' },
      { field: 'note', kind: 'text' },
    ],
    rows,
    warnings: Array.from(warnings),
    csvNotes: notes,
    summary: `${deviceSummary(opts, device)}, setup ${setup}`,
  };
}

function inverseReport(opts: Options, setup: Setup, device: Device): Report {
  const TLs = parsePointList(opts.targetTL!, 'temperature', '--target-TL', BEYOND);
  const { TRs, Tbaths, grid } = operatingGrid(opts, setup, device, {
    option: '--target-TL',
    text: opts.targetTL!,
    length: TLs.length,
    values: TLs,
  });
  belowTc(TLs, device.left.superconductor.Tc, '--target-TL');
  const warnings = new Set<string>();
  const points = Array.from(grid, ([TL, TR, Tbath]) => {
    const Jin = assertFinite(
      inputPowerForTarget(device, TL, TR, setup, setup === 1 ? Tbath : undefined),
      `J_in at T_L = ${TL} K, T_R = ${TR} K`,
    );
    for (const w of validityWarnings(device, TL, TR)) warnings.add(w);
    if (!(Jin > 0)) {
      warnings.add(
        `T_L = ${formatQuantity(TL, 'temperature')} at T_R = ${formatQuantity(TR, 'temperature')} needs J_in = ` +
          `${formatQuantity(Jin, 'power')} ≤ 0: the left reservoir would have to be cooled`,
      );
    }
    return { T_L: TL, T_R: TR, T_bath: Tbath, J_in: Jin };
  });
  return {
    command: 'solve',
    parameters: {
      ...deviceParameters(opts, device),
      setup,
      targetTL: TLs,
      TR: TRs,
      Tbath: Tbaths ? Array.from(new Set(Tbaths)) : 'T_R',
    },
    points,
    columns: [
      { field: 'T_L', kind: 'temperature' },
      { field: 'T_R', kind: 'temperature' },
      { field: 'T_bath', kind: 'temperature' },
      { field: 'J_in', kind: 'power' },
    ],
    rows: points,
    warnings: Array.from(warnings),
    summary: `${deviceSummary(opts, device)}, setup ${setup}`,
  };
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('solve')
    .description(
      'steady-state T_L of the left reservoir: every root, its stability and dT_L/dT_R (or J_in for a target T_L)',
    )
    .option(
      '--setup <1|2|3>',
      '1: T_bath fixed, T_R swept (paper Fig. 3); 2: T_R = T_bath (Fig. 4); 3: both reservoirs floating',
      '1',
    )
    .option(
      '--Jin <powers>',
      'input powers on the left reservoir: list or range, e.g. 100fW or 1fW..1pW:13:log',
    )
    .option('--target-TL <temps>', 'instead of --Jin: the T_L to reach; prints the J_in that gives it')
    .option('--TR <temps>', 'right temperatures (< Tc), setups 1–2: list or range, e.g. 10mK..800mK:80')
    .option('--JinL <powers>', 'setup 3: heater powers on the left reservoir, e.g. 1e-18W')
    .option('--JinR <powers>', 'setup 3: heater powers on the right reservoir, e.g. 400fW')
    .option('--Tbath <temps>', "bath temperatures for setups 1 and 3 (default: the device's, 10 mK)");
  addDeviceOptions(cmd);
  addOutputOptions(cmd)
    .option('--quiet', 'no progress bar')
    .option('--progress', PROGRESS_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc solve --platform ag --setup 1 --Jin 100fW --TR 10mK..800mK:40
  $ ndtc solve --platform inas --setup 2 --Jin 1fW..1pW:13:log --TR 100mK --json
  $ ndtc solve --setup 1 --target-TL 500mK --TR 10mK
  $ ndtc solve --setup 3 --JinL 1e-18W --JinR 400fW --json

Several values form the Cartesian product: --Jin (or --target-TL) slowest, then --TR, then --Tbath.
Points: {J_in, T_R, T_bath, roots: [{T_L, stable, dTL_dTR, time_constants}]} (W, K, K, K, -, K/K, [s]);
with --target-TL: {T_L, T_R, T_bath, J_in}. CSV has one row per root, with root_index (tau = time constant).
Setup 3 (--JinL, --JinR, optional --Tbath; no --TR): {J_in_L, J_in_R, T_bath,
roots: [{T_L, T_R, stable, time_constants}]}; stable = both eigenvalues of C⁻¹J have negative real
parts; time constants −1/Re λ in s (negative: unstable). See docs/dynamics.md.
At most 10⁶ points (the product of the lists); more: ndtc sweep.`,
    )
    .action(async (opts: Options) => {
      const format = outputFormatOf(opts);
      const setup = parseSetup(opts.setup);
      if (setup === 3) {
        const device = deviceFromOptions(opts, ctx.loadDeviceFile);
        const slow = await prepareForDevice(device);
        emitReport(
          twoReservoirReport(opts, device, () => slow && ctx.stderr(slow)),
          format,
          ctx,
        );
        return;
      }
      if (opts.Jin === undefined && opts.targetTL === undefined) {
        // Both heaters given, no setup: the user means setup 3; say so before asking for --Jin.
        const heater = opts.JinL !== undefined ? '--JinL' : opts.JinR !== undefined ? '--JinR' : undefined;
        if (heater !== undefined)
          throw new InputError(
            heater,
            (opts.JinL ?? opts.JinR)!,
            'only with --setup 3 (in setups 1 and 2: --Jin)',
          );
        throw new InputError('--Jin', '(missing)', 'give exactly one of --Jin and --target-TL');
      }
      if (opts.Jin !== undefined && opts.targetTL !== undefined)
        throw new InputError(
          '--target-TL',
          `${opts.targetTL} with --Jin ${opts.Jin}`,
          'give exactly one of --Jin and --target-TL',
        );
      const device = deviceFromOptions(opts, ctx.loadDeviceFile);
      const slow = await prepareForDevice(device);
      const report =
        opts.Jin !== undefined
          ? forwardReport(opts, setup, device, () => slow && ctx.stderr(slow))
          : inverseReport(opts, setup, device);
      emitReport(report, format, ctx);
    });
}
