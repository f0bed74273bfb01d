/**
 * A solver at a γ between the shipped J_ph,S tables, without `await loadPhononFamily()` first: under
 * Node the first J_ph,S reads the γ family itself, so the solve takes the table, not the direct
 * quadrature (~1 s an evaluation: a setup-1 solve at γ = 3e-4 ran for minutes); a single evaluation
 * through phononHeatSuperconductor keeps the direct path until then. This file must not load the
 * family before its first test.
 */
import { describe, expect, it } from 'vitest';
import {
  hasPhononTable,
  loadPhononFamily,
  phononHeatSuperconductor,
  phononHeatSuperconductorDirect,
  platformDevice,
  solveBalance,
  withJunctionParameters,
} from '../../src/index.js';
import { phononFamilyLookup } from '../../src/physics/electron-phonon-table.js';

describe('the γ family, read on first need', () => {
  it('solveBalance at γ = 3e-4 tabulates J_ph,S without loadPhononFamily, and gives the root it gives after it', async () => {
    const gamma = 3e-4;
    expect(hasPhononTable(gamma)).toBe(false);
    const device = withJunctionParameters(platformDevice('ag'), { gamma });
    // One evaluation through the public function keeps the direct quadrature (1e-7) and loads nothing.
    const sc = device.left.superconductor;
    expect(phononHeatSuperconductor(sc, 0.5, 0.1)).toBe(phononHeatSuperconductorDirect(sc, 0.5, 0.1));
    expect(hasPhononTable(gamma)).toBe(false);
    const before = solveBalance(device, { Jin: 1e-13, TR: 0.3, setup: 1 });
    expect(hasPhononTable(gamma)).toBe(true);
    await loadPhononFamily();
    expect(solveBalance(device, { Jin: 1e-13, TR: 0.3, setup: 1 })).toEqual(before);
    expect(before.roots).toHaveLength(1);
    // Loaded, the value is the family's ρ times the normal-state law (not the direct quadrature's).
    const [Te, Tb] = [0.5, 0.1];
    const rho = await phononFamilyLookup(gamma, Te / sc.Tc, Tb / sc.Tc);
    const normal = sc.Sigma * sc.volume * (Te ** 5 - Tb ** 5);
    expect(phononHeatSuperconductor(sc, Te, Tb) / (rho! * normal)).toBeCloseTo(1, 12);
  });
});
