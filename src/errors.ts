/** The one error type for bad input: it names the option, the value, and what is accepted. */
export class InputError extends Error {
  constructor(
    readonly option: string,
    readonly value: string,
    readonly accepted: string,
  ) {
    super(`${option}: invalid value '${value}': ${accepted}`);
    this.name = 'InputError';
  }
}
