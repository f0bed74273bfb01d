/**
 * Contour lines of a field sampled on a rectangular grid, by marching squares with linear
 * interpolation along cell edges. Coordinates are fractional grid indices (i along the first
 * dimension, j along the second); the caller maps them to axis values.
 */

export interface Segment {
  i1: number;
  j1: number;
  i2: number;
  j2: number;
}

/**
 * Segments of the level set f = level. `f[i][j]`; cells with a non-finite corner are skipped.
 * Saddle cells (diagonal corners on the same side) are resolved by the cell-centre average.
 */
export function contourSegments(f: readonly (readonly number[])[], level: number): Segment[] {
  const out: Segment[] = [];
  const ni = f.length;
  const nj = ni > 0 ? f[0].length : 0;
  for (let i = 0; i + 1 < ni; i++) {
    const row = f[i];
    const next = f[i + 1];
    for (let j = 0; j + 1 < nj; j++) {
      const a = row[j]; // (i, j)
      const b = next[j]; // (i+1, j)
      const c = next[j + 1]; // (i+1, j+1)
      const d = row[j + 1]; // (i, j+1)
      // The test of every cell stays this small loop; the few crossed cells go to cellSegments.
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code !== 0 && code !== 15) cellSegments(out, i, j, a, b, c, d, level, code);
    }
  }
  return out;
}

/** The segments of one crossed cell, corners a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1). */
function cellSegments(
  out: Segment[],
  i: number,
  j: number,
  a: number,
  b: number,
  c: number,
  d: number,
  level: number,
  code: number,
): void {
  // Edge crossing point between two corners (fractional position along the edge).
  const t = (p: number, q: number): number => (level - p) / (q - p);
  // Crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d).
  const bottom = (): [number, number] => [i + t(a, b), j];
  const right = (): [number, number] => [i + 1, j + t(b, c)];
  const top = (): [number, number] => [i + t(d, c), j + 1];
  const left = (): [number, number] => [i, j + t(a, d)];
  const add = (p: [number, number], q: [number, number]): void => {
    out.push({ i1: p[0], j1: p[1], i2: q[0], j2: q[1] });
  };
  const centreAbove = (a + b + c + d) / 4 > level;
  switch (code) {
    case 1:
    case 14:
      add(left(), bottom());
      break;
    case 2:
    case 13:
      add(bottom(), right());
      break;
    case 3:
    case 12:
      add(left(), right());
      break;
    case 4:
    case 11:
      add(right(), top());
      break;
    case 6:
    case 9:
      add(bottom(), top());
      break;
    case 7:
    case 8:
      add(left(), top());
      break;
    case 5: // a and c above
      if (centreAbove) {
        add(left(), top());
        add(bottom(), right());
      } else {
        add(left(), bottom());
        add(right(), top());
      }
      break;
    case 10: // b and d above
      if (centreAbove) {
        add(left(), bottom());
        add(right(), top());
      } else {
        add(left(), top());
        add(bottom(), right());
      }
      break;
  }
}

/** About `count` round levels strictly inside [min, max] (1, 2, 2.5 or 5 × 10^k steps). */
export function niceLevels(min: number, max: number, count = 8): number[] {
  if (!(max > min)) return [];
  const raw = (max - min) / (count + 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let k = Math.floor(min / step) + 1; k * step < max; k++) {
    // Compared after rounding: k·step can sit an ulp inside the range and round onto its end (3·0.1).
    const v = Number((k * step).toPrecision(12));
    if (v > min && v < max) out.push(v);
  }
  return out;
}
