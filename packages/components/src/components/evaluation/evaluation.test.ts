import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ConflictError, createClient, NetworkError, noCapabilities, type Evaluation, type Grievance, type LinliAdapter, type LinliClient, type Outbox, type OutboxEvent } from '@linli/sdk';
import { demoClients, demoData, failingClient, until } from '../../../test/helpers.js';
import { dangerousNodes, installXssTrap, xssPayloads } from '../../../test/xss-corpus.js';
import '../provider/provider.js';
import type { LinliEvaluation } from './evaluation.component.js';
import './evaluation.js';

const root = (el: LinliEvaluation) => el.shadowRoot!;
const radios = (el: LinliEvaluation) => [...root(el).querySelectorAll<HTMLElement>('[role=radio]')];
const radio = (el: LinliEvaluation, level: number) => root(el).querySelector<HTMLElement>(`[data-level="${level}"]`)!;
const checkedLevel = (el: LinliEvaluation) => radios(el).find((r) => r.getAttribute('aria-checked') === 'true')?.dataset.level;
const focusedLevel = (el: LinliEvaluation) => (root(el).activeElement as HTMLElement | null)?.dataset.level;
const text = (el: LinliEvaluation) => root(el).textContent!.replace(/\s+/g, ' ');
const press = (target: HTMLElement, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
const submitButton = (el: LinliEvaluation) => root(el).querySelector<HTMLButtonElement>('[part=submit]');
const type = (field: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};
const tick = async (el: LinliEvaluation) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

async function choose(el: LinliEvaluation, level: number) {
  radio(el, level).click();
  await tick(el);
}

/** A resolved, not yet rated grievance from the demo data, with its 查询码. */
async function resolvedGrievance(staff: LinliClient): Promise<{ g: Grievance; code: string }> {
  const page = await staff.grievances.list({ status: ['resolved'], limit: 100 });
  const g = page.items.find((x) => !x.evaluationId && demoData.accessCodes[x.id]);
  if (!g) throw new Error('the demo data has no resolved, unrated grievance');
  return { g, code: demoData.accessCodes[g.id]! };
}

async function ratingFor(client: LinliClient, g: Grievance, code: string, extra = html``) {
  return fixture<LinliEvaluation>(html`<linli-evaluation .client=${client} target-type="grievance" target-id=${g.id} access-code=${code}>${extra}</linli-evaluation>`);
}

async function evaluationsOf(staff: LinliClient, targetId: string) {
  return (await staff.evaluations.list({ targetType: 'grievance', targetId, limit: 100 })).items;
}

describe('linli-evaluation', () => {
  describe('choosing a level', () => {
    it('shows five labelled levels with none pre-selected', async () => {
      const { resident } = demoClients();
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${resident} target-id="x"></linli-evaluation>`);
      expect(root(el).querySelector('[role=radiogroup]')).to.exist;
      expect(radios(el).map((r) => r.textContent!.trim())).to.deep.equal(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
      expect(checkedLevel(el)).to.equal(undefined);
      expect(el.value).to.equal('');
      // Only the first level is in the tab order until one is chosen (roving tabindex).
      expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
      expect(root(el).querySelector('[part=details]')).to.equal(null);
    });

    it('selects on click, moves focus there and fires change', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      const changed = oneEvent(el, 'change');
      const domain = oneEvent(el, 'linli-evaluation-change');
      await choose(el, 4);
      await changed;
      expect((await domain).detail).to.deep.equal({ level: 4 });
      expect(el.value).to.equal('4');
      expect(checkedLevel(el)).to.equal('4');
      expect(focusedLevel(el)).to.equal('4');
      expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
      expect(text(el)).to.contain('已选择：满意');
    });

    it('arrow keys, Home and End move focus and selection like native radios', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      radio(el, 5).focus();
      press(radio(el, 5), 'ArrowRight');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['4', '4']);
      press(radio(el, 4), 'ArrowDown');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['3', '3']);
      press(radio(el, 3), 'ArrowLeft');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['4', '4']);
      press(radio(el, 4), 'End');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['1', '1']);
      press(radio(el, 1), 'Home');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['5', '5']);
      press(radio(el, 5), 'ArrowUp'); // wraps, like native radios
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['1', '1']);
    });

    it('Space and Enter choose the focused level', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      radio(el, 5).focus();
      press(radio(el, 5), ' ');
      await tick(el);
      expect(checkedLevel(el)).to.equal('5');
      el.readonly = true; // readonly: arrows move focus only, so Enter on another level must not select it…
      await tick(el);
      press(radio(el, 5), 'ArrowRight');
      await tick(el);
      expect([checkedLevel(el), focusedLevel(el)]).to.deep.equal(['5', '4']);
      el.readonly = false;
      await tick(el);
      press(radio(el, 4), 'Enter'); // …until it is writable again
      await tick(el);
      expect(checkedLevel(el)).to.equal('4');
    });

    it('does nothing while disabled', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x" disabled></linli-evaluation>`);
      await choose(el, 3);
      expect(el.value).to.equal('');
      expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'true' && r.tabIndex === -1)).to.equal(true);
    });
  });

  describe('level-dependent content', () => {
    it('shows good reasons for 4–5, neutral for 3 and bad ones with the 整改 + 回访 promise for 1–2', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      await choose(el, 5);
      expect(text(el)).to.contain('哪些方面做得好');
      expect(text(el)).to.contain('一次办好，不用多跑');
      expect(text(el)).not.to.contain('问题没有解决');
      expect(root(el).querySelector('.note')).to.equal(null);

      await choose(el, 3);
      expect(text(el)).to.contain('哪些方面需要改进');
      expect(text(el)).to.contain('等候时间较长');
      expect(text(el)).not.to.contain('一次办好');

      await choose(el, 1);
      expect(text(el)).to.contain('问题没有解决');
      expect(text(el)).not.to.contain('等候时间较长');
      expect(root(el).querySelector('.note')!.textContent).to.contain('整改').and.to.contain('回访');
      expect(root(el).querySelector('#rp')).to.exist; // optional real-name phone for bad levels
      expect(root(el).querySelector('textarea')!.maxLength).to.equal(500);
    });

    it('drops chosen reasons that do not fit the new level', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      const el = await ratingFor(resident, g, code);
      await choose(el, 2);
      const notSolved = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('问题没有解决'))!;
      notSolved.querySelector('input')!.click();
      await choose(el, 4);
      await choose(el, 2);
      const again = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('问题没有解决'))!;
      expect(again.querySelector('input')!.checked).to.equal(false);
    });

    it('counts the comment live', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      await choose(el, 4);
      type(root(el).querySelector('textarea')!, '很好');
      await tick(el);
      expect(root(el).querySelector('#count')!.textContent).to.contain('2/500');
    });

    it('compact shows only the five levels', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x" compact></linli-evaluation>`);
      await choose(el, 1);
      expect(root(el).querySelector('[part=details]')).to.equal(null);
      expect(submitButton(el)).to.equal(null);
    });
  });

  describe('submitting', () => {
    it('submits to the client, shows thanks and fires linli-evaluation-submit with the saved evaluation', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      const el = await ratingFor(resident, g, code);
      await choose(el, 5);
      const box = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('办理快'))!.querySelector('input')!;
      const efficiency = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('办事效率'))!.querySelector('input')!;
      efficiency.click();
      box.click();
      type(root(el).querySelector('textarea')!, '  处理得很及时  ');
      await tick(el);
      const submitted = oneEvent(el, 'linli-evaluation-submit');
      submitButton(el)!.click();
      const { detail } = await submitted;
      expect(detail.level).to.equal(5);
      expect(detail.target).to.deep.equal({ type: 'grievance', id: g.id });
      expect(detail.reasons).to.deep.equal(['fast']);
      expect(detail.indicators).to.deep.equal(['efficiency']);
      expect(detail.comment).to.equal('处理得很及时');
      await tick(el);
      expect(root(el).querySelector('h2')!.textContent).to.equal('感谢您的评价');
      expect(root(el).activeElement).to.equal(root(el).querySelector('h2'));
      expect((await evaluationsOf(staff, g.id)).length).to.equal(1);
    });

    it('a double click rates once', async () => {
      const { resident, staff } = demoClients({ latencyMs: 50 });
      const { g, code } = await resolvedGrievance(staff);
      const el = await ratingFor(resident, g, code);
      await choose(el, 4);
      submitButton(el)!.click();
      submitButton(el)!.click();
      await el.submit(); // a third, programmatic attempt while the first is running
      await until(() => !!root(el).querySelector('[part=thanks]'));
      expect((await evaluationsOf(staff, g.id)).length).to.equal(1);
    });

    it('a retry after a lost response reuses the idempotency key and never rates twice', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      let lose = true;
      const keys: (string | undefined)[] = [];
      const flaky = {
        ...resident,
        supports: resident.supports,
        evaluations: {
          ...resident.evaluations,
          submit: async (...args: Parameters<LinliClient['evaluations']['submit']>) => {
            keys.push(args[1]?.idempotencyKey);
            const saved = await resident.evaluations.submit(...args); // stored on the server…
            if (lose) {
              lose = false;
              throw new NetworkError('connection dropped'); // …but the answer never arrives
            }
            return saved;
          },
        },
      } as LinliClient;
      const el = await ratingFor(flaky, g, code);
      await choose(el, 2);
      type(root(el).querySelector('textarea')!, '楼道灯还是不亮');
      await tick(el);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=error]'));
      expect(root(el).querySelector('textarea')!.value).to.equal('楼道灯还是不亮');
      root(el).querySelector<HTMLButtonElement>('[part=error] button')!.click();
      await until(() => !!root(el).querySelector('[part=thanks]'));
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
      expect((await evaluationsOf(staff, g.id)).length).to.equal(1);
    });

    it('explains that a matter is rated only once', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      await resident.evaluations.submit({ target: { type: 'grievance', id: g.id }, level: 4, accessCode: code });
      const el = await ratingFor(resident, g, code);
      await choose(el, 1);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=note]'));
      expect(text(el)).to.contain('这件事已经评价过了，每件事只能评价一次');
      expect((await evaluationsOf(staff, g.id)).length).to.equal(1);
    });

    it('says a grievance can be rated only once it is resolved', async () => {
      const { resident, staff } = demoClients();
      const page = await staff.grievances.list({ status: ['accepted', 'assigned', 'in_progress'], limit: 100 });
      const g = page.items.find((x) => demoData.accessCodes[x.id])!;
      const el = await ratingFor(resident, g, demoData.accessCodes[g.id]!);
      await choose(el, 3);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=note]'));
      expect(text(el)).to.contain('办结后才能评价');
    });

    it('keeps everything the resident typed when sending fails, and offers a retry', async () => {
      const el = await fixture<LinliEvaluation>(
        html`<linli-evaluation .client=${failingClient(new NetworkError('offline'))} target-type="service" target-id="x"></linli-evaluation>`,
      );
      await choose(el, 1);
      type(root(el).querySelector('textarea')!, '窗口一直没人');
      type(root(el).querySelector<HTMLInputElement>('#rn')!, '王阿姨');
      await tick(el);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=error]'));
      expect(text(el)).to.contain('网络连接不上');
      expect(root(el).querySelector('[part=error] button')!.textContent).to.contain('重试');
      expect(root(el).querySelector('textarea')!.value).to.equal('窗口一直没人');
      expect(root(el).querySelector<HTMLInputElement>('#rn')!.value).to.equal('王阿姨');
      expect(el.value).to.equal('1');
    });

    it('says a rating saved offline will be sent later', async () => {
      const el = await fixture<LinliEvaluation>(
        html`<linli-evaluation .client=${failingClient(new NetworkError('offline', { queuedAs: 'outbox-1' }))} target-id="x"></linli-evaluation>`,
      );
      await choose(el, 4);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=note]'));
      expect(text(el)).to.contain('已保存，联网后会自动提交');
    });

    it('turns into the thank-you when the outbox delivers a rating saved offline', async () => {
      const { resident } = demoClients();
      const listeners = new Set<(e: OutboxEvent) => void>();
      const outbox: Outbox = { pending: async () => [], flush: async () => {}, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
      const offline = { ...resident, supports: resident.supports, outbox, evaluations: { ...resident.evaluations, submit: () => Promise.reject(new NetworkError('offline', { queuedAs: 'ob-7' })) } } as unknown as LinliClient;
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${offline} target-id="x"></linli-evaluation>`);
      await choose(el, 4);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=note]'));
      const submitted = oneEvent(el, 'linli-evaluation-submit');
      const item = { id: 'ob-7', kind: 'evaluation' as const, idempotencyKey: 'k', createdAt: '2026-01-01T00:00:00Z', attempts: 1, payload: {} };
      const saved = { id: 'e-late', level: 4, target: { type: 'service', id: 'x' } } as unknown as Evaluation;
      listeners.forEach((l) => l({ type: 'delivered', item: { ...item, id: 'other' }, result: saved })); // someone else's item: ignored
      await tick(el);
      expect(root(el).querySelector('[part=thanks]')).to.equal(null);
      listeners.forEach((l) => l({ type: 'delivered', item, result: saved }));
      expect((await submitted).detail.id).to.equal('e-late');
      await tick(el);
      expect(text(el)).to.contain('感谢您的评价');
      expect(listeners.size).to.equal(0);
    });

    it('a conflict from any backend gets the same explanation', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${failingClient(new ConflictError('dup'))} target-id="x"></linli-evaluation>`);
      await choose(el, 4);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=note]'));
      expect(text(el)).to.contain('每件事只能评价一次');
    });

    it('masks the phone in the thank-you for a bad rating that opened a rectification', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      const el = await ratingFor(resident, g, code);
      await choose(el, 1);
      [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('问题没有解决'))!.querySelector('input')!.click();
      [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('同意工作人员回访'))!.querySelector('input')!.click();
      type(root(el).querySelector<HTMLInputElement>('#rp')!, '13812345678');
      await tick(el);
      const submitted = oneEvent(el, 'linli-evaluation-submit');
      submitButton(el)!.click();
      const { detail } = await submitted;
      expect(detail.rectificationId).to.be.a('string');
      await tick(el);
      expect(text(el)).to.contain('整改').and.contain('138****5678');
      expect(text(el)).not.to.contain('13812345678');
      const stored = (await evaluationsOf(staff, g.id))[0]!;
      expect(stored.contactConsent).to.equal(true);
      expect(stored.rater?.phone).to.equal('13812345678');
    });

    it('checks the phone before sending', async () => {
      const { resident } = demoClients();
      let called = 0;
      const spy = { ...resident, supports: resident.supports, evaluations: { ...resident.evaluations, submit: async () => (called++, Promise.reject(new Error('x'))) } } as unknown as LinliClient;
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${spy} target-id="x"></linli-evaluation>`);
      await choose(el, 2);
      type(root(el).querySelector<HTMLInputElement>('#rp')!, 'abc');
      await tick(el);
      submitButton(el)!.click();
      await tick(el);
      expect(called).to.equal(0);
      expect(text(el)).to.contain('电话号码格式不对');
      expect(root(el).activeElement?.id).to.equal('rp');
    });

    it('asks for a level before sending', async () => {
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation target-id="x"></linli-evaluation>`);
      submitButton(el)!.click();
      await tick(el);
      expect(text(el)).to.contain('请选择一个满意程度');
      expect(root(el).querySelector('[role=radiogroup]')!.getAttribute('aria-invalid')).to.equal('true');
    });

    it('hides itself politely when the backend has no evaluations', async () => {
      const client = createClient({ adapter: { name: 'open311-like', capabilities: { ...noCapabilities, services: true } } as LinliAdapter });
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${client} target-id="x"></linli-evaluation>`);
      expect(text(el)).to.contain('本网站暂未开通评价功能');
      expect(radios(el).length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('per-visit mode offers to rate the next visit', async () => {
      const { resident } = demoClients();
      const service = (await resident.services.list({ limit: 1 })).items[0]!;
      const el = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${resident} target-type="service" target-id=${service.code} mode="per-visit"></linli-evaluation>`);
      await choose(el, 5);
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=thanks]'));
      root(el).querySelector<HTMLButtonElement>('[part=thanks] button')!.click();
      await tick(el);
      expect(el.value).to.equal('');
      expect(checkedLevel(el)).to.equal(undefined);
    });
  });

  describe('inside a host form', () => {
    it('carries the level (and details) in FormData and never calls the client itself', async () => {
      const { resident } = demoClients();
      let called = 0;
      const spy = { ...resident, supports: resident.supports, evaluations: { ...resident.evaluations, submit: async () => (called++, Promise.reject(new Error('x'))) } } as unknown as LinliClient;
      const form = await fixture<HTMLFormElement>(html`<form name="visit"><linli-evaluation .client=${spy} name="rating" target-id="x"></linli-evaluation></form>`);
      const el = form.querySelector('linli-evaluation')!;
      await el.updateComplete;
      expect(submitButton(el)).to.equal(null);
      expect(new FormData(form).get('rating')).to.equal(null);
      await choose(el, 4);
      type(root(el).querySelector('textarea')!, '挺好');
      [...root(el).querySelectorAll('label')].find((l) => l.textContent!.includes('办理快'))!.querySelector('input')!.click();
      await tick(el);
      const data = new FormData(form);
      expect(data.get('rating')).to.equal('4');
      expect(data.get('rating-comment')).to.equal('挺好');
      expect(data.getAll('rating-reasons')).to.deep.equal(['fast']);
      expect(called).to.equal(0);
    });

    it('is invalid when required and empty, and form reset clears it', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><linli-evaluation name="rating" required target-id="x"></linli-evaluation></form>`);
      const el = form.querySelector('linli-evaluation')!;
      await tick(el);
      expect(form.checkValidity()).to.equal(false);
      expect(form.reportValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('请选择一个满意程度。');
      await tick(el);
      expect(root(el).querySelector('#invalid')).to.exist; // the invalid event shows the message inline too
      await choose(el, 3);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('rating')).to.equal('3');
      form.reset();
      await tick(el);
      expect(el.value).to.equal('');
      expect(checkedLevel(el)).to.equal(undefined);
      expect(new FormData(form).get('rating')).to.equal(null);
      expect(form.checkValidity()).to.equal(false);
    });

    it('follows a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><linli-evaluation name="rating" target-id="x"></linli-evaluation></fieldset></form>`);
      const el = form.querySelector('linli-evaluation')!;
      await tick(el);
      await choose(el, 4);
      expect(el.value).to.equal('');
      expect(radio(el, 4).getAttribute('aria-disabled')).to.equal('true');
    });

    it('submit-mode="self" submits to the client even inside a form', async () => {
      const { resident } = demoClients();
      const service = (await resident.services.list({ limit: 1 })).items[0]!;
      const form = await fixture<HTMLFormElement>(
        html`<form><linli-evaluation .client=${resident} name="rating" submit-mode="self" target-type="service" target-id=${service.code}></linli-evaluation></form>`,
      );
      const el = form.querySelector('linli-evaluation')!;
      await choose(el, 4);
      const submitted = oneEvent(el, 'linli-evaluation-submit');
      submitButton(el)!.click();
      expect((await submitted).detail.serviceCode).to.equal(service.code);
    });
  });

  describe('locales', () => {
    it('switches to English live when an ancestor lang changes', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><linli-evaluation target-id="x"></linli-evaluation></div>`);
      const el = wrap.querySelector('linli-evaluation')!;
      await choose(el, 2);
      wrap.lang = 'en';
      await until(() => radio(el, 5).textContent!.includes('Very satisfied'));
      expect(text(el)).to.contain('What should improve?');
      expect(text(el)).to.contain('Problem not solved');
      wrap.lang = 'zh-TW';
      await until(() => radio(el, 5).textContent!.includes('非常滿意'));
      expect(text(el)).to.contain('問題沒有解決');
    });
  });

  describe('accessibility', () => {
    for (const lang of ['zh-CN', 'zh-TW', 'en']) {
      it(`passes axe in ${lang}: empty, good level, bad level`, async () => {
        const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><linli-evaluation target-id="x" required></linli-evaluation></div>`);
        const el = wrap.querySelector('linli-evaluation')!;
        await tick(el);
        await expect(el).to.be.accessible();
        await choose(el, 5);
        await expect(el).to.be.accessible();
        await choose(el, 1);
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe in the thank-you, error, already-rated and large-text dark states', async () => {
      const { resident, staff } = demoClients();
      const { g, code } = await resolvedGrievance(staff);
      // The page behind a dark theme is dark too (as in Storybook).
      const provider = await fixture(
        html`<div style="background:#1b1c1f"><linli-provider large-text theme="dark" .client=${resident}><linli-evaluation target-type="grievance" target-id=${g.id} access-code=${code}></linli-evaluation></linli-provider></div>`,
      );
      const el = provider.querySelector('linli-evaluation')!;
      await until(() => radios(el).length === 5);
      expect(getComputedStyle(radio(el, 5)).minHeight).to.equal(`${44 * 1.25 * 2}px`);
      await choose(el, 2);
      await expect(el).to.be.accessible();
      submitButton(el)!.click();
      await until(() => !!root(el).querySelector('[part=thanks]'));
      await expect(el).to.be.accessible();

      const again = await ratingFor(resident, g, code);
      await choose(again, 4);
      submitButton(again)!.click();
      await until(() => !!root(again).querySelector('[part=note]'));
      await expect(again).to.be.accessible();

      const failing = await fixture<LinliEvaluation>(html`<linli-evaluation .client=${failingClient(new Error('boom'))} target-id="x"></linli-evaluation>`);
      await choose(failing, 3);
      submitButton(failing)!.click();
      await until(() => !!root(failing).querySelector('[part=error]'));
      await expect(failing).to.be.accessible();
    });
  });

  it('treats hostile comments and names as text', async () => {
    const ran = installXssTrap();
    const { resident, staff } = demoClients();
    const { g, code } = await resolvedGrievance(staff);
    const el = await ratingFor(resident, g, code);
    await choose(el, 1);
    const comment = xssPayloads.join('\n').slice(0, 500);
    type(root(el).querySelector('textarea')!, comment);
    type(root(el).querySelector<HTMLInputElement>('#rn')!, xssPayloads[1]!.slice(0, 40));
    await tick(el);
    expect(root(el).querySelector('textarea')!.value).to.equal(comment);
    const submitted = oneEvent(el, 'linli-evaluation-submit');
    submitButton(el)!.click();
    expect((await submitted).detail.comment).to.equal(comment.trim());
    await tick(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).to.deep.equal([]);
    expect(dangerousNodes(el)).to.deep.equal([]);
  });
});
