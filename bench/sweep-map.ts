/** The benchmark's sweep: the 2-D T_L map (setup 1) over the paper's T_R and J_in ranges. */
import { platformDevice } from '../dist/index.js';
import { defaultChunkSize, type Axis, type SweepSpec } from '../dist/sweep/spec.js';

export const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
export const logspace = (a: number, b: number, n: number): number[] =>
  linspace(Math.log(a), Math.log(b), n).map(Math.exp);

export function mapSpec(nTR: number, nJin: number): SweepSpec {
  const axes: Axis[] = [
    { name: 'J_in', values: logspace(1e-15, 1e-12, nJin), log: true },
    { name: 'T_R', values: linspace(0.01, 0.8, nTR), log: false },
  ];
  return {
    device: platformDevice('ag'),
    fixed: { setup: 1 },
    axes,
    outputs: ['T_L', 'dTL_dTR'],
    mode: 'balance',
    TRrange: [0.01, 0.8],
    chunkSize: defaultChunkSize(nTR * nJin),
  };
}
