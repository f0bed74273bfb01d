/**
 * The device: two NIS/NISIN reservoirs joined by lossless superconducting lines, and the
 * substrate bath (docs/model.md §3–5). Plain data in SI units; validated at the edges.
 */

/** Superconducting part of a reservoir (aluminium by default). */
export interface Superconductor {
  /** Critical temperature, K. */
  Tc: number;
  /** Dynes parameter γ = Γ/Δ0 (dimensionless). */
  gamma: number;
  /** Electron–phonon coupling Σ_S, W m⁻³ K⁻⁵. */
  Sigma: number;
  /** Volume of the superconducting part, m³. */
  volume: number;
  /** Normal-state Sommerfeld coefficient γ, J m⁻³ K⁻² (heat capacity; default aluminium's, heat-capacity.ts). */
  sommerfeld?: number;
}

/** Normal-metal (or semiconductor) part of a reservoir: J = Σ V (T_e^n − T_b^n). */
export interface NormalMetal {
  /** Electron–phonon coupling Σ_N, W m⁻³ K⁻ⁿ. */
  Sigma: number;
  /** Temperature exponent n (5 for metals, 6 for InAsOI). */
  n: number;
  /** Volume, m³. */
  volume: number;
  /** Sommerfeld coefficient γ, J m⁻³ K⁻² (heat capacity C = γVT; default by material, heat-capacity.ts). */
  sommerfeld?: number;
}

/** The tunnel junctions of a reservoir, as seen by the photonic circuit. */
export interface Junction {
  /** Normal-state specific resistance r0 = R0·A, Ω·m². */
  r0: number;
  /** Specific capacitance c = C/A, F/m². */
  c: number;
  /** Junction area A, m². */
  area: number;
}

/** One reservoir: the superconducting lead, the normal-metal island and the junction to it (SI). */
export interface Reservoir {
  superconductor: Superconductor;
  normal: NormalMetal;
  junction: Junction;
}

/** The two-reservoir device of the paper (left heated, right at T_R) and its bath, every value SI. */
export interface Device {
  left: Reservoir;
  right: Reservoir;
  /** Substrate phonon bath temperature, K. */
  Tbath: number;
  /**
   * Each of the two lines joining the junctions, in series in the loop (docs/model.md, real photon
   * lines). Absent or both zero: the paper's lossless line.
   */
  line?: PhotonLine;
}

/** Series elements of one photon line (its resistive part thermalised at T_bath). */
export interface PhotonLine {
  /** Series inductance, H. */
  inductance: number;
  /** Series resistance, Ω. */
  resistance: number;
}

/** The two experimental setups of the paper: 1 = T_R swept at fixed T_bath (Fig. 3); 2 = T_R = T_bath (Fig. 4). */
export type Setup = 1 | 2;

/** The paper's two platforms: Ag islands or InAs-on-insulator (InAsOI). */
export type PlatformName = 'ag' | 'inas';

// Literal SI values (correctly rounded), so that a device file written with units parses to exactly
// these numbers: 2 × 1.3 × 0.2 × 0.01 µm³ computed in floating point would be one ulp off 5.2e-21 m³.

const aluminium = (volume: number): Superconductor => ({ Tc: 1.2, gamma: 1e-4, Sigma: 3e8, volume });

/**
 * Paper defaults (docs/model.md §5). c = 50 fF/µm² (the paper's "pF" is a typo, docs/model.md §3).
 * Frozen, as every exported constant: a caller's `PAPER_DEFAULTS.chi = 5` changed every platform device.
 */
export const PAPER_DEFAULTS = Object.freeze({
  Tc: 1.2,
  gamma: 1e-4,
  r0: 1e-11, // 10 Ω·µm²
  c: 0.05, // 50 fF/µm² = 0.05 F/m²
  areaLeft: 1e-13, // 0.1 µm²
  chi: 2,
  Tbath: 0.01,
  SigmaAl: 3e8,
} as const);

function reservoir(platform: PlatformName, area: number): Reservoir {
  const junction: Junction = { r0: PAPER_DEFAULTS.r0, c: PAPER_DEFAULTS.c, area };
  if (platform === 'ag') {
    return {
      superconductor: aluminium(4e-21), // 2 × 0.2 × 0.01 µm³
      normal: { Sigma: 5e8, n: 5, volume: 5.2e-21 }, // 2 wires of 1.3 × 0.2 × 0.01 µm³
      junction,
    };
  }
  return {
    superconductor: aluminium(8e-21), // 2 × 0.2 × 0.02 µm³
    normal: { Sigma: 3e7, n: 6, volume: 5.2e-20 }, // 2 mesas of 1.3 × 0.2 × 0.1 µm³
    junction,
  };
}

/** The paper's device for a platform: identical reservoirs, A_R = χ·A_L with χ = 2, T_bath = 10 mK. */
export function platformDevice(platform: PlatformName): Device {
  return {
    left: reservoir(platform, PAPER_DEFAULTS.areaLeft),
    right: reservoir(platform, PAPER_DEFAULTS.chi * PAPER_DEFAULTS.areaLeft),
    Tbath: PAPER_DEFAULTS.Tbath,
  };
}

/** Area ratio χ = A_R / A_L. */
export function chiOf(device: Device): number {
  return device.right.junction.area / device.left.junction.area;
}

/** A copy of the device with A_R = χ·A_L (the left junction is unchanged). */
export function withChi(device: Device, chi: number): Device {
  return {
    ...device,
    right: { ...device.right, junction: { ...device.right.junction, area: chi * device.left.junction.area } },
  };
}

/** A copy of the device with both reservoirs' superconductor, junction r0 and c replaced where given. */
export function withJunctionParameters(
  device: Device,
  p: Partial<{ Tc: number; gamma: number; r0: number; c: number; chi: number }>,
): Device {
  const patch = (r: Reservoir): Reservoir => ({
    ...r,
    superconductor: {
      ...r.superconductor,
      ...(p.Tc !== undefined && { Tc: p.Tc }),
      ...(p.gamma !== undefined && { gamma: p.gamma }),
    },
    junction: {
      ...r.junction,
      ...(p.r0 !== undefined && { r0: p.r0 }),
      ...(p.c !== undefined && { c: p.c }),
    },
  });
  const patched: Device = { ...device, left: patch(device.left), right: patch(device.right) };
  return p.chi !== undefined ? withChi(patched, p.chi) : patched;
}
