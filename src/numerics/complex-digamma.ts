/**
 * Complex arithmetic and the Binet remainder φ(z) = ln z − 1/(2z) − ψ(z) (and ψ itself) for complex z
 * with Re z > 0, for the partial-fraction closed form of the photonic heat current through a real line.
 *
 * Method as in digamma.ts: the Stirling series with B2..B16 (Abramowitz & Stegun 6.3.18) where |z| ≥ 15,
 * else upward recurrence z → z + n until Re z ≥ 15 first. For |arg z| < π/2 the first omitted term,
 * times the sector factor sec¹⁸(arg z/2) ≤ 512, is < 3e-15 of φ at |z| ≥ 15. Going straight to the series
 * at large |Im z| avoids the recurrence's cancellation there (φ ≈ 1/(12z²) is small). The principal
 * branch of ln is used throughout.
 */

/** A complex number re + i·im. */
export interface Complex {
  re: number;
  im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const cadd = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const csub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const cmul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});
export const cscale = (a: Complex, s: number): Complex => ({ re: a.re * s, im: a.im * s });

/** a / b (Smith's algorithm: no overflow for large |b|). */
export function cdiv(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/** Principal logarithm. */
export const clog = (z: Complex): Complex => ({
  re: Math.log(Math.hypot(z.re, z.im)),
  im: Math.atan2(z.im, z.re),
});

/** ln(1 + w), accurate for small |w| (log1p on the modulus). */
function clog1p(w: Complex): Complex {
  // |1+w|² = 1 + 2 Re w + |w|²
  const t = 2 * w.re + w.re * w.re + w.im * w.im;
  return { re: 0.5 * Math.log1p(t), im: Math.atan2(w.im, 1 + w.re) };
}

/** Principal square root. */
export function csqrt(z: Complex): Complex {
  const m = Math.hypot(z.re, z.im);
  if (m === 0) return { re: 0, im: 0 };
  if (z.re >= 0) {
    const re = Math.sqrt(0.5 * (m + z.re));
    return { re, im: z.im / (2 * re) };
  }
  const im = Math.sqrt(0.5 * (m - z.re));
  return { re: Math.abs(z.im) / (2 * im), im: z.im < 0 ? -im : im };
}

const SHIFT = 15;
// B_{2k}/(2k) for k = 1..8: φ(z) ~ Σ B_{2k} / (2k z^{2k}).
const PHI_COEFFS = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160];

function phiAsymptotic(z: Complex): Complex {
  const w = cdiv(complex(1), cmul(z, z));
  let sum = complex(0);
  for (let k = PHI_COEFFS.length - 1; k >= 0; k--) sum = cadd(cmul(sum, w), complex(PHI_COEFFS[k]));
  return cmul(sum, w);
}

/** φ(z) = ln z − 1/(2z) − ψ(z) for Re z > 0, free of the ln z − ψ(z) cancellation at large |z|. */
export function complexBinetRemainder(z: Complex): Complex {
  if (!(z.re > 0)) return complex(NaN, NaN);
  if (Math.hypot(z.re, z.im) >= SHIFT) return phiAsymptotic(z);
  const n = Math.ceil(SHIFT - z.re);
  const zn = cadd(z, complex(n));
  // φ(z) = φ(z+n) − ln(1 + n/z) − 1/(2z) + 1/(2(z+n)) + Σ_{k<n} 1/(z+k)
  let result = phiAsymptotic(zn);
  result = csub(result, clog1p(cdiv(complex(n), z)));
  result = csub(result, cdiv(complex(0.5), z));
  result = cadd(result, cdiv(complex(0.5), zn));
  for (let k = 0; k < n; k++) result = cadd(result, cdiv(complex(1), cadd(z, complex(k))));
  return result;
}

/** Digamma ψ(z) for Re z > 0. */
export function complexDigamma(z: Complex): Complex {
  if (!(z.re > 0)) return complex(NaN, NaN);
  return csub(csub(clog(z), cdiv(complex(0.5), z)), complexBinetRemainder(z));
}
