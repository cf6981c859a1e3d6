import { LinliError, type Service } from '@linli/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { demoClients, demoData, failingClient, until } from '../../../test/helpers.js';
import type { LinliServiceGuide } from './service-guide.component.js';
import './service-guide.js';

if (!customElements.get('linli-grievance-form')) customElements.define('linli-grievance-form', class extends HTMLElement {});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

const services = demoData.services as Service[];
/** The richest guide in the demo: an issuing body other than the window, materials, steps and legal basis. */
const rich =
  services.find((s) => s.guide.issuedBy && s.guide.materials.length > 1 && s.guide.steps.length > 1 && s.guide.legalBasis.length && s.guide.conditions.length && s.requestable) ??
  services.find((s) => s.guide.materials.length && s.guide.steps.length)!;

async function mount(code: string, attrs = '', lang = 'zh-CN', client = demoClients().resident): Promise<LinliServiceGuide> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<linli-service-guide service-code="${code}" ${attrs}></linli-service-guide>`;
  const el = wrapper.querySelector('linli-service-guide')!;
  el.client = client;
  await until(() => !!$(el, '[part~="title"], [part="error"]'));
  await el.updateComplete;
  return el;
}

describe('linli-service-guide', () => {
  it('shows every section of a demo 办事指南', async () => {
    const el = await mount(rich.code);
    const g = rich.guide;
    expect($(el, 'h2[part~="title"]')!.textContent).to.equal(rich.name['zh-CN']);
    const sections = $$(el, 'h3').map((h) => h.textContent!.trim());
    expect(sections).to.include.members(['基本信息', '办理条件', '申请材料', '办理流程', '办理依据', '投诉渠道']);
    expect(text(el)).to.contain(g.timeLimit.workingDays === 0 ? '即时办结' : `${g.timeLimit.workingDays} 个工作日`);
    expect(text(el)).to.contain(g.where['zh-CN']);
    expect(text(el)).to.contain(g.hours['zh-CN']);
    expect(text(el)).to.contain(g.complaintRoute['zh-CN']);
    expect(text(el)).to.contain(g.fees['zh-CN']);
    if (g.issuedBy) expect(text(el)).to.contain(g.issuedBy['zh-CN']);
    expect($$(el, '[part="materials-table"] tbody tr')).to.have.length(g.materials.length);
    expect($$(el, '[part="materials-table"] thead th').map((th) => th.textContent)).to.deep.equal(['材料名称', '份数', '原件/复印件', '备注']);
    expect($$(el, '[part="steps"] > li')).to.have.length(g.steps.length);
    expect($$(el, '[part="steps"] .step-title').map((s) => s.textContent)).to.deep.equal(g.steps.map((s) => s.title['zh-CN']));
    expect($<HTMLAnchorElement>(el, 'a[href^="tel:"]')!.getAttribute('href')).to.equal(`tel:${g.phone.replace(/[^\d+]/g, '')}`);
    expect(text(el)).to.contain(rich.provider.name['zh-CN']);
    await expect(el).to.be.accessible();
  });

  it('shows a service given as a property without any request', async () => {
    const el = await fixture<LinliServiceGuide>(html`<linli-service-guide .service=${rich}></linli-service-guide>`);
    expect($(el, '[part~="title"]')!.textContent).to.equal(rich.name['zh-CN']);
  });

  it('prints with window.print()', async () => {
    const el = await mount(rich.code);
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '[part="print-button"]')!.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
  });

  it('hides buttons and adds link targets when printed', async () => {
    const el = await mount(rich.code);
    const sheets = el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]);
    const print = sheets.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print').map((r) => r.cssText).join('\n');
    expect(print).to.contain('display: none');
    expect(print).to.contain('attr(href)');
  });

  it('uses the configured heading level', async () => {
    const el = await mount(rich.code, 'heading-level="3"');
    expect(has(el, 'h3[part~="title"]')).to.equal(true);
    expect($$(el, 'h4').map((h) => h.textContent)).to.include('申请材料');
    expect(has(el, 'article h2')).to.equal(false);
  });

  it('fires a cancelable linli-report-request and otherwise opens the grievance dialog', async () => {
    const el = await mount(rich.code);
    const codes: string[] = [];
    el.addEventListener('linli-report-request', (e) => codes.push((e as CustomEvent<{ serviceCode: string }>).detail.serviceCode), { once: true });
    $<HTMLButtonElement>(el, '[part="report-button"]')!.click();
    await el.updateComplete;
    expect(codes).to.deep.equal([rich.code]);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('linli-grievance-form')!.getAttribute('service-code')).to.equal(rich.code);
    dialog.close();

    el.addEventListener('linli-report-request', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part="report-button"]')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
  });

  it('has no report button for a service that cannot be reported', async () => {
    const plain = services.find((s) => !s.requestable);
    if (!plain) return expect(services.every((s) => s.requestable)).to.equal(true);
    const el = await mount(plain.code);
    expect(has(el, '[part="report-button"]')).to.equal(false);
  });

  it('says when a service does not exist and gives the community phone', async () => {
    const el = await mount('no-such-service', 'contact-phone="0931-8888888"');
    expect($(el, '[part="error"]')!.textContent).to.contain('没有找到这项服务');
    expect($<HTMLAnchorElement>(el, '.contact a')!.getAttribute('href')).to.equal('tel:09318888888');
    expect(has(el, '[part="error"] button')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('offers a retry when loading fails', async () => {
    const el = await mount(rich.code, '', 'zh-CN', failingClient(new LinliError('network', 'offline')));
    expect($(el, '[part="error"]')!.textContent).to.contain('网络');
    const retry = $<HTMLButtonElement>(el, '[part="error"] button')!;
    expect(retry.textContent).to.contain('重试');
    el.client = demoClients().resident;
    retry.click();
    await until(() => !!$(el, '[part~="title"]'));
  });

  it('shows a loading state while the service loads', async () => {
    const el = await fixture<LinliServiceGuide>(
      html`<linli-service-guide service-code=${rich.code} .client=${demoClients({ latencyMs: 300 }).resident}></linli-service-guide>`,
    );
    expect(has(el, '[part="loading"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  const headings = { 'zh-CN': '申请材料', 'zh-TW': '申請材料', en: 'What to bring' } as const;
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`is accessible and localised in ${lang}`, async () => {
      const el = await mount(rich.code, '', lang);
      expect($$(el, 'h3').map((h) => h.textContent)).to.include(headings[lang]);
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible with large text', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--linli-font-scale: 1.5"></div>`);
    const el = document.createElement('linli-service-guide');
    el.service = rich;
    wrapper.append(el);
    await el.updateComplete;
    expect($(el, '[part="print-button"]')!.getBoundingClientRect().height).to.be.at.least(66);
    await expect(el).to.be.accessible();
  });
});
