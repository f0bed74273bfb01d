/** Sample grids for the figures' curves. */

/** n points from a to b inclusive, evenly spaced. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
}

/** n points from a to b inclusive, evenly spaced in log (a, b > 0). */
export function logspace(a: number, b: number, n: number): number[] {
  const la = Math.log(a);
  const lb = Math.log(b);
  return linspace(la, lb, n).map((l, i) => (i === 0 ? a : i === n - 1 ? b : Math.exp(l)));
}
