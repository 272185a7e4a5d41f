import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each worker loads the app's modules once for all its files rather than once per file: the loading
    // was a third of the suite's time. The server keeps no state at module level but constant tables
    // and pure caches (time-zone offsets, plural rules), so each file still starts from what it builds:
    // its own app, database and clock.
    isolate: false,
  },
});
