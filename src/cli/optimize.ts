/** `ndtc optimize`: maximise δT or the negative responsivity over bounded device/operating parameters. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, type Setup } from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { makeDirectory, removeEmptyDirectories } from '../io/make-directory.js';
import { formatNumber, formatQuantity, parseQuantity, type QuantityKind } from '../units/quantity.js';
import {
  DEFAULT_MAX_EVALUATIONS,
  OBJECTIVES,
  OPTIMIZE_MAX_EVALUATIONS,
  ObjectiveUndefinedError,
  optimize,
  type Objective,
  type OptimizationParameter,
} from '../sweep/optimize.js';
import {
  checkParameterBox,
  checkParameterValue,
  parameterInfo,
  type OperatingValues,
} from '../sweep/parameters.js';
import { removePlot, writePlot } from '../sweep/plot.js';
import { optimizePlotSpec } from '../sweep/optimize-plot.js';
import type { CliContext } from './context.js';
import {
  addDeviceOptions,
  deviceFromOptions,
  deviceOptionOf,
  type DeviceOptionValues,
} from './device-options.js';
import { prepareForDevice, preparePhononTables } from './phonon-tables.js';
import { belowTc, withBathOption } from './temperature-checks.js';
import { createProgress } from '../io/progress.js';
import { FORCE_HELP, checkOutputDirectory } from './output-directory.js';
import { PROGRESS_HELP } from './progress-option.js';
import { integerOption } from './integer-option.js';
import { positiveInteger, parseTRRange } from './sweep.js';

interface Options extends DeviceOptionValues {
  maximize: string;
  param: string[];
  Jin?: string;
  setup?: string;
  Tbath?: string;
  TRRange?: string;
  grid?: string;
  maxEvaluations?: string;
  out: string;
  force?: boolean;
  progress?: boolean;
  quiet?: boolean;
  plot: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `NAME=FROM..TO[:log]` → a bounded parameter. */
export function parseBound(text: string): OptimizationParameter & { kind: QuantityKind } {
  const grammar = 'NAME=FROM..TO[:log], e.g. chi=0.5..10 or Jin=1fW..1pW:log';
  const eq = text.indexOf('=');
  const [range, spacing, ...extra] = text.slice(eq + 1).split(':');
  const ends = (range ?? '').split('..');
  if (
    eq <= 0 ||
    ends.length !== 2 ||
    extra.length > 0 ||
    (spacing !== undefined && spacing !== 'log' && spacing !== 'lin')
  ) {
    throw new InputError('--param', text, grammar);
  }
  const m = [text, text.slice(0, eq), ends[0], ends[1], spacing];
  const info = parameterInfo(m[1].trim(), '--param');
  if (['T_R', 'T_L', 'setup'].includes(info.name)) {
    throw new InputError(
      '--param',
      text,
      'a device parameter or J_in (T_R is scanned inside the objective; setup is chosen with --setup)',
    );
  }
  const lo = parseQuantity(m[2].trim(), info.kind, '--param');
  const hi = parseQuantity(m[3].trim(), info.kind, '--param');
  checkParameterValue(info, lo, '--param', text);
  checkParameterValue(info, hi, '--param', text);
  if (!(hi > lo)) throw new InputError('--param', text, `FROM < TO; ${grammar}`);
  const log = m[4] === 'log';
  if (log && !(lo > 0)) throw new InputError('--param', text, 'a log range with FROM > 0');
  return { name: info.name, lo, hi, log, kind: info.kind };
}

