/**
 * `ndtc transient`: T(t) after a step or pulse of J_in, J_in^R or T_R, from a stable steady state, by
 * stiff integration of C dT/dt = heat in − heat out (docs/dynamics.md). Writes transient.csv,
 * transient.json and the figure transient.svg/png/pdf into --out.
 */
import { checkHeaterPower } from '../physics/domain.js';
import { join } from 'node:path';
import { integerOption } from './integer-option.js';
import type { Command } from 'commander';
import {
  InputError,
  TRANSIENT_TIME,
  transientResponse,
  type TransientChange,
  type TransientDrive,
  type TransientResult,
} from '../index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { makeDirectory, removeEmptyDirectories } from '../io/make-directory.js';
import { createProgress } from '../io/progress.js';
import { validityWarnings } from '../physics/validity.js';
import { transientPlotSpec } from '../figures/transient-plot.js';
import { removePlot, writePlot } from '../sweep/plot.js';
import { formatQuantity, parseQuantity } from '../units/quantity.js';
import type { CliContext } from './context.js';
import { addDeviceOptions, deviceFromOptions, type DeviceOptionValues } from './device-options.js';
import { FORCE_HELP, checkOutputDirectory } from './output-directory.js';
import { PROGRESS_HELP } from './progress-option.js';
import { prepareForDevice } from './phonon-tables.js';
import { bathOption, belowTc } from './temperature-checks.js';

interface Options extends DeviceOptionValues {
  setup: string;
  Jin?: string;
  JinL?: string;
  JinR?: string;
  TR?: string;
  Tbath?: string;
  change: string;
  at: string;
  duration?: string;
  until: string;
  initialState: string;
  rtol: string;
  maxSteps: string;
  out: string;
  force?: boolean;
  plot: boolean;
  quiet?: boolean;
  progress?: boolean;
}

/** Largest step budget accepted (each step costs a few evaluations of the heat balance). */
const MAX_STEPS_LIMIT = 1_000_000;

function parseSetup(text: string): 1 | 2 | 3 {
  if (text === '1' || text === '2' || text === '3') return Number(text) as 1 | 2 | 3;
  throw new InputError('--setup', text, '1 (T_R set, T_bath fixed), 2 (T_R = T_bath) or 3 (both floating)');
}

function parseChange(
  text: string,
  setup: 1 | 2 | 3,
): { quantity: TransientChange['quantity']; value: number } {
  const accepted =
    setup === 3
      ? 'JinL=<power> or JinR=<power>, e.g. JinL=2fW'
      : 'Jin=<power> or TR=<temperature>, e.g. Jin=2fW or TR=300mK';
  const m = /^\s*([A-Za-z_]+)\s*=\s*(.+)$/.exec(text);
  if (!m) throw new InputError('--change', text, accepted);
  const name = m[1];
  if (setup === 3 && (name === 'JinL' || name === 'JinR')) {
    const value = parseQuantity(m[2], 'power', '--change');
    checkHeaterPower('--change', value);
    return { quantity: name === 'JinL' ? 'Jin' : 'JinR', value };
  }
  if (setup !== 3 && name === 'Jin') {
    const value = parseQuantity(m[2], 'power', '--change');
    checkHeaterPower('--change', value);
    return { quantity: 'Jin', value };
  }
  if (setup !== 3 && name === 'TR')
    return { quantity: 'TR', value: parseQuantity(m[2], 'temperature', '--change') };
  throw new InputError('--change', text, accepted);
}

/** A time of TRANSIENT_TIME (1 fs to 10⁵ s, the integrator's range), or 0 where `zero` allows it. */
function transientTime(text: string, option: string, zero = false): number {
  const t = parseQuantity(text, 'time', option);
  if ((zero && t === 0) || (t >= TRANSIENT_TIME.min && t <= TRANSIENT_TIME.max)) return t;
  throw new InputError(
    option,
    text,
    `${zero ? '0 or ' : ''}a time from 1fs to 100000s with a unit, e.g. 10us`,
  );
}

