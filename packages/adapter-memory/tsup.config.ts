import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/demo.ts', 'src/node.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['node:fs', 'node:fs/promises', 'node:path'],
});
