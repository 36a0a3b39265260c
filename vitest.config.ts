import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Some suites start DuckDB to cross-check results; a cold start on a shared 2-core box is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
