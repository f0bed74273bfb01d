/**
 * The `ndtc` command line. `main(argv)` runs one command and resolves to its exit code:
 * 0 ok, 1 failure, 2 usage or input error (one line naming the option, the value and what is
 * accepted; never a stack trace unless NDTC_DEBUG=1).
 *
 * To add a command: write `src/cli/<name>.ts` exporting `register(program, ctx)` (see
 * resistance.ts for the pattern), then add ONE entry in COMMANDS. A command's module (and what it
 * imports: the library, the device-file parser) is loaded only when that command runs or help lists
 * every command, so `ndtc --version` and each command pay only for what they use.
 */
import { Command, CommanderError, type Option } from 'commander';
import { InputError, escapeControls } from '../errors.js';
import type { CliContext, RegisterCommand } from './context.js';
import { packageVersion } from './version.js';
import { FileError, fileError } from '../io/file-error.js';

type CommandModule = () => Promise<{ register: RegisterCommand }>;

/** Every subcommand by name, in the order `ndtc --help` lists them. */
export const COMMANDS: [name: string, load: CommandModule][] = [
  ['resistance', () => import('./resistance.js')],
  ['photonic', () => import('./photonic.js')],
  ['phonon', () => import('./phonon.js')],
  ['solve', () => import('./solve.js')],
  ['transient', () => import('./transient.js')],
  ['reproduce', () => import('./reproduce.js')],
  ['explore', () => import('./explore.js')],
  ['sweep', () => import('./sweep.js')],
  ['merge', () => import('./merge.js')],
  ['verify', () => import('./verify.js')],
  ['hysteresis', () => import('./hysteresis.js')],
  ['optimize', () => import('./optimize.js')],
  ['rectification', () => import('./rectification.js')],
  ['transistor', () => import('./transistor.js')],
];

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * `ndtc … | head` closes the pipe early: that is the reader's choice, not an error worth a stack
 * trace. Any other failure to write standard output (a full disk, `> /dev/full`) is an I/O failure:
 * one line naming it, exit 1.
 */
function endQuietlyOnClosedPipe(): void {
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.stderr.write(`ndtc: ${fileError('write', 'standard output', error).message}\n`);
    process.exit(1);
  });
}

/**
 * Required options, checked after unknown ones instead of before (commander's order): a typo such as
 * `--TRR 100mK` is then reported as the unknown option it is, with commander's suggestion, not as
 * `--TR` missing. Returns each command's required options, now optional to commander.
 */
function deferRequiredOptions(program: Command): Map<Command, Option[]> {
  const required = new Map<Command, Option[]>();
  for (const command of program.commands) {
    const options = command.options.filter((o) => o.mandatory);
    for (const o of options) o.mandatory = false;
    if (options.length > 0) required.set(command, options);
  }
  return required;
}

/**
 * The program with the commands named in `names` registered (all of them by default; `ndtc <command> …`
 * registers only its own).
 */
export async function buildProgram(
  ctx: CliContext,
  names: readonly string[] = COMMANDS.map(([name]) => name),
): Promise<Command> {
  const program = new Command('ndtc')
    .description(
      'photonic heat transport and negative differential thermal conductance between NIS reservoirs',
    )
    .version(ctx.version, '-V, --version', 'print the version')
    .configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
      // main() prints usage errors itself, as one line.
      outputError: () => {},
    })
    .exitOverride()
    // Defaults as the option texts write them, "(default: 1)", not commander's JSON "(default: \"1\")".
    .configureHelp({
      optionDescription: (option) =>
        option.defaultValue === undefined || option.negate || typeof option.defaultValue === 'boolean'
          ? option.description
          : `${option.description} (default: ${option.defaultValueDescription ?? String(option.defaultValue)})`,
    })
    .showHelpAfterError(false)
    .addHelpText(
      'after',
      `
Examples:
  $ ndtc resistance --T 500mK
  $ ndtc photonic --TL 500mK --TR 10mK..500mK:50
  $ ndtc solve --platform ag --setup 1 --Jin 100fW --TR 10mK..800mK:40
  $ ndtc <command> --help`,
    );
  // Subcommands created after this point inherit the output configuration and exitOverride.
  const modules = await Promise.all(
    COMMANDS.filter(([name]) => names.includes(name)).map(([, load]) => load()),
  );
  for (const { register } of modules) register(program, ctx);
  return program;
}

/** Longest error line printed (prefix included): a message is read, not scrolled. */
const ERROR_LINE_LENGTH = 200;

/**
 * Commander's message, or for stray words on a command line ("too many arguments … Expected 0
 * arguments but got 1") one naming them: most often the unit of `--TL 500 mK`, written apart.
 */
function commanderMessage(error: CommanderError, program: Command, commandName: string | undefined): string {
  if (error.code !== 'commander.excessArguments') return error.message;
  const stray = program.commands.find((c) => c.name() === commandName)?.args ?? [];
  if (stray.length === 0) return error.message;
  const words = stray.map((w) => `'${w}'`).join(' ');
  return `unexpected argument${stray.length === 1 ? '' : 's'} ${words}: each option takes one value; write a quantity without a space (500mK) or quote it ('500 mK')`;
}

