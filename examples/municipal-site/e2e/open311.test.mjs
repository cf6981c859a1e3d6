// The same components on a standard Open311 GeoReport v2 endpoint: the directory, the form and the
// tracker work; ratings are not part of Open311, so the rating widget says so instead of failing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumOptions, startSite } from './server.mjs';

const shots = new URL('../screenshots/', import.meta.url).pathname;
let site;
let browser;
before(async () => {
  site = await startSite();
  browser = await chromium.launch(chromiumOptions);
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

test('components on adapter="open311" against the server\'s /open311/v2', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const open311Calls = [];
  page.on('request', (r) => r.url().includes('/open311/v2/') && open311Calls.push(r.url()));
  await page.goto(`${site.url}/open311.html`);

  // Directory: the service list comes over Open311 and is searchable.
  const directory = page.locator('linli-service-directory');
  await directory.getByRole('searchbox').fill('路灯');
  await directory.getByRole('button', { name: /路灯、楼道灯不亮报修/ }).first().waitFor();
  // The rating widget explains that this backend has no ratings.
  await page.locator('linli-evaluation').getByText('本网站暂未开通评价功能').waitFor();

  // Form: file a request through the Open311 POST.
  const form = page.locator('linli-grievance-form');
  await form.getByRole('combobox', { name: /事项类别/ }).selectOption({ label: '路灯、楼道灯不亮报修' });
  await form.getByRole('radio').first().check();
  await form.getByRole('textbox', { name: /请描述问题/ }).fill('骆驼巷38号院门口路灯不亮，晚上看不清路。');
  await form.getByRole('textbox', { name: /^地址/ }).fill('骆驼巷38号院门口');
  const receipt = page.evaluate(() => new Promise((r) => document.addEventListener('linli-grievance-submit', (e) => r(e.detail), { once: true })));
  await form.getByRole('button', { name: '提交反映' }).click();
  const { id, trackingCode, accessCode } = await receipt;
  await form.getByText('已收到您的反映').waitFor();

  // Tracker: follow it over Open311.
  const tracker = page.locator('linli-grievance-tracker');
  await tracker.getByRole('textbox', { name: /反映编号/ }).fill(trackingCode);
  await tracker.getByRole('textbox', { name: /查询码/ }).fill(accessCode);
  await tracker.getByRole('button', { name: '查询', exact: true }).click();
  await tracker.getByText('骆驼巷38号院门口路灯不亮').first().waitFor();
  await page.screenshot({ path: `${shots}open311-zh.png`, fullPage: true });

  assert.ok(open311Calls.some((u) => u.includes('/open311/v2/services')), 'services came over Open311');
  assert.ok(open311Calls.some((u) => u.includes('/open311/v2/requests')), 'the request went over Open311');
  // The request is a real Linli grievance in the staff API, filed through the open311 channel.
  const g = await site.api(`/grievances/${id}`);
  assert.equal(g.channel, 'open311');
  assert.deepEqual(problems, []);
});
