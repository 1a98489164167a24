import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // 2 cores: OCR tests spawn their own workers, so keep test files from piling up.
    maxWorkers: 2,
    // The CLI encrypts its store with CASE_REVIEW_KEY when set: tests and the programs they start
    // share this one (test/support/store-key.ts), and no test writes a key file into the user's home.
    env: { CASE_REVIEW_KEY: '7e57'.repeat(16), CASE_REVIEW_DATA_DIR: '.cache/test-data' },
    reporters: ['default', ['json', { outputFile: '.cache/test-results/vitest.json' }]],
  },
});
