/** The R/R0 tables are built once per γ (docs/model.md §2 fast path): later calls reuse the same table. */
import { describe, expect, it } from 'vitest';
import { hasResistanceTable, resistanceRatio, resistanceTable } from '../../src/physics/resistance.js';

describe('R/R0 tables: one per γ', () => {
  it('a γ with no stored table is tabulated on first use and the same table is returned afterwards', () => {
    // Not on the stored grid (20 per decade, 4 digits), nor one of the paper's two γ.
    const gamma = 2.345e-4;
    expect(hasResistanceTable(gamma)).toBe(false);
    const first = resistanceTable(gamma);
    expect(hasResistanceTable(gamma)).toBe(true);
    // another γ in between, so that the most-recent shortcut does not answer the next call
    resistanceRatio(0.5, { Tc: 1.2, gamma: 1e-4 });
    expect(resistanceTable(gamma)).toBe(first);
    expect(resistanceTable(1e-4)).toBe(resistanceTable(1e-4));
  });
});
