/** The J_ph,S tables' public part (physics/electron-phonon-table.ts) with its argument checked. */
import * as unchecked from '../physics/electron-phonon-table.js';
import { checkFinite } from './arguments.js';

export {
  FAMILY_GAMMA_RANGE,
  TABULATED_PHONON_GAMMAS,
  loadPhononFamily,
} from '../physics/electron-phonon-table.js';

/** Whether J_ph,S at `gamma` is tabulated now (shipped, or in the loaded family's range). */
export function hasPhononTable(gamma: number): boolean {
  return unchecked.hasPhononTable(checkFinite('hasPhononTable gamma', gamma));
}
