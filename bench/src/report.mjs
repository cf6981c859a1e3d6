// Turns bench/results.json into docs/benchmarks.md: one table per area with the budget, the peer measured
// in the same run, the ratio and a plain ✅/❌.

const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
/** 10 000 style: a space between thousands, as in the rest of the docs. */
export const fmtInt = (x) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

// ---------- formatting ----------

export const fmtMs = (x) => (!isNum(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 1 : 2)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
export const fmtKB = (bytes) => (!isNum(bytes) ? '—' : `${(bytes / 1000).toFixed(1)} KB`);
export const fmtRps = (x) => (!isNum(x) ? '—' : `${fmtInt(x)} req/s`);
export const fmtX = (x) => (!isNum(x) ? '—' : `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`);
export const fmtPct = (x) => (!isNum(x) ? '—' : `${(x * 100).toFixed(0)} %`);

/** `median [min–max]` of a summary, or the single value when there was one run. */
export function cell(s, fmt = fmtMs, { capped = false } = {}) {
  if (s === undefined || s === null) return 'not measured';
  if (isNum(s)) return fmt(s);
  if (!isNum(s.median)) return 'not measured';
  const gt = capped ? '> ' : '';
  if (s.n <= 1 || s.min === s.max) return `${gt}${fmt(s.median)}${s.n === 1 ? ' (1 run)' : ''}`;
  return `${gt}${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]`;
}

const med = (s) => (isNum(s) ? s : s?.median);
const ratioOf = (a, b) => (isNum(med(a)) && isNum(med(b)) && med(b) !== 0 ? med(a) / med(b) : undefined);
const mark = (ok) => (ok === true ? '✅' : ok === false ? '❌' : '—');
const esc = (s) => String(s).replace(/\|/g, '\\|');

function table(rows) {
  const head = '| what | Linli (median [min–max]) | budget | peer (median [min–max]) | ratio | ✅/❌ |\n|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${[r.what, r.linli, r.budget ?? '—', r.peer ?? '—', r.ratio ?? '—', r.ok ?? '—'].map(esc).join(' | ')} |`)].join('\n');
}

/** Collects every checked budget so the report can list the misses up front. */
class Budgets {
  list = [];
  check(area, what, value, limit, { op = '<=', fmt = String, figure } = {}) {
    if (!isNum(value)) {
      this.list.push({ area, what, ok: undefined, text: `not measured (budget ${op === '<=' ? '≤' : '≥'} ${fmt(limit)})` });
      return 'n/a';
    }
    const ok = op === '<=' ? value <= limit : value >= limit;
    this.list.push({ area, what, ok, text: `${figure ?? fmt(value)} against ${op === '<=' ? '≤' : '≥'} ${fmt(limit)}` });
    return mark(ok);
  }
}

// ---------- sections ----------

function sizesSection(r, b) {
  if (!r) return '_Not measured._';
  const rows = [];
  const sz = (x) => (x?.error ? `not measured: ${x.error}` : x ? `${fmtKB(x.gzip)} (min ${fmtKB(x.min)})` : 'not measured');
  const peerRating = `Shoelace \`sl-rating\`: ${sz(r.slRating)}`;
  rows.push({
    what: '`linli-evaluation` alone: define module (Lit, @lit/context, base element included), min + gzip',
    linli: sz(r.evaluation),
    budget: '≤ 14 KB',
    peer: peerRating,
    ratio: fmtX(ratioOf(r.evaluation?.gzip, r.slRating?.gzip)),
    ok: b.check('sizes', '`linli-evaluation` alone, min + gzip', r.evaluation?.gzip, 14_000, { fmt: fmtKB }),
  });
  rows.push({
    what: '`linli.js` (all components + SDK browser entry + REST adapter: `dist/cdn/linli.js`), min + gzip',
    linli: sz(r.linliJs),
    budget: '≤ 60 KB',
    peer: `Shoelace set (${r.shoelaceSetNames?.length ?? '?'} elements, listed below): ${sz(r.shoelaceSet)}`,
    ratio: fmtX(ratioOf(r.linliJs?.gzip, r.shoelaceSet?.gzip)),
    ok: b.check('sizes', '`linli.js`, min + gzip', r.linliJs?.gzip, 60_000, { fmt: fmtKB }),
  });
  rows.push({
    what: 'ℹ️ page that embeds only the widget: `dist/cdn/linli-evaluation.js` (widget + provider + SDK client + REST adapter)',
    linli: sz(r.evaluationPage),
    budget: '—',
    peer: `Shoelace \`sl-rating\`: ${sz(r.slRating)}`,
    ratio: fmtX(ratioOf(r.evaluationPage?.gzip, r.slRating?.gzip)),
    ok: '—',
  });
  rows.push({
    what: 'ℹ️ theme stylesheet a Shoelace page also needs (`themes/light.css`; Linli ships its tokens inside the JS)',
    linli: '— (included above)',
    budget: '—',
    peer: sz(r.shoelaceThemeCss),
    ratio: '—',
    ok: '—',
  });
  const comp = (x, title) =>
    x?.composition?.length
      ? `- ${title}: ${x.composition
          .filter((c) => c.bytes > 0)
          .slice(0, 8)
          .map((c) => `${c.name} ${fmtKB(c.bytes)}`)
          .join(' · ')}`
      : '';
  return [
    table(rows),
    '',
    `Shoelace ${r.shoelaceVersion} set built for the comparison: ${(r.shoelaceSetNames ?? []).map((n) => `\`sl-${n}\``).join(', ')}.`,
    '',
    'Where the bytes go (minified bytes per package before gzip, from the esbuild metafile):',
    '',
    comp(r.evaluation, '`linli-evaluation` alone'),
    comp(r.linliJsComposition, '`linli.js` (rebuilt from `src/cdn/linli.ts` with the same settings)'),
    comp(r.slRating, '`sl-rating`'),
  ]
    .filter((x) => x !== undefined)
    .join('\n');
}

function browserSection(r, b) {
  if (!r) return '_Not measured._';
  const e = r.widgets?.evaluation;
  const s = r.widgets?.['sl-rating'];
  const d = r.directory?.directory;
  const n = r.directory?.['naive-list'];
  const widgets = [
    {
      what: 'first render: append → own shadow content rendered and laid out',
      linli: cell(e?.renderReady),
      peer: `\`sl-rating\`: ${cell(s?.renderReady)}`,
      ratio: fmtX(ratioOf(e?.renderReady, s?.renderReady)),
    },
    {
      what: 'first render: append → everything visible laid out (sl-rating: its `<sl-icon>` SVGs have arrived)',
      linli: cell(e?.renderVisible),
      peer: cell(s?.renderVisible),
      ratio: fmtX(ratioOf(e?.renderVisible, s?.renderVisible)),
    },
    {
      what: 'click a level (real mouse) → change event → re-rendered and laid out (median of per-run medians)',
      linli: cell(e?.clickUpdated),
      peer: cell(s?.clickUpdated),
      ratio: fmtX(ratioOf(e?.clickUpdated, s?.clickUpdated)),
    },
    {
      what: 'ℹ️ click → next animation frame (includes waiting for the frame)',
      linli: cell(e?.clickFrame),
      peer: cell(s?.clickFrame),
      ratio: fmtX(ratioOf(e?.clickFrame, s?.clickFrame)),
    },
  ];
  const lists = [
    {
      what: 'first render, 10 000 services: attach → first rows on screen (first frame after they are in the DOM)',
      linli: cell(d?.render),
      budget: '≤ 150 ms',
      peer: `naïve list: ${cell(n?.render)}`,
      ratio: fmtX(ratioOf(d?.render, n?.render)),
      ok: b.check('rendering', 'directory first render at 10 000 services (rows on screen)', med(d?.render), 150, { fmt: fmtMs }),
    },
    {
      what: 'ℹ️ first render, 10 000 services: attach → first rows in the DOM and laid out (before that frame)',
      linli: cell(d?.renderDom),
      peer: cell(n?.renderDom),
      ratio: fmtX(ratioOf(d?.renderDom, n?.renderDom)),
    },
    {
      what: 'ℹ️ attach → whole catalogue loaded (the directory pages through the client, 500 per request)',
      linli: cell(d?.loaded),
      peer: 'n/a (gets the array)',
    },
    {
      what: `filter keystroke p50 (${d?.keystrokesPerRun ?? '?'} keystrokes per run): input event → list updated and laid out`,
      linli: cell(d?.keyP50),
      peer: cell(n?.keyP50),
      ratio: fmtX(ratioOf(d?.keyP50, n?.keyP50)),
    },
    {
      what: 'filter keystroke p95: input event → list updated and laid out',
      linli: cell(d?.keyP95),
      budget: '≤ 16 ms',
      peer: cell(n?.keyP95),
      ratio: fmtX(ratioOf(d?.keyP95, n?.keyP95)),
      ok: b.check('rendering', 'directory filter keystroke p95 at 10 000 services', med(d?.keyP95), 16, { fmt: fmtMs }),
    },
    {
      what: 'ℹ️ filter keystroke p95 to the next animation frame (updateComplete + rAF; includes up to one frame of waiting)',
      linli: cell(d?.keyFrameP95),
      peer: cell(n?.keyFrameP95),
      ratio: fmtX(ratioOf(d?.keyFrameP95, n?.keyFrameP95)),
    },
    {
      what: 'ℹ️ slowest keystroke of a run',
      linli: cell(d?.keyMax),
      peer: cell(n?.keyMax),
      ratio: fmtX(ratioOf(d?.keyMax, n?.keyMax)),
    },
    {
      what: 'ℹ️ one 500-service page through `client.services.list` over the memory adapter (warm, after the run)',
      linli: cell(d?.clientPage),
      peer: '—',
    },
  ];
  return [
    `Chromium ${r.chromium ?? '?'} (headless). Widgets: ${e?.runs ?? 0} / ${s?.runs ?? 0} fresh-page runs (Linli / Shoelace), ${e?.clicksPerRun ?? '?'} clicks each. ` +
      `Lists: ${d?.runs ?? 0} runs of the directory, ${n?.runs ?? 0} of the naïve list (each a fresh page).`,
    '',
    '**`<linli-evaluation>` vs Shoelace `<sl-rating>`** (SPEC §8 sets no time budget for the widget: ratio only)',
    '',
    table(widgets),
    '',
    '**`<linli-service-directory>` with 10 000 services vs a naïve non-virtualised Lit list**',
    '',
    table(lists),
    d?.resultCounts ? `\nKeystroke sequence and the number of matching services after each: ${d.resultCounts.map((c, i) => `\`${keystrokeAt(r, i)}\`→${c}`).join(' ')}` : '',
  ].join('\n');
}

const keystrokeAt = (r, i) => (r.keystrokes?.[i] === '' ? '⌫ (empty)' : r.keystrokes?.[i] ?? '?');

function sdkSection(r, b) {
  if (!r) return '_Not measured._';
  if (r.error) return `_Not measured: ${r.error}_`;
  const rows = [
    {
      what: `\`client.services.list({ limit: 50 })\` over \`httpAdapter\`, per call, median (peer: raw \`fetch\` + \`JSON.parse\` of \`${r.url?.replace(/^http:\/\/[^/]+/, '')}\`)`,
      linli: cell(r.sdkMedian),
      budget: '≤ 1.3× raw',
      peer: cell(r.rawMedian),
      ratio: cell(r.ratio, fmtX),
      ok: b.check('sdk', 'SDK call overhead (median per call vs raw fetch + JSON.parse)', med(r.ratio), 1.3, { fmt: fmtX }),
    },
    {
      what: 'ℹ️ per call, p95',
      linli: cell(r.sdkP95),
      peer: cell(r.rawP95),
      ratio: cell(r.ratioP95, fmtX),
    },
  ];
  return `${r.runs} runs × ${r.iterations} interleaved pairs (random order within each pair) after ${r.warmup ?? 100} warm-up pairs; ratio = median of the per-run ratios.\n\n${table(rows)}`;
}

