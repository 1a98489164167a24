import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // 2 cores: OCR tests spawn their own workers, so keep test files from piling up.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.cache/test-results/vitest.json' }]],
  },
});
