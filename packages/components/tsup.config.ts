import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One entry per define module (src/components/<name>/<name>.ts), plus the side-effect-free index. */
const components = readdirSync('src/components');

export default defineConfig({
  entry: [
    'src/index.ts',
    'src/all.ts',
    'src/adapters/http.ts',
    'src/adapters/memory.ts',
    'src/adapters/open311.ts',
    'src/adapters/registry.ts',
    ...components.map((c) => `src/components/${c}/${c}.ts`),
  ],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'browser',
  external: [/^@linli\//, /^lit/, /^@lit\//],
});
