/**
 * Real photon lines (docs/model.md, "Real photon lines"): the complex digamma against mpmath, and the
 * partial-fraction closed form of the heat currents against SciPy quadrature of τ(ω) built from the
 * complex impedances (test/fixtures/photonic-line.json, generate_line_references.py).
 */
import { describe, expect, it } from 'vitest';
import { complexBinetRemainder, complexDigamma } from '../../src/numerics/complex-digamma.js';
import {
  lineHeatCurrentsDirect,
  lineHeatCurrentsOfCircuit,
  type LineCircuit,
  type LineHeatCurrents,
} from '../../src/index.js';
import { ErrorTally, loadFixture } from './fixture.js';

interface DigammaPoint {
  re: number;
  im: number;
  psiRe: number;
  psiIm: number;
  phiRe: number;
  phiIm: number;
}

interface LinePoint extends LineCircuit {
  TL: number;
  TR: number;
  Tline: number;
  leftOut: number;
  rightIn: number;
  exchange: number;
  leftOutRelError: number;
  rightInRelError: number;
  exchangeRelError: number;
}

const fixture = loadFixture<{ digamma: DigammaPoint[]; line: LinePoint[] }>('photonic-line.json');

describe('complex digamma against mpmath', () => {
  // φ is a difference of terms of size ~1/|z| where the recurrence is used (|z| < 15): 3e-13 of |φ| there.
  it('ψ(z) to 1e-14 and φ(z) = ln z − 1/(2z) − ψ(z) to 3e-13 of |·| for Re z ∈ [1e-3, 1e3], |Im z| ≤ 1e4', () => {
    const psi = new ErrorTally('ψ');
    const phi = new ErrorTally('φ');
    for (const p of fixture.digamma) {
      const z = { re: p.re, im: p.im };
      const label = `z = ${p.re} + ${p.im}i`;
      const a = complexDigamma(z);
      const b = complexBinetRemainder(z);
      const errPsi = Math.hypot(a.re - p.psiRe, a.im - p.psiIm) / Math.hypot(p.psiRe, p.psiIm);
      const errPhi = Math.hypot(b.re - p.phiRe, b.im - p.phiIm) / Math.hypot(p.phiRe, p.phiIm);
      psi.add(label, errPsi, 1e-14, `${a.re} + ${a.im}i`);
      phi.add(label, errPhi, 3e-13, `${b.re} + ${b.im}i`);
    }
    expect(psi.failed, psi.summary()).toBe(0);
    expect(phi.failed, phi.summary()).toBe(0);
  });
});

const label = (p: LinePoint): string =>
  `R_L=${p.RL} Ω, R_R=${p.RR} Ω, C_L=${p.CL} F, C_R=${p.CR} F, L=${p.L} H, R_ℓ=${p.Rline} Ω, T=(${p.TL}, ${p.TR}, ${p.Tline}) K`;

function check(what: string, f: (c: LineCircuit, p: LinePoint) => LineHeatCurrents, tol: number): void {
  for (const key of ['leftOut', 'rightIn', 'exchange'] as const) {
    const tally = new ErrorTally(`${what} ${key}`);
    for (const p of fixture.line) {
      const v = f(p, p)[key];
      const err = Math.abs(v - p[key]) / Math.abs(p[key]);
      // The reference's own error estimate is far below tol (checked below); tol is the library's bound.
      tally.add(label(p), err, tol, `library ${v} W, reference ${p[key]} W`);
    }
    expect(tally.failed, tally.summary()).toBe(0);
  }
}

describe('heat currents through a lossy, inductive line against SciPy quadrature', () => {
  it('the references are converged (second quadrature within 1e-13)', () => {
    for (const p of fixture.line) expect(p.leftOutRelError, label(p)).toBeLessThan(1e-13);
  });

  it('closed form (partial fractions, complex digamma): 1e-11 relative', () => {
    check('closed form', (c, p) => lineHeatCurrentsOfCircuit(c, p.TL, p.TR, p.Tline), 1e-11);
  });

  it('direct quadrature of the library: 1e-11 relative', () => {
    check('quadrature', (c, p) => lineHeatCurrentsDirect(c, p.TL, p.TR, p.Tline), 1e-11);
  });
});
