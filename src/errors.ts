/** The one error type for bad input: it names the option, the value, and what is accepted. */
export class InputError extends Error {
  constructor(
    /** The option or parameter given, e.g. `--TR` or `sweepGrid axes[0].values[3]`. */
    readonly option: string,
    /** The value as given. */
    readonly value: string,
    /** What is accepted, with an example or the range and its reason. */
    readonly accepted: string,
  ) {
    super(`${option}: invalid value '${shownValue(value)}': ${accepted}`);
    this.name = 'InputError';
  }
}

/** Longest value echoed in a message; longer ones are cut in the middle. */
const SHOWN_VALUE_LENGTH = 60;

/**
 * A value as it may appear in a one-line message: control, line-separator and bidi-override
 * characters escaped (an echoed `ESC ]0;…` must not reach the terminal), and at most 60 characters.
 */
export function shownValue(value: string): string {
  const escaped = escapeControls(value);
  if (escaped.length <= SHOWN_VALUE_LENGTH) return escaped;
  const half = (SHOWN_VALUE_LENGTH - 1) / 2;
  return `${escaped.slice(0, Math.ceil(half))}…${escaped.slice(-Math.floor(half))}`;
}

/** `\x1b`-style escapes for C0/C1 controls, U+2028/2029 and bidi overrides; other text unchanged. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
