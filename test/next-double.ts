/** The neighbouring doubles of a number, for tests on and one ulp beside a bound. */

const buffer = new Float64Array(1);
const bits = new BigInt64Array(buffer.buffer);

/** The neighbouring double of x > 0: one ulp up (+1) or down (−1). */
export function nextDouble(x: number, step: 1 | -1): number {
  buffer[0] = x;
  bits[0] += BigInt(step);
  return buffer[0];
}
