/**
 * One reproduction in a fresh process, as `npx ndtc reproduce` computes it: the 15 panels, then the
 * claims, each timed (after the modules are loaded). Run by bench/reproduce.bench.ts as a child
 * process; prints {"panelsMs", "claimsMs"}.
 */
import { evaluateClaims } from '../src/figures/claims.js';
import { computePanel, PANEL_IDS } from '../src/figures/panels.js';
import { Study } from '../src/figures/study.js';

const study = new Study();
const t0 = performance.now();
for (const id of PANEL_IDS) computePanel(id, study);
const t1 = performance.now();
evaluateClaims(study);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ panelsMs: t1 - t0, claimsMs: t2 - t1 }) + '\n');
