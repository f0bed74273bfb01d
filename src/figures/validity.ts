/** docs/model.md §9 for the reproduction: are all the steady states of Figs. 3–4 inside the model's range? */
import { validityWarnings } from '../physics/validity.js';
import { PLATFORMS, PLATFORM_LABEL, type Study } from './study.js';

/** One line per platform and setup: how many curve points are flagged, and the first warning. */
export function validitySummary(study: Study): string[] {
  const lines: string[] = [];
  for (const platform of PLATFORMS) {
    for (const setup of [1, 2] as const) {
      const device = study.device(platform);
      let points = 0;
      let flagged = 0;
      let first: string | undefined;
      let highest = 0;
      for (const curve of study.responseCurves(platform, setup)) {
        curve.TR.forEach((TR, i) => {
          const TL = curve.TL[i];
          if (!Number.isFinite(TL)) return;
          points++;
          highest = Math.max(highest, TL);
          const warnings = validityWarnings(device, TL, TR);
          if (warnings.length > 0) {
            flagged++;
            first ??= warnings[0];
          }
        });
        if (curve.aboveTc.length > 0) flagged += curve.aboveTc.length;
      }
      lines.push(
        `${PLATFORM_LABEL[platform]}, setup ${setup}: highest T_L ${(highest * 1e3).toFixed(0)} mK; ` +
          (flagged === 0
            ? `all ${points} steady states of Figs. ${setup === 1 ? 3 : 4}b–g pass the §9 checks`
            : `${flagged} of ${points} points flagged, e.g. ${first ?? 'no steady state below T_c'}`),
      );
    }
  }
  return lines;
}