function show(value: number, kind: QuantityKind): string {
  return kind === 'dimensionless' || kind.startsWith('ephCoupling')
    ? formatNumber(value)
    : formatQuantity(value, kind);
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('optimize')
    .description('maximise δT or the negative responsivity over bounded parameters (grid, then Nelder–Mead)')
    .requiredOption('--maximize <objective>', `${Object.keys(OBJECTIVES).join(' or ')}`)
    .option(
      '--param <name=from..to[:log]>',
      'a bounded parameter (repeatable), e.g. chi=0.5..10 or Jin=1fW..1pW:log',
      collect,
      [],
    )
    .option('--Jin <power>', 'input power when J_in is not a --param')
    .option('--setup <1|2>', '1: T_bath fixed; 2: T_R = T_bath (default: 1)')
    .option('--Tbath <temperature>', "setup 1: bath temperature (default: the device's)")
    .option(
      '--TR-range <from..to>',
      'T_R range of δT and of the responsivity minimum (default: 10mK..800mK)',
    );
  addDeviceOptions(cmd);
  cmd
    .option(
      '--grid <n>',
      'coarse-grid points per parameter (default: 7, 7, 5, 4, 3… for 1, 2, 3, 4, more parameters, fewer where the grid would take over ⅔ of --max-evaluations); the grid may not exceed --max-evaluations',
    )
    .option(
      '--max-evaluations <n>',
      'evaluations of the objective by the grid and Nelder–Mead together, never exceeded (default: 150, at most 10⁶); the profiles add 31 per parameter',
    )
    .option(
      '--out <dir>',
      'directory for optimize.json, profiles.csv, optimize.svg/png/pdf',
      'ndtc-out/optimize',
    )
    .option('--force', FORCE_HELP)
    .option('--progress', PROGRESS_HELP)
    .option('--quiet', 'no progress bar')
    .option('--no-plot', 'write no plot (and remove the one an earlier run left in --out)')
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc optimize --maximize deltaT --param chi=0.5..10:log --param Jin=1fW..1pW:log --out ndtc-out/optimize-chi-jin
  $ ndtc optimize --device examples/inas.yaml --maximize negative-responsivity --param c=20fF/um^2..200fF/um^2 --Jin 100fW --out ndtc-out/optimize-inas-c

Objectives: deltaT = T_L(T_R,min) − min T_L over the T_R range (K); negative-responsivity =
−min over T_R of dT_L/dT_R on stable roots. Profiles: the objective along each parameter through
the optimum, written as CSV and plotted.`,
    )
    .action(async (opts: Options) => {
      if (!(opts.maximize in OBJECTIVES))
        throw new InputError('--maximize', opts.maximize, Object.keys(OBJECTIVES).join(' or '));
      const objective = opts.maximize as Objective;
      if (opts.param.length === 0)
        throw new InputError(
          '--param',
          '(missing)',
          'at least one NAME=FROM..TO[:log], e.g. --param chi=0.5..10',
        );
      const params = opts.param.map(parseBound);
      const names = params.map((p) => p.name);
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      if (dup) throw new InputError('--param', dup, 'each parameter once');
      // A device option fixing an optimised parameter would be overridden by the search without a word.
      for (const name of names) {
        const option = deviceOptionOf(name);
        const given = option === undefined ? undefined : opts[option];
        if (typeof given === 'string')
          throw new InputError(
            `--${option}`,
            given,
            `not together with --param ${name}=… (the search sets it)`,
          );
      }
      const setupText = opts.setup ?? '1';
      if (setupText !== '1' && setupText !== '2') throw new InputError('--setup', setupText, '1 or 2');
      const fixed: OperatingValues = { setup: Number(setupText) as Setup };
      // In setup 2 the bath is T_R: a bath parameter would move nothing (a flat profile, a bound "optimum").
      if (fixed.setup === 2 && names.includes('T_bath'))
        throw new InputError('--param', 'T_bath', 'not with --setup 2 (the bath is at T_R)');
      if (opts.Jin !== undefined) {
        if (names.includes('J_in'))
          throw new InputError('--Jin', opts.Jin, 'not together with --param Jin=…');
        fixed.J_in = parseQuantity(opts.Jin, 'power', '--Jin');
        checkParameterValue(parameterInfo('J_in', '--Jin'), fixed.J_in, '--Jin', opts.Jin);
      } else if (!names.includes('J_in')) {
        throw new InputError('--Jin', '(missing)', 'an input power (--Jin 100fW) or --param Jin=FROM..TO');
      }
      const built = deviceFromOptions(opts, ctx.loadDeviceFile);
      const device = withBathOption(built, opts.Tbath, fixed.setup);
      // γ as a parameter: the bounds stand for every γ the search may try.
      const gammaParam = params.find((p) => p.name === 'gamma' || p.name === 'left.superconductor.gamma');
      const slow = gammaParam
        ? await preparePhononTables([gammaParam.lo, gammaParam.hi])
        : await prepareForDevice(device);
      const TRrange = parseTRRange(opts.TRRange);
      if (!names.some((n) => n === 'Tc' || n.endsWith('.Tc'))) {
        const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
        belowTc(TRrange, Tc, '--TR-range');
      }
      // The search tries the whole box: each end must leave the device (its bath against Tc) and the
      // T_R range inside the model (the library checks it too, naming its own fields).
      checkParameterBox(device, fixed, params, TRrange, '--TR-range', (set, values, error) => {
        const where = set.map((i) => `${params[i].name} = ${show(values[i], params[i].kind)}`).join(', ');
        throw new InputError(
          '--param',
          set.map((i) => opts.param[i]).join(' '),
          `ends inside the model; at ${where}, ${error.option} = ${error.value} is outside it (docs/cli.md, Domains)`,
        );
      });
      const gridPoints = opts.grid !== undefined ? positiveInteger(opts.grid, '--grid', 2) : undefined;
      // Every evaluation of the search (grid and Nelder–Mead) counts against the budget: a grid
      // larger than it is refused, not silently cut.
      const d = params.length;
      // The smallest grid over d parameters has 2^d points: the range said is the one accepted.
      const smallest = `${2 ** d} (2^${d}, the smallest grid over ${d} parameter${d > 1 ? 's' : ''})`;
      const maxEvaluations =
        opts.maxEvaluations !== undefined
          ? withAccepted(
              () =>
                integerOption(opts.maxEvaluations!, '--max-evaluations', 2 ** d, OPTIMIZE_MAX_EVALUATIONS),
              `an integer from ${smallest} to ${OPTIMIZE_MAX_EVALUATIONS}`,
            )
          : undefined;
      const budget = maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
      if (gridPoints !== undefined && gridPoints ** d > budget)
        throw new InputError(
          '--grid',
          opts.grid!,
          `at most --max-evaluations = ${budget} grid points in all (here ${gridPoints}^${d} = ${gridPoints ** d}); lower --grid or raise --max-evaluations`,
        );
      if (2 ** d > budget) throw new InputError('--max-evaluations', String(budget), `at least ${smallest}`);
      checkOutputDirectory(opts.out, opts.force);
      // The note on slow J_ph,S only once every input is known good.
      if (slow) ctx.stderr(slow);
      // The output directory before the work: a path that cannot be one fails now, not after it.
      const created = makeDirectory(opts.out);
      // At most the budget (grid included, 150 by default) and 31 profile points per parameter.
      const progress = createProgress({
        label: 'optimize',
        total: budget + 31 * params.length,
        delaySeconds: 2,
        quiet: opts.quiet === true,
        force: opts.progress === true,
      });
      let result: ReturnType<typeof optimize>;
      try {
        result = optimize({
          device,
          fixed,
          params: params.map(({ name, lo, hi, log }) => ({ name, lo, hi, log })),
          objective,
          TRrange,
          gridPoints,
          maxEvaluations,
          onEvaluation: () => progress.tick(),
        });
      } catch (error) {
        // Accepted input with no answer: the bounds, not the program, are at fault.
        removeEmptyDirectories(created);
        if (!(error instanceof ObjectiveUndefinedError)) throw error;
        throw new InputError(
          '--param',
          opts.param.join(' '),
          `bounds (and --Jin) where ${objective} is defined: no stable root below Tc anywhere on the coarse grid`,
        );
      }
      progress.done();
      const unit = OBJECTIVES[objective].unit;
      const shownValue =
        unit === 'K' ? formatQuantity(result.value, 'temperature') : formatNumber(result.value);
      ctx.stdout(`maximum ${objective} = ${shownValue} (${result.evaluations} evaluations) at\n`);
      params.forEach((p, i) =>
        ctx.stdout(
          `  ${p.name} = ${show(result.x[i], p.kind)}${result.x[i] === p.lo || result.x[i] === p.hi ? '  (at a bound)' : ''}\n`,
        ),
      );

      const files = [join(opts.out, 'optimize.json'), join(opts.out, 'profiles.csv')];
      const optimum = Object.fromEntries(params.map((p, i) => [p.name, result.x[i]]));
      writeFileAtomic(
        files[0],
        JSON.stringify(
          {
            command: 'optimize',
            version: ctx.version,
            parameters: {
              objective,
              bounds: params.map(({ name, lo, hi, log }) => ({ name, lo, hi, log })),
              fixed,
              TRrange,
              device,
            },
            optimum,
            value: result.value,
            unit,
            // Each key's SI unit, as transient.json and hysteresis.json give them (profiles.csv too).
            units: {
              ...Object.fromEntries(params.map((p) => [p.name, parameterInfo(p.name, '--param').unit])),
              ...(fixed.J_in !== undefined && { J_in: 'W' }),
              TRrange: 'K',
              value: unit,
            },
            evaluations: result.evaluations,
            profiles: result.profiles,
          },
          null,
          1,
        ) + '\n',
      );
      const rows = result.profiles.flatMap((pr) =>
        pr.x.map((x, j) => `${pr.name},${x},${Number.isFinite(pr.value[j]) ? pr.value[j] : ''}`),
      );
      writeFileAtomic(files[1], ['parameter,value,objective', ...rows].join('\n') + '\n');
      if (opts.plot)
        files.push(
          ...(await writePlot(optimizePlotSpec(result, params, objective), join(opts.out, 'optimize'))),
        );
      else removePlot(join(opts.out, 'optimize'));
      for (const f of files) ctx.stdout(`wrote ${f}\n`);
    });
}

/** f(), its InputError saying `accepted` instead (the same option and value). */
function withAccepted<T>(f: () => T, accepted: string): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.option, error.value, accepted);
    throw error;
  }
}
