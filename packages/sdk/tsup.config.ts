import { defineConfig } from 'tsup';

export default defineConfig({
  // One output file per source module (no bundling): with "sideEffects": false, a bundler then keeps
  // only the modules an app really imports — a lone widget does not ship zod or the holiday calendar.
  entry: ['src/**/*.ts'],
  bundle: false,
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
