import { createMemoryStore, memoryAdapter, memoryCapabilities } from '@linli/adapter-memory';
import {
  attributeDatatypes,
  createClient,
  NetworkError,
  ValidationError,
  type AttributeDefinition,
  type GrievanceReceipt,
  type LinliAdapter,
  type LinliClient,
  type Service,
} from '@linli/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { demoClients, demoData, testNow, until } from '../../../test/helpers.js';
import { dangerousNodes, installXssTrap, xssPayloads } from '../../../test/xss-corpus.js';
import '../provider/provider.js';
import type { LinliGrievanceForm } from './grievance-form.component.js';
import './grievance-form.js';
import { clientWith, manualOutbox, offlineClient, unsupportedClient, withOverrides } from './story-clients.js';

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

const requestable = demoData.services.filter((s) => s.requestable);
const sorted = (s: Service) => [...s.definition].sort((a, b) => a.order - b.order);

/** A requestable demo service whose definition has an attribute matching `test`. */
function serviceWith(test: (d: AttributeDefinition) => boolean): { service: Service; def: AttributeDefinition } {
  for (const service of requestable) {
    const def = sorted(service).find(test);
    if (def) return { service, def };
  }
  throw new Error('no demo service has such an attribute');
}

/** A service with no required attributes, so a test only has to fill the common fields. */
const simpleService = requestable.find((s) => s.definition.every((d) => !d.required)) ?? requestable[0]!;

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => root(el).querySelector<T & Element>(sel) as T | null;
/** Compared as a boolean: a failed DOM-node equality makes the runner hang while serialising it. */
const hasFocus = (el: HTMLElement, node: Element | null) => node !== null && root(el).activeElement === node;
const text = (el: HTMLElement) => root(el).textContent?.replace(/\s+/g, ' ') ?? '';

async function mount(client: LinliClient, serviceCode?: string, lang = 'zh-CN'): Promise<LinliGrievanceForm> {
  const wrapper = await fixture<HTMLDivElement>(
    serviceCode
      ? html`<div lang=${lang}><linli-grievance-form .client=${client} service-code=${serviceCode}></linli-grievance-form></div>`
      : html`<div lang=${lang}><linli-grievance-form .client=${client}></linli-grievance-form></div>`,
  );
  const el = wrapper.querySelector('linli-grievance-form')!;
  await until(() => !!$(el, '#f-description'));
  return el;
}

async function type(el: LinliGrievanceForm, selector: string, value: string, blur = false) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function click(el: LinliGrievanceForm, selector: string) {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}

/** Makes a `showIf` attribute visible by answering the question it depends on. */
async function reveal(el: LinliGrievanceForm, service: Service, def: AttributeDefinition) {
  if (!def.showIf) return;
  const parent = service.definition.find((d) => d.code === def.showIf!.attribute)!;
  await reveal(el, service, parent);
  const want = Array.isArray(def.showIf.equals) ? def.showIf.equals[0]! : def.showIf.equals;
  const id = `#f-attr-${parent.code}`;
  if (parent.datatype === 'boolean') await click(el, want === true || want === 'true' ? id : `${id}-1`);
  else if ($(el, `select${id}`)) {
    const select = $<HTMLSelectElement>(el, id)!;
    select.value = String(want);
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
  } else {
    const index = parent.values!.findIndex((v) => v.key === want);
    await click(el, index === 0 ? id : `${id}-${index}`);
  }
}

/** Fills every required, shown attribute of a service with a valid value. */
async function fillRequired(el: LinliGrievanceForm, service: Service) {
  for (const def of sorted(service)) {
    if (!def.required || !$(el, `#f-attr-${def.code}`)) continue;
    const id = `#f-attr-${def.code}`;
    const control = $<HTMLInputElement>(el, id)!;
    if (control.type === 'radio' || control.type === 'checkbox') await click(el, id);
    else if (control.tagName === 'SELECT') {
      (control as unknown as HTMLSelectElement).value = def.values![0]!.key;
      control.dispatchEvent(new Event('change'));
      await el.updateComplete;
    } else if (control.type === 'number') await type(el, id, '3');
    else if (control.type === 'datetime-local') await type(el, id, '2026-11-25T14:30');
    else await type(el, id, '测试内容');
  }
}

