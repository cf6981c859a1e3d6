import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Starting the reference server (PGlite, migrations, seed) takes seconds, in beforeAll.
  test: { environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 60_000 },
});