function throughputTable(t, b, db) {
  const rows = [];
  const add = (key, label, checked) => {
    const x = t[key];
    if (!x) return;
    rows.push({
      what: `${label}: throughput (2xx req/s)`,
      linli: cell(x.linli.okRps, fmtRps),
      budget: checked ? '≥ 50 % of bare Hono' : '—',
      peer: cell(x.bare.okRps, fmtRps),
      ratio: `${cell(x.ratio, fmtPct)}`,
      ok: checked ? b.check('server', `${label} on ${db}: share of bare Hono's req/s`, med(x.ratio), 0.5, { op: '>=', fmt: fmtPct }) : '—',
    });
    rows.push({ what: `${label}: latency p50`, linli: cell(x.linli.p50), peer: cell(x.bare.p50), ratio: fmtX(ratioOf(x.linli.p50, x.bare.p50)) });
    rows.push({ what: `${label}: latency p99`, linli: cell(x.linli.p99), peer: cell(x.bare.p99), ratio: fmtX(ratioOf(x.linli.p99, x.bare.p99)) });
    if (x.linli.non2xx || x.linli.errors) rows.push({ what: `${label}: non-2xx / errors (all runs)`, linli: `${x.linli.non2xx} / ${x.linli.errors} of ${x.linli.requests}`, peer: `${x.bare.non2xx} / ${x.bare.errors}` });
  };
  add('get', '`GET /api/v1/services`', true);
  add('post', '`POST /api/v1/grievances` (unique Idempotency-Key each)', true);
  add('getUncached', 'ℹ️ `GET /api/v1/services?_=<unique>` (defeats the response cache: every request reaches the database)', false);
  return table(rows);
}

