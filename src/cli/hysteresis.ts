/** `ndtc hysteresis`: sweep J_in or T_R through its values and back along the stable branch; report and plot the loops. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, type Device, type Setup } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { makeDirectory, removeEmptyDirectories } from '../io/make-directory.js';
import { formatQuantity, parseQuantity } from '../units/quantity.js';
import { axisLength, firstTurn, parseAxis } from '../sweep/axes.js';
import { traceHysteresis, type Hysteresis, type HysteresisStep } from '../sweep/hysteresis.js';
import { validityWarnings } from '../physics/validity.js';
import { printWarnings } from './output.js';
import { checkParameterValue, parameterInfo } from '../sweep/parameters.js';
import { removePlot, writePlot } from '../sweep/plot.js';
import { hysteresisPlotSpec } from '../sweep/hysteresis-plot.js';
import type { CliContext } from './context.js';
import { addDeviceOptions, deviceFromOptions, type DeviceOptionValues } from './device-options.js';
import { prepareForDevice } from './phonon-tables.js';
import { createProgress } from '../io/progress.js';
import { belowTc, withBathOption } from './temperature-checks.js';
import { FORCE_HELP, checkOutputDirectory } from './output-directory.js';
import { PROGRESS_HELP } from './progress-option.js';

interface Options extends DeviceOptionValues {
  sweep: string;
  Jin?: string;
  TR?: string;
  Tbath?: string;
  setup?: string;
  out: string;
  force?: boolean;
  progress?: boolean;
  quiet?: boolean;
  plot: boolean;
}

function fixed(name: 'J_in' | 'T_R' | 'setup', text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const info = parameterInfo(name, option);
  const v = parseQuantity(text, info.kind, option);
  checkParameterValue(info, v, option, text);
  return v;
}

function csvOf(h: Hysteresis): string {
  const rows = h.steps.map((s) =>
    [
      s.direction,
      s.value,
      s.T_L ?? '',
      s.dTL_dTR ?? '',
      s.stableRoots,
      s.roots.length,
      s.jump,
      s.roots.join(' '),
    ].join(','),
  );
  return [`direction,${h.parameter},T_L,dTL_dTR,stable_roots,n_roots,jump,roots`, ...rows].join('\n') + '\n';
}

/** Most values of --sweep: hysteresis.json (every step, up and down) stays ~50 MB. */
const MAX_SWEEP_VALUES = 100_000;

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('hysteresis')
    .description(
      'sweep J_in or T_R through its values and back, following the stable branch; report the bistable loops',
    )
    .requiredOption(
      '--sweep <name=values>',
      'Jin=1fW..1pW:200:log or TR=10mK..800mK:200 (increasing or decreasing: the sweep follows them, then goes back; at most 100000)',
    )
    .option('--Jin <power>', 'input power, for a T_R sweep')
    .option('--TR <temperature>', 'right temperature, for a J_in sweep (setup 2: also the bath)')
    .option('--setup <1|2>', '1: T_bath fixed; 2: T_R = T_bath (default: 1)')
    .option('--Tbath <temperature>', "setup 1: bath temperature (default: the device's)");
  addDeviceOptions(cmd);
  cmd
    .option(
      '--out <dir>',
      'directory for hysteresis.csv, hysteresis.json, hysteresis.svg/png/pdf',
      'ndtc-out/hysteresis',
    )
    .option('--force', FORCE_HELP)
    .option('--progress', PROGRESS_HELP)
    .option('--quiet', 'no progress bar')
    .option('--no-plot', 'write no plot (and remove the one an earlier run left in --out)')
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc hysteresis --sweep TR=10mK..800mK:200 --Jin 1e-18W --out ndtc-out/hysteresis-tr
  $ ndtc hysteresis --device examples/ag.yaml --sweep Jin=1fW..1pW:200:log --TR 530mK --out ndtc-out/hysteresis-jin

