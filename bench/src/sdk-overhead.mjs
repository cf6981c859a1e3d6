// SDK call overhead: client.services.list({ limit: 50 }) over httpAdapter against raw fetch + JSON.parse of
// the very same URL on the same running server, interleaved call by call in a random order.
import { httpAdapter } from '@linli/adapter-http';
import { createClient } from '@linli/sdk';
import { median, percentile, shuffled, summarize } from './stats.mjs';

/** The URL and headers the adapter sends for list({ limit: 50 }), captured once through a wrapping fetch. */
async function discover(baseUrl) {
  let seen;
  const spy = (input, init) => {
    const req = new Request(input, init);
    seen ??= { url: req.url, headers: Object.fromEntries(req.headers) };
    return fetch(input, init);
  };
  const client = createClient({ adapter: httpAdapter({ baseUrl, fetch: spy, outbox: false }) });
  const page = await client.services.list({ limit: 50 });
  return { ...seen, items: page.items.length };
}

export async function measureSdkOverhead(baseUrl, { runs = 5, iterations = 200, warmup = 100, log = console.log } = {}) {
  const target = await discover(baseUrl);
  const client = createClient({ adapter: httpAdapter({ baseUrl, outbox: false }) });
  const sdk = async () => {
    const page = await client.services.list({ limit: 50 });
    if (page.items.length !== target.items) throw new Error('SDK page size changed');
  };
  const raw = async () => {
    const res = await fetch(target.url, { headers: target.headers });
    if (!res.ok) throw new Error(`raw fetch: HTTP ${res.status}`);
    const body = JSON.parse(await res.text());
    if (body.items.length !== target.items) throw new Error('raw page size changed');
  };
  const time = async (fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };

  for (let i = 0; i < warmup; i++) {
    await sdk();
    await raw();
  }
  const perRun = [];
  for (let r = 0; r < runs; r++) {
    const s = [];
    const f = [];
    for (let i = 0; i < iterations; i++) {
      // Each pair in a random order, so neither side always follows the other.
      for (const which of shuffled(['sdk', 'raw'])) (which === 'sdk' ? s : f).push(await time(which === 'sdk' ? sdk : raw));
    }
    perRun.push({
      sdkMedian: median(s),
      sdkP95: percentile(s, 95),
      rawMedian: median(f),
      rawP95: percentile(f, 95),
      ratio: median(s) / median(f),
      ratioP95: percentile(s, 95) / percentile(f, 95),
    });
    log(`  sdk overhead run ${r + 1}/${runs}: sdk ${median(s).toFixed(2)} ms, raw ${median(f).toFixed(2)} ms`);
  }
  const pick = (k) => summarize(perRun.map((x) => x[k]));
  return {
    url: target.url,
    requestHeaders: target.headers,
    items: target.items,
    runs,
    iterations,
    sdkMedian: pick('sdkMedian'),
    sdkP95: pick('sdkP95'),
    rawMedian: pick('rawMedian'),
    rawP95: pick('rawP95'),
    ratio: pick('ratio'),
    ratioP95: pick('ratioP95'),
  };
}
