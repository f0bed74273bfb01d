/**
 * Before work that needs J_ph,S: load the γ family of tables when a γ needs it (on demand: 4 MB), and
 * say on stderr when a γ has no table even then, since every evaluation then takes the direct nested
 * quadrature (about 1 s), so that a user knows why a run is slow.
 */
import { FAMILY_GAMMA_RANGE, hasPhononTable, loadPhononFamily, type Device } from '../index.js';
import { phononGammas, type SweepSpec } from '../sweep/spec.js';

const covered = `γ in [${FAMILY_GAMMA_RANGE[0]}, ${FAMILY_GAMMA_RANGE[1]}]`;

/** Make J_ph,S fast for `gammas` where a table exists; the note for those left slow, or undefined. */
export async function preparePhononTables(gammas: readonly number[]): Promise<string | undefined> {
  if (gammas.some((g) => !hasPhononTable(g))) await loadPhononFamily();
  const slow = gammas.filter((g) => !hasPhononTable(g));
  if (slow.length === 0) return undefined;
  if (gammas.length === 1) {
    return (
      `note: J_ph,S is tabulated for ${covered}; with γ = ${slow[0]} it is computed by direct ` +
      'quadrature, about 1 s per evaluation (tens of seconds per heat-balance solve). ' +
      'See docs/accuracy.md.\n'
    );
  }
  return (
    `note: J_ph,S is tabulated for ${covered}; ${slow.length} of the ${gammas.length} γ values ` +
    'use direct quadrature in the heat balance (about 1 s per evaluation).\n'
  );
}

/** For heat-balance work on `device` (J_ph,S is the left superconductor's). */
export function prepareForDevice(device: Device): Promise<string | undefined> {
  return preparePhononTables([device.left.superconductor.gamma]);
}

/** For a sweep: the γ values at which it evaluates J_ph,S. */
export async function prepareForSweep(spec: SweepSpec): Promise<string | undefined> {
  const gammas = phononGammas(spec);
  return gammas.length === 0 ? undefined : preparePhononTables(gammas);
}