async function fillCommon(el: LinliGrievanceForm, description = '楼道里的灯坏了三天，晚上看不见路。') {
  await type(el, '#f-description', description);
  await type(el, '#f-address', '幸福路 12 号院 3 号楼');
}

const receiptShown = (el: LinliGrievanceForm) => !!$(el, '.receipt');

async function grievanceCount(staff: LinliClient): Promise<number> {
  return (await staff.grievances.list({ limit: 1 })).total ?? 0;
}

beforeEach(() => sessionStorage.clear());

// ── tests ──────────────────────────────────────────────────────────────────────────────────────

describe('linli-grievance-form', () => {
  describe('service choice', () => {
    it('lists requestable services grouped by group in optgroups', async () => {
      const { resident } = demoClients();
      const el = await mount(resident);
      const select = $<HTMLSelectElement>(el, '#f-serviceCode')!;
      const options = [...select.querySelectorAll('option')].filter((o) => o.value);
      expect(options.length).to.equal(requestable.length);
      const groups = new Set(requestable.map((s) => s.group));
      expect(select.querySelectorAll('optgroup').length).to.equal(groups.size);
      expect(demoData.services.some((s) => !s.requestable && options.some((o) => o.value === s.code))).to.equal(false);
    });

    it('shows the fixed service as text instead of a select', async () => {
      const { resident } = demoClients();
      const el = await mount(resident, simpleService.code);
      expect($(el, '#f-serviceCode')).to.equal(null);
      expect($(el, '.fixed-service')!.textContent).to.contain(simpleService.name['zh-CN']);
    });

    it('gives the phone route for a fixed service that takes no online requests', async () => {
      const service = demoData.services.find((s) => !s.requestable)!;
      const el = await fixture<LinliGrievanceForm>(html`<linli-grievance-form .client=${demoClients().resident} service-code=${service.code}></linli-grievance-form>`);
      await until(() => text(el).includes('不受理网上反映'));
      expect(text(el)).to.contain(service.name['zh-CN']);
      expect(text(el)).to.contain(service.guide.phone);
      await expect(el).to.be.accessible();
    });

    it('says online reporting is not available and gives the phone route', async () => {
      const el = await fixture<LinliGrievanceForm>(html`<linli-grievance-form .client=${unsupportedClient()}></linli-grievance-form>`);
      await until(() => text(el).includes('暂未开通'));
      expect(text(el)).to.contain('12345');
      expect($(el, '#f-description')).to.equal(null);
    });
  });

  describe('dynamic attributes', () => {
    const expected: Record<string, (el: LinliGrievanceForm, d: AttributeDefinition) => void> = {
      string: (el, d) => expect($<HTMLInputElement>(el, `#f-attr-${d.code}`)!.type).to.equal('text'),
      number: (el, d) => {
        const input = $<HTMLInputElement>(el, `#f-attr-${d.code}`)!;
        expect(input.type).to.equal('number');
        expect(input.getAttribute('inputmode')).to.equal('decimal');
      },
      datetime: (el, d) => expect($<HTMLInputElement>(el, `#f-attr-${d.code}`)!.type).to.equal('datetime-local'),
      text: (el, d) => expect($(el, `#f-attr-${d.code}`)!.tagName).to.equal('TEXTAREA'),
      singlevaluelist: (el, d) => {
        const control = $<HTMLInputElement>(el, `#f-attr-${d.code}`)!;
        if (d.values!.length <= 5) {
          expect(control.type).to.equal('radio');
          expect(root(el).querySelectorAll(`input[name="attr-${d.code}"]`).length).to.equal(d.values!.length);
        } else expect(control.tagName).to.equal('SELECT');
      },
      multivaluelist: (el, d) => {
        const control = $<HTMLInputElement>(el, `#f-attr-${d.code}`)!;
        expect(control.type).to.equal('checkbox');
        expect(control.closest('fieldset')!.querySelector('legend')!.textContent).to.contain(d.description['zh-CN']);
        expect(root(el).querySelectorAll(`input[name="attr-${d.code}"]`).length).to.equal(d.values!.length);
      },
      boolean: (el, d) => {
        const radios = root(el).querySelectorAll<HTMLInputElement>(`input[name="attr-${d.code}"]`);
        expect(radios.length).to.equal(2);
        expect(radios[0]!.type).to.equal('radio');
      },
      note: (el, d) => {
        const notes = [...root(el).querySelectorAll('.note')].map((n) => n.textContent);
        expect(notes).to.include(d.description['zh-CN']);
        expect($(el, `#f-attr-${d.code}`)).to.equal(null);
      },
    };

    for (const datatype of attributeDatatypes) {
      it(`renders a ${datatype} attribute with the right control and label`, async () => {
        const { service, def } = serviceWith((d) => d.datatype === datatype);
        const el = await mount(demoClients().resident, service.code);
        await reveal(el, service, def);
        expected[datatype]!(el, def);
        if (def.datatype !== 'note' && !['multivaluelist', 'boolean', 'singlevaluelist'].includes(def.datatype)) {
          const label = $(el, `label[for="f-attr-${def.code}"]`)!;
          expect(label.textContent).to.contain(def.description['zh-CN']);
          if (def.required) expect(label.textContent).to.contain('必填');
        }
      });
    }

    it('shows a showIf attribute live, and neither requires nor submits it while hidden', async () => {
      const { service, def } = serviceWith((d) => !!d.showIf && d.required && typeof d.showIf.equals === 'boolean');
      const { resident, staff } = demoClients();
      const el = await mount(resident, service.code);
      const parent = `#f-attr-${def.showIf!.attribute}`;
      expect($(el, `#f-attr-${def.code}`)).to.equal(null);
      await click(el, parent); // 是
      expect($(el, `#f-attr-${def.code}`)).to.not.equal(null);

      await fillCommon(el);
      await fillRequired(el, service);
      await click(el, `${parent}-1`); // 否
      expect($(el, `#f-attr-${def.code}`)).to.equal(null);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const page = await staff.grievances.list({ serviceCode: service.code, limit: 1 });
      const filed = page.items[0]!;
      expect(filed.attributes).to.not.have.property(def.code);
      expect(filed.attributes[def.showIf!.attribute]).to.equal(false);
    });

    it('requires a shown required showIf attribute', async () => {
      const { service, def } = serviceWith((d) => !!d.showIf && d.required && typeof d.showIf.equals === 'boolean');
      const el = await mount(demoClients().resident, service.code);
      await click(el, `#f-attr-${def.showIf!.attribute}`);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => !!$(el, '.error-summary'));
      const links = [...root(el).querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
      expect(links).to.include(`#f-attr-${def.code}`);
    });

    it('submits numbers as numbers and datetimes with the +08:00 offset', async () => {
      const { service, def } = serviceWith((d) => d.datatype === 'datetime');
      const { resident, staff } = demoClients();
      const el = await mount(resident, service.code);
      await reveal(el, service, def);
      await fillRequired(el, service);
      await type(el, `#f-attr-${def.code}`, '2026-11-25T14:30');
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const filed = (await staff.grievances.list({ serviceCode: service.code, limit: 1 })).items[0]!;
      expect(filed.attributes[def.code]).to.equal('2026-11-25T14:30:00+08:00');

      const num = serviceWith((d) => d.datatype === 'number');
      const el2 = await mount(resident, num.service.code);
      await reveal(el2, num.service, num.def);
      await fillRequired(el2, num.service);
      await type(el2, `#f-attr-${num.def.code}`, '12.5');
      await fillCommon(el2);
      await click(el2, '.btn.submit');
      await until(() => receiptShown(el2));
      const filed2 = (await staff.grievances.list({ serviceCode: num.service.code, limit: 1 })).items[0]!;
      expect(filed2.attributes[num.def.code]).to.equal(12.5);
    });
  });

  describe('validation', () => {
    it('lists every problem in a focused error summary whose links focus the fields', async () => {
      const { resident } = demoClients();
      const el = await mount(resident);
      await click(el, '.btn.submit');
      await until(() => !!$(el, '.error-summary'));
      const summary = $(el, '.error-summary')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(hasFocus(el, summary), 'focus').to.equal(true);
      const links = [...summary.querySelectorAll('a')];
      expect(summary.querySelector('h2')!.textContent).to.equal(`请检查以下 ${links.length} 项`);
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#f-serviceCode', '#f-description', '#f-address']);
      for (const link of links) {
        link.click();
        const id = link.getAttribute('href')!.slice(1);
        expect(root(el).activeElement?.id).to.equal(id);
        const control = $(el, `#${id}`)!;
        expect(control.getAttribute('aria-invalid')).to.equal('true');
        const describedBy = control.getAttribute('aria-describedby')!.split(' ');
        expect(describedBy).to.include(`${id}-error`);
        expect($(el, `#${id}-error`)!.textContent).to.not.equal('');
      }
    });

    it('checks a field on blur once it was changed, and clears the error as it is fixed', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      await type(el, '#f-phone', '12345', true);
      expect($(el, '#f-phone-error')!.textContent).to.contain('11 位手机号');
      expect($(el, '#f-phone')!.getAttribute('aria-invalid')).to.equal('true');
      // A phone number without a name asks for the name.
      await type(el, '#f-phone', '13812345678');
      expect($(el, '#f-phone-error')).to.equal(null);
      await type(el, '#f-phone', '0931-8123456');
      expect($(el, '#f-phone-error')).to.equal(null);
      await type(el, '#f-description', '短', true);
      expect($(el, '#f-description-error')!.textContent).to.contain('至少需要 5 个字');
    });

    it('does not flag an untouched field when the resident tabs past it', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      $(el, '#f-description')!.dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect($(el, '#f-description-error')).to.equal(null);
    });

    it('counts characters live and flags more than 4000', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      await type(el, '#f-description', '字'.repeat(4010));
      expect($(el, '#f-description-count')!.textContent).to.contain('4010 / 4000');
      expect($(el, '#f-description-count')!.textContent).to.contain('超出 10 字');
      await click(el, '.btn.submit');
      expect($(el, '#f-description-error')!.textContent).to.contain('删减 10 字');
    });

    it('maps server-side field issues onto the same fields and summary', async () => {
      const { service, def } = serviceWith((d) => d.datatype === 'string' && !d.showIf);
      const client = clientWith({
        submitGrievance: () =>
          Promise.reject(
            new ValidationError('Invalid grievance.', [
              { path: 'description', message: '描述里有不能公开的内容', code: 'custom' },
              { path: `attributes.${def.code}`, message: '这一项和登记不符', code: 'custom' },
              { path: 'location.text', message: '找不到这个地址', code: 'custom' },
              { path: 'somethingElse', message: '其他问题', code: 'custom' },
            ]),
          ),
      });
      const el = await mount(client, service.code);
      await fillRequired(el, service);
      await type(el, `#f-attr-${def.code}`, '随便写写');
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => !!$(el, '.error-summary'));
      expect(hasFocus(el, $(el, '.error-summary')), 'focus').to.equal(true);
      expect($(el, '#f-description-error')!.textContent).to.contain('描述里有不能公开的内容');
      expect($(el, `#f-attr-${def.code}-error`)!.textContent).to.contain('这一项和登记不符');
      expect($(el, '#f-address-error')!.textContent).to.contain('找不到这个地址');
      const items = [...root(el).querySelectorAll('.error-summary li')].map((li) => li.textContent!.trim());
      expect(items).to.have.length(4);
      expect(items[3]).to.equal('其他问题');
      expect($(el, '.error-summary h2')!.textContent).to.equal('请检查以下 4 项');
      // Fixing a field replaces the server's message with our own check.
      await type(el, '#f-address', '幸福路 14 号');
      expect($(el, '#f-address-error')).to.equal(null);
    });
  });

  describe('submitting', () => {
    it('shows the tracking code and access code and fires linli-grievance-submit', async () => {
      const { resident } = demoClients();
      const el = await mount(resident, simpleService.code);
      let receipt: GrievanceReceipt | undefined;
      el.addEventListener('linli-grievance-submit', (e) => (receipt = (e as CustomEvent<GrievanceReceipt>).detail));
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      expect(receipt).to.exist;
      expect($(el, '#tracking-code')!.textContent).to.equal(receipt!.trackingCode);
      expect($(el, '#access-code')!.textContent).to.equal(receipt!.accessCode);
      expect(text(el)).to.contain('查询码只显示一次');
      expect(text(el)).to.match(/预计 \d+月\d+日 前办结/);
      expect(hasFocus(el, $(el, '.receipt-title')), 'focus').to.equal(true);
      const tracked = await resident.grievances.track(receipt!.trackingCode, receipt!.accessCode);
      expect(tracked.description).to.equal('楼道里的灯坏了三天，晚上看不见路。');
    });

    it('fires linli-track-request with both codes from the receipt', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      let detail: { trackingCode: string; accessCode: string } | undefined;
      document.addEventListener('linli-track-request', (e) => (detail = (e as CustomEvent).detail), { once: true });
      await click(el, '[part="track-button"]');
      expect(detail).to.deep.equal({ trackingCode: $(el, '#tracking-code')!.textContent, accessCode: $(el, '#access-code')!.textContent });
    });

    it('copies a code, and says so politely', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const copied: string[] = [];
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
      try {
        root(el).querySelectorAll<HTMLButtonElement>('.code-row button')[1]!.click();
        await until(() => text(el).includes('已复制'));
        expect(copied).to.deep.equal([$(el, '#access-code')!.textContent]);
        expect($(el, '.copy-status')!.getAttribute('role')).to.equal('status');
        // No clipboard: the code is selected for the resident to copy.
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
        root(el).querySelectorAll<HTMLButtonElement>('.code-row button')[0]!.click();
        await until(() => text(el).includes('已选中'));
      } finally {
        delete (navigator as unknown as Record<string, unknown>).clipboard;
        if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
      }
    });

    it('files one grievance for a double click', async () => {
      const { resident, staff } = demoClients({ latencyMs: 60 });
      const before = await grievanceCount(staff);
      const el = await mount(resident, simpleService.code);
      await fillCommon(el);
      const button = $<HTMLButtonElement>(el, '.btn.submit')!;
      button.click();
      button.click();
      await el.updateComplete;
      expect($<HTMLButtonElement>(el, '.btn.submit')!.disabled).to.equal(true);
      expect($(el, '.btn.submit')!.textContent).to.contain('正在提交');
      await until(() => receiptShown(el));
      expect(await grievanceCount(staff)).to.equal(before + 1);
    });

    it('sends one request for a double click (not just one stored grievance)', async () => {
      const store = createMemoryStore({ seed: demoData });
      const base = memoryAdapter({ store, latencyMs: 30, now: testNow });
      let calls = 0;
      const adapter = withOverrides(base, {
        submitGrievance: (input: Parameters<LinliAdapter['submitGrievance']>[0], ctx: Parameters<LinliAdapter['submitGrievance']>[1]) => {
          calls++;
          return base.submitGrievance(input, ctx);
        },
      });
      const el = await mount(createClient({ adapter }), simpleService.code);
      await fillCommon(el);
      $<HTMLButtonElement>(el, '.btn.submit')!.click();
      $<HTMLButtonElement>(el, '.btn.submit')!.click();
      $(el, '#f-address')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await until(() => receiptShown(el));
      expect(calls).to.equal(1);
    });

    it('submits on Enter in a one-line field, as a native form would', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      await fillCommon(el);
      $(el, '#f-address')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await until(() => receiptShown(el));
    });

    it('retries with the same idempotency key after a lost answer, and files once', async () => {
      const store = createMemoryStore({ seed: demoData });
      const base = memoryAdapter({ store, now: testNow });
      const staff = createClient({ adapter: memoryAdapter({ store, now: testNow, actor: { role: 'staff', id: 's', name: 's' } }) });
      const keys: (string | undefined)[] = [];
      let calls = 0;
      const adapter: LinliAdapter = withOverrides(base, {
        submitGrievance: async (input: Parameters<LinliAdapter['submitGrievance']>[0], ctx: Parameters<LinliAdapter['submitGrievance']>[1]) => {
          keys.push(ctx.idempotencyKey);
          const receipt = await base.submitGrievance(input, ctx);
          if (++calls === 1) throw new NetworkError('connection reset'); // stored, but the answer was lost
          return receipt;
        },
      });
      const before = await grievanceCount(staff);
      const el = await mount(createClient({ adapter, maxRetries: 0 }), simpleService.code);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => !!$(el, '.submit-error'));
      expect(text(el)).to.contain('您填写的内容都还在');
      expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.contain('楼道里的灯');
      expect($(el, '.btn.submit')!.textContent).to.contain('重新提交');
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
      expect(await grievanceCount(staff)).to.equal(before + 1);
    });

    it('uses a new idempotency key for the next report after a receipt', async () => {
      const keys: (string | undefined)[] = [];
      const store = createMemoryStore({ seed: demoData });
      const base = memoryAdapter({ store, now: testNow });
      const adapter = withOverrides(base, {
        submitGrievance: (input: Parameters<LinliAdapter['submitGrievance']>[0], ctx: Parameters<LinliAdapter['submitGrievance']>[1]) => {
          keys.push(ctx.idempotencyKey);
          return base.submitGrievance(input, ctx);
        },
      });
      const el = await mount(createClient({ adapter }), simpleService.code);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const first = $(el, '#tracking-code')!.textContent;
      await click(el, '.receipt .actions .btn:last-child'); // 再反映一个问题
      await until(() => !!$(el, '#f-description'));
      expect($<HTMLTextAreaElement>(el, '#f-description')!.value).to.equal('');
      await fillCommon(el, '路灯又坏了，请尽快修理。');
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      expect($(el, '#tracking-code')!.textContent).to.not.equal(first);
      expect(keys[0]).to.not.equal(keys[1]);
    });

    it('keeps the draft in sessionStorage across re-creating the element, and clears it after the receipt', async () => {
      const { resident } = demoClients();
      const first = await mount(resident, simpleService.code);
      await type(first, '#f-description', '垃圾桶满了没人清理');
      await type(first, '#f-address', '和平路 3 号');
      first.parentElement!.remove();

      const again = await mount(resident, simpleService.code);
      expect($<HTMLTextAreaElement>(again, '#f-description')!.value).to.equal('垃圾桶满了没人清理');
      expect($<HTMLInputElement>(again, '#f-address')!.value).to.equal('和平路 3 号');
      expect(text(again)).to.contain('已恢复您上次没有提交的内容');
      await click(again, '.btn.submit');
      await until(() => receiptShown(again));
      expect([...Array(sessionStorage.length).keys()].map((i) => sessionStorage.key(i)).filter((k) => k?.startsWith('linli:grievance-draft'))).to.deep.equal([]);
    });

    it('keeps the chosen service in the draft when the resident picks it from the list', async () => {
      const { resident } = demoClients();
      const first = await mount(resident);
      const select = $<HTMLSelectElement>(first, '#f-serviceCode')!;
      select.value = simpleService.code;
      select.dispatchEvent(new Event('change'));
      await type(first, '#f-description', '电梯经常停运');
      first.parentElement!.remove();
      const again = await mount(resident);
      expect($<HTMLSelectElement>(again, '#f-serviceCode')!.value).to.equal(simpleService.code);
      expect($<HTMLTextAreaElement>(again, '#f-description')!.value).to.equal('电梯经常停运');
    });

    it('offline: says it is saved on the device, then shows the receipt when the outbox delivers', async () => {
      const outbox = manualOutbox();
      const el = await mount(offlineClient(outbox), simpleService.code);
      let queued: string | undefined;
      el.addEventListener('linli-grievance-queued', (e) => (queued = (e as CustomEvent<{ outboxId: string }>).detail.outboxId));
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => text(el).includes('已保存在本设备，联网后会自动提交'));
      expect(queued).to.equal('ob-1');
      expect(hasFocus(el, $(el, '.queued-title')), 'focus').to.equal(true);

      const item = { id: 'ob-1', kind: 'grievance' as const, idempotencyKey: 'k', createdAt: '2026-11-20T01:00:00.000Z', attempts: 1, payload: {} };
      const receipt: GrievanceReceipt = {
        id: 'g-x',
        trackingCode: 'MQ-261120-ABCD',
        accessCode: 'K7QM4XPD',
        status: 'submitted',
        submittedAt: '2026-11-20T01:00:00.000Z',
        expectedAt: '2026-11-27T15:59:59.999Z',
      };
      let delivered: GrievanceReceipt | undefined;
      el.addEventListener('linli-grievance-submit', (e) => (delivered = (e as CustomEvent<GrievanceReceipt>).detail));
      outbox.emit({ type: 'delivered', item: { ...item, id: 'ob-other' }, result: { ...receipt, trackingCode: 'MQ-OTHER' } });
      await el.updateComplete;
      expect(receiptShown(el)).to.equal(false);
      outbox.emit({ type: 'delivered', item, result: receipt });
      await until(() => receiptShown(el));
      expect($(el, '#tracking-code')!.textContent).to.equal('MQ-261120-ABCD');
      expect($(el, '#access-code')!.textContent).to.equal('K7QM4XPD');
      expect(delivered?.trackingCode).to.equal('MQ-261120-ABCD');
    });

    it('a network error without an outbox keeps the input and offers to send again', async () => {
      const el = await mount(clientWith({ submitGrievance: () => Promise.reject(new NetworkError('offline')) }), simpleService.code);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => !!$(el, '.submit-error'));
      expect(hasFocus(el, $(el, '.submit-error')), 'focus').to.equal(true);
      expect($(el, '.submit-error')!.getAttribute('role')).to.equal('alert');
      expect($<HTMLInputElement>(el, '#f-address')!.value).to.equal('幸福路 12 号院 3 号楼');
    });
  });

  describe('location and contact', () => {
    it('offers grid / building / unit from org units, buildings filtered by the chosen grid', async () => {
      const { resident, staff } = demoClients();
      const el = await mount(resident, simpleService.code);
      await until(() => !!$(el, '#mode-place'));
      await click(el, '#mode-place');
      await until(() => !!$(el, '#f-grid'));
      const grids = demoData.orgUnits.filter((u) => u.level === 'grid');
      const grid = grids[0]!;
      const gridSelect = $<HTMLSelectElement>(el, '#f-grid')!;
      expect(gridSelect.querySelectorAll('option').length).to.equal(grids.length + 1);
      gridSelect.value = grid.id;
      gridSelect.dispatchEvent(new Event('change'));
      const buildings = demoData.orgUnits.filter((u) => u.level === 'building' && u.parentId === grid.id);
      await until(() => $<HTMLSelectElement>(el, '#f-building')!.querySelectorAll('option').length === buildings.length + 1);
      const buildingSelect = $<HTMLSelectElement>(el, '#f-building')!;
      buildingSelect.value = buildings[0]!.id;
      buildingSelect.dispatchEvent(new Event('change'));
      await type(el, '#f-unit', '2 单元 301');
      await type(el, '#f-description', '楼上漏水，天花板发霉。');
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const filed = (await staff.grievances.list({ serviceCode: simpleService.code, limit: 1 })).items[0]!;
      expect(filed.location).to.deep.equal({ kind: 'place', gridId: grid.id, buildingId: buildings[0]!.id, unit: '2 单元 301' });
    });

    it('falls back to an address when the backend has no org units', async () => {
      const el = await mount(clientWith({ capabilities: { ...memoryCapabilities, orgUnits: false } }), simpleService.code);
      expect($(el, '#mode-place')).to.equal(null);
      expect($(el, '#f-address')).to.not.equal(null);
    });

    it('anonymous hides name and phone and files an anonymous report', async () => {
      const { resident, staff } = demoClients();
      const el = await mount(resident, simpleService.code);
      expect($(el, '#f-name')).to.not.equal(null);
      await click(el, '#f-anonymous');
      expect($(el, '#f-name')).to.equal(null);
      expect($(el, '#f-phone')).to.equal(null);
      await fillCommon(el);
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const filed = (await staff.grievances.list({ serviceCode: simpleService.code, limit: 1 })).items[0]!;
      expect(filed.reporter).to.deep.equal({ anonymous: true });
      expect(filed.contactConsent).to.equal(false);
    });

    it('files name, phone and consent when given', async () => {
      const { resident, staff } = demoClients();
      const el = await mount(resident, simpleService.code);
      await fillCommon(el);
      await type(el, '#f-name', '王阿姨');
      await type(el, '#f-phone', '138 1234 5678');
      await click(el, '#f-contactConsent');
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      const filed = (await staff.grievances.list({ serviceCode: simpleService.code, limit: 1 })).items[0]!;
      expect(filed.reporter).to.deep.equal({ anonymous: false, name: '王阿姨', phone: '13812345678' });
      expect(filed.contactConsent).to.equal(true);
    });

    it('shows attachments only when the backend supports media, without uploading them', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      const input = $<HTMLInputElement>(el, '#f-media')!;
      expect(input.accept).to.equal('image/*');
      expect(text(el)).to.contain('照片还不能在网上提交');
      const noMedia = await mount(clientWith({ capabilities: { ...memoryCapabilities, media: false } }), simpleService.code);
      expect($(noMedia, '#f-media')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    for (const lang of ['zh-CN', 'zh-TW', 'en']) {
      it(`is accessible empty, with errors and with a receipt (${lang})`, async () => {
        const el = await mount(demoClients().resident, undefined, lang);
        await expect(el).to.be.accessible();
        await click(el, '.btn.submit');
        await until(() => !!$(el, '.error-summary'));
        await expect(el).to.be.accessible();
        const select = $<HTMLSelectElement>(el, '#f-serviceCode')!;
        select.value = simpleService.code;
        select.dispatchEvent(new Event('change'));
        await fillCommon(el);
        await click(el, '.btn.submit');
        await until(() => receiptShown(el));
        await expect(el).to.be.accessible();
      });
    }

    it('follows the nearest lang live', async () => {
      const el = await mount(demoClients().resident, simpleService.code);
      expect($(el, '.btn.submit')!.textContent).to.contain('提交反映');
      el.parentElement!.setAttribute('lang', 'en');
      await until(() => $(el, '.btn.submit')!.textContent!.includes('Send report'));
      el.parentElement!.setAttribute('lang', 'zh-TW');
      await until(() => text(el).includes('您的聯絡方式'));
    });

    it('scales text and targets in large-text mode and stays accessible', async () => {
      const { resident } = demoClients();
      const provider = await fixture(html`<linli-provider .client=${resident} large-text><linli-grievance-form service-code=${simpleService.code}></linli-grievance-form></linli-provider>`);
      const el = provider.querySelector('linli-grievance-form')!;
      await until(() => !!$(el, '#f-description'));
      const button = $(el, '.btn.submit')!;
      expect(button.getBoundingClientRect().height).to.be.at.least(55);
      expect(parseFloat(getComputedStyle($(el, '#f-description')!).fontSize)).to.be.at.least(19.9);
      await expect(el).to.be.accessible();
    });
  });

  describe('untrusted text', () => {
    it('never runs XSS payloads typed into the form, on the receipt or while editing', async () => {
      const ran = installXssTrap();
      const payload = xssPayloads.join(' ').slice(0, 3990);
      const { resident } = demoClients();
      const el = await mount(resident, simpleService.code);
      await type(el, '#f-description', payload);
      await type(el, '#f-address', xssPayloads[1]!);
      await type(el, '#f-name', xssPayloads[0]!.slice(0, 40));
      await click(el, '.btn.submit');
      await until(() => receiptShown(el));
      await new Promise((r) => setTimeout(r, 50));
      expect(ran).to.deep.equal([]);
      expect(dangerousNodes(el)).to.deep.equal([]);
      // The restored draft shows the payload as text in the field, not as markup.
      const again = await mount(resident, simpleService.code);
      await type(again, '#f-description', payload);
      again.parentElement!.remove();
      const restored = await mount(resident, simpleService.code);
      expect($<HTMLTextAreaElement>(restored, '#f-description')!.value).to.equal(payload);
      expect(ran).to.deep.equal([]);
      expect(dangerousNodes(restored)).to.deep.equal([]);
    });
  });
});
