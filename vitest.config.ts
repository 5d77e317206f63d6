import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/build-node.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Crypto-heavy and process-spawning tests: keep parallelism to the machine's 2 cores.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line (passed / failed / skipped).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-results.json' }]],
  },
});
