/**
 * The paper's reproduction as data: the figure panels (series, markers, intervals, every input) and
 * the eight claims with their verdicts and numbers, as `ndtc reproduce` computes them, without
 * rendering or writing anything.
 */
import { InputError } from '../errors.js';
import { describeValue, refuseUnknownKeys } from '../physics/device-input.js';
import { evaluateClaims, type Claim } from './claims.js';
import type { Panel } from './panel.js';
import { computePanel, isPanelId, PANEL_IDS, type PanelId } from './panels.js';
import { Study } from './study.js';

/** Options of `reproducePaper`. */
export interface ReproductionOptions {
  /** Panels to compute, e.g. `['2a', '3b']` (default: all of PANEL_IDS); the claims are always evaluated. */
  panels?: readonly string[];
}

/** The panels and the claims of the paper's reproduction. */
export interface Reproduction {
  /** The panels asked for, in the paper's order. */
  panels: Panel[];
  /** The eight claims, each with its test, verdict and numbers (SI unless a key says otherwise). */
  claims: Claim[];
}

/**
 * Compute the paper's figure panels and evaluate its claims (several seconds for all panels): the
 * data behind `ndtc reproduce`, with no file written and no rendering library loaded.
 *
 * @example
 * const { panels, claims } = reproducePaper({ panels: ['2a'] });
 * panels[0].series[0].x; // T_R in mK of Fig. 2a (y: J_γ in fW; the axis labels carry the units)
 * claims.every((c) => c.holds);
 */
export function reproducePaper(options: ReproductionOptions = {}): Reproduction {
  const option = 'reproducePaper panels';
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InputError('reproducePaper options', describeValue(options), "{ panels?: ['2a', …] }");
  // A misspelt key (panel) would reproduce every panel without a word.
  refuseUnknownKeys(options, ['panels'], 'reproducePaper options.');
  const asked = options.panels ?? PANEL_IDS;
  if (!Array.isArray(asked) || asked.length === 0)
    throw new InputError(
      option,
      String(asked),
      `a non-empty array of panel ids from ${PANEL_IDS.join(', ')}`,
    );
  for (const id of asked) {
    if (typeof id !== 'string' || !isPanelId(id.toLowerCase()))
      throw new InputError(option, String(id), `panel ids from ${PANEL_IDS.join(', ')}`);
  }
  const wanted = new Set(asked.map((id) => id.toLowerCase()));
  const ids: PanelId[] = PANEL_IDS.filter((id) => wanted.has(id));
  const study = new Study();
  return { panels: ids.map((id) => computePanel(id, study)), claims: evaluateClaims(study) };
}
