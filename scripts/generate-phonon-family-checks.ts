/**
 * Writes test/fixtures/phonon-family-checks.json: ρ(t_e, t_b; γ) by the direct nested quadrature at
 * random points (fixed seed) spread over the γ family's range, for test/physics/electron-phonon-family.test.ts.
 * Run: `npx tsx scripts/generate-phonon-family-checks.ts` (about a minute).
 */
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { reducedPhononHeatDirect } from '../src/physics/electron-phonon.js';
import { FAMILY_GAMMA_RANGE } from '../src/physics/electron-phonon-table.js';

const EPS_REL = 1e-9;
let seed = 20261125;
const random = (): number => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const [gLo, gHi] = FAMILY_GAMMA_RANGE.map(Math.log);
const points: { gamma: number; te: number; tb: number; rho: number; rho0: number }[] = [];
for (let i = 0; i < 48; i++) {
  const gamma = Number(Math.exp(gLo + (gHi - gLo) * random()).toPrecision(4));
  // a third of the points in the crossover t_e ≈ 0.08–0.18, where ρ changes sign for t_b close to t_e
  const te = Number((i % 3 === 0 ? 0.08 + 0.1 * random() : 0.01 + 0.97 * random()).toPrecision(4));
  const tb = Number((te * (i % 4 === 0 ? 0.95 + 0.05 * random() : random())).toPrecision(4));
  const rho = reducedPhononHeatDirect(te, tb, gamma, EPS_REL) / (te ** 5 - tb ** 5);
  const rho0 = reducedPhononHeatDirect(te, 0, gamma, EPS_REL) / te ** 5;
  points.push({ gamma, te, tb, rho, rho0 });
  process.stderr.write(`${i}: γ=${gamma} te=${te} tb=${tb} ρ=${rho}\n`);
}
writeFileAtomic(
  'test/fixtures/phonon-family-checks.json',
  JSON.stringify(
    { generator: 'scripts/generate-phonon-family-checks.ts', epsRel: EPS_REL, points },
    null,
    1,
  ) + '\n',
);
