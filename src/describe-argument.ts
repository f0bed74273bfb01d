/**
 * A library argument as an InputError shows it, alike in every layer: a number as it is, anything else
 * by what it is (`an object { Tc, gamma }`, `a string "0.3"`, `a Float64Array of 3`), never its bare
 * typeof ('object').
 */
export function describeArgument(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'string':
      return `a string ${JSON.stringify(value)}`;
    case 'bigint':
      return `a bigint ${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value))
    return `a ${value.constructor.name}${'length' in value ? ` of ${String(value.length)}` : ''}`;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    return `a ${(value as object).constructor?.name ?? 'non-plain object'}`;
  const keys = Object.keys(value as object);
  const shownKeys = keys.length > 6 ? [...keys.slice(0, 6), '…'] : keys;
  return keys.length === 0 ? 'an empty object' : `an object { ${shownKeys.join(', ')} }`;
}
