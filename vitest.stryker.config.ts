import { defineConfig } from 'vitest/config';

/**
 * The tests that exercise src/physics and src/numerics, for mutation testing (stryker.config.mjs):
 * the unit tests of those folders and the mpmath reference tests. The CLI, sweep, figure and web
 * tests reach the same code only through these layers and would multiply the run time.
 */
export default defineConfig({
  test: {
    include: ['test/physics/**/*.test.ts', 'test/numerics/**/*.test.ts', 'test/reference/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    // Property tests draw fixed inputs, so every mutant is judged on the same points.
    env: { FC_SEED: '20261125' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
