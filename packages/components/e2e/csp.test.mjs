// Every component works on a page served with a strict Content-Security-Policy (default-src 'self'):
// no inline script or style, no eval. The page loads only the built linli.js (and, lazily, linli-demo.js).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { cdnFile, chromiumOptions, serve } from './static-server.mjs';

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CSP</title>
<script type="module" src="/linli.js"></script></head><body>
<linli-provider adapter="memory">
  <linli-service-directory></linli-service-directory>
  <linli-service-guide service-code="elderly.meal-aid"></linli-service-guide>
  <linli-grievance-form></linli-grievance-form>
  <linli-grievance-tracker></linli-grievance-tracker>
  <linli-evaluation target-type="window" target-id="window-1" mode="per-visit"></linli-evaluation>
  <linli-evaluation-summary></linli-evaluation-summary>
  <linli-notice-board></linli-notice-board>
</linli-provider></body></html>`;

let server;
let browser;
before(async () => {
  server = await serve(
    { '/': { text: page }, '/favicon.ico': { text: '' }, '/linli.js': cdnFile('linli.js'), '/linli-demo.js': cdnFile('linli-demo.js') },
    { 'content-security-policy': "default-src 'self'; base-uri 'none'; object-src 'none'" },
  );
  browser = await chromium.launch(chromiumOptions);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('all components render and work under default-src self', async () => {
  const tab = await browser.newPage();
  const violations = [];
  const errors = [];
  await tab.exposeFunction('reportViolation', (v) => violations.push(v));
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(server.url);

  const tags = ['linli-service-directory', 'linli-grievance-form', 'linli-grievance-tracker', 'linli-evaluation', 'linli-evaluation-summary', 'linli-notice-board'];
  for (const tag of tags) {
    await tab.waitForFunction((t) => {
      const el = document.querySelector(t);
      return el?.shadowRoot && el.shadowRoot.textContent.trim().length > 20 && !el.shadowRoot.querySelector('[part~="loading"]');
    }, tag, { timeout: 20_000 });
  }
  // Real interaction: choose a level in the rating widget.
  await tab.locator('linli-evaluation').getByRole('radio').first().click();
  const value = await tab.locator('linli-evaluation').evaluate((el) => el.value);
  assert.ok(['1', '2', '3', '4', '5'].includes(String(value)), `a level is chosen (got ${value})`);
  // Real interaction: search the directory.
  await tab.locator('linli-service-directory').getByRole('searchbox').first().fill('养老');
  await tab.waitForTimeout(300);
  assert.deepEqual(violations, [], `CSP violations: ${violations.join('\n')}`);
  assert.deepEqual(errors, []);
});
