import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Starting PGlite (initdb in WebAssembly) takes seconds, more on a busy 2-core machine.
  test: { environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
