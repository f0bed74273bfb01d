/**
 * V8 tuning for `ndtc reproduce`: seconds of work spread over many short loops (15 panels, 8 claims,
 * vega, resvg), where V8's default tiering compiles ~600 functions with TurboFan on helper threads —
 * a third of the command's CPU for code that runs a few milliseconds each. Tiering up after more
 * calls and inlining less compiles the few loops that are hot and leaves the rest to the baseline
 * tiers: ~25 % less CPU, the same numbers (V8 keeps IEEE semantics in every tier; bench
 * "ndtc reproduce"). Long computations (sweeps) keep V8's defaults, which their hot loops want.
 * NDTC_V8_DEFAULTS=1 turns the tuning off (to compare).
 */
import { setFlagsFromString } from 'node:v8';

const COMMANDS_TUNED = new Set(['reproduce']);
export const REPRODUCE_V8_FLAGS = '--interrupt-budget=1000000 --max-inlined-bytecode-size-cumulative=400';

/** Set the flags for the command in `args` (argv after node and the script); whether it did. */
export function tuneCompiler(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (!COMMANDS_TUNED.has(args[0] ?? '') || env.NDTC_V8_DEFAULTS === '1') return false;
  // Read when V8 next decides to optimise a function, so it acts on everything that runs after.
  setFlags(REPRODUCE_V8_FLAGS);
  return true;
}
