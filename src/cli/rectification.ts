/** `ndtc rectification`: the thermal diode, J_fwd vs J_rev of an asymmetric pair and R = J_fwd/J_rev. */
import type { Command } from 'commander';
import { InputError, type Device } from '../index.js';
import { checkInRange, MIN_REDUCED_TEMPERATURE } from '../physics/domain.js';
import { hasRealLine } from '../physics/photonic-line.js';
import { validityWarnings } from '../physics/validity.js';
import { checkProduct, parsePointList } from './cartesian.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceParameters,
  deviceSummary,
  type DeviceOptionValues,
} from './device-options.js';
import { addLineOptions, lineFromOptions, type LineOptionValues } from './line-options.js';
import { addOutputOptions, assertFinite, emitReport, outputFormatOf } from './output.js';
import { checkFigureFile, figureHelp, writeFigure } from './figure-option.js';
import { formatNumber, formatQuantity } from '../units/quantity.js';
import { withBathOption } from './temperature-checks.js';

const BEYOND = { beyond: 'at most 10⁶ points in all' };

interface Options extends DeviceOptionValues, LineOptionValues {
  Thot: string;
  Tcold: string;
  TcR?: string;
  gammaR?: string;
  Tbath?: string;
  figure?: string;
  json?: boolean;
  csv?: boolean;
}

/**
 * The header: χ (and Tc_R, γ_R when given) vary by row, in their columns; the photon lines change
 * every current, so they are named too.
 */
