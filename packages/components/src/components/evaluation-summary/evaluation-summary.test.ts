import { expect, fixture, html } from '@open-wc/testing';
import { createClient, NetworkError, noCapabilities, type LinliAdapter, type LinliClient } from '@linli/sdk';
import { demoClients, demoData, failingClient, until } from '../../../test/helpers.js';
import '../evaluation/evaluation.js';
import '../provider/provider.js';
import type { LinliEvaluationSummary } from './evaluation-summary.component.js';
import { toTimestamp } from './evaluation-summary.component.js';
import './evaluation-summary.js';

const root = (el: LinliEvaluationSummary) => el.shadowRoot!;
const text = (el: LinliEvaluationSummary) => root(el).textContent!.replace(/\s+/g, ' ');
const loaded = (el: LinliEvaluationSummary) => until(() => !!root(el).querySelector('[part=headline], [part=empty], [part=error]') && root(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
const pct = (rate: number, locale = 'zh-CN') =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);

async function summaryFor(client: LinliClient, attrs = html``) {
  const el = await fixture<LinliEvaluationSummary>(html`<linli-evaluation-summary .client=${client}>${attrs}</linli-evaluation-summary>`);
  await loaded(el);
  return el;
}

describe('linli-evaluation-summary', () => {
  it('shows the same figures as client.evaluations.summary() on the demo data', async () => {
    const { resident } = demoClients();
    const expected = await resident.evaluations.summary();
    expect(expected.count).to.be.greaterThan(0);
    const el = await summaryFor(resident);
    expect(root(el).querySelector('.value')!.textContent).to.equal(pct(expected.goodRate!));
    expect(text(el)).to.contain(`共 ${expected.count} 条评价`);
    expect(text(el)).to.contain(`平均 ${expected.averageLevel!.toFixed(1)} 分`);
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal(
      ([5, 4, 3, 2, 1] as const).map((l) => [['非常满意', '满意', '基本满意', '不满意', '非常不满意'][5 - l], String(expected.levels[l]), pct(expected.levels[l] / expected.count)]),
    );
    const terms = [...root(el).querySelectorAll('dt')].map((d) => d.textContent!.trim());
    if (expected.rectificationRate !== null) expect(terms).to.include('差评整改率');
    if (expected.revisitRate !== null) expect(terms).to.include('回访率');
    if (expected.evaluatedRate !== null) expect(terms).to.include.members(['主动评价率', '未评价率']);
    if (expected.onTimeRate !== null) expect(terms).to.include('按时办结率');
    expect(text(el)).to.contain(pct(expected.evaluatedRate!));
  });

  it('draws an SVG chart with role="img" and a label that lists every level', async () => {
    const { resident } = demoClients();
    const expected = await resident.evaluations.summary();
    const el = await summaryFor(resident);
    const chart = root(el).querySelector('svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    const label = chart.getAttribute('aria-label')!;
    expect(label).to.contain(`非常满意 ${expected.levels[5]} 条`);
    expect(label).to.contain(`非常不满意 ${expected.levels[1]} 条`);
    expect(chart.querySelectorAll('rect.bar').length).to.equal(5);
    expect(chart.querySelectorAll('text').length).to.equal(5);
  });

  it('shows the table on request; it is always there for screen readers', async () => {
    const el = await summaryFor(demoClients().resident);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!;
    const table = root(el).querySelector('table')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('各等级评价数量');
    expect(table.querySelectorAll('th[scope=col]').length).to.equal(3);
    expect(table.querySelectorAll('th[scope=row]').length).to.equal(5);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(table.classList.contains('visually-hidden')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('fetches again after a rating on the page', async () => {
    const { resident, staff } = demoClients();
    const el = await summaryFor(resident);
    const before = await resident.evaluations.summary();
    const g = (await staff.grievances.list({ status: ['resolved'], limit: 100 })).items.find((x) => !x.evaluationId && demoData.accessCodes[x.id])!;
    const saved = await resident.evaluations.submit({ target: { type: 'grievance', id: g.id }, level: 1, accessCode: demoData.accessCodes[g.id] });
    document.body.dispatchEvent(new CustomEvent('linli-evaluation-submit', { detail: saved, bubbles: true, composed: true }));
    await until(() => text(el).includes(`共 ${before.count + 1} 条评价`));
    const after = await resident.evaluations.summary();
    expect(root(el).querySelector('.value')!.textContent).to.equal(pct(after.goodRate!));
  });

  it('updates when a <linli-evaluation> on the page is submitted', async () => {
    const { resident } = demoClients();
    const service = (await resident.services.list({ limit: 1 })).items[0]!;
    const page = await fixture<HTMLDivElement>(html`<div>
      <linli-evaluation-summary .client=${resident} service-code=${service.code}></linli-evaluation-summary>
      <linli-evaluation .client=${resident} target-type="service" target-id=${service.code}></linli-evaluation>
    </div>`);
    const el = page.querySelector('linli-evaluation-summary')!;
    await loaded(el);
    const before = await resident.evaluations.summary({ serviceCode: service.code });
    const widget = page.querySelector('linli-evaluation')!;
    widget.shadowRoot!.querySelector<HTMLElement>('[data-level="5"]')!.click();
    await widget.updateComplete;
    widget.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => text(el).includes(`共 ${before.count + 1} 条评价`));
  });

  it('fetches again when its attributes change', async () => {
    const { resident } = demoClients();
    const el = await summaryFor(resident);
    const unit = demoData.orgUnits.find((u) => u.level === 'community')!;
    const expected = await resident.evaluations.summary({ orgUnitId: unit.id });
    el.setAttribute('org-unit-id', unit.id);
    await until(() => (expected.count ? text(el).includes(`共 ${expected.count} 条评价`) : !!root(el).querySelector('[part=empty]')));
  });

  it('shows the empty state for an org unit without ratings', async () => {
    const { resident } = demoClients();
    let empty: string | undefined;
    for (const u of demoData.orgUnits.filter((x) => x.level === 'building')) {
      if ((await resident.evaluations.summary({ orgUnitId: u.id })).count === 0) {
        empty = u.id;
        break;
      }
    }
    const id = empty ?? 'no-such-unit';
    const el = await fixture<LinliEvaluationSummary>(html`<linli-evaluation-summary .client=${resident} org-unit-id=${id}></linli-evaluation-summary>`);
    await loaded(el);
    expect(root(el).querySelector('[part=empty]')).to.exist;
    expect(root(el).querySelector('.rate strong')!.textContent).to.equal('暂无评价');
    expect(root(el).querySelector('svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reads plain dates as whole days in China time', async () => {
    expect(toTimestamp('2024-01-01', false)).to.equal('2024-01-01T00:00:00.000+08:00');
    expect(toTimestamp('2024-01-31', true)).to.equal('2024-01-31T23:59:59.999+08:00');
    expect(toTimestamp('2024-01-01T08:00:00Z', false)).to.equal('2024-01-01T08:00:00Z');
    const { resident } = demoClients();
    const el = await fixture<LinliEvaluationSummary>(html`<linli-evaluation-summary .client=${resident} from="2000-01-01" to="2000-12-31"></linli-evaluation-summary>`);
    await loaded(el);
    expect(text(el)).to.contain('统计时间');
    expect(root(el).querySelector('[part=empty]')).to.exist;
  });

  it('shows an error with a retry, then recovers', async () => {
    const { resident } = demoClients();
    const el = await fixture<LinliEvaluationSummary>(
      html`<linli-evaluation-summary .client=${failingClient(new NetworkError('offline'))}></linli-evaluation-summary>`,
    );
    await loaded(el);
    expect(text(el)).to.contain('网络连接不上');
    await expect(el).to.be.accessible();
    el.client = resident;
    await loaded(el);
    await until(() => !!root(el).querySelector('[part=headline]'));
    expect(root(el).querySelector('[part=error]')).to.equal(null);
  });

  it('says so when the backend has no statistics', async () => {
    const client = createClient({ adapter: { name: 'open311-like', capabilities: { ...noCapabilities, services: true } } as LinliAdapter });
    const el = await fixture<LinliEvaluationSummary>(html`<linli-evaluation-summary .client=${client}></linli-evaluation-summary>`);
    expect(text(el)).to.contain('本网站暂未开通评价统计');
  });

  it('shows a loading state first', async () => {
    const { resident } = demoClients({ latencyMs: 200 });
    const el = await fixture<LinliEvaluationSummary>(html`<linli-evaluation-summary .client=${resident}></linli-evaluation-summary>`);
    expect(root(el).querySelector('[part=loading]')).to.exist;
    await expect(el).to.be.accessible();
  });

  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    it(`is accessible and translated in ${lang}, normal and large text`, async () => {
      const { resident } = demoClients();
      const wrap = await fixture<HTMLDivElement>(
        html`<div lang=${lang}><linli-provider large-text .client=${resident}><linli-evaluation-summary heading="Test"></linli-evaluation-summary></linli-provider></div>`,
      );
      const el = wrap.querySelector('linli-evaluation-summary')!;
      await until(() => !!el.shadowRoot?.querySelector('[part=headline]'));
      const expected = { 'zh-CN': '好评率', 'zh-TW': '好評率', en: 'Positive ratings' }[lang]!;
      expect(text(el)).to.contain(expected);
      expect(root(el).querySelector('h2')!.textContent).to.equal('Test');
      await expect(el).to.be.accessible();
    });
  }

  it('switches language live', async () => {
    const { resident } = demoClients();
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><linli-evaluation-summary .client=${resident}></linli-evaluation-summary></div>`);
    const el = wrap.querySelector('linli-evaluation-summary')!;
    await loaded(el);
    wrap.lang = 'en';
    await until(() => text(el).includes('Positive ratings'));
    expect(root(el).querySelector('svg')!.getAttribute('aria-label')).to.contain('Very satisfied');
  });
});
