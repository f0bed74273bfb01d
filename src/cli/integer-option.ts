/** Integer options (`--workers 2`, `--max-points 1e8`): digits, or digits with a power of ten. */
import { InputError } from '../errors.js';

/**
 * The integer `text` names, in [min, max]: `1000000` or `1e6` alike (as a range's point count is
 * written); InputError naming `option` and the accepted range otherwise.
 */
export function integerOption(
  text: string,
  option: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
  /** What to suggest (default: `${min + 1} or 1e6`, for counts that may be large). */
  example = `${min + 1} or 1e6`,
  /** Why the maximum, after the range (e.g. `(4 per CPU here)`). */
  why?: string,
): number {
  const n = /^\d+(e\d+)?$/i.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= min && n <= max && Number.isSafeInteger(n)))
    throw new InputError(
      option,
      text,
      max === Number.MAX_SAFE_INTEGER
        ? `an integer ≥ ${min}, e.g. ${example}`
        : `an integer from ${min} to ${max}${why ? ` ${why}` : ''}`,
    );
  return n;
}