function rectificationSummary(opts: Options, device: Device): string {
  const perRow = opts.chi === undefined ? undefined : 'χ per row';
  const lines = [deviceSummary(opts, device, perRow)];
  if (opts.TcR !== undefined || opts.gammaR !== undefined)
    lines.push("right reservoir's Tc and γ per row (Tc_R, gamma_R)");
  const line = device.line;
  lines.push(
    line
      ? `photon lines: L = ${formatQuantity(line.inductance, 'inductance')}, ` +
          `R = ${formatQuantity(line.resistance, 'resistance')} each (at T_bath = ${formatQuantity(device.Tbath, 'temperature')})`
      : 'photon lines: ideal (the paper)',
  );
  return lines.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('rectification')
    .description(
      'thermal diode: photonic heat current forward (left hot) and reverse (right hot), R = J_fwd/J_rev',
    )
    .requiredOption('--Thot <temperature>', 'the hot side, e.g. 500mK (below both Tc)')
    .requiredOption('--Tcold <temps>', 'the cold side (< T_hot): list or range, e.g. 100mK or 50mK..400mK:8')
    .option(
      '--TcR <temps>',
      "the right reservoir's Tc, 10 mK to 10 K and at most 250 T_bath (list or range; default: the device's)",
    )
    .option('--gammaR <numbers>', "the right reservoir's Dynes γ (list; default: the device's)")
    .option(
      '--Tbath <temperature>',
      "bath temperature: the lossy lines' (--Rline), and the floor of every Tc at 0.004 Tc (default: the device's)",
    )
    .option(
      '--figure <file>',
      figureHelp('R against χ (two or more --chi), one curve per T_cold, Tc_R, γ_R'),
    );
  addDeviceOptions(cmd);
  addLineOptions(cmd);
  addOutputOptions(cmd).addHelpText(
    'after',
    `
--chi takes a list here (the asymmetry map's axis), like --Tcold, --TcR and --gammaR.
Forward: T_L = T_hot, T_R = T_cold; reverse: T_L = T_cold, T_R = T_hot; both counted as the heat
leaving the hot reservoir (W > 0). R > 1: the pair conducts better with its left side hot.

Examples:
  $ ndtc rectification --Thot 500mK --Tcold 100mK --chi 0.2..20:15:log
  $ ndtc rectification --Thot 600mK --Tcold 200mK --chi 1,2,5 --TcR 0.8K..1.6K:5 --csv
  $ ndtc rectification --Thot 500mK --Tcold 100mK --chi 0.1..10:30:log --TcR 1K,1.2K,1.5K --figure ndtc-out/diode.png

Points: {T_hot, T_cold, chi, Tc_R, gamma_R, J_forward, J_reverse, ratio, tau0_forward, tau0_reverse};
tau0 is the junctions' matched-load transmission 4R_L R_R/(R_L+R_R)². With lossy lines (--Rline > 0)
J_forward and J_reverse are the heat leaving the hot side (to the cold side and into the lines), and
J_forward_received, J_reverse_received (after J_reverse) the heat reaching the cold side, and
ratio_received (after ratio) their ratio, the diode's at its cold end.`,
  );
  cmd.action(async (opts: Options) => {
    const format = outputFormatOf(opts);
    if (opts.figure) checkFigureFile(opts.figure);
    const base = withBathOption(
      deviceFromOptions({ ...opts, chi: undefined }, ctx.loadDeviceFile, true),
      opts.Tbath,
      1,
    );
    const device = { ...base, ...lineFromOptions(opts, base) };
    const [Thot] = parsePointList(opts.Thot, 'temperature', '--Thot', BEYOND);
    if (opts.Thot.includes(',') || opts.Thot.includes('..'))
      throw new InputError('--Thot', opts.Thot, 'one temperature, e.g. 500mK');
    const Tcold = parsePointList(opts.Tcold, 'temperature', '--Tcold', BEYOND);
    const chi = opts.chi
      ? parsePointList(opts.chi, 'dimensionless', '--chi', BEYOND).map((x) => checkInRange('chi', '--chi', x))
      : [base.right.junction.area / base.left.junction.area];
    const TcR = opts.TcR
      ? parsePointList(opts.TcR, 'temperature', '--TcR', BEYOND).map((x) => checkInRange('Tc', '--TcR', x))
      : [base.right.superconductor.Tc];
    // The device's bath must stay in [0.004 Tc, Tc) of the right reservoir too, as --Tc's must.
    for (const x of TcR)
      if (!(base.Tbath >= MIN_REDUCED_TEMPERATURE * x && base.Tbath < x))
        throw new InputError(
          '--TcR',
          opts.TcR ?? formatQuantity(x, 'temperature'),
          `Tc values above T_bath and at most 250 T_bath = ${formatQuantity(250 * base.Tbath, 'temperature')} (the bath must be ≥ 0.004 Tc)`,
        );
    const gammaR = opts.gammaR
      ? parsePointList(opts.gammaR, 'dimensionless', '--gammaR', BEYOND).map((x) =>
          checkInRange('gamma', '--gammaR', x),
        )
      : [base.right.superconductor.gamma];
    checkProduct(
      [
        { option: '--Tcold', text: opts.Tcold, length: Tcold.length },
        { option: '--chi', text: opts.chi ?? '', length: chi.length },
        { option: '--TcR', text: opts.TcR ?? '', length: TcR.length },
        { option: '--gammaR', text: opts.gammaR ?? '', length: gammaR.length },
      ],
      BEYOND,
    );
    // One χ makes every curve a single point, which draws nothing: an empty figure.
    if (opts.figure && chi.length < 2)
      throw new InputError(
        '--figure',
        opts.figure,
        'R against χ: give --chi two or more values, e.g. --chi 0.5..10:20:log',
      );
    const TcMin = Math.min(base.left.superconductor.Tc, ...TcR);
    const floor = MIN_REDUCED_TEMPERATURE * Math.max(base.left.superconductor.Tc, ...TcR);
    const range = `from ${formatQuantity(floor, 'temperature')} (0.004 of the highest Tc) to below ${formatQuantity(TcMin, 'temperature')} (the lowest Tc)`;
    if (!(Thot < TcMin && Thot > floor))
      throw new InputError('--Thot', opts.Thot, `a temperature ${range}, above --Tcold`);
    for (const T of Tcold)
      if (!(T < Thot && T >= floor))
        throw new InputError(
          '--Tcold',
          opts.Tcold,
          `temperatures from ${formatQuantity(floor, 'temperature')} (0.004 of the highest Tc) to below --Thot`,
        );
    // Loaded on use: `ndtc --help` does not pay for the figure modules.
    const { asymmetricPair, rectificationMap, rectificationPanel } =
      await import('../figures/diode-panels.js');
    // Through lossy lines the heat reaching the cold side is reported beside the heat leaving the hot one.
    const lossy = hasRealLine(device);
    const map = rectificationMap(device, Thot, { Tcold, chi, TcR, gammaR }).map((p) => ({
      ...p,
      ratio: assertFinite(p.ratio, `ratio at T_cold = ${p.T_cold} K, χ = ${p.chi}`),
    }));
    // The diode's ratio at the cold end too: through lossy lines it differs from the one leaving.
    const points = map.map(({ J_forward_received, J_reverse_received, ...point }) =>
      lossy
        ? {
            ...point,
            J_forward_received,
            J_reverse_received,
            ratio_received: J_forward_received / J_reverse_received,
          }
        : point,
    );
    // Both directions put T_hot on a junction: flagged as \`photonic\` flags the same (T_L, T_R).
    // Each warning names its row (by what varies between rows) and direction: rows differ in C_total.
    const warnings = new Set<string>();
    type Point = (typeof points)[number];
    const columns: [number, (p: Point) => string][] = [
      [Tcold.length, (p) => `T_cold = ${formatQuantity(p.T_cold, 'temperature')}`],
      [chi.length, (p) => `χ = ${formatNumber(p.chi, 6)}`],
      [TcR.length, (p) => `Tc_R = ${formatQuantity(p.Tc_R, 'temperature')}`],
      [gammaR.length, (p) => `γ_R = ${formatNumber(p.gamma_R, 6)}`],
    ];
    const varying = columns.filter(([count]) => count > 1).map(([, show]) => show);
    for (const p of points) {
      const pair = asymmetricPair(device, p.chi, p.Tc_R, p.gamma_R);
      const at = varying.map((show) => show(p));
      for (const [direction, TL, TR] of [
        ['forward', Thot, p.T_cold],
        ['reverse', p.T_cold, Thot],
      ] as const)
        for (const w of validityWarnings(pair, TL, TR))
          warnings.add(`${[direction, ...at].join(', ')}: ${w}`);
      // Lossy lines at a bath near or above T_hot heat the hot side, or the cold side loses more to
      // them than it receives: a ratio of currents that are not both positive rectifies nothing
      // (model.md §12 takes both > 0).
      const pairs: [string, number, number][] = [['ratio', p.J_forward, p.J_reverse]];
      if ('J_forward_received' in p)
        pairs.push(['ratio_received', p.J_forward_received as number, p.J_reverse_received as number]);
      for (const [name, forward, reverse] of pairs)
        if (!(forward > 0 && reverse > 0))
          warnings.add(
            `${[...at, name].join(', ')}: its currents are not both positive (the lossy lines at T_bath = ${formatQuantity(device.Tbath, 'temperature')} exchange heat with both reservoirs): no rectification`,
          );
    }
    const parameters = {
      ...deviceParameters(opts, device),
      Thot,
      Tcold,
      chi,
      TcR,
      gammaR,
      line: device.line ?? null,
    };
    if (opts.figure) await writeFigure(opts.figure, rectificationPanel(map, parameters));
    emitReport(
      {
        command: 'rectification',
        parameters,
        points,
        columns: [
          { field: 'T_hot', kind: 'temperature' },
          { field: 'T_cold', kind: 'temperature' },
          { field: 'chi', kind: 'dimensionless' },
          { field: 'Tc_R', kind: 'temperature' },
          { field: 'gamma_R', kind: 'dimensionless' },
          { field: 'J_forward', kind: 'power' },
          { field: 'J_reverse', kind: 'power' },
          ...(lossy
            ? ([
                { field: 'J_forward_received', kind: 'power' },
                { field: 'J_reverse_received', kind: 'power' },
              ] as const)
            : []),
          { field: 'ratio', kind: 'dimensionless' },
          ...(lossy ? ([{ field: 'ratio_received', kind: 'dimensionless' }] as const) : []),
          { field: 'tau0_forward', kind: 'dimensionless' },
          { field: 'tau0_reverse', kind: 'dimensionless' },
        ],
        rows: points,
        warnings: Array.from(warnings),
        summary: rectificationSummary(opts, device),
      },
      format,
      ctx,
    );
  });
}
