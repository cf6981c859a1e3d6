// Bundle sizes: minified + gzip (zlib level 9), every bundle built the same way with esbuild.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH, COMPONENTS, TMP } from './paths.mjs';

const shoelaceRoot = join(BENCH, 'node_modules/@shoelace-style/shoelace');
export const shoelaceVersion = JSON.parse(readFileSync(join(shoelaceRoot, 'package.json'), 'utf8')).version;

/** The Shoelace set equivalent to what linli.js offers (see docs/benchmarks.md). */
export const shoelaceSet = [
  'rating',
  'input',
  'textarea',
  'select',
  'option',
  'checkbox',
  'radio-group',
  'radio',
  'button',
  'tab-group',
  'tab',
  'tab-panel',
  'details',
  'dialog',
  'alert',
  'spinner',
];

/** The esbuild settings of packages/components/scripts/build-cdn.mjs (legal comments dropped for all). */
export const sameWay = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  conditions: ['browser', 'production'],
  legalComments: 'none',
  logLevel: 'error',
};

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

/** Sizes of a file on disk, or undefined when it is not there. */
export function fileSize(path) {
  if (!existsSync(path)) return undefined;
  const buf = readFileSync(path);
  return { min: buf.length, gzip: gzip(buf), path: relative(join(BENCH, '..'), path) };
}

/** Groups esbuild's per-input output bytes by package, biggest first. */
function composition(metafile) {
  const out = Object.values(metafile.outputs)[0];
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    let key;
    const nm = input.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = input.slice(nm + 'node_modules/'.length).split('/');
      key = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    } else {
      const m = /packages\/([^/]+)\/(?:src|dist)\/(?:components\/([^/]+)\/)?/.exec(input);
      key = m ? `@linli/${m[1]}${m[2] ? `/${m[2]}` : ''}` : input;
    }
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes }));
}

/** Bundles one entry (file path, or source text via `contents`) and returns its min and gzip sizes. */
export async function bundleSize(name, { entry, contents, tsconfig, resolveDir }) {
  const outfile = join(TMP, 'sizes', `${name}.js`);
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    ...sameWay,
    ...(contents ? { stdin: { contents, resolveDir: resolveDir ?? BENCH, loader: 'js', sourcefile: `${name}.js` } } : { entryPoints: [entry] }),
    ...(tsconfig ? { tsconfig } : {}),
    outfile,
    write: false,
    metafile: true,
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js')).contents;
  writeFileSync(outfile, code);
  return { min: code.length, gzip: gzip(code), composition: composition(result.metafile).slice(0, 10) };
}

export async function measureSizes({ log = console.log } = {}) {
  const tsconfig = join(COMPONENTS, 'tsconfig.json');
  const r = { shoelaceVersion, shoelaceSetNames: shoelaceSet };
  const attempt = async (key, fn) => {
    try {
      r[key] = await fn();
    } catch (err) {
      r[key] = { error: String(err?.message ?? err).split('\n')[0] };
      log(`  sizes: ${key} failed: ${r[key].error}`);
    }
  };

  await attempt('slRating', () =>
    bundleSize('sl-rating', { contents: `import '@shoelace-style/shoelace/dist/components/rating/rating.js';`, resolveDir: BENCH }),
  );
  await attempt('shoelaceSet', () =>
    bundleSize('shoelace-set', {
      contents: shoelaceSet.map((c) => `import '@shoelace-style/shoelace/dist/components/${c}/${c}.js';`).join('\n'),
      resolveDir: BENCH,
    }),
  );
  await attempt('shoelaceThemeCss', async () => {
    const css = fileSize(join(shoelaceRoot, 'dist/themes/light.css'));
    if (!css) throw new Error('light.css not found');
    return css;
  });

  const evaluationEntry = join(COMPONENTS, 'src/components/evaluation/evaluation.ts');
  await attempt('evaluation', async () => {
    if (!existsSync(evaluationEntry)) throw new Error('packages/components/src/components/evaluation/evaluation.ts does not exist yet');
    return bundleSize('linli-evaluation', { entry: evaluationEntry, tsconfig });
  });

  await attempt('linliJs', async () => {
    const s = fileSize(join(COMPONENTS, 'dist/cdn/linli.js'));
    if (!s) throw new Error('packages/components/dist/cdn/linli.js is not built (pnpm --filter @linli/components build)');
    return s;
  });
  await attempt('evaluationPage', async () => {
    const s = fileSize(join(COMPONENTS, 'dist/cdn/linli-evaluation.js'));
    if (!s) throw new Error('packages/components/dist/cdn/linli-evaluation.js is not built');
    return s;
  });
  // What the CDN bundle is made of (same entry, same settings), to show where the bytes go.
  await attempt('linliJsComposition', async () => {
    const entry = join(COMPONENTS, 'src/cdn/linli.ts');
    if (!existsSync(entry)) throw new Error('src/cdn/linli.ts does not exist');
    const s = await bundleSize('linli-rebuilt', { entry, tsconfig });
    return { min: s.min, gzip: s.gzip, composition: s.composition };
  });
  return r;
}
