/**
 * Named material defaults for device files: electron–phonon coupling Σ, its exponent n, and for
 * superconductors Tc. Sources are listed in docs/devices.md; values are SI.
 */

export interface NormalMaterial {
  kind: 'normal';
  /** W m⁻³ K⁻ⁿ */
  Sigma: number;
  n: number;
  source: string;
}

export interface SuperconductingMaterial {
  kind: 'superconductor';
  /** K */
  Tc: number;
  /** Σ_S, W m⁻³ K⁻⁵ (the Timofeev form is written for n = 5). */
  Sigma: number;
  source: string;
}

export type Material = NormalMaterial | SuperconductingMaterial;

export const MATERIALS: Readonly<Record<string, Material>> = {
  Ag: {
    kind: 'normal',
    Sigma: 5e8,
    n: 5,
    source: 'Pioldi et al. (seed paper); Giazotto et al., RMP 78, 217 (2006)',
  },
  Cu: { kind: 'normal', Sigma: 2e9, n: 5, source: 'Giazotto et al., RMP 78, 217 (2006)' },
  InAsOI: { kind: 'normal', Sigma: 3e7, n: 6, source: 'Battisti et al., APL 125, 202601 (2024)' },
  Al: {
    kind: 'superconductor',
    Tc: 1.2,
    Sigma: 3e8,
    source: 'Pioldi et al. (seed paper); Giazotto et al., RMP 78, 217 (2006)',
  },
};

/** Names of the materials of one kind, for error messages and the schema. */
export function materialNames(kind: Material['kind']): string[] {
  return Object.keys(MATERIALS).filter((name) => MATERIALS[name].kind === kind);
}
