// Opens the static Storybook in Debian's Chromium and checks that every story renders its element
// (a tree-shaken define() renders nothing yet "builds fine" — this catches it).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const failures = [];
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // One story per component is enough to prove registration; all stories would take minutes.
  const seen = new Set();
  for (const s of stories) {
    const component = s.id.split('--')[0];
    if (seen.has(component)) continue;
    seen.add(component);
    errors.length = 0;
    await page.goto(`${base}/iframe.html?id=${s.id}&viewMode=story`);
    const ok = await page
      .waitForFunction(() => [...document.querySelectorAll('#storybook-root *')].some((el) => el.tagName.startsWith('LINLI-') && el.tagName !== 'LINLI-PROVIDER' && el.shadowRoot && el.shadowRoot.childNodes.length > 0), null, { timeout: 15_000 })
      .then(() => true, () => false);
    if (!ok || errors.length) failures.push(`${s.id}: ${ok ? '' : 'no rendered linli element'} ${errors.join('; ')}`);
  }
  console.log(`storybook smoke: ${seen.size} components checked, ${stories.length} stories in the index`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
