import { isResizeObserverLoopErrorMessage } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { memoryAdapter } from '@linli/adapter-memory';
import { makeServiceCatalogue } from '@linli/demo-data';
import { LinliError, createClient, matchesServiceQuery, type LinliClient, type Service } from '@linli/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { demoClients, demoData, failingClient, testNow, until } from '../../../test/helpers.js';
import { dangerousNodes, installXssTrap, xssPayloads } from '../../../test/xss-corpus.js';
import type { LinliServiceGuide } from '../service-guide/service-guide.component.js';
import type { LinliServiceDirectory } from './service-directory.component.js';
import './service-directory.js';
import { ServiceFilter, toEntry } from './service-filter.js';

// The virtualizer's benign "ResizeObserver loop" notices are window errors with no error object; keep them
// away from mocha and the runner's log (a capture listener runs before both).
window.addEventListener(
  'error',
  (e) => {
    if (isResizeObserverLoopErrorMessage(e.message ?? '')) e.stopImmediatePropagation();
  },
  { capture: true },
);

// The grievance form is another engineer's element; a stand-in keeps these tests independent of it.
if (!customElements.get('linli-grievance-form')) customElements.define('linli-grievance-form', class extends HTMLElement {});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const countText = (el: Element) => $(el, '[part="count"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowButtons = (el: Element) => $$<HTMLButtonElement>(el, 'button.open');
const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

async function mount(client: LinliClient, attrs = '', lang = 'zh-CN'): Promise<LinliServiceDirectory> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<linli-service-directory ${attrs}></linli-service-directory>`;
  const el = wrapper.querySelector('linli-service-directory')!;
  el.client = client;
  await until(() => !!$(el, '[part="count"]') || !!$(el, '[part="error"]'), 8000);
  await el.updateComplete;
  await until(() => !el.shadowRoot!.querySelector('.list') || rowButtons(el).length > 0);
  // Later pages load after the first rows are shown: wait until the count no longer says "loading".
  await until(() => !$(el, '[part="count"] .hint'), 8000);
  return el;
}

function type(el: LinliServiceDirectory, text: string): Promise<boolean> {
  const input = $<HTMLInputElement>(el, '#search')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return el.updateComplete;
}

function choose(el: LinliServiceDirectory, id: string, value: string): Promise<boolean> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return el.updateComplete;
}

const services = demoData.services as Service[];

describe('linli-service-directory', () => {
  it('loads the whole catalogue and says how many services there are', async () => {
    const el = await mount(demoClients().resident);
    expect(countText(el)).to.contain(String(services.length));
    expect(rowButtons(el).length).to.be.greaterThan(0);
    const first = rowButtons(el)[0]!;
    expect(first.closest('[role="listitem"]')!.getAttribute('aria-setsize')).to.equal(String(services.length));
  });

  it('searches Chinese text', async () => {
    const el = await mount(demoClients().resident);
    await type(el, '养老');
    expect(el.results.length).to.be.greaterThan(0);
    expect(el.results.length).to.be.lessThan(services.length);
    expect(el.query).to.equal('养老');
    expect(el.getAttribute('query')).to.equal('养老');
    expect(countText(el)).to.contain(`找到 ${el.results.length} 项服务`);
    await frames();
    expect(rowButtons(el).some((b) => b.textContent!.includes('养老'))).to.equal(true);
  });

  it('searches pinyin initials', async () => {
    const el = await mount(demoClients().resident);
    await type(el, 'yl');
    expect(el.results.length).to.be.greaterThan(0);
    expect(el.results.some((s) => s.name['zh-CN'].includes('养老'))).to.equal(true);
  });

  it('searches English names', async () => {
    const target = services.find((s) => s.name.en && s.name.en.split(' ').length >= 2)!;
    const el = await mount(demoClients().resident);
    await type(el, target.name.en!.toUpperCase());
    expect(el.results.map((s) => s.code)).to.include(target.code);
  });

  it('filters by category, target group and delivery, and clears every filter', async () => {
    const el = await mount(demoClients().resident);
    await choose(el, 'group', 'elderly');
    expect(el.group).to.equal('elderly');
    expect(el.results.length).to.be.greaterThan(0);
    expect(el.results.every((s) => s.group === 'elderly')).to.equal(true);

    await choose(el, 'group', '');
    await choose(el, 'target', 'low-income');
    expect(el.getAttribute('target-group')).to.equal('low-income');
    expect(el.results.length).to.be.greaterThan(0);
    expect(el.results.every((s) => s.targetGroups.includes('low-income'))).to.equal(true);

    await choose(el, 'delivery', 'home-visit');
    expect(el.results.every((s) => s.delivery.includes('home-visit') && s.targetGroups.includes('low-income'))).to.equal(true);

    $<HTMLButtonElement>(el, '[part="clear-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.results.length).to.equal(services.length);
    expect([el.group, el.targetGroup, el.delivery, el.query]).to.deep.equal(['', '', '', '']);
    expect(countText(el)).to.contain(`共 ${services.length} 项服务`);
    expect(el.shadowRoot!.activeElement?.id).to.equal('search');
    expect(has(el, '[part="clear-button"]')).to.equal(false);
  });

  it('takes initial filters from attributes', async () => {
    const el = await mount(demoClients().resident, 'group="elderly" query="上门"');
    expect(el.results.length).to.be.greaterThan(0);
    expect(el.results.every((s) => s.group === 'elderly')).to.equal(true);
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('上门');
    expect($<HTMLSelectElement>(el, '#group')!.value).to.equal('elderly');
  });

  it('shows the empty state with a way out', async () => {
    const el = await mount(demoClients().resident, 'contact-phone="0931-8888888"');
    await type(el, '完全不存在的服务名称zzzz');
    expect($(el, '[part="empty"]')!.textContent).to.contain('没有找到相关服务');
    expect($<HTMLAnchorElement>(el, '.contact a')!.getAttribute('href')).to.equal('tel:09318888888');
    expect(has(el, '[part="clear-button"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens the 办事指南 of the chosen service and Back returns focus to its row', async () => {
    const el = await mount(demoClients().resident);
    const selected: Service[] = [];
    el.addEventListener('linli-service-select', (e) => selected.push((e as CustomEvent<{ service: Service }>).detail.service));
    const row = rowButtons(el)[2]!;
    const index = row.dataset['index'];
    row.click();
    await el.updateComplete;
    expect(selected).to.have.length(1);
    const guide = $<LinliServiceGuide>(el, '[part="detail"] linli-service-guide')!;
    expect(guide.service?.code).to.equal(selected[0]!.code);
    await guide.updateComplete;
    expect(guide.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.contain(selected[0]!.name['zh-CN']);
    await until(() => guide.shadowRoot!.activeElement?.getAttribute('part') === 'title');
    expect(el.shadowRoot!.activeElement === guide).to.equal(true);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset?.['index'] === index);
    expect(has(el, '[part="detail"]')).to.equal(false);
  });

  it('lets the page take over selection by cancelling linli-service-select', async () => {
    const el = await mount(demoClients().resident);
    el.addEventListener('linli-service-select', (e) => e.preventDefault());
    rowButtons(el)[0]!.click();
    await el.updateComplete;
    expect(has(el, '[part="detail"]')).to.equal(false);
  });

  it('moves between rows with the arrow keys', async () => {
    const el = await mount(demoClients().resident);
    const first = rowButtons(el)[0]!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset?.['index'] === '1');
    (el.shadowRoot!.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset?.['index'] === String(services.length - 1), 5000);
  });

  it('fires a cancelable linli-report-request and opens the grievance dialog unless prevented', async () => {
    const el = await mount(demoClients().resident);
    const requested: string[] = [];
    let prevent = true;
    el.addEventListener('linli-report-request', (e) => {
      requested.push((e as CustomEvent<{ serviceCode: string }>).detail.serviceCode);
      expect(e.cancelable).to.equal(true);
      if (prevent) e.preventDefault();
    });
    const report = $<HTMLButtonElement>(el, '[part="report-button"]')!;
    const code = el.results.find((s) => s.requestable)!.code;
    report.click();
    await el.updateComplete;
    expect(requested).to.deep.equal([code]);
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);

    prevent = false;
    report.focus();
    report.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const title = dialog.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(title.textContent).to.contain('反映问题');
    expect(dialog.querySelector('linli-grievance-form')!.getAttribute('service-code')).to.equal(code);

    dialog.close();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === report).to.equal(true);
  });

  it('offers the report action only for requestable services', async () => {
    const el = await mount(demoClients().resident);
    await frames();
    for (const card of $$(el, '[part="row"]')) {
      const index = Number(card.querySelector<HTMLButtonElement>('button.open')!.dataset['index']);
      expect(!!card.querySelector('[part="report-button"]')).to.equal(el.results[index]!.requestable);
    }
  });

  it('shows an error with a retry button when loading fails', async () => {
    const el = await mount(failingClient(new LinliError('network', 'offline')), 'contact-phone="0931-8888888"');
    expect($(el, '[part="error"]')!.textContent).to.contain('网络');
    expect($(el, '[part="error"] button')!.textContent).to.contain('重试');
    await expect(el).to.be.accessible();
  });

  it('follows the nearest lang and localises every label', async () => {
    const el = await mount(demoClients().resident, '', 'en');
    expect($(el, 'label[for="search"]')!.textContent).to.equal('Search services');
    expect($$(el, '#group option').map((o) => o.textContent)).to.include('Elderly care');
    expect(countText(el)).to.contain(`${services.length} services`);
    el.parentElement!.setAttribute('lang', 'zh-TW');
    await until(() => $(el, 'label[for="search"]')!.textContent === '搜尋服務');
    expect($$(el, '#group option').map((o) => o.textContent)).to.include('養老服務');
  });

  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    it(`is accessible in ${lang}, unfiltered and filtered`, async () => {
      const el = await mount(demoClients().resident, '', lang);
      await frames();
      await expect(el).to.be.accessible();
      await choose(el, 'group', 'elderly');
      await frames();
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible and scales in large-text mode', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--linli-font-scale: 1.25"></div>`);
    const el = document.createElement('linli-service-directory');
    el.client = demoClients().resident;
    wrapper.append(el);
    await until(() => rowButtons(el).length > 0);
    const input = $<HTMLInputElement>(el, '#search')!;
    expect(input.getBoundingClientRect().height).to.be.at.least(55);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state first', async () => {
    const el = await fixture<LinliServiceDirectory>(html`<linli-service-directory .client=${demoClients({ latencyMs: 300 }).resident}></linli-service-directory>`);
    expect(has(el, '[part="loading"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders 10 000 services virtualised and filters them in memory', async function () {
    this.timeout(120_000);
    const catalogue = makeServiceCatalogue(10_000);
    const client = createClient({ adapter: memoryAdapter({ seed: { services: catalogue }, now: testNow }) });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('linli-service-directory');
    el.client = client;
    wrapper.append(el);
    await until(() => countText(el).startsWith('共 10000 项服务'), 100_000);
    await until(() => rowButtons(el).length > 0);
    expect(rowButtons(el).length).to.be.greaterThan(0);
    expect(rowButtons(el).length).to.be.lessThan(100);

    const word = catalogue[1234]!.name['zh-CN'].slice(0, 2);
    const expected = catalogue.filter((s) => matchesServiceQuery(s, { q: word }, toEntry(s).text)).length;
    await type(el, word);
    expect(countText(el)).to.contain(`找到 ${expected} 项服务（共 10000 项）`);
    await frames();
    expect(rowButtons(el).length).to.be.lessThan(100);

    await type(el, '');
    await choose(el, 'group', 'elderly');
    expect(el.results.length).to.equal(catalogue.filter((s) => s.group === 'elderly').length);
  });

  it('renders hostile service names and keywords as text', async () => {
    const ran = installXssTrap();
    const base = services[0]!;
    const hostile: Service[] = xssPayloads.map((payload, i) => ({
      ...structuredClone(base),
      id: `xss-svc-${i}`,
      code: `xss-${String(i).padStart(3, '0')}`,
      name: { 'zh-CN': payload, en: payload },
      description: { 'zh-CN': payload },
      keywords: [payload.slice(0, 40)],
      requestable: true,
    }));
    const client = createClient({ adapter: memoryAdapter({ seed: { services: hostile }, now: testNow }) });
    const el = await mount(client);
    expect(countText(el)).to.contain(String(xssPayloads.length));
    for (const [i, payload] of xssPayloads.entries()) {
      await type(el, `xss-${String(i).padStart(3, '0')}`);
      await frames(2);
      const rows = rowButtons(el);
      expect(rows, payload).to.have.length(1);
      expect(rows[0]!.textContent!.trim()).to.equal(payload);
      expect(dangerousNodes(el), payload).to.deep.equal([]);
    }
    rowButtons(el)[0]!.click();
    await el.updateComplete;
    await $<LinliServiceGuide>(el, 'linli-service-guide')!.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(dangerousNodes(el)).to.deep.equal([]);
    expect(ran).to.deep.equal([]);
  });
});