Continuation: at each step the stable root nearest the previous T_L; a jump is marked where the
followed branch ends. Loops are the ranges where the up and down branches differ (> 1 µK).
See docs/bistability.md.`,
    )
    .action(async (opts: Options) => {
      // Which quantity first: Tbath=1..2:3 was told 'missing unit', not that only J_in and T_R sweep.
      const eq = opts.sweep.indexOf('=');
      if (eq > 0 && !['J_in', 'T_R'].includes(sweptName(opts.sweep.slice(0, eq))))
        throw new InputError('--sweep', opts.sweep, 'Jin=VALUES or TR=VALUES');
      const built = deviceFromOptions(opts, ctx.loadDeviceFile);
      // Counted before the values are made. Each value is two steps of ~250 characters in the JSON,
      // built as one string: 2·10⁶ values failed at its end with 'Invalid string length', after the work.
      const { length } = axisLength(opts.sweep, '--sweep');
      if (length > MAX_SWEEP_VALUES)
        throw new InputError(
          '--sweep',
          opts.sweep,
          `at most ${MAX_SWEEP_VALUES} values (${length} given); a finer map: ndtc sweep … --output n_roots`,
        );
      const axis = parseAxis(opts.sweep, '--sweep');
      if (axis.name !== 'J_in' && axis.name !== 'T_R')
        throw new InputError('--sweep', opts.sweep, 'Jin=VALUES or TR=VALUES');
      if (axis.values.length < 2)
        throw new InputError('--sweep', opts.sweep, 'at least two values, e.g. Jin=1fW..1pW:200:log');
      const turn = firstTurn(axis.values);
      if (turn > 0) {
        const kind = axis.name === 'J_in' ? 'power' : 'temperature';
        const [before, at] = [axis.values[turn - 1], axis.values[turn]].map((v) => formatQuantity(v, kind));
        throw new InputError(
          '--sweep',
          opts.sweep,
          `values that only increase or only decrease (${at} follows ${before})`,
        );
      }
      const setup = (fixed('setup', opts.setup, '--setup') ?? 1) as Setup;
      const device = withBathOption(built, opts.Tbath, setup);
      const Jin = fixed('J_in', opts.Jin, '--Jin');
      const TR = fixed('T_R', opts.TR, '--TR');
      if (axis.name === 'T_R' && Jin === undefined)
        throw new InputError('--Jin', '(missing)', 'the input power for a T_R sweep, e.g. --Jin 100fW');
      if (axis.name === 'J_in' && TR === undefined)
        throw new InputError('--TR', '(missing)', 'the right temperature for a J_in sweep, e.g. --TR 100mK');
      if (axis.name === 'J_in' && Jin !== undefined)
        throw new InputError('--Jin', opts.Jin!, 'not with --sweep Jin=…');
      if (axis.name === 'T_R' && TR !== undefined)
        throw new InputError('--TR', opts.TR!, 'not with --sweep TR=…');
      const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
      const temps = axis.name === 'T_R' ? axis.values : [TR!];
      try {
        belowTc(temps, Tc, axis.name === 'T_R' ? '--sweep' : '--TR');
      } catch (error) {
        // Named as typed: the value the check met is a point of the grid, not what the user wrote.
        if (!(error instanceof InputError) || axis.name !== 'T_R') throw error;
        const [range, why] = error.accepted.replace(/^a temperature /, '').split('; ');
        throw new InputError(
          '--sweep',
          opts.sweep,
          `T_R ${range} (${error.value} is not)${why ? `; ${why}` : ''}`,
        );
      }
      checkOutputDirectory(opts.out, opts.force);
      // The note on slow J_ph,S only once every input is known good.
      const slow = await prepareForDevice(device);
      if (slow) ctx.stderr(slow);

      // The output directory before the work: a path that cannot be one fails now, not after it.
      const created = makeDirectory(opts.out);
      const progress = createProgress({
        label: 'hysteresis',
        total: axis.values.length,
        delaySeconds: 2,
        quiet: opts.quiet === true,
        force: opts.progress === true,
      });
      let h: Hysteresis;
      try {
        h = traceHysteresis({
          device,
          parameter: axis.name,
          values: axis.values,
          Jin,
          TR,
          setup,
          onSolve: () => progress.tick(),
        });
      } catch (error) {
        removeEmptyDirectories(created);
        throw error;
      }
      progress.done();
      const { warnings, notes } = stepWarnings(h, device, axis.name === 'T_R' ? undefined : TR!);
      const files = [join(opts.out, 'hysteresis.csv'), join(opts.out, 'hysteresis.json')];
      writeFileAtomic(files[0], csvOf(h));
      const parameters = {
        device,
        setup,
        sweep: axis.name,
        values: axis.values,
        ...(Jin !== undefined && { J_in: Jin }),
        ...(TR !== undefined && { T_R: TR }),
      };
      writeFileAtomic(
        files[1],
        JSON.stringify(
          {
            command: 'hysteresis',
            version: ctx.version,
            parameters,
            // Plain SI numbers; the swept quantity's unit is that of values, from, to, value.
            units: {
              swept: axis.name === 'J_in' ? 'W' : 'K',
              J_in: 'W',
              T_R: 'K',
              T_L: 'K',
              roots: 'K',
              maxSplit: 'K',
              dTL_dTR: 'K/K',
            },
            loops: h.loops,
            bistableValues: h.bistableValues,
            warnings,
            notes,
            steps: h.steps,
          },
          null,
          1,
        ) + '\n',
      );
      if (opts.plot)
        files.push(...(await writePlot(hysteresisPlotSpec(h, axis.log), join(opts.out, 'hysteresis'))));
      else removePlot(join(opts.out, 'hysteresis'));

      const kind = axis.name === 'J_in' ? 'power' : 'temperature';
      for (const note of notes) ctx.stderr(`ndtc hysteresis: note: ${note}\n`);
      printWarnings('hysteresis', warnings, ctx, files[1]);
      ctx.stdout(
        `${h.bistableValues.length} of ${axis.values.length} values have two or more stable roots\n`,
      );
      if (h.loops.length === 0)
        ctx.stdout(
          notes.length === 0
            ? 'no hysteresis loop: the up and down branches coincide\n'
            : 'no hysteresis loop where both branches have a stable steady state\n',
        );
      for (const l of h.loops) {
        ctx.stdout(
          `loop: ${axis.name} from ${formatQuantity(l.from, kind)} to ${formatQuantity(l.to, kind)}, largest T_L split ${formatQuantity(l.maxSplit, 'temperature')}\n`,
        );
      }
      for (const f of files) ctx.stdout(`wrote ${f}\n`);
    });
}

/**
 * What `solve` says of the same points: a note for the values without a stable steady state (one
 * line, the sweep's own order), and the linear-response warnings of the followed branch's T_L.
 */
function stepWarnings(
  h: Hysteresis,
  device: Device,
  TR: number | undefined,
): { warnings: string[]; notes: string[] } {
  const warnings = new Set<string>();
  const kind = h.parameter === 'J_in' ? 'power' : 'temperature';
  const name = h.parameter;
  const first = h.steps.slice(0, h.steps.length / 2);
  for (const s of first)
    if (s.T_L !== null) for (const w of validityWarnings(device, s.T_L, TR ?? s.value)) warnings.add(w);
  const notes: string[] = [];
  const describe = (steps: HysteresisStep[], why: string): void => {
    if (steps.length === 0) return;
    const where =
      steps.length === 1
        ? `${name} = ${formatQuantity(steps[0].value, kind)}`
        : `${steps.length} values of ${name} (${formatQuantity(steps[0].value, kind)} … ${formatQuantity(steps[steps.length - 1].value, kind)})`;
    notes.push(`no stable steady state at ${where}: ${why}; T_L is empty there`);
  };
  const Tc = formatQuantity(device.left.superconductor.Tc, 'temperature');
  describe(
    first.filter((s) => s.T_L === null && s.exceedsTc),
    `J_in heats the left reservoir out of the model's range (above Tc = ${Tc})`,
  );
  describe(
    first.filter((s) => s.T_L === null && !s.exceedsTc),
    'no stable root T_L in (T_bath, Tc)',
  );
  return { warnings: [...warnings], notes };
}

/** The canonical name of a parameter as --sweep spells it, or '' for none. */
function sweptName(text: string): string {
  try {
    return parameterInfo(text.trim(), '--sweep').name;
  } catch {
    return '';
  }
}
