import { grievanceStatuses, locales, workingDaysBetween, type Grievance, type GrievanceStatus, type LinliClient } from '@linli/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { demoClients, demoData, until } from '../../../test/helpers.js';
import { dangerousNodes, installXssTrap, xssPayloads } from '../../../test/xss-corpus.js';
import { clientWith, unsupportedClient } from '../grievance-form/story-clients.js';
import type { LinliGrievanceTracker } from './grievance-tracker.component.js';
import { trackerMessages } from './grievance-tracker.messages.js';
import './grievance-tracker.js';

const DEMO_NOW = new Date(demoData.now);
const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => root(el).querySelector(sel) as T | null;
const text = (el: HTMLElement) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';
/** Compared as a boolean: a failed DOM-node equality makes the runner hang while serialising it. */
const hasFocus = (el: HTMLElement, node: Element | null) => node !== null && root(el).activeElement === node;
const statusText = (el: HTMLElement) => $(el, '#status-heading')?.textContent?.trim();

/** A grievance in this status as the backend holds it now (resolved ones may have expired to closed). */
async function inStatus(staff: LinliClient, status: GrievanceStatus): Promise<Grievance> {
  const page = await staff.grievances.list({ status: [status], limit: 50 });
  const g = page.items.find((x) => demoData.accessCodes[x.id]);
  if (!g) throw new Error(`no demo grievance is ${status}`);
  return g;
}

