import { defineConfig } from 'vitest/config';

/**
 * The tests that exercise src/physics and src/numerics, for mutation testing (stryker.config.mjs):
 * the unit tests of those folders and the mpmath reference tests. The CLI, sweep, figure and web
 * tests reach the same code only through these layers and would multiply the run time.
 * MUTATION_TESTS (comma-separated globs) narrows the set for a run over a few source files.
 */
const tests = process.env.MUTATION_TESTS?.split(',') ?? [
  'test/physics/**/*.test.ts',
  'test/numerics/**/*.test.ts',
  'test/reference/**/*.test.ts',
];

export default defineConfig({
  test: {
    include: tests,
    setupFiles: ['test/setup/fast-check.ts'],
    // Property tests draw fixed inputs, so every mutant is judged on the same points.
    env: { FC_SEED: '20261125' },
    // Instrumented code in one thread on a loaded machine: the slow tables and references need room.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
