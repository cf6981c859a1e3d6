// Server throughput and latency with autocannon: Linli (PGlite, and PostgreSQL when DATABASE_URL is set)
// next to a bare Hono handler, interleaved run by run; plus list latency as the catalogue grows.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, percentile, summarize } from './stats.mjs';
import { startBareHono, startLinli, startScaleServer } from './server-proc.mjs';
import { TMP } from './paths.mjs';

const grievanceBody = (serviceCode) =>
  JSON.stringify({
    serviceCode,
    description: '楼道里的声控灯坏了一个多星期，晚上上下楼看不见，老人容易摔倒，请尽快修理。',
    location: { kind: 'address', text: '建西东路街道民乐路社区 12 号楼 3 单元' },
    channel: 'web',
    reporter: { anonymous: true },
    contactConsent: false,
  });

/** A requestable service whose form has no required attributes, so the body above is valid for it. */
async function pickService(url) {
  const res = await fetch(`${url}/api/v1/services?requestable=true&limit=200`);
  const { items } = await res.json();
  const s = items.find((x) => !(x.definition ?? []).some((a) => a.required));
  if (!s) throw new Error('no requestable service without required attributes');
  return s.code;
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** One autocannon run; every POST gets a fresh Idempotency-Key. */
async function load(url, kind, { seconds, connections, body, bust = false }) {
  let n = 0;
  const request =
    kind === 'post'
      ? {
          method: 'POST',
          path: '/api/v1/grievances',
          headers: { 'content-type': 'application/json' },
          body,
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'Idempotency-Key': randomUUID() } }),
        }
      : {
          method: 'GET',
          path: '/api/v1/services',
          ...(bust ? { setupRequest: (req) => ({ ...req, path: `/api/v1/services?_=${++n}` }) } : {}),
        };
  const r = await cannon({ url, connections, duration: seconds, requests: [request] });
  const ok = r['2xx'];
  const total = ok + r.non2xx;
  return {
    rps: r.requests.average,
    okRps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total,
  };
}

/** Throughput of Linli and bare Hono, `runs` interleaved runs per endpoint. */
export async function measureThroughput(linliUrl, bareUrl, { seconds = 8, connections = 50, runs = 3, bustRuns = 3, bustSeconds = 5, log = console.log } = {}) {
  const body = grievanceBody(await pickService(linliUrl));
  // The body must be accepted as it is: one POST before loading.
  const probe = await fetch(`${linliUrl}/api/v1/grievances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': randomUUID() },
    body,
  });
  if (probe.status !== 201) throw new Error(`POST /api/v1/grievances answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);

  const targets = { linli: linliUrl, bare: bareUrl };
  const plan = [
    { key: 'get', kind: 'get', runs },
    { key: 'post', kind: 'post', runs },
    { key: 'getUncached', kind: 'get', bust: true, runs: bustRuns, seconds: bustSeconds },
  ];
  const out = { seconds, bustSeconds, connections, body: JSON.parse(body) };
  for (const step of plan) {
    const samples = { linli: [], bare: [] };
    // A short warm-up per server (not counted), then alternate which server goes first.
    for (const who of ['linli', 'bare']) await load(targets[who], step.kind, { seconds: 2, connections, body, bust: step.bust });
    for (let i = 0; i < step.runs; i++) {
      for (const who of i % 2 ? ['bare', 'linli'] : ['linli', 'bare']) {
        const r = await load(targets[who], step.kind, { seconds: step.seconds ?? seconds, connections, body, bust: step.bust });
        samples[who].push(r);
        log(`  ${step.key} ${who} run ${i + 1}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`);
      }
    }
    const sum = (rs) => ({
      rps: summarize(rs.map((r) => r.rps)),
      okRps: summarize(rs.map((r) => r.okRps)),
      p50: summarize(rs.map((r) => r.p50)),
      p99: summarize(rs.map((r) => r.p99)),
      non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
      errors: rs.reduce((a, r) => a + r.errors, 0),
      requests: rs.reduce((a, r) => a + r.total, 0),
    });
    out[step.key] = { linli: sum(samples.linli), bare: sum(samples.bare), ratio: summarize(samples.linli.map((r, i) => r.okRps / samples.bare[i].okRps)) };
  }
  return out;
}

/** Starts Linli (PGlite or PostgreSQL) and bare Hono with the same GET payload, runs `fn`, stops both. */
export async function withServers({ databaseUrl, log = console.log }, fn) {
  const linli = await startLinli({ databaseUrl });
  let bare;
  try {
    const payload = await (await fetch(`${linli.url}/api/v1/services`)).text();
    const file = join(TMP, 'get-payload.json');
    writeFileSync(file, payload);
    bare = await startBareHono(file);
    log(`  servers: Linli ${linli.url} (${databaseUrl ? 'PostgreSQL' : 'PGlite'}), bare Hono ${bare.url}; GET payload ${payload.length} bytes`);
    return await fn({ linliUrl: linli.url, bareUrl: bare.url, payloadBytes: payload.length });
  } finally {
    await bare?.stop();
    await linli.stop();
  }
}

/** Sequential, uncached request latency of list and search at 1k / 10k / 100k services. */
export async function measureServerScale({ sizes = [1_000, 10_000, 100_000], runs = 3, requests = 15, log = console.log } = {}) {
  const server = await startScaleServer();
  const out = {};
  let bust = 0;
  const get = async (path) => {
    const sep = path.includes('?') ? '&' : '?';
    const t0 = performance.now();
    const res = await fetch(`${server.url}${path}${sep}_=${++bust}`);
    const body = await res.json();
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return { ms, total: body.total, items: body.items.length };
  };
  try {
    for (const n of sizes) {
      const grown = await server.grow(n);
      log(`  server scale: ${grown.count} services (${(grown.ms / 1000).toFixed(1)} s to insert)`);
      const entry = { services: grown.count, insertMs: grown.ms };
      for (const [key, path] of [
        ['list', '/api/v1/services?limit=50'],
        ['search', `/api/v1/services?limit=50&q=${encodeURIComponent('养老')}`],
      ]) {
        for (let i = 0; i < 3; i++) await get(path);
        const perRun = [];
        let last;
        for (let r = 0; r < runs; r++) {
          const times = [];
          for (let i = 0; i < requests; i++) {
            last = await get(path);
            times.push(last.ms);
          }
          perRun.push({ p50: median(times), p95: percentile(times, 95) });
        }
        entry[key] = { path, p50: summarize(perRun.map((x) => x.p50)), p95: summarize(perRun.map((x) => x.p95)), matches: last.total, requestsPerRun: requests };
      }
      out[n] = entry;
    }
  } finally {
    await server.stop();
  }
  return out;
}
