/**
 * ndtc — the public API. Everything the CLI, figures, sweeps and web explorer use comes through here.
 * The physics is exported through src/api/, whose functions check their arguments (InputError).
 */
export * from './physics/constants.js';
export * from './api/device.js';
export * from './api/gap.js';
export * from './api/dos.js';
export * from './api/resistance.js';
export * from './api/photonic.js';
export * from './api/photonic-line.js';
export * from './api/electron-phonon.js';
export * from './api/electron-phonon-table.js';
export * from './api/balance.js';
export * from './api/heat-capacity.js';
export * from './api/two-reservoir.js';
export * from './api/transistor.js';
export * from './api/thermal-response.js';
export * from './api/features.js';
export * from './api/validity.js';
export * from './errors.js';
export {
  DOMAIN,
  MIN_REDUCED_TEMPERATURE,
  rangeText,
  type DomainName,
  type DomainRange,
} from './physics/domain.js';
// Device files, units, sweeps, hysteresis, optimisation and the reproduction: after the physics and
// the errors above, so that these modules (which import this file) find them evaluated.
export { loadDeviceFile, parseDeviceText, DEVICE_FILE_MAX_BYTES } from './device-file/load.js';
export {
  deviceDocument,
  deviceYaml,
  type DeviceDocument,
  type ReservoirDocument,
} from './device-file/document.js';
export { writeDeviceFile, type DeviceFileWriteOptions } from './device-file/write.js';
export {
  acceptedText,
  formatEphCoupling,
  formatNumber,
  formatQuantity,
  parseEphCoupling,
  parseQuantity,
  QUANTITY_KINDS,
  type QuantityKind,
} from './units/quantity.js';
export { MAX_RANGE_POINTS, parseList, type ListLimit } from './units/list.js';
export { FileError } from './io/file-error.js';
export type { ChebyshevPanel, PiecewiseChebyshev } from './numerics/chebyshev.js';
export type { OperatingValues } from './sweep/parameters.js';
export {
  sweepChunks,
  sweepGrid,
  SWEEP_DEFAULT_CHUNK_SIZE,
  SWEEP_GRID_MAX_VALUES,
  sweepOutputs,
  type SweepArrays,
  type SweepAxis,
  type SweepAxisInput,
  type SweepChunk,
  type SweepChunkOptions,
  type SweepFailure,
  type SweepFixedValues,
  type SweepGridInput,
  type SweepGridOptions,
  type SweepOutputInfo,
  type SweepOutputDescription,
} from './sweep/arrays.js';
export * from './sweep/hysteresis.js';
export * from './sweep/optimize.js';
export * from './figures/reproduction.js';
export type { AxisScale, Interval as PanelInterval, Marker, Panel, Rule, Series } from './figures/panel.js';
export { PANEL_IDS, type PanelId } from './figures/panels.js';
export type { Claim } from './figures/claims.js';
