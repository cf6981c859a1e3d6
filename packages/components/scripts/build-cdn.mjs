// Builds the single-file bundles for <script type="module"> use on any page (no build step):
//   dist/cdn/linli.js          all components + SDK + REST adapter (the one file a site needs)
//   dist/cdn/linli-demo.js     the in-browser demo backend (adapter="memory"), loaded on demand
//   dist/cdn/linli-open311.js  the Open311 adapter (adapter="open311"), loaded on demand
//   dist/cdn/linli-evaluation.js  the 好差评 widget alone (size budget in SPEC §8)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = {
  linli: 'src/cdn/linli.ts',
  'linli-demo': 'src/adapters/memory.ts',
  'linli-open311': 'src/adapters/open311.ts',
  'linli-evaluation': 'src/cdn/linli-evaluation.ts',
};

await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist/cdn',
  bundle: true,
  splitting: false,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  conditions: ['browser', 'production'],
  legalComments: 'linked',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log('cdn bundles written to dist/cdn');
