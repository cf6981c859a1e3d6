// pnpm bench: measures Linli against the SPEC §8 budgets and its peers in one run, writes bench/results.json
// and docs/benchmarks.md. Measures only: exits 0 whatever the figures (non-zero only if the harness crashes).
//
//   node src/run.mjs [--quick] [--full] [--only=sizes,browser,sdk,server,scale] | --report-only
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { measureBrowser } from './browser.mjs';
import { keystrokes } from './pages/keystrokes.mjs';
import { BENCH, ROOT, SERVER, TMP } from './paths.mjs';
import { renderReport } from './report.mjs';
import { measureSdkOverhead } from './sdk-overhead.mjs';
import { measureServerScale, measureThroughput, withServers } from './server-load.mjs';
import { measureSizes } from './sizes.mjs';

const args = process.argv.slice(2);
if (args.includes('--report-only')) {
  // Rewrites docs/benchmarks.md from bench/results.json without measuring anything.
  const { BENCH: B, ROOT: R } = await import('./paths.mjs');
  const saved = JSON.parse(readFileSync(join(B, 'results.json'), 'utf8'));
  writeFileSync(join(R, 'docs/benchmarks.md'), renderReport(saved));
  console.log('rewrote docs/benchmarks.md from bench/results.json');
  process.exit(0);
}
const quick = args.includes('--quick');
const full = args.includes('--full');
const onlyArg = args.find((a) => a.startsWith('--only='));
const areas = ['sizes', 'browser', 'sdk', 'server', 'scale'];
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : new Set(areas);
for (const a of only) if (!areas.includes(a)) throw new Error(`--only: unknown area "${a}" (known: ${areas.join(', ')})`);

const RESULTS = join(BENCH, 'results.json');
const REPORT = join(ROOT, 'docs/benchmarks.md');
const started = Date.now();
const log = (m) => console.log(m);
mkdirSync(TMP, { recursive: true });

const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};
const sh = (cmd, argv) => {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model;
  const head = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--', 'packages']);
  return {
    cpu,
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    playwright: version('playwright-core'),
    date: new Date().toISOString().replace('T', ' ').replace(/\..+/, ' UTC'),
    loadStart: os.loadavg()[0].toFixed(2),
    git: head ? `${head}${dirty ? ' with uncommitted changes in packages/' : ''}` : undefined,
  };
}

// Areas not run this time keep their previous results (with --only).
const previous = existsSync(RESULTS) && onlyArg ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const res = {
  ...previous,
  machine: machine(),
  versions: { esbuild: version('esbuild'), autocannon: version('autocannon'), shoelace: version('@shoelace-style/shoelace'), lit: version('lit') },
  keystrokes,
  notMeasured: [],
};
const save = () => writeFileSync(RESULTS, `${JSON.stringify(res, null, 2)}\n`);

async function area(name, fn, enabled = only.has(name)) {
  if (!enabled) return;
  const t0 = Date.now();
  log(`▶ ${name}`);
  (res.machine.loadByArea ??= {})[name] = os.loadavg()[0].toFixed(2);
  try {
    await fn();
  } catch (err) {
    const msg = String(err?.message ?? err).split('\n')[0];
    log(`  ${name} failed: ${msg}`);
    res.notMeasured.push(`${name}: ${msg}`);
  }
  log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  (res.machine.secondsByArea ??= {})[name] = Math.round((Date.now() - t0) / 1000);
  save();
}

await area('sizes', async () => {
  res.sizes = await measureSizes({ log });
  for (const [k, v] of Object.entries(res.sizes)) if (v?.error) res.notMeasured.push(`size of ${k}: ${v.error}`);
});

await area('browser', async () => {
  res.browser = await measureBrowser({ log, quick, full });
  res.machine.chromium = res.browser.chromium;
  for (const e of res.browser.errors) res.notMeasured.push(`browser: ${e}`);
});
res.machine.chromium ??= res.browser?.chromium ?? sh('/usr/bin/chromium', ['--version'])?.replace(/^Chromium\s+/, '').split(' ')[0];

const serverBuilt = existsSync(join(SERVER, 'dist/cli.js'));
if (!serverBuilt && (only.has('sdk') || only.has('server') || only.has('scale'))) {
  res.notMeasured.push('server, SDK overhead and growth: packages/server/dist/cli.js is not built (pnpm --filter @linli/server build)');
}

if (serverBuilt && (only.has('sdk') || only.has('server'))) {
  res.server = only.has('server') ? {} : res.server;
  await area('sdk+server (PGlite)', () =>
    withServers({ log }, async ({ linliUrl, bareUrl }) => {
      if (only.has('sdk')) {
        try {
          res.sdk = await measureSdkOverhead(`${linliUrl}/api/v1`, { log, runs: quick ? 2 : 5, iterations: quick ? 50 : 200, warmup: quick ? 20 : 100 });
          res.sdk.warmup = quick ? 20 : 100;
        } catch (err) {
          res.sdk = { error: String(err?.message ?? err).split('\n')[0] };
          res.notMeasured.push(`SDK overhead: ${res.sdk.error}`);
        }
        save();
      }
      if (only.has('server')) {
        res.server.pglite = await measureThroughput(linliUrl, bareUrl, {
          log,
          seconds: quick ? 3 : 6,
          runs: quick ? 1 : 3,
          bustRuns: quick ? 1 : 3,
          bustSeconds: quick ? 3 : 5,
        });
      }
    }),
    true,
  );
  if (only.has('server')) {
    if (!process.env.DATABASE_URL) {
      res.server.postgres = { skipped: 'DATABASE_URL is not set' };
      res.notMeasured.push('server throughput on PostgreSQL: DATABASE_URL is not set');
    } else {
      await area('server (PostgreSQL)', () =>
        withServers({ log, databaseUrl: process.env.DATABASE_URL }, async ({ linliUrl, bareUrl }) => {
          res.server.postgres = await measureThroughput(linliUrl, bareUrl, { log, seconds: quick ? 3 : 6, runs: quick ? 1 : 3, bustRuns: quick ? 1 : 3, bustSeconds: quick ? 3 : 5 });
        }),
        true,
      );
    }
  }
}

if (serverBuilt) {
  res.serverScaleRuns = quick ? 2 : 3;
  res.serverScaleRequests = quick ? 8 : 12;
  await area('scale', async () => {
    res.serverScale = await measureServerScale({ log, runs: res.serverScaleRuns, requests: res.serverScaleRequests });
  });
}

res.machine.loadEnd = os.loadavg()[0].toFixed(2);
res.machine.durationS = (Date.now() - started) / 1000;
save();
mkdirSync(join(ROOT, 'docs'), { recursive: true });
writeFileSync(REPORT, renderReport(res));
log(`wrote ${REPORT} and ${RESULTS} in ${Math.round(res.machine.durationS)} s`);
process.exit(0);