function serverSection(r, b) {
  if (!r) return '_Not measured._';
  const parts = [];
  for (const [key, db] of [
    ['pglite', 'PGlite'],
    ['postgres', 'PostgreSQL'],
  ]) {
    const t = r[key];
    parts.push(`**${db}**`, '');
    if (!t) parts.push('_Not measured._');
    else if (t.skipped) parts.push(`_Not measured: ${t.skipped}_`);
    else if (t.error) parts.push(`_Not measured: ${t.error}_`);
    else {
      parts.push(`autocannon, ${t.connections} connections, ${t.seconds} s per run (${t.bustSeconds ?? t.seconds} s for the uncached GET), ${t.get?.linli?.rps?.n ?? '?'} runs per endpoint and server, Linli and bare Hono alternating (plus a 2 s warm-up each, not counted).`, '');
      parts.push(throughputTable(t, b, db));
    }
    parts.push('');
  }
  return parts.join('\n');
}

function scaleSection(browser, server, b) {
  const parts = [];
  const sc = browser?.scale ?? {};
  const rows = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const d = sc[`directory@${n}`];
    const nv = sc[`naive-list@${n}`];
    const naiveCell = nv?.skipped ? nv.skipped : cell(nv?.render, fmtMs, { capped: nv?.renderCapped });
    rows.push({
      what: `directory first render, ${fmtInt(n)} services: rows on screen`,
      linli: cell(d?.render, fmtMs, { capped: d?.renderCapped }),
      budget: n === 10_000 ? '≤ 150 ms' : '—',
      peer: `naïve list: ${naiveCell}`,
      ratio: d?.renderCapped || nv?.renderCapped ? '—' : fmtX(ratioOf(d?.render, nv?.render)),
      ok: n === 10_000 ? mark(isNum(med(d?.render)) ? med(d.render) <= 150 : undefined) : '—',
    });
    rows.push({
      what: `ℹ️ ${fmtInt(n)} services: rows in the DOM and laid out`,
      linli: cell(d?.renderDom),
      peer: nv?.skipped ? '—' : cell(nv?.renderDom),
      ratio: fmtX(ratioOf(d?.renderDom, nv?.renderDom)),
    });
    rows.push({
      what: `ℹ️ ${fmtInt(n)} services: whole catalogue loaded`,
      linli: cell(d?.loaded, fmtMs, { capped: d?.loadedCapped }),
      peer: '—',
    });
  }
  const runsAt = (n) => sc[`directory@${n}`]?.runs ?? 0;
  const cap = sc['directory@100000']?.capMs ?? sc['directory@1000']?.capMs;
  parts.push(
    `**Directory first render as the catalogue grows** (browser; 10 000 from the runs above; 1 000: ${runsAt(1000)} runs, 100 000: ${runsAt(100000)}; a run is stopped after ${cap ? fmtMs(cap) : 'its time limit'} and then shown as "> limit", and no further runs are made at that size)`,
    '',
    table(rows),
    '',
  );

  if (!server) parts.push('**Server list latency as the catalogue grows**: _not measured._');
  else if (server.error) parts.push(`**Server list latency as the catalogue grows**: _not measured: ${server.error}_`);
  else {
    const srows = [];
    const base = server['1000'];
    for (const [n, e] of Object.entries(server)) {
      if (!e?.list) continue;
      for (const key of ['list', 'search']) {
        const x = e[key];
        srows.push({
          what: `${key === 'list' ? '`GET /api/v1/services?limit=50`' : '`GET /api/v1/services?limit=50&q=养老`'} at ${fmtInt(Number(n))} services${key === 'search' ? ` (${x.matches} matches)` : ''}: p50`,
          linli: cell(x.p50),
          peer: '—',
          ratio: n === '1000' ? '1× (base)' : `${fmtX(ratioOf(x.p50, base?.[key]?.p50))} vs 1k`,
        });
        srows.push({ what: '  p95', linli: cell(x.p95), peer: '—', ratio: n === '1000' ? '1× (base)' : `${fmtX(ratioOf(x.p95, base?.[key]?.p95))} vs 1k` });
      }
    }
    parts.push(
      '**Server list latency as the catalogue grows** (PGlite; one client, sequential requests, each with a unique `_=` parameter so none is answered from the response cache; ratio column: growth against 1 000 services)',
      '',
      table(srows),
    );
  }
  return parts.join('\n');
}

