/**
 * Property tests explore new random inputs on every local run. Under CI (or with FC_SEED set) they use a
 * fixed seed, so that a red build can be replayed exactly: `FC_SEED=<seed> npm test`.
 */
import fc from 'fast-check';

if (process.env.FC_SEED !== undefined || process.env.CI) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
}