/** One line, controls escaped, cut to fit after `prefix` (a system error may quote any path). */
function errorLine(prefix: string, message: string, suffix = ''): string {
  const text = escapeControls(
    message
      .replace(/^error: /, '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' '),
  );
  const room = ERROR_LINE_LENGTH - prefix.length - 2 - suffix.length;
  const body = text.length <= room ? text : `${text.slice(0, room - 1)}…`;
  return `${prefix}: ${body}${suffix}\n`;
}

/** What a failed system call was doing, in words for `cannot <verb> <path>`. */
const SYSCALL_VERBS: Record<string, string> = {
  mkdir: 'create the directory',
  scandir: 'read the directory',
  opendir: 'read the directory',
  open: 'open',
  read: 'read',
  write: 'write',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove the directory',
  stat: 'inspect',
  lstat: 'inspect',
  fsync: 'write',
  copyfile: 'copy',
};

/**
 * The message of a failure: a system error that reached here without being named by its caller
 * (`EEXIST: file already exists, mkdir '/dev/null'`) becomes `cannot create the directory /dev/null:
 * file already exists (EEXIST)`, as io/file-error.ts words them.
 */
function systemErrorText(error: Error): string {
  const e = error as NodeJS.ErrnoException;
  if (error instanceof FileError || typeof e.syscall !== 'string' || typeof e.path !== 'string')
    return error.message;
  return fileError(SYSCALL_VERBS[e.syscall] ?? e.syscall, e.path, error).message;
}

/** An option that collects its values: a list default (--vary, --param) or a help text that says so. */
const repeatable = (option: Option): boolean =>
  Array.isArray(option.defaultValue) || /\brepeatable\b/.test(option.description);

/**
 * An option that takes one value given twice (`--TL 500mK … --TL 300mK`) is refused: commander would
 * keep the last one silently. Options that collect (their default is a list, like --vary) repeat, and a
 * flag without a value may be given twice.
 */
function refuseRepeatedOptions(command: Command, argv: readonly string[]): void {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (!argv[i].startsWith('--')) continue;
    const [flag, ...rest] = argv[i].split('=');
    const option = command.options.find((o) => o.long === flag);
    if (!option || !(option.required || option.optional) || repeatable(option)) continue;
    const value = rest.length > 0 ? rest.join('=') : (argv[i + 1] ?? '');
    const earlier = seen.get(flag);
    if (earlier !== undefined)
      throw new InputError(
        flag,
        `${earlier} and ${value}`,
        // The list hint only where the option takes one (`--change` takes a single NAME=VALUE).
        /\blists?\b/.test(option.description)
          ? `${flag} once (several values go in one comma-separated list)`
          : `${flag} once`,
      );
    seen.set(flag, value);
  }
}

/** Runs `ndtc` with `argv` (without node and script), writing to `io` (default: the process streams). */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  if (io === processIO) endQuietlyOnClosedPipe();
  const known = COMMANDS.map(([name]) => name);
  let commandName = known.includes(argv[0]) ? argv[0] : undefined;
  // Version and the top-level usage need no command; a command needs its module and the device loader.
  const version = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
  const ctx: CliContext = { ...io, version: packageVersion() };
  if (!version) ctx.loadDeviceFile = (await import('../device-file/load.js')).loadDeviceFile;
  const program = await buildProgram(ctx, version ? [] : commandName ? [commandName] : known);
  const required = deferRequiredOptions(program);
  program.hook('preAction', (_program, action) => {
    commandName = action.name();
    refuseRepeatedOptions(action, argv);
    // An empty path (an unset shell variable in `--out "$DIR"`) would mean the current directory.
    for (const option of action.options)
      if (/<(dir|file)>/.test(option.flags) && action.getOptionValue(option.attributeName()) === '')
        throw new InputError(
          option.long!,
          '',
          `a ${option.flags.includes('<dir>') ? 'directory' : 'file'} path (not empty)`,
        );
    for (const [i, arg] of action.registeredArguments.entries()) {
      const given = arg.variadic ? action.args.slice(i) : [action.args[i]];
      if (/dir|file/i.test(arg.name()) && given.includes(''))
        throw new InputError(arg.name().replace(/s$/, '').toUpperCase(), '', 'a path (not empty)');
    }
    if (action.getOptionValue('quiet') === true && action.getOptionValue('progress') === true)
      throw new InputError('--progress', 'with --quiet', 'one of them: --quiet shows no progress');
    for (const option of required.get(action) ?? [])
      if (action.getOptionValue(option.attributeName()) === undefined)
        action.error(`required option '${option.flags}' not specified`, {
          code: 'commander.missingMandatoryOptionValue',
          exitCode: 2,
        });
  });
  const prefix = () => (commandName ? `ndtc ${commandName}` : 'ndtc');
  if (argv.length === 0) {
    ctx.stderr(program.helpInformation());
    return 2;
  }
  // `ndtc help bogus`: commander prints the whole help; an unknown command is named as it is elsewhere.
  if (argv[0] === 'help' && argv.length > 1 && !known.includes(argv[1])) {
    ctx.stderr(errorLine('ndtc', `unknown command '${escapeControls(argv[1])}'`, ' (see ndtc --help)'));
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      if (error.code === 'commander.help') return 2; // help shown because the command line was incomplete
      const help = ` (see ndtc ${commandName ?? ''}${commandName ? ' ' : ''}--help)`;
      ctx.stderr(errorLine(prefix(), commanderMessage(error, program, commandName), help));
      return 2;
    }
    if (error instanceof InputError) {
      ctx.stderr(errorLine(prefix(), error.message));
      return 2;
    }
    const message = error instanceof Error ? systemErrorText(error) : String(error);
    ctx.stderr(errorLine(prefix(), message));
    if (process.env.NDTC_DEBUG === '1' && error instanceof Error && error.stack)
      ctx.stderr(`${error.stack}\n`);
    return 1;
  }
}
