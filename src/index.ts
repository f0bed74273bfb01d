/** ndtc — the public API. Everything the CLI, figures, sweeps and web explorer use comes through here. */
export * from './physics/constants.js';
export * from './physics/device.js';
export * from './physics/gap.js';
export * from './physics/dos.js';
export * from './physics/resistance.js';
export * from './physics/photonic.js';
export * from './physics/electron-phonon.js';
export {
  FAMILY_GAMMA_RANGE,
  TABULATED_PHONON_GAMMAS,
  hasPhononTable,
  loadPhononFamily,
} from './physics/electron-phonon-table.js';
export * from './physics/balance.js';
export * from './physics/features.js';
export * from './physics/validity.js';
export * from './errors.js';