async function track(client: LinliClient, g: Pick<Grievance, 'id' | 'trackingCode'>, options: { lang?: string; access?: string } = {}) {
  const access = options.access ?? demoData.accessCodes[g.id]!;
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'zh-CN'}>
      <linli-grievance-tracker .client=${client} .now=${DEMO_NOW} tracking-code=${g.trackingCode} access-code=${access}></linli-grievance-tracker>
    </div>`,
  );
  const el = wrapper.querySelector('linli-grievance-tracker')!;
  await until(() => !!$(el, '#status-heading') || !!$(el, '.lookup-problem'));
  return el;
}

async function typeInto(el: LinliGrievanceTracker, selector: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: LinliGrievanceTracker, selector: string) {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}

const buttonNamed = (el: LinliGrievanceTracker, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name);

beforeEach(() => sessionStorage.clear());

describe('linli-grievance-tracker', () => {
  it('shows status in plain words, steps, history and the expected date in working days', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'in_progress');
    const el = await track(resident, g);
    expect(statusText(el)).to.equal('正在处理');
    const current = $(el, '[aria-current="step"]')!;
    expect(current.textContent).to.contain('办理');
    expect(root(el).querySelectorAll('.steps li.done').length).to.equal(2);
    const publicEntries = g.timeline.filter((e) => e.visibility === 'public');
    const items = root(el).querySelectorAll('.timeline li');
    expect(items.length).to.equal(publicEntries.length);
    // Newest first, with a machine-readable time and the note as text.
    const times = [...items].map((li) => Date.parse(li.querySelector('time')!.getAttribute('datetime')!));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(items[items.length - 1]!.textContent).to.contain('提交反映');
    expect(text(el)).to.match(/预计 \d+月\d+日 前办结/);
    expect(text(el)).to.match(/还有 \d+ 个工作日|今天到期|已超期 \d+ 个工作日/);
    await until(() => text(el).includes('反映事项'));
    const service = demoData.services.find((s) => s.code === g.serviceCode)!;
    expect(text(el)).to.contain(service.name['zh-CN']);
  });

  it('counts working days with holidays: overdue and days-left phrases', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'in_progress');
    const el = await track(resident, g);
    el.now = new Date(Date.parse(g.expectedAt!) + 20 * 86_400_000);
    await el.updateComplete;
    expect($(el, '.expected')!.textContent).to.match(/已超期 \d+ 个工作日/);
    expect($(el, '.expected')!.classList.contains('overdue')).to.equal(true);
    el.now = new Date(Date.parse(g.expectedAt!) - 1000);
    await el.updateComplete;
    expect($(el, '.expected')!.textContent).to.contain('今天到期');
    // One working day before: English says "day", not "days".
    let day = Date.parse(g.expectedAt!);
    while (workingDaysBetween(new Date(day), g.expectedAt!) < 1) day -= 86_400_000;
    el.now = new Date(day);
    el.parentElement!.setAttribute('lang', 'en');
    await until(() => $(el, '.expected')!.textContent!.includes('1 working day left'));
  });

  it('answers a wrong access code exactly like an unknown tracking code', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'accepted');
    const wrong = await track(resident, g, { access: 'ZZZZ9999' });
    const unknown = await track(resident, { id: g.id, trackingCode: 'MQ-000000-ZZZZ' });
    const message = (el: LinliGrievanceTracker) => $(el, '[part="not-found"]')!.textContent!.trim();
    expect(message(wrong)).to.equal('没有找到与查询码匹配的记录，请核对后重试');
    expect(message(unknown)).to.equal(message(wrong));
    expect($(wrong, '[part="not-found"]')!.getAttribute('role')).to.equal('alert');
    expect($(wrong, '#status-heading')).to.equal(null);
  });

  it('accepts codes typed in lower case with spaces, from the form', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'submitted');
    const el = await fixture<LinliGrievanceTracker>(html`<linli-grievance-tracker .client=${resident}></linli-grievance-tracker>`);
    await until(() => !!$(el, '#f-tracking'));
    expect($(el, '#f-tracking')!.getAttribute('autocomplete')).to.equal('off');
    expect($(el, '#f-access')!.getAttribute('autocomplete')).to.equal('off');
    await typeInto(el, '#f-tracking', ` ${g.trackingCode.toLowerCase()} `);
    const code = demoData.accessCodes[g.id]!;
    await typeInto(el, '#f-access', `${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
    $(el, '#f-access')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => !!$(el, '#status-heading'));
    expect(statusText(el)).to.equal('已提交，等待社区受理');
    expect(hasFocus(el, $(el, '#status-heading')), 'focus on the answer').to.equal(true);
  });

  it('requires both codes, with an error summary that links to the fields', async () => {
    const el = await fixture<LinliGrievanceTracker>(html`<linli-grievance-tracker .client=${demoClients().resident}></linli-grievance-tracker>`);
    await until(() => !!$(el, '#f-tracking'));
    await click(el, '.lookup .btn');
    await until(() => !!$(el, '.error-summary'));
    expect(hasFocus(el, $(el, '.error-summary')), 'summary focused').to.equal(true);
    expect($(el, '.error-summary h2')!.textContent).to.equal('请检查以下 2 项');
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    links[1]!.click();
    expect(root(el).activeElement?.id).to.equal('f-access');
    expect($(el, '#f-access')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-access')!.getAttribute('aria-describedby')).to.contain('f-access-error');
    await expect(el).to.be.accessible();
  });

  it('has a phrase for every status in every locale', () => {
    for (const locale of locales) {
      const bundle = trackerMessages[locale] as Record<string, string>;
      for (const status of grievanceStatuses) expect(bundle[`status.${status}`], `${locale} ${status}`).to.be.a('string').and.not.equal('');
    }
    const en = trackerMessages.en as Record<string, string>;
    expect(new Set(grievanceStatuses.map((s) => en[`status.${s}`])).size).to.equal(grievanceStatuses.length);
  });

  it('shows the right phrase for a grievance in each status', async () => {
    const { resident, staff } = demoClients();
    const all = await (await staff.grievances.list({ limit: 500 })).toArray();
    const seen = new Set<GrievanceStatus>();
    for (const g of all) {
      if (seen.has(g.status) || !demoData.accessCodes[g.id]) continue;
      seen.add(g.status);
      const el = await track(resident, g);
      expect(statusText(el)).to.equal(trackerMessages['zh-CN'][`status.${g.status}`]);
      el.parentElement!.remove();
    }
    expect(seen.size).to.be.at.least(12);
  });

  it('offers the evaluation once resolved, and re-fetches after it is sent', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'resolved');
    const el = await track(resident, g);
    expect(statusText(el)).to.equal('已办结，请您评价');
    const evaluation = $(el, 'linli-evaluation')!;
    expect(evaluation.getAttribute('target-type')).to.equal('grievance');
    expect(evaluation.getAttribute('target-id')).to.equal(g.id);
    expect(evaluation.getAttribute('access-code')).to.equal(demoData.accessCodes[g.id]);
    expect($(el, '[part="resolution"]')!.textContent).to.contain(g.resolution!);

    await resident.evaluations.submit({ target: { type: 'grievance', id: g.id }, level: 5, accessCode: demoData.accessCodes[g.id] });
    evaluation.dispatchEvent(new CustomEvent('linli-evaluation-submit', { bubbles: true, composed: true, detail: {} }));
    await until(() => statusText(el) === '已办结归档');
    // The widget stays, so its thank-you is not yanked away.
    expect($(el, 'linli-evaluation')).to.not.equal(null);
  });

  it('lets the resident reply when staff need more information', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'awaiting_reporter');
    const el = await track(resident, g);
    expect(statusText(el)).to.equal('需要您补充信息');
    const question = [...g.timeline].reverse().find((e) => e.to === 'awaiting_reporter')!;
    expect($(el, '.reply')!.textContent).to.contain(question.note);
    await click(el, '.reply .btn');
    expect($(el, '#f-reply-error')!.textContent).to.contain('请填写回复内容');
    expect(hasFocus(el, $(el, '#f-reply')), 'reply focused').to.equal(true);
    await typeInto(el, '#f-reply', '车棚在 5 号楼北侧，下午都有人在。');
    let action: string | undefined;
    el.addEventListener('linli-grievance-action', (e) => (action = (e as CustomEvent).detail.action));
    await click(el, '.reply .btn');
    await until(() => statusText(el) === '正在处理');
    expect(action).to.equal('reply');
    expect(text(el)).to.contain('车棚在 5 号楼北侧');
    expect(hasFocus(el, $(el, '#status-heading')), 'focus back on the status').to.equal(true);
  });

  it('lets the resident dispute a resolved result, with a required note', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'resolved');
    const el = await track(resident, g);
    const toggle = buttonNamed(el, '对结果有异议')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(hasFocus(el, $(el, '#f-dispute')), 'dispute box focused').to.equal(true);
    buttonNamed(el, '提交异议')!.click();
    await el.updateComplete;
    expect($(el, '#f-dispute-error')!.textContent).to.contain('请说明异议内容');
    await typeInto(el, '#f-dispute', '路灯修好两天又不亮了。');
    buttonNamed(el, '提交异议')!.click();
    await until(() => statusText(el) === '您对结果有异议，等待社区复核');
  });

  it('lets the resident withdraw an open report after confirming', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'accepted');
    const el = await track(resident, g);
    await click(el, '#cancel-button');
    expect(text(el)).to.contain('确定要撤回吗');
    expect(hasFocus(el, $(el, '#cancel-confirm-text')), 'confirmation focused').to.equal(true);
    buttonNamed(el, '不撤回')!.click();
    await el.updateComplete;
    expect(text(el)).to.not.contain('确定要撤回吗');
    expect(hasFocus(el, $(el, '#cancel-button')), 'focus back on the button').to.equal(true);
    await click(el, '#cancel-button');
    buttonNamed(el, '确定撤回')!.click();
    await until(() => statusText(el) === '已撤回');
    expect($(el, '#cancel-button')).to.equal(null);
    expect((await staff.grievances.get(g.id)).status).to.equal('cancelled');
  });

  it('offers no resident actions when the backend does not support them', async () => {
    const { staff } = demoClients();
    const g = await inStatus(staff, 'awaiting_reporter');
    const client = clientWith({ capabilities: { ...demoClients().resident.capabilities, residentActions: false } });
    const el = await track(client, g);
    expect($(el, '.reply')).to.equal(null);
    expect($(el, '#cancel-button')).to.equal(null);
  });

  it('refreshes on request and announces it', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'submitted');
    const el = await track(resident, g);
    await staff.grievances.transition(g.id, { action: 'accept' });
    buttonNamed(el, '刷新进度')!.click();
    await until(() => statusText(el) === '社区已受理');
    await until(() => text(el).includes('进度已更新'));
  });

  it('answers linli-track-request on the document only with `listen`', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'assigned');
    const el = await fixture<LinliGrievanceTracker>(html`<linli-grievance-tracker .client=${resident}></linli-grievance-tracker>`);
    const request = () =>
      document.dispatchEvent(
        new CustomEvent('linli-track-request', { detail: { trackingCode: g.trackingCode, accessCode: demoData.accessCodes[g.id] } }),
      );
    request();
    await new Promise((r) => setTimeout(r, 50));
    expect($(el, '#status-heading')).to.equal(null);
    el.listen = true;
    await el.updateComplete;
    request();
    await until(() => statusText(el) === '已派给工作人员处理');
  });

  it('stores the codes nowhere by default, and only in sessionStorage with `remember`', async () => {
    const { resident, staff } = demoClients();
    const g = await inStatus(staff, 'submitted');
    await track(resident, g);
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.getItem('linli:tracker-codes')).to.equal(null);

    const el = await fixture<LinliGrievanceTracker>(
      html`<linli-grievance-tracker .client=${resident} remember tracking-code=${g.trackingCode} access-code=${demoData.accessCodes[g.id]!}></linli-grievance-tracker>`,
    );
    await until(() => !!$(el, '#status-heading'));
    expect(sessionStorage.getItem('linli:tracker-codes')).to.contain(g.trackingCode);
    const again = await fixture<LinliGrievanceTracker>(html`<linli-grievance-tracker .client=${resident} remember></linli-grievance-tracker>`);
    await until(() => !!$(again, '#status-heading'));
    expect(statusText(again)).to.equal('已提交，等待社区受理');
  });

  it('says tracking is not available when the backend cannot do it', async () => {
    const el = await fixture<LinliGrievanceTracker>(html`<linli-grievance-tracker .client=${unsupportedClient()}></linli-grievance-tracker>`);
    await until(() => text(el).includes('暂未开通'));
    expect(text(el)).to.contain('12345');
  });

  it('never runs XSS payloads in the description or in timeline notes', async () => {
    const ran = installXssTrap();
    const { resident, staff } = demoClients();
    const service = demoData.services.find((s) => s.requestable && s.definition.every((d) => !d.required))!;
    const receipt = await resident.grievances.submit({
      serviceCode: service.code,
      description: xssPayloads.join('\n').slice(0, 3990),
      location: { kind: 'address', text: xssPayloads[1]! },
    });
    const [g] = (await staff.grievances.list({ serviceCode: service.code, limit: 1 })).items;
    const notes = xssPayloads.slice(0, 40);
    await staff.grievances.transition(g!.id, { action: 'accept', note: notes.slice(0, 10).join(' ') });
    await staff.grievances.transition(g!.id, { action: 'assign', assignee: { id: 's1', name: xssPayloads[2]!.slice(0, 80) }, note: notes.slice(10, 20).join(' ') });
    await staff.grievances.transition(g!.id, { action: 'start', note: notes.slice(20, 30).join(' ') });
    await staff.grievances.transition(g!.id, { action: 'request_info', note: notes.slice(30, 40).join(' ').slice(0, 2000) });
    const el = await track(resident, { id: g!.id, trackingCode: receipt.trackingCode }, { access: receipt.accessCode });
    await until(() => statusText(el) === '需要您补充信息');
    await typeInto(el, '#f-reply', xssPayloads.slice(40).join(' ').slice(0, 2000));
    await click(el, '.reply .btn');
    await until(() => statusText(el) === '正在处理');
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).to.deep.equal([]);
    expect(dangerousNodes(el)).to.deep.equal([]);
    expect(text(el)).to.contain('<script>window.__xss(1)</script>');
  });

  describe('accessibility', () => {
    for (const lang of ['zh-CN', 'zh-TW', 'en']) {
      it(`is accessible empty, not found and with a result in each state (${lang})`, async () => {
        const { resident, staff } = demoClients();
        const empty = await fixture<HTMLDivElement>(html`<div lang=${lang}><linli-grievance-tracker .client=${resident}></linli-grievance-tracker></div>`);
        const blank = empty.querySelector('linli-grievance-tracker')!;
        await until(() => !!$(blank, '#f-tracking'));
        await expect(blank).to.be.accessible();
        const g0 = await inStatus(staff, 'submitted');
        const notFound = await track(resident, g0, { lang, access: 'WRONG123' });
        await expect(notFound).to.be.accessible();
        for (const status of ['awaiting_reporter', 'resolved', 'closed', 'rejected', 'rectifying'] as const) {
          const g = await inStatus(staff, status);
          const el = await track(resident, g, { lang });
          expect(statusText(el)).to.equal((trackerMessages[lang as 'en'] as Record<string, string>)[`status.${status}`]);
          if (status === 'resolved') buttonNamed(el, (trackerMessages[lang as 'en'] as Record<string, string>).disputeToggle!)!.click();
          await el.updateComplete;
          await expect(el).to.be.accessible();
        }
      });
    }

    it('follows the nearest lang live', async () => {
      const { resident, staff } = demoClients();
      const g = await inStatus(staff, 'in_progress');
      const el = await track(resident, g);
      el.parentElement!.setAttribute('lang', 'en');
      await until(() => statusText(el) === 'Being handled');
      expect(text(el)).to.match(/working days? left|Due today|overdue/);
    });
  });
});