// ---------- the document ----------

export function renderReport(res) {
  const b = new Budgets();
  const m = res.machine ?? {};
  const sizes = sizesSection(res.sizes, b);
  const browser = browserSection(res.browser ? { ...res.browser, keystrokes: res.keystrokes } : undefined, b);
  const sdk = sdkSection(res.sdk, b);
  const server = serverSection(res.server, b);
  const scale = scaleSection(res.browser, res.serverScale, b);
  const missed = b.list.filter((x) => x.ok === false);
  const unmeasured = b.list.filter((x) => x.ok === undefined);
  const met = b.list.filter((x) => x.ok === true);

  const notMeasured = [...(res.notMeasured ?? [])];
  for (const u of unmeasured) notMeasured.push(`${u.what}: ${u.text}`);
  for (const [k, v] of Object.entries(res.browser?.scale ?? {})) if (v?.skipped) notMeasured.push(`${k.startsWith('naive') ? 'naïve list' : 'directory'} at ${fmtInt(Number(k.split('@')[1]))} services: ${v.skipped}`);

  return `# Benchmarks

_Generated by \`pnpm bench\` (bench/src/run.mjs) on ${m.date ?? '?'}; raw figures in [\`bench/results.json\`](../bench/results.json). Do not edit by hand: run the benchmark again._

Budgets are those of the product specification (SPEC §8). Every figure is the median of several runs, shown as **median [min–max]** over the runs; the peer is measured in the same run, on the same machine. Benchmarks measure and report; they never fail the build on timing.

## Budgets at a glance

${met.length} met, ${missed.length} missed${unmeasured.length ? `, ${unmeasured.length} not measured` : ''}.

${missed.length ? `**Missed budgets:**\n\n${missed.map((x) => `- ❌ ${x.what}: ${x.text}.`).join('\n')}\n` : '**No budget was missed.**\n'}
${met.length ? `Met:\n\n${met.map((x) => `- ✅ ${x.what}: ${x.text}.`).join('\n')}\n` : ''}
## Machine

| | |
|---|---|
| CPU | ${m.cpu ?? '?'} |
| cores | ${m.cores ?? '?'} |
| memory | ${m.memoryGB ?? '?'} GB |
| OS | ${m.os ?? '?'} |
| Node | ${m.node ?? '?'} |
| Chromium | ${m.chromium ?? '?'} (headless, via playwright-core ${m.playwright ?? '?'}) |
| date | ${m.date ?? '?'} |
| load average (1 min) at start / end | ${m.loadStart ?? '?'} / ${m.loadEnd ?? '?'} |
| load average (1 min) as each area started | ${Object.entries(m.loadByArea ?? {}).map(([k, v]) => `${k} ${v}`).join(' · ') || '?'} |
| git | ${m.git ?? '?'} |
| duration of this run | ${m.durationS ? `${Math.round(m.durationS)} s` : '?'}${m.secondsByArea ? ` (${Object.entries(m.secondsByArea).map(([k, v]) => `${k} ${v} s`).join(' · ')})` : ''} |

A busy machine (load average above the number of cores) makes every figure slower and noisier; compare ratios rather than absolute times across runs.

## How to run

\`\`\`sh
pnpm bench                      # builds every package, then runs the benchmark and rewrites this file
cd bench && node src/run.mjs    # the benchmark alone, against what is already built
node src/run.mjs --only=sizes,browser,sdk,server,scale   # some areas only (the others keep their last results)
node src/run.mjs --quick        # fewer and shorter runs, to try the harness
node src/run.mjs --full         # also the naïve list at 100 000 services (minutes)
node src/run.mjs --report-only  # rewrite this file from bench/results.json
\`\`\`

Set \`DATABASE_URL\` to also load the server on PostgreSQL, or let the repository's script start a throwaway cluster: \`LINLI_PG_PORT=54391 bash scripts/with-postgres.sh pnpm bench\` (PostgreSQL then shares the two cores with the server and autocannon). Throwaway bundles, pages and databases go to \`bench/.tmp/\`.

## 1. Bundle sizes

${sizes}

## 2. Rendering and interaction (headless Chromium)

${browser}

## 3. SDK overhead

${sdk}

## 4. Server throughput and latency

${server}

## 5. How cost grows

${scale}

## Method

- **Sizes**: esbuild ${res.versions?.esbuild ?? ''} with the settings of \`packages/components/scripts/build-cdn.mjs\` (bundle, ESM, minify, target es2022, platform browser, conditions \`browser,production\`, legal comments dropped), then gzip at zlib level 9; 1 KB = 1000 bytes. \`linli-evaluation\` alone is \`packages/components/src/components/evaluation/evaluation.ts\` (the define module) built with \`--tsconfig=packages/components/tsconfig.json\`; the client comes from the page's provider, so the data layer is not part of the widget, but whatever the widget's imports pull in is. \`linli.js\` and \`linli-evaluation.js\` are the files the components package's \`build\` writes to \`dist/cdn/\`. Shoelace is a dev dependency of the benchmark only; its define modules (\`dist/components/<name>/<name>.js\`) are bundled from one entry with the same settings. Sizes are deterministic, so they are built once.
- **Rendering**: each run opens a fresh page (served from \`bench/.tmp/pages\`, bundles built like the sizes, Lit in production mode) in headless Chromium (\`--no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking\`, 1280×900). Times are \`performance.now()\` inside the page: from just before \`createElement\` until the content is present (MutationObserver + \`updateComplete\`) and a forced layout (\`getBoundingClientRect\`), so style and layout are inside the interval. "On screen" waits for the next \`requestAnimationFrame\` after that: the frame in which the rows are painted. Clicks are real mouse events from Playwright; latency runs from \`pointerdown\` (window, capture) to the change event (\`linli-evaluation-change\` / \`sl-change\`), \`updateComplete\`, pending microtasks and a forced layout.
- **Directory**: \`makeServiceCatalogue(n)\` from \`@linli/demo-data\` in a memory store created and awaited before timing, then \`createClient({ adapter: memoryAdapter({ store }) })\` set as \`.client\` on a new \`<linli-service-directory>\`; the timer starts before the element is created. The naïve list is a Lit element in \`bench/src/pages/naive-list.mjs\` with the directory's own row markup, label tables and styles, filtering with the SDK's \`matchesServiceQuery\` over \`serviceSearchText\` computed once per service (as the directory does), rendering every matching row; it receives the catalogue as an array (no client, no validation), which favours it on data access. A keystroke sets the search input's value and dispatches \`input\`; it ends when \`updateComplete\` has resolved and the list's first row is the first expected result (the virtualiser renders in microtasks after the update), after a forced layout; the "next frame" variant also waits for \`requestAnimationFrame\`, so it carries up to 16.7 ms of waiting for vsync. Between keystrokes the page settles for two frames. p50/p95 are per run; the table shows the median over runs with min–max.
- **SDK overhead**: Node ${m.node ?? ''}, the Linli server started as a child process (\`node packages/server/dist/cli.js\`, \`PORT=0 HOST=127.0.0.1 LINLI_DATA_DIR=<tmp> LINLI_RATE_LIMIT=off\`). The URL and headers the adapter sends are captured once through a wrapping \`fetch\`; the raw side fetches the same URL with the same headers and parses with \`JSON.parse\`. Both use Node's global \`fetch\` (keep-alive). The server answers both from its response cache, so the figure isolates the client: request building, ky, response validation with zod and paging.
- **Throughput**: autocannon ${res.versions?.autocannon ?? ''} in the benchmark process, server in its own process (one core each). Linli runs with rate limiting off (\`LINLI_RATE_LIMIT=off\`) on a fresh PGlite directory seeded with the demo data; the bare Hono peer (\`bench/src/children/bare-hono.mjs\`, \`@hono/node-server\`, no middleware) returns the very bytes Linli returned for \`GET /api/v1/services\`, and echoes the JSON body for the POST. Every POST carries a fresh \`Idempotency-Key\` (set per request in \`setupRequest\`) and a valid grievance for a requestable service without required attributes; the body is checked to be accepted (201) before loading. The ratio is Linli's 2xx req/s over bare Hono's, run by run.
- **Server growth**: a Linli server (\`startServer\` from \`@linli/server\`, PGlite) in a child process grown to 1 000, 10 000 and 100 000 services from \`makeServiceCatalogue(n)\`, inserted into its \`services\` table in batches of 1 000 with the same columns as the server's \`saveAll\`, followed by \`ANALYZE\`; then 3 warm-up and ${res.serverScaleRuns ?? 3}×${res.serverScaleRequests ?? 15} sequential requests per endpoint, each defeating the response cache with a unique \`_\` parameter (the query schema drops unknown keys).

## Not measured

${notMeasured.map((x) => `- ${x}`).join('\n')}
- Web Awesome and "touchpoints-style" widgets: only Shoelace is installed as the peer library.
`;
}
