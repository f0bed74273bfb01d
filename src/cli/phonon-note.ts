/**
 * Said before heat-balance work whose J_ph,S has no shipped table: every evaluation then takes the
 * direct nested quadrature (about 1 s), so a user knows why a run is slow and what is fast.
 */
import { TABULATED_PHONON_GAMMAS, type Device } from '../index.js';
import type { SweepSpec } from '../sweep/spec.js';

const tabulated = (): string => TABULATED_PHONON_GAMMAS.map((g) => String(g)).join(' and ');

/** The note for heat-balance work on `device` (J_ph,S is the left superconductor's), or undefined. */
export function directPhononNote(device: Device): string | undefined {
  const gamma = device.left.superconductor.gamma;
  if (TABULATED_PHONON_GAMMAS.includes(gamma)) return undefined;
  return (
    `note: J_ph,S has a table only for γ = ${tabulated()}; with γ = ${gamma} every heat-balance ` +
    'solve computes it by direct quadrature (about 1 s per evaluation, tens of seconds per solve). ' +
    'See docs/accuracy.md.\n'
  );
}

/** The note for a sweep that varies γ: values without a table are slow. */
export function sweptGammaNote(values: readonly number[]): string | undefined {
  const slow = values.filter((g) => !TABULATED_PHONON_GAMMAS.includes(g));
  if (slow.length === 0) return undefined;
  return (
    `note: J_ph,S has a table only for γ = ${tabulated()}; ${slow.length} of the ${values.length} ` +
    'swept γ values use direct quadrature in the heat balance (about 1 s per evaluation).\n'
  );
}

/** The note for a sweep: heat-balance work (or a J_ph,S output) on γ values without a table. */
export function slowSweepNote(spec: SweepSpec): string | undefined {
  const needsPhonon = spec.mode === 'balance' || spec.outputs.some((o) => o === 'J_ph_S' || o === 'J_ph');
  if (!needsPhonon) return undefined;
  const gammaAxis = spec.axes.find((a) => a.name === 'gamma' || a.name === 'left.superconductor.gamma');
  return gammaAxis ? sweptGammaNote(gammaAxis.values) : directPhononNote(spec.device);
}
