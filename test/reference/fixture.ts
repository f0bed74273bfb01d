/** Loading the committed reference fixtures (test/fixtures/*.json) and tracking the worst error found. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Superconductor } from '../../src/index.js';

export interface FixtureMeta {
  generator: string;
  mpmath: string;
  dps: number | string;
  date: string;
  quick: boolean;
}

export function loadFixture<T>(name: string): { meta: FixtureMeta } & T {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as { meta: FixtureMeta } & T;
}

/**
 * Collects every comparison of one quantity so that a failing test names all offending points and the
 * assertion message always states the worst error (in units of the tolerance) and where it occurred.
 */
export class ErrorTally {
  private worst = { ratio: -1, label: '' };
  private readonly failures: string[] = [];

  constructor(private readonly what: string) {}

  /** err and tol in the same unit; ratio = err/tol must be ≤ 1. A NaN counts as a failure. */
  add(label: string, err: number, tol: number, detail: string): void {
    const ratio = err / tol;
    if (!(ratio <= this.worst.ratio)) this.worst = { ratio: Number.isNaN(ratio) ? Infinity : ratio, label };
    if (!(ratio <= 1))
      this.failures.push(
        `${label}: ${detail} (error ${err.toExponential(2)} > tolerance ${tol.toExponential(1)})`,
      );
  }

  /** A one-line summary for the assertion message. */
  summary(): string {
    const head = `${this.what}: worst error ${this.worst.ratio.toExponential(2)} × tolerance at ${this.worst.label}`;
    if (this.failures.length === 0) return head;
    const shown = this.failures.slice(0, 25);
    const more =
      this.failures.length > shown.length ? `\n  … and ${this.failures.length - shown.length} more` : '';
    return `${head}; ${this.failures.length} point(s) out of tolerance:\n  ${shown.join('\n  ')}${more}`;
  }

  /** Records a point whose evaluation threw (the message is kept; the point counts as failed). */
  threw(label: string, error: unknown): void {
    this.worst = { ratio: Infinity, label };
    this.failures.push(`${label}: threw ${error instanceof Error ? error.message : String(error)}`);
  }

  get failed(): number {
    return this.failures.length;
  }
}

/** Relative difference |a − b|/|b|. */
export function relativeError(value: number, reference: number): number {
  return Math.abs(value - reference) / Math.abs(reference);
}

/** A J_ph,S reference point: the superconductor, the temperatures and the reference value. */
export interface PhononPoint {
  Te: number;
  Tb: number;
  Tc: number;
  gamma: number;
  Sigma: number;
  volume: number;
  J: number;
}

/** `f` (a J_ph,S implementation) at every point against its reference, to `tol` relative. */
export function checkPhonon<P extends PhononPoint>(
  what: string,
  f: (sc: Superconductor, Te: number, Tb: number) => number,
  points: readonly P[],
  label: (p: P) => string,
  tol: number,
): ErrorTally {
  const tally = new ErrorTally(what);
  for (const p of points) {
    try {
      const sc: Superconductor = { Tc: p.Tc, gamma: p.gamma, Sigma: p.Sigma, volume: p.volume };
      const v = f(sc, p.Te, p.Tb);
      const err = relativeError(v, p.J);
      tally.add(
        label(p),
        err,
        tol,
        `library ${v} W, reference ${p.J} W, relative error ${err.toExponential(2)}`,
      );
    } catch (e) {
      tally.threw(label(p), e);
    }
  }
  return tally;
}
