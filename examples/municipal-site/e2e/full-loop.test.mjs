// The main job, end to end in a real browser against the real server (PGlite): a resident finds a
// service and files a grievance; staff accept, assign and resolve it; the resident tracks it and rates
// it 不满意; a rectification appears with its working-day due date; staff rectify and call back; the
// case closes and the published metrics change.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addWorkingDays } from '@linli/sdk';
import { chromiumOptions, STAFF_TOKEN, startSite } from './server.mjs';

const shots = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

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

async function openPage(path, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${site.url}${path}`);
  return { page, problems };
}

const summaryCount = async (page) => {
  const summary = page.locator('linli-evaluation-summary').first();
  await summary.getByText(/共 \d+ 条评价/).waitFor();
  return Number((await summary.getByText(/共 \d+ 条评价/).textContent()).match(/\d+/)[0]);
};

test('民情流水线 and 好差评 loop through the demo site', async () => {
  // Published metrics before.
  const sat = await openPage('/satisfaction.html');
  const countBefore = await summaryCount(sat.page);
  await sat.page.close();

  // 1. A resident finds the service in the directory and reports a problem from its guide.
  const resident = await openPage('/guide.html');
  const directory = resident.page.locator('linli-service-directory');
  await directory.getByRole('searchbox').fill('路灯');
  await directory.getByRole('button', { name: /路灯、楼道灯不亮报修/ }).first().click();
  await directory.getByRole('heading', { name: /路灯、楼道灯不亮报修/ }).first().waitFor();
  await resident.page.screenshot({ path: `${shots}guide-zh.png`, fullPage: true });
  await directory.getByRole('button', { name: /^反映问题/ }).first().click();
  const form = resident.page.locator('linli-grievance-form');
  await form.getByRole('radio').first().check();
  await form.getByRole('textbox', { name: /请描述问题/ }).fill('建西东路12号院3号楼2单元楼道灯坏了一周，老人晚上上下楼很危险。');
  await form.getByRole('textbox', { name: /^地址/ }).fill('建西东路12号院3号楼2单元');
  const receipt = resident.page.evaluate(() => new Promise((r) => document.addEventListener('linli-grievance-submit', (e) => r(e.detail), { once: true })));
  await form.getByRole('button', { name: '提交反映' }).click();
  const { trackingCode, accessCode, id } = await receipt;
  await form.getByText('已收到您的反映').waitFor();
  await form.getByText(trackingCode).first().waitFor();
  await resident.page.screenshot({ path: `${shots}receipt-zh.png`, fullPage: true });
  assert.deepEqual(resident.problems, []);

  // 2. Staff accept, assign, start and resolve it on the 工作台.
  const staff = await openPage('/staff.html');
  await staff.page.getByLabel('工作人员令牌').fill(STAFF_TOKEN);
  await staff.page.getByRole('button', { name: '进入工作台' }).click();
  await staff.page.getByText('已进入工作台。').waitFor();
  const step = async (tab, action, fill) => {
    await staff.page.locator(`#status-tabs button[data-status="${tab}"]`).click();
    const row = staff.page.locator(`tr[data-tracking="${trackingCode}"]`);
    await row.waitFor();
    if (fill) await row.locator('input[name=note]').fill(fill);
    await row.locator(`button[data-action="${action}"]`).click();
    await row.waitFor({ state: 'detached' });
  };
  await step('submitted', 'accept');
  await step('accepted', 'assign');
  await step('assigned', 'start');
  await step('in_progress', 'resolve', '已更换楼道灯泡并检修线路');
  await staff.page.screenshot({ path: `${shots}staff-zh.png`, fullPage: true });

  // 3. The resident tracks it and rates it 不满意.
  const track = await openPage('/report.html');
  const tracker = track.page.locator('linli-grievance-tracker');
  await tracker.getByRole('textbox', { name: /反映编号/ }).fill(trackingCode);
  await tracker.getByRole('textbox', { name: /查询码/ }).fill(accessCode);
  await tracker.getByRole('button', { name: '查询', exact: true }).click();
  await tracker.getByText('已办结，请您评价').first().waitFor();
  const evaluation = tracker.locator('linli-evaluation');
  await evaluation.getByRole('radio', { name: '不满意', exact: true }).click();
  await evaluation.getByRole('checkbox', { name: '问题没有解决' }).check();
  await evaluation.getByRole('button', { name: '提交评价' }).click();
  await evaluation.getByText('感谢您的评价').waitFor();
  await tracker.getByText('根据您的评价正在整改').first().waitFor();
  await track.page.screenshot({ path: `${shots}tracker-rated-zh.png`, fullPage: true });

  // 4. A rectification appears on the staff page with its working-day due date.
  await staff.page.reload();
  await staff.page.getByLabel('工作人员令牌').fill(STAFF_TOKEN);
  await staff.page.getByRole('button', { name: '进入工作台' }).click();
  const rectRow = staff.page.locator(`#rectifications tr[data-grievance="${id}"]`);
  await rectRow.waitFor();
  const [rect] = (await site.api(`/rectifications?grievanceId=${id}`)).items;
  assert.equal(rect.status, 'open');
  assert.equal(rect.dueAt, addWorkingDays(rect.createdAt, 5), 'due 5 working days (holidays and 调休 counted) after the rating');
  await rectRow.locator('input[name=note]').fill('更换整条楼道照明线路，加装声控开关');
  await rectRow.locator('button[data-action="rectify"]').click();
  const revisitRow = staff.page.locator(`#rectifications tr[data-grievance="${id}"] button[data-action="revisit"]`);
  await revisitRow.waitFor();
  await staff.page.locator(`#rectifications tr[data-grievance="${id}"] input[name=outcome]`).fill('电话回访，居民表示满意');
  await revisitRow.click();
  await staff.page.locator(`#rectifications tr[data-grievance="${id}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(staff.problems, []);

  // 5. The case is closed for the resident, and the published metrics changed.
  await tracker.getByRole('button', { name: /刷新|查询/ }).first().click();
  await tracker.getByText('已办结归档').first().waitFor();
  const g = await site.api(`/grievances/${id}`);
  assert.equal(g.status, 'closed');
  assert.deepEqual(
    g.timeline.map((e) => e.to),
    ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'rectifying', 'revisiting', 'closed'],
  );
  const after = await openPage('/satisfaction.html');
  assert.equal(await summaryCount(after.page), countBefore + 1);
  await after.page.screenshot({ path: `${shots}satisfaction-zh.png`, fullPage: true });
  assert.deepEqual([...track.problems, ...after.problems], []);
});

test('the site switches to English and stays readable on a phone', async () => {
  const { page, problems } = await openPage('/', { width: 390, height: 844 });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Services at your doorstep, all in one place' }).waitFor();
  await page.locator('linli-evaluation-summary').getByText(/\d+ ratings/).waitFor();
  await page.screenshot({ path: `${shots}home-en-phone.png`, fullPage: true });
  await page.goto(`${site.url}/notices.html`);
  await page.locator('linli-notice-board').getByRole('tab').first().waitFor();
  await page.screenshot({ path: `${shots}notices-en-phone.png`, fullPage: true });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(problems, []);
});