describe('ServiceFilter', () => {
  const entries = services.map(toEntry);
  const codes = (list: { service: Service }[]) => list.map((e) => e.service.code);

  it('narrows while the resident types and always agrees with the SDK matcher', () => {
    const incremental = new ServiceFilter();
    const steps: [string, object][] = [
      ['y', {}],
      ['yl', {}],
      ['yla', {}],
      ['yl', {}],
      ['养', { group: 'elderly' }],
      ['养老', { group: 'elderly' }],
      ['养老 上门', { group: 'elderly' }],
      ['养老 上门服务', {}],
      ['', { delivery: 'online' }],
      ['e', {}],
      ['el', {}],
      ['elderly care', {}],
    ];
    for (const [q, structured] of steps) {
      const expected = entries.filter((e) => matchesServiceQuery(e.service, { q, ...structured }, e.text));
      expect(codes(incremental.run(entries, q, structured)), `${q} ${JSON.stringify(structured)}`).to.deep.equal(codes(expected));
    }
  });

  it('finds services by the labels shown on their cards', () => {
    const found = new Set(codes(new ServiceFilter().run(entries, '养老服务', {})));
    const elderly = services.filter((s) => s.group === 'elderly');
    expect(elderly.length).to.be.greaterThan(0);
    expect(elderly.every((s) => found.has(s.code))).to.equal(true);
    const free = new Set(codes(new ServiceFilter().run(entries, '免费', {})));
    expect(services.filter((s) => s.pricing === 'free').every((s) => free.has(s.code))).to.equal(true);
  });
});
