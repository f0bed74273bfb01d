/**
 * Mutation testing of the physics and numerics (docs/accuracy.md, "Mutation testing"):
 * `npm run mutation`, or a subset: `MUTATION_TESTS=test/physics/gap-dos.test.ts npx stryker run --mutate
 * src/physics/gap.ts`.
 * One test process at a time: the run is long and the machine small.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  // The test files are those of vitest.stryker.config.ts (MUTATION_TESTS narrows them), all of them.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['src/physics/**/*.ts', 'src/numerics/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Static mutants (module-level constants) would rerun every related test each; counted as ignored.
  ignoreStatic: true,
  ignorePatterns: [
    '.stryker-tmp*',
    'dist',
    'web-dist',
    'docs/api',
    'test-output',
    'ndtc-out',
    'coverage',
    'reports',
  ],
  tempDirName: '.stryker-tmp',
  // event-recorder: one file per tested mutant (reports/mutation/events), so a long run that is stopped
  // still leaves its results.
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  timeoutFactor: 2,
  // The first run of the reference tests, instrumented, takes minutes on a loaded machine.
  dryRunTimeoutMinutes: 30,
};
