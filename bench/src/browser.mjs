// Rendering and interaction in headless Chromium: linli-evaluation vs sl-rating, and the service directory
// vs a naïve non-virtualised list. Pages are small esbuild bundles served from bench/.tmp/pages.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BENCH, COMPONENTS, TMP } from './paths.mjs';
import { sameWay } from './sizes.mjs';
import { median, percentile, summarize } from './stats.mjs';
import { keystrokes } from './pages/keystrokes.mjs';

const PAGES = join(TMP, 'pages');
const SRC = join(BENCH, 'src/pages');
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

const pages = {
  evaluation: { entry: 'evaluation.mjs' },
  'sl-rating': { entry: 'sl-rating.mjs', css: ['shoelace-light.css'] },
  directory: { entry: 'directory.mjs' },
  'naive-list': { entry: 'naive-list.mjs' },
};

async function buildPages(log) {
  mkdirSync(PAGES, { recursive: true });
  copyFileSync(join(BENCH, 'node_modules/@shoelace-style/shoelace/dist/themes/light.css'), join(PAGES, 'shoelace-light.css'));
  const built = {};
  for (const [name, { entry, css = [] }] of Object.entries(pages)) {
    try {
      await build({
        ...sameWay,
        entryPoints: { [name]: join(SRC, entry) },
        outdir: PAGES,
        tsconfig: join(COMPONENTS, 'tsconfig.json'),
        sourcemap: false,
      });
      const links = css.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
      writeFileSync(
        join(PAGES, `${name}.html`),
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">${links}` +
          `<style>body{margin:0;padding:16px;font:16px/1.5 system-ui,sans-serif}</style>` +
          `<script type="module" src="${name}.js"></script></head><body></body></html>`,
      );
      built[name] = true;
    } catch (err) {
      built[name] = false;
      log(`  browser: page ${name} did not build: ${String(err.message).split('\n').slice(0, 3).join(' ')}`);
    }
  }
  return built;
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\.\.+/g, ''));
    try {
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openPage(context, base, name) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message)));
  await page.goto(`${base}/${name}.html`);
  await page.waitForFunction(() => window.bench, null, { timeout: 30_000 }).catch(() => {
    throw new Error(`${name}: page did not start${errors.length ? `: ${errors[0]}` : ''}`);
  });
  return page;
}

/** One run of a small widget: first render in a fresh page, then `clicks` real mouse clicks. */
async function widgetRun(context, base, name, clicks) {
  const page = await openPage(context, base, name);
  try {
    const render = await page.evaluate(() => window.bench.firstRender());
    const targets = await page.evaluate(() => window.bench.targets());
    const samples = [];
    for (let i = 0; i < clicks; i++) {
      const { x, y } = targets[i % 2];
      await page.evaluate(() => window.bench.arm());
      await page.mouse.click(x, y);
      samples.push(await page.evaluate(() => window.bench.result()));
    }
    return {
      render,
      clickUpdated: median(samples.map((s) => s.updated)),
      clickEvent: median(samples.map((s) => s.event)),
      clickFrame: median(samples.map((s) => s.frame)),
    };
  } finally {
    await page.close();
  }
}

/** One run of a list at `n` services: fresh page, first render, (full load), then the keystroke sequence. */
async function listRun(context, base, name, n, { typing = true, capMs = 120_000 } = {}) {
  const page = await openPage(context, base, name);
  let domReady;
  page.on('console', (m) => {
    const hit = /^bench:ready ([\d.]+)$/.exec(m.text());
    if (hit) domReady = Number(hit[1]);
  });
  let timer;
  try {
    await page.evaluate((count) => window.bench.prepare(count), n);
    const capped = new Promise((resolve) => (timer = setTimeout(() => resolve('cap'), capMs)));
    const render = await Promise.race([page.evaluate(() => window.bench.firstRender()), capped]);
    if (render === 'cap') {
      // The page is still blocked: no frame within the limit. Report the limit as a lower bound.
      return { render: capMs, renderCapped: true, renderDom: domReady, loaded: capMs, loadedCapped: true };
    }
    const loaded = await Promise.race([page.evaluate((count) => window.bench.loaded(count), n), capped]);
    clearTimeout(timer);
    const out = { render: render.frame, renderDom: render.ready, loaded: loaded === 'cap' ? capMs : (loaded ?? render.frame), loadedCapped: loaded === 'cap' };
    if (typing) {
      const seq = keystrokes;
      const samples = [];
      for (const value of seq) samples.push(await page.evaluate((v) => window.bench.keystroke(v), value));
      const updated = samples.map((s) => s.updated);
      const frame = samples.map((s) => s.frame);
      Object.assign(out, {
        keyP50: percentile(updated, 50),
        keyP95: percentile(updated, 95),
        keyMax: Math.max(...updated),
        keyFrameP50: percentile(frame, 50),
        keyFrameP95: percentile(frame, 95),
        keystrokes: samples.length,
        resultCounts: samples.map((s) => s.results),
      });
    }
    out.clientPage = await page.evaluate(() => window.bench.clientPage());
    return out;
  } finally {
    clearTimeout(timer);
    await page.close({ runBeforeUnload: false });
  }
}

const pick = (runs, key) => summarize(runs.map((r) => r[key]));

