/**
 * Digamma ψ(x), trigamma ψ′(x) and the Binet remainder φ(x) = ln x − 1/(2x) − ψ(x), for x > 0.
 *
 * Method: upward recurrence to x ≥ 10, then the Stirling-type asymptotic series with Bernoulli
 * numbers B2..B16 (Abramowitz & Stegun 6.3.18, 6.4.12). At x ≥ 10 the first omitted term is
 * < 4e-18 relative to φ, so the series is exact to rounding; the recurrence adds at most a few ulps
 * per step (≤ 10 steps). φ is returned without the ln x − ψ(x) cancellation, which matters for the
 * photonic closed form at large z (docs/model.md §3), where φ(z) ≈ 1/(12z²).
 */

const SHIFT = 10;

// B_{2k}/(2k) for k = 1..8: the coefficients of φ(x) = Σ B_{2k} / (2k x^{2k}).
const PHI_COEFFS = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160];
// B_{2k} for k = 1..8: −φ′(x) = Σ B_{2k} / x^{2k+1}.
const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510];

function phiAsymptotic(x: number): number {
  const w = 1 / (x * x);
  let sum = 0;
  for (let k = PHI_COEFFS.length - 1; k >= 0; k--) sum = sum * w + PHI_COEFFS[k];
  return sum * w;
}

function phiPrimeAsymptotic(x: number): number {
  const w = 1 / (x * x);
  let sum = 0;
  for (let k = BERNOULLI.length - 1; k >= 0; k--) sum = sum * w + BERNOULLI[k];
  return -(sum * w) / x;
}

/** φ(x) = ln x − 1/(2x) − ψ(x) > 0, free of cancellation for large x. */
export function binetRemainder(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= SHIFT) return phiAsymptotic(x);
  const n = Math.ceil(SHIFT - x);
  // φ(x) = φ(x+n) + ln(x/(x+n)) − 1/(2x) + 1/(2(x+n)) + Σ_{k<n} 1/(x+k)
  let sum = 0;
  for (let k = 0; k < n; k++) sum += 1 / (x + k);
  return phiAsymptotic(x + n) - Math.log1p(n / x) - 1 / (2 * x) + 1 / (2 * (x + n)) + sum;
}

/** φ′(x) = 1/x + 1/(2x²) − ψ′(x) < 0, free of cancellation for large x. */
export function binetRemainderDerivative(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= SHIFT) return phiPrimeAsymptotic(x);
  const n = Math.ceil(SHIFT - x);
  // ψ′(x) = ψ′(x+n) + Σ_{k<n} 1/(x+k)²
  let sum = 0;
  for (let k = 0; k < n; k++) sum += 1 / ((x + k) * (x + k));
  const xn = x + n;
  const trigammaShifted = 1 / xn + 1 / (2 * xn * xn) - phiPrimeAsymptotic(xn);
  return 1 / x + 1 / (2 * x * x) - (trigammaShifted + sum);
}

/** Digamma ψ(x) for x > 0. */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= SHIFT) return Math.log(x) - 1 / (2 * x) - phiAsymptotic(x);
  const n = Math.ceil(SHIFT - x);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += 1 / (x + k);
  const xn = x + n;
  return Math.log(xn) - 1 / (2 * xn) - phiAsymptotic(xn) - sum;
}

/** Trigamma ψ′(x) for x > 0. */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let sum = 0;
  let y = x;
  while (y < SHIFT) {
    sum += 1 / (y * y);
    y += 1;
  }
  return sum + 1 / y + 1 / (2 * y * y) - phiPrimeAsymptotic(y);
}
