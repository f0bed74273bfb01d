/** Physical constants (CODATA 2018 exact SI values) and the ζ(5) of the Timofeev prefactor. */

/** Boltzmann constant, J/K (exact). */
export const kB = 1.380649e-23;
/** Reduced Planck constant, J·s. */
export const hbar = 1.054571817e-34;
/** Elementary charge, C (exact). */
export const elementaryCharge = 1.602176634e-19;
/** Riemann ζ(5). */
export const zeta5 = 1.03692775514337;
/** BCS ratio Δ(0)/(k_B Tc) used by docs/model.md §1. */
export const BCS_GAP_RATIO = 1.764;