export async function measureBrowser({ log = console.log, quick = false, full = false } = {}) {
  const out = { chromium: undefined, widgets: {}, directory: {}, scale: {}, errors: [] };
  const built = await buildPages(log);
  const server = await serve(PAGES);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs, headless: true });
  out.chromium = browser.version();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const safely = async (label, fn) => {
    try {
      return await fn();
    } catch (err) {
      const msg = `${label}: ${String(err?.message ?? err).split('\n')[0]}`;
      out.errors.push(msg);
      log(`  browser: ${msg}`);
      return undefined;
    }
  };

  try {
    // 1. The rating widgets: cheap, so 7 fresh-page runs each, interleaved.
    const widgetRuns = quick ? 3 : 7;
    const clicks = quick ? 6 : 8;
    const widgets = { evaluation: [], 'sl-rating': [] };
    for (let i = 0; i < widgetRuns; i++) {
      for (const name of i % 2 ? ['sl-rating', 'evaluation'] : ['evaluation', 'sl-rating']) {
        if (!built[name]) continue;
        const r = await safely(`${name} run ${i + 1}`, () => widgetRun(context, base, name, clicks));
        if (r) widgets[name].push(r);
      }
    }
    for (const [name, runs] of Object.entries(widgets)) {
      if (!runs.length) continue;
      out.widgets[name] = {
        runs: runs.length,
        clicksPerRun: clicks,
        renderReady: summarize(runs.map((r) => r.render.ready)),
        renderVisible: summarize(runs.map((r) => r.render.visible)),
        renderFrame: summarize(runs.map((r) => r.render.frame)),
        clickUpdated: pick(runs, 'clickUpdated'),
        clickEvent: pick(runs, 'clickEvent'),
        clickFrame: pick(runs, 'clickFrame'),
      };
    }
    log(`  browser: widgets done`);

    // 2. The directory at 10 000 services vs the naïve list: first render and the keystroke sequence.
    // The naïve list is expensive (seconds per run): 3 runs, the directory 5; interleaved while both run.
    const listRuns = { directory: quick ? 2 : 5, 'naive-list': quick ? 1 : 3 };
    const lists = { directory: [], 'naive-list': [] };
    for (let i = 0; i < Math.max(...Object.values(listRuns)); i++) {
      const t0 = Date.now();
      for (const name of i % 2 ? ['naive-list', 'directory'] : ['directory', 'naive-list']) {
        if (!built[name] || i >= listRuns[name]) continue;
        const r = await safely(`${name} 10k run ${i + 1}`, () => listRun(context, base, name, 10_000));
        if (r) lists[name].push(r);
      }
      log(`  browser: list run ${i + 1} (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    for (const [name, runs] of Object.entries(lists)) {
      if (!runs.length) continue;
      out.directory[name] = {
        n: 10_000,
        runs: runs.length,
        keystrokesPerRun: runs[0].keystrokes,
        render: pick(runs, 'render'),
        renderDom: pick(runs, 'renderDom'),
        clientPage: pick(runs, 'clientPage'),
        loaded: pick(runs, 'loaded'),
        keyP50: pick(runs, 'keyP50'),
        keyP95: pick(runs, 'keyP95'),
        keyMax: pick(runs, 'keyMax'),
        keyFrameP50: pick(runs, 'keyFrameP50'),
        keyFrameP95: pick(runs, 'keyFrameP95'),
        resultCounts: runs[0].resultCounts,
      };
    }

    // 3. How first render grows: 1k / 10k / 100k services (10k comes from step 2). Each run is capped.
    const scaleCapMs = 20_000;
    for (const n of [1_000, 100_000]) {
      for (const name of ['directory', 'naive-list']) {
        if (!built[name]) continue;
        let runs = quick ? 1 : 3;
        // The naïve list at 100k renders 100 000 rows (over a minute per run here): only with --full, once.
        if (name === 'naive-list' && n === 100_000) {
          if (!full) {
            const naive10k = out.directory['naive-list']?.render?.median;
            out.scale[`${name}@${n}`] = {
              skipped: `not run by default: it renders 100 000 rows (about a minute or more per run on this machine${naive10k ? `; 10k took ${(naive10k / 1000).toFixed(1)} s` : ''}); run with --full`,
            };
            continue;
          }
          runs = 1;
        }
        const capMs = name === 'naive-list' && n === 100_000 ? 300_000 : scaleCapMs;
        const results = [];
        for (let i = 0; i < runs; i++) {
          const r = await safely(`${name} ${n} run ${i + 1}`, () => listRun(context, base, name, n, { typing: false, capMs }));
          if (r) results.push(r);
          // A run that hit the time limit says enough; more runs would only repeat it.
          if (r?.renderCapped || r?.loadedCapped) break;
        }
        if (results.length) {
          out.scale[`${name}@${n}`] = {
            n,
            runs: results.length,
            capMs,
            renderCapped: results.some((r) => r.renderCapped),
            loadedCapped: results.some((r) => r.loadedCapped),
            render: pick(results, 'render'),
            renderDom: pick(results, 'renderDom'),
            loaded: pick(results, 'loaded'),
          };
        }
      }
      log(`  browser: scale ${n} done`);
    }
    for (const name of ['directory', 'naive-list']) {
      const d = out.directory[name];
      if (d) out.scale[`${name}@10000`] = { n: 10_000, runs: d.runs, render: d.render, renderDom: d.renderDom, loaded: d.loaded };
    }
  } finally {
    await context.close();
    await browser.close();
    server.close();
  }
  return out;
}