function csvOf(r: TransientResult): string {
  const lines = ['time,T_L,T_R'];
  for (let i = 0; i < r.time.length; i++) lines.push(`${r.time[i]},${r.TL[i]},${r.TR[i]}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('transient')
    .description(
      'T(t) after a step or pulse of J_in, J_in^R or T_R (stiff integration of C dT/dt = heat in − out)',
    )
    .option('--setup <1|2|3>', '1: T_R set, T_bath fixed; 2: T_R = T_bath; 3: both reservoirs floating', '1')
    .option('--Jin <power>', 'setups 1–2: input power on the left reservoir before the change (0W: off)')
    .option('--JinL <power>', 'setup 3: heater power on the left reservoir before the change (0W: off)')
    .option('--JinR <power>', 'setup 3: heater power on the right reservoir before the change (0W: off)')
    .option('--TR <temperature>', 'setups 1–2: right temperature before the change')
    .option('--Tbath <temperature>', "setups 1 and 3: bath temperature (default: the device's)")
    .requiredOption(
      '--change <name=value>',
      'setups 1–2: Jin=… or TR=…; setup 3: JinL=… or JinR=… (a power may be 0W: heater off)',
    )
    .option('--at <time>', 'when the change starts, 0s or 1 fs to 1e5 s', '0s')
    .option('--duration <time>', 'pulse length, 1 fs to 1e5 s (without it: a step that stays)')
    .requiredOption('--until <time>', 'end of the integration, 1 fs to 1e5 s, e.g. 100us')
    .option('--initial-state <index>', 'which stable steady state to start from (0 = coldest T_L)', '0')
    .option('--rtol <number>', 'relative tolerance of the integrator, 1e-12 to 1e-2', '1e-7')
    .option('--max-steps <n>', `step budget (1 … ${MAX_STEPS_LIMIT})`, '100000');
  addDeviceOptions(cmd);
  cmd
    .option(
      '--out <dir>',
      'directory for transient.csv, transient.json, transient.svg/png/pdf',
      'ndtc-out/transient',
    )
    .option('--force', FORCE_HELP)
    .option('--no-plot', 'write no figure (and remove the one an earlier run left in --out)')
    .option('--quiet', 'no progress bar')
    .option('--progress', PROGRESS_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc transient --TR 700mK --Jin 1e-18W --change Jin=2fW --at 1us --duration 10us --until 100us --out ndtc-out/transient-pulse
  $ ndtc transient --TR 700mK --Jin 1e-18W --initial-state 1 --change TR=300mK --at 1us --duration 20us --until 300us --out ndtc-out/transient-dip
  $ ndtc transient --setup 3 --JinL 1e-18W --JinR 400fW --change JinL=2fW --at 1us --duration 10us --until 100us --out ndtc-out/transient-setup3

Starts from a stable steady state of the drive before the change (ndtc solve lists them). Integrates
C(T) dT/dt = J_in − J_γ − J_ph (and, in setup 3, C_R dT_R/dt = J_in^R + J_γ − J_ph^R) with a stiff
Rosenbrock method under error control; stops at --max-steps or if a temperature reaches Tc.
transient.csv: time,T_L,T_R (s, K, K) at every accepted step. See docs/dynamics.md.`,
    )
    .action(async (opts: Options) => {
      const setup = parseSetup(opts.setup);
      const device = deviceFromOptions(opts, ctx.loadDeviceFile);
      const Tc = Math.min(device.left.superconductor.Tc, device.right.superconductor.Tc);
      // T_R is the right reservoir's; in setup 2 it is the left's bath as well.
      const TcOfTR = setup === 2 ? Tc : device.right.superconductor.Tc;
      const power = (text: string | undefined, option: string): number => {
        if (text === undefined)
          throw new InputError(option, '(none)', `required with --setup ${setup}, e.g. 100fW`);
        const v = parseQuantity(text, 'power', option);
        checkHeaterPower(option, v);
        return v;
      };
      const refuse = (text: string | undefined, option: string, why: string): void => {
        if (text !== undefined) throw new InputError(option, text, why);
      };
      let drive: TransientDrive;
      if (setup === 3) {
        refuse(opts.Jin, '--Jin', 'not with --setup 3 (use --JinL)');
        refuse(opts.TR, '--TR', 'not with --setup 3 (T_R floats)');
        drive = { setup, Jin: power(opts.JinL, '--JinL'), JinR: power(opts.JinR, '--JinR') };
      } else {
        refuse(opts.JinL, '--JinL', 'only with --setup 3 (in setups 1 and 2: --Jin)');
        refuse(opts.JinR, '--JinR', 'only with --setup 3');
        if (opts.TR === undefined)
          throw new InputError('--TR', '(none)', 'required with --setup 1 or 2, e.g. 700mK');
        const TR = parseQuantity(opts.TR, 'temperature', '--TR');
        belowTc([TR], TcOfTR, '--TR');
        drive = { setup, Jin: power(opts.Jin, '--Jin'), TR };
      }
      if (opts.Tbath !== undefined) drive.Tbath = bathOption(opts.Tbath, device, setup);
      const { quantity, value } = parseChange(opts.change, setup);
      if (quantity === 'TR') belowTc([value], TcOfTR, '--change');
      const start = transientTime(opts.at, '--at', true);
      const change: TransientChange = { quantity, value, start };
      if (opts.duration !== undefined) change.duration = transientTime(opts.duration, '--duration');
      const until = transientTime(opts.until, '--until');
      if (!(until > start))
        throw new InputError('--until', opts.until, `a time after --at (${formatQuantity(start, 'time')})`);
      const rtol = Number(opts.rtol);
      if (!(rtol >= 1e-12 && rtol <= 1e-2))
        throw new InputError('--rtol', opts.rtol, 'a number from 1e-12 to 1e-2');
      const maxSteps = integerOption(opts.maxSteps, '--max-steps', 1, MAX_STEPS_LIMIT);
      // Its upper end is the count of stable states, known once they are solved for (said then).
      const initialState = integerOption(
        opts.initialState,
        '--initial-state',
        0,
        Number.MAX_SAFE_INTEGER,
        '1 (0: the coldest stable steady state)',
      );
      checkOutputDirectory(opts.out, opts.force);
      const slow = await prepareForDevice(device);
      if (slow) ctx.stderr(slow);

      const created = makeDirectory(opts.out);
      const progress = createProgress({
        label: 'transient',
        total: 1000,
        quiet: opts.quiet === true,
        force: opts.progress === true,
        delaySeconds: 1,
      });
      let done = 0;
      let result: TransientResult;
      try {
        result = transientResponse(device, drive, change, {
          until,
          initialState,
          rtol,
          maxSteps,
          onProgress: (fraction) => {
            const now = Math.floor(1000 * fraction);
            if (now > done) {
              progress.tick(now - done);
              done = now;
            }
          },
        });
      } catch (error) {
        removeEmptyDirectories(created);
        if (error instanceof InputError && error.option.endsWith('initialState'))
          throw new InputError('--initial-state', opts.initialState, error.accepted);
        if (error instanceof InputError && error.option === 'transientResponse drive') {
          const [option, text] = setup === 3 ? ['--JinL', opts.JinL] : ['--Jin', opts.Jin];
          throw new InputError(option, String(text), error.accepted);
        }
        throw error;
      }
      progress.done();
      // Linear response is least sound where the trajectory is hottest (rms noise ∝ √T, Δ(T) falls).
      const warnings = validityWarnings(device, hottest(result.TL), hottest(result.TR))
        .filter((w) => result.status !== 'domain' || !w.includes('is not below Tc'))
        .map((w) => `the trajectory reaches ${w}`);
      const files = [join(opts.out, 'transient.csv'), join(opts.out, 'transient.json')];
      writeFileAtomic(files[0], csvOf(result));
      writeFileAtomic(
        files[1],
        JSON.stringify(
          {
            command: 'transient',
            version: ctx.version,
            parameters: { device, drive, change, until, initialState, rtol, maxSteps },
            // Plain SI numbers, named by key (drive, change and results alike).
            units: {
              time: 's',
              T_L: 'K',
              T_R: 'K',
              initial_time_constants: 's',
              until: 's',
              start: 's',
              duration: 's',
              value: quantity === 'TR' ? 'K' : 'W',
              Jin: 'W',
              JinR: 'W',
              TR: 'K',
              Tbath: 'K',
            },
            status: result.status,
            ...(result.outside && { outside: result.outside }),
            steps: result.steps,
            initial_time_constants: result.initialTimeConstants,
            time: result.time,
            T_L: result.TL,
            T_R: result.TR,
            warnings,
          },
          null,
          1,
        ) + '\n',
      );
      if (opts.plot) {
        const what =
          change.duration === undefined ? 'step' : `${formatQuantity(change.duration, 'time')} pulse`;
        const symbol = { Jin: setup === 3 ? 'J_in,L' : 'J_in', JinR: 'J_in,R', TR: 'T_R' }[change.quantity];
        const value = formatQuantity(change.value, change.quantity === 'TR' ? 'temperature' : 'power');
        const title = `T(t), setup ${setup}: ${what} of ${symbol} = ${value}`;
        files.push(
          ...(await writePlot(
            transientPlotSpec(result, change, setup === 3, title),
            join(opts.out, 'transient'),
          )),
        );
      } else removePlot(join(opts.out, 'transient'));
      const n = result.time.length;
      // A run that ends before --until did not do what was asked: exit 1 in the one line of the CLI's
      // contract (docs/cli.md), naming where it stopped and where the part done is (transient.json
      // holds its status and warnings), so that a script can tell.
      if (result.status !== 'done') {
        const why =
          result.status === 'max-steps'
            ? `stopped after --max-steps ${maxSteps} steps`
            : result.outside === 'bath'
              ? 'stopped where a temperature falls to the bath (the model needs it above T_bath)'
              : 'stopped where a temperature reaches Tc (outside the model)';
        throw new Error(
          `${why} at t = ${formatQuantity(result.time[n - 1], 'time')} of ${formatQuantity(until, 'time')}; what was done is in ${opts.out} (status ${result.status})`,
        );
      }
      const last = `T_L = ${formatQuantity(result.TL[n - 1], 'temperature')}, T_R = ${formatQuantity(result.TR[n - 1], 'temperature')}`;
      ctx.stdout(
        `from T_L = ${formatQuantity(result.TL[0], 'temperature')}, T_R = ${formatQuantity(result.TR[0], 'temperature')} ` +
          `to ${last} at t = ${formatQuantity(result.time[n - 1], 'time')} (${result.steps.accepted} steps)\n`,
      );
      for (const w of warnings) ctx.stderr(`ndtc transient: warning: ${w}\n`);
      for (const f of files) ctx.stdout(`wrote ${f}\n`);
    });
}

/** The largest of a trajectory's temperatures (a loop: no spread over data). */
function hottest(T: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < T.length; i++) max = Math.max(max, T[i]);
  return max;
}
