/** Operating points over the paper's maps, shared by the root-polish tests. */

export interface MapPoint {
  platform: 'ag' | 'inas';
  setup: 1 | 2;
  TR: number;
  Jin: number;
}

/**
 * Ag and InAs, setups 1 and 2, nT values of T_R from 10 to 800 mK × nJ of J_in from 1 fW to 1 pW
 * (logarithmic), then Ag's two three-root cases at T_R = 0.7 K (J_in = 1e-18 W and 0.4 fW).
 */
export function mapPoints(nT: number, nJ: number): MapPoint[] {
  const points: MapPoint[] = [];
  for (const platform of ['ag', 'inas'] as const)
    for (const setup of [1, 2] as const)
      for (let i = 0; i < nT; i++)
        for (let j = 0; j < nJ; j++)
          points.push({
            platform,
            setup,
            TR: 0.01 + (0.79 * i) / (nT - 1),
            Jin: 1e-15 * 1000 ** (j / (nJ - 1)),
          });
  points.push(
    { platform: 'ag', setup: 1, TR: 0.7, Jin: 1e-18 },
    { platform: 'ag', setup: 1, TR: 0.7, Jin: 4e-16 },
  );
  return points;
}
