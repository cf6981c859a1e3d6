import { memoryAdapter } from '@linli/adapter-memory';
import { DEMO_NOW } from '@linli/demo-data';
import { LinliError, createClient, type LinliClient, type Notice } from '@linli/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { demoData, failingClient, until } from '../../../test/helpers.js';
import { dangerousNodes, installXssTrap, xssPayloads } from '../../../test/xss-corpus.js';
import type { LinliNoticeBoard } from './notice-board.component.js';
import './notice-board.js';
import { formatDay, formatSize, publicityPhase } from './notice-format.js';
import { sanitizeNoticeHtml } from './sanitize-notice-html.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const notices = demoData.notices as Notice[];
// The demo dataset's notices are dated relative to DEMO_NOW; pin both the backend's and the board's clock to it.
const now = Date.parse(DEMO_NOW);
const demoClient = (latencyMs?: number) => createClient({ adapter: memoryAdapter({ seed: demoData, latencyMs, now: () => new Date(DEMO_NOW) }) });
const isActive = (n: Notice) => Date.parse(n.publishAt) <= now && (!n.expiresAt || Date.parse(n.expiresAt) > now);

async function mount(client: LinliClient, attrs = '', lang = 'zh-CN'): Promise<LinliNoticeBoard> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<linli-notice-board ${attrs}></linli-notice-board>`;
  const el = wrapper.querySelector('linli-notice-board')!;
  el.now = new Date(DEMO_NOW);
  el.client = client;
  await until(() => !!$(el, '[part="list"], [part="kiosk"], [part="empty"], [part="error"]'), 5000);
  await el.updateComplete;
  return el;
}

const articleFor = (el: LinliNoticeBoard, n: Notice) => $$(el, 'article').find((a) => a.querySelector('[part="toggle"]')!.textContent!.includes(n.title['zh-CN']));

function seeded(list: Notice[]): LinliClient {
  return createClient({ adapter: memoryAdapter({ seed: { notices: list }, now: () => new Date(DEMO_NOW) }) });
}

function makeNotice(i: number, body: string, extra: Partial<Notice> = {}): Notice {
  return {
    id: `test-${i}`,
    createdAt: '2024-01-01T00:00:00+08:00',
    updatedAt: '2024-01-01T00:00:00+08:00',
    orgUnitId: notices[0]!.orgUnitId,
    category: 'resident-affairs',
    title: { 'zh-CN': `测试公告 ${i}` },
    body: { 'zh-CN': body },
    attachments: [],
    publishAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    pinned: false,
    ...extra,
  };
}

describe('sanitizeNoticeHtml', () => {
  it('keeps the safe rich-text subset and returns a plain string', () => {
    const out = sanitizeNoticeHtml('<h3>标题</h3><p><strong>粗</strong><em>斜</em></p><table><thead><tr><th scope="col">户</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table><blockquote>引</blockquote><ol><li>一</li></ol>');
    expect(typeof out).to.equal('string');
    for (const tag of ['<h3>', '<strong>', '<em>', '<table>', '<thead>', '<th scope="col">', '<td colspan="2">', '<blockquote>', '<ol>', '<li>']) expect(out).to.contain(tag);
  });

  it('opens safe links in a new tab without an opener and drops every other URL scheme', () => {
    const out = sanitizeNoticeHtml(
      '<a href="https://example.org/a">a</a><a href="mailto:x@example.org">m</a><a href="tel:12345">t</a><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><a href="/relative">r</a>',
    );
    const doc = new DOMParser().parseFromString(out, 'text/html');
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/a', 'mailto:x@example.org', 'tel:12345', null, null, null]);
    expect(links.slice(0, 3).every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).to.equal(true);
  });

  it('strips styles, scripts, frames, forms and event handlers', () => {
    const out = sanitizeNoticeHtml('<p style="color:red" onclick="x()">p</p><style>p{}</style><script>x()</script><iframe></iframe><form><input></form><img src=x onerror=x()>');
    expect(out).to.equal('<p>p</p>');
  });
});

describe('notice-format', () => {
  const window = { from: '2025-11-18T00:00:00+08:00', to: '2025-11-25T23:59:59+08:00' };
  it('counts down a 公示 window in days and hours', () => {
    expect(publicityPhase(window, new Date('2025-11-17T12:00:00+08:00'))).to.deep.equal({ phase: 'upcoming' });
    expect(publicityPhase(window, new Date('2025-11-22T20:59:59+08:00'))).to.deep.equal({ phase: 'open', days: 3, hours: 3 });
    expect(publicityPhase(window, new Date('2025-11-26T00:00:00+08:00'))).to.deep.equal({ phase: 'closed' });
  });
  it('formats China dates and file sizes', () => {
    expect(formatDay(window.from, 'zh-CN')).to.equal('11月18日');
    expect(formatDay(window.to, 'zh-CN')).to.equal('11月25日');
    expect(formatSize(500)).to.equal('1 KB');
    expect(formatSize(200 * 1024)).to.equal('200 KB');
    expect(formatSize(3.5 * 1024 * 1024)).to.equal('3.5 MB');
  });
});

describe('linli-notice-board', () => {
  it('lists active notices, pinned first and newest first, with 置顶 badges', async () => {
    const el = await mount(demoClient());
    const shown = el.visible;
    expect(shown.length).to.equal(Math.min(50, notices.filter(isActive).length));
    const firstUnpinned = shown.findIndex((n) => !n.pinned);
    expect(shown.slice(firstUnpinned === -1 ? shown.length : firstUnpinned).every((n) => !n.pinned)).to.equal(true);
    for (const group of [shown.filter((n) => n.pinned), shown.filter((n) => !n.pinned)]) {
      const times = group.map((n) => Date.parse(n.publishAt));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    }
    const articles = $$(el, 'article');
    expect(articles).to.have.length(shown.length);
    shown.forEach((n, i) => expect(!!articles[i]!.querySelector('.badge.pinned')).to.equal(n.pinned));
    await expect(el).to.be.accessible();
  });

  it('marks emergency notices with more than colour', async () => {
    const el = await mount(demoClient());
    const urgent = el.visible.find((n) => n.category === 'emergency');
    expect(urgent, 'the demo has an emergency notice').to.not.equal(undefined);
    const article = articleFor(el, urgent!)!;
    expect(article.classList.contains('emergency')).to.equal(true);
    expect(article.querySelector('.badge.emergency')!.textContent).to.contain('紧急');
    expect(article.querySelector('[part="toggle"] .visually-hidden')!.textContent).to.contain('紧急');
  });

  it('has category tabs operable with arrow keys, Home and End', async () => {
    const el = await mount(demoClient());
    const cats = el.categories;
    expect(cats.length).to.be.greaterThan(1);
    const tabs = () => $$<HTMLButtonElement>(el, '[role="tab"]');
    expect(tabs().map((t) => t.textContent!.replace(/\s*\(\d+\)\s*/, '').trim())[0]).to.equal('全部');
    expect(tabs()).to.have.length(cats.length + 1);
    const selectedTab = () => tabs().find((t) => t.getAttribute('aria-selected') === 'true')!;
    const press = async (key: string) => {
      selectedTab().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await el.updateComplete;
      await el.updateComplete;
    };
    selectedTab().focus();
    await press('ArrowRight');
    expect(el.category).to.equal(cats[0]);
    expect(el.getAttribute('category')).to.equal(cats[0]);
    expect(el.shadowRoot!.activeElement === selectedTab()).to.equal(true);
    expect(tabs().filter((t) => t.tabIndex === 0).map((t) => t.id)).to.deep.equal([selectedTab().id]);
    expect(el.visible.every((n) => n.category === cats[0])).to.equal(true);
    expect($(el, '#panel')!.getAttribute('aria-labelledby')).to.equal(selectedTab().id);
    await press('End');
    expect(el.category).to.equal(cats[cats.length - 1]);
    await press('ArrowRight');
    expect(el.category).to.equal('');
    await press('ArrowLeft');
    expect(el.category).to.equal(cats[cats.length - 1]);
    await press('Home');
    expect(el.category).to.equal('');
    tabs()[2]!.click();
    await el.updateComplete;
    expect(el.category).to.equal(cats[1]);
    await expect(el).to.be.accessible();
  });

  it('opens on the tab named by the category attribute', async () => {
    const el = await mount(demoClient(), 'category="emergency"');
    expect(el.visible.every((n) => n.category === 'emergency')).to.equal(true);
    expect($(el, '[role="tab"][aria-selected="true"]')!.id).to.equal('tab-emergency');
  });

  it('counts down the open 公示 window and shows how to object', async () => {
    const open = notices.find((n) => n.publicity && isActive(n) && Date.parse(n.publicity.from) <= now && now < Date.parse(n.publicity.to));
    expect(open, 'the demo has an open 公示 window').to.not.equal(undefined);
    const el = await mount(demoClient());
    const article = articleFor(el, open!)!;
    const box = article.querySelector('[part="publicity"]')!;
    const p = open!.publicity!;
    expect(squash(box.textContent)).to.contain(`公示期：${formatDay(p.from, 'zh-CN')}至${formatDay(p.to, 'zh-CN')}，还剩`);
    expect(squash(box.textContent)).to.contain('如有异议');
    const hrefs = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).to.be.greaterThan(0);
    if (p.objectionsTo.phone) expect(hrefs).to.include(`tel:${p.objectionsTo.phone.replace(/[^\d+]/g, '')}`);
    if (p.objectionsTo.email) expect(hrefs).to.include(`mailto:${p.objectionsTo.email}`);

    el.now = new Date(Date.parse(p.to) + 1000);
    await el.updateComplete;
    expect(squash(articleFor(el, open!)!.querySelector('[part="publicity"]')!.textContent)).to.contain('公示已结束');
    expect(!!articleFor(el, open!)!.querySelector('[part="publicity"] a')).to.equal(false);
  });

  it('expands and collapses a notice as a disclosure', async () => {
    const el = await mount(demoClient());
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]')!;
    const region = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(region.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(region.hidden).to.equal(false);
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.querySelector('[part="body"]')!.textContent!.trim().length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(region.hidden).to.equal(true);
  });

  it('lists attachments with their size and a download link', async () => {
    const withFiles = notices.find((n) => n.attachments.length && isActive(n));
    expect(withFiles, 'the demo has a notice with attachments').to.not.equal(undefined);
    const el = await mount(demoClient());
    const article = articleFor(el, withFiles!)!;
    article.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await el.updateComplete;
    const links = [...article.querySelectorAll<HTMLAnchorElement>('[part="attachments"] a')];
    expect(links).to.have.length(withFiles!.attachments.length);
    const first = withFiles!.attachments[0]!;
    expect(links[0]!.hasAttribute('download')).to.equal(true);
    expect(links[0]!.textContent).to.contain(first.name);
    if (first.size !== undefined) expect(links[0]!.textContent).to.contain(formatSize(first.size));
  });

  it('drops attachment and objection links that are not http(s)', async () => {
    const evil = makeNotice(1, '<p>正文</p>', {
      attachments: [
        { name: 'evil.pdf', url: 'javascript:window.__xss(99)' },
        { name: 'ok.pdf', url: 'https://example.org/ok.pdf', size: 2048 },
      ],
      publicity: { from: '2020-01-01T00:00:00+08:00', to: '2099-01-01T00:00:00+08:00', objectionsTo: { url: 'javascript:window.__xss(98)', email: 'a"onmouseover=x@y.z' } },
    });
    const el = await mount(seeded([evil]));
    $<HTMLButtonElement>(el, '[part="toggle"]')!.click();
    await el.updateComplete;
    expect($$<HTMLAnchorElement>(el, '[part="attachments"] a').map((a) => a.href)).to.deep.equal(['https://example.org/ok.pdf']);
    expect($$(el, '[part="publicity"] a')).to.have.length(0);
    expect(dangerousNodes(el)).to.deep.equal([]);
  });

  it('rotates one notice at a time in kiosk mode and pauses on focus and on request', async () => {
    const el = await mount(demoClient(), 'mode="kiosk" interval="0.15"');
    const title = () => $(el, '.slide-title')!.textContent;
    expect($$(el, 'article.slide')).to.have.length(1);
    expect($(el, '.slide-live')!.getAttribute('aria-live')).to.equal('off');
    const first = title();
    await until(() => title() !== first, 2000);

    $<HTMLElement>(el, '.slide')!.focus();
    await el.updateComplete;
    const held = title();
    await sleep(450);
    expect(title()).to.equal(held);
    expect($(el, '.slide-live')!.getAttribute('aria-live')).to.equal('polite');
    $<HTMLElement>(el, '.slide')!.blur();
    await until(() => title() !== held, 2000);

    const toggle = $<HTMLButtonElement>(el, '[data-rotation]')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.textContent).to.contain('继续播放');
    expect(has(el, '.paused-note')).to.equal(true);
    const paused = title();
    await sleep(450);
    expect(title()).to.equal(paused);

    const [, previous, next] = $$<HTMLButtonElement>(el, '[part="kiosk-controls"] button');
    next!.click();
    await el.updateComplete;
    expect(title()).to.not.equal(paused);
    expect($(el, '.slide-live')!.getAttribute('aria-live')).to.equal('polite');
    previous!.click();
    await el.updateComplete;
    expect(title()).to.equal(paused);
    await expect(el).to.be.accessible();
  });

  it('does not rotate by itself when the resident prefers reduced motion', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      const el = await mount(demoClient(), 'mode="kiosk" interval="0.1"');
      const first = $(el, '.slide-title')!.textContent;
      await sleep(400);
      expect($(el, '.slide-title')!.textContent).to.equal(first);
      expect($(el, '[data-rotation]')!.textContent).to.contain('继续播放');
    } finally {
      window.matchMedia = original;
    }
  });

  it('renders every XSS payload as inert text while keeping the safe rich text', async () => {
    const ran = installXssTrap();
    // Safe content first: payloads such as an unclosed <textarea> legitimately swallow whatever follows them.
    const safe = '<table><tbody><tr><td>安全表格</td></tr></tbody></table><p><strong>加粗文字</strong></p>';
    const list = xssPayloads.map((payload, i) => makeNotice(i, `${safe}${payload}`, { title: { 'zh-CN': `${payload}` } }));
    const el = await mount(seeded(list), 'limit="100"');
    expect($$(el, 'article')).to.have.length(xssPayloads.length);
    for (const toggle of $$<HTMLButtonElement>(el, '[part="toggle"]')) toggle.click();
    await el.updateComplete;
    await sleep(300);
    expect(ran).to.deep.equal([]);
    expect(dangerousNodes(el)).to.deep.equal([]);
    const bodies = $$(el, '[part="body"]');
    expect(bodies).to.have.length(xssPayloads.length);
    for (const body of bodies) {
      expect(body.querySelector('table td')!.textContent).to.equal('安全表格');
      expect(body.querySelector('strong')!.textContent).to.equal('加粗文字');
    }
    // Titles are plain text: the payload shows literally.
    expect(squash($$(el, '[part="toggle"]')[0]!.textContent)).to.contain('<');

    el.mode = 'kiosk';
    await el.updateComplete;
    for (let i = 0; i < 5; i++) {
      $$<HTMLButtonElement>(el, '[part="kiosk-controls"] button')[2]!.click();
      await el.updateComplete;
    }
    await sleep(100);
    expect(ran).to.deep.equal([]);
    expect(dangerousNodes(el)).to.deep.equal([]);
  });

  it('shows an empty state', async () => {
    const el = await mount(seeded([]));
    expect($(el, '[part="empty"]')!.textContent).to.contain('暂无公告');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button', async () => {
    const el = await mount(failingClient(new LinliError('network', 'offline')));
    expect($(el, '[part="error"]')!.textContent).to.contain('网络');
    await expect(el).to.be.accessible();
    el.client = demoClient();
    $<HTMLButtonElement>(el, '[part="error"] button')!.click();
    await until(() => $$(el, 'article').length > 0);
  });

  it('shows a loading state', async () => {
    const el = await fixture<LinliNoticeBoard>(html`<linli-notice-board .client=${demoClient(300)}></linli-notice-board>`);
    expect(has(el, '[part="loading"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  const allLabel = { 'zh-CN': '全部', 'zh-TW': '全部', en: 'All' } as const;
  const pinned = { 'zh-CN': '置顶', 'zh-TW': '置頂', en: 'Pinned' } as const;
  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    it(`is localised and accessible in ${lang}, collapsed, expanded and as a kiosk`, async () => {
      const el = await mount(demoClient(), '', lang);
      expect($(el, '[role="tab"]')!.textContent).to.contain(allLabel[lang]);
      if (el.visible.some((n) => n.pinned)) expect($(el, '.badge.pinned')!.textContent).to.contain(pinned[lang]);
      await expect(el).to.be.accessible();
      for (const toggle of $$<HTMLButtonElement>(el, '[part="toggle"]').slice(0, 5)) toggle.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.mode = 'kiosk';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible with large text', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--linli-font-scale: 1.5"></div>`);
    const el = document.createElement('linli-notice-board');
    el.now = new Date(DEMO_NOW);
    el.client = demoClient();
    wrapper.append(el);
    await until(() => $$(el, '[role="tab"]').length > 0);
    expect($(el, '[role="tab"]')!.getBoundingClientRect().height).to.be.at.least(66);
    await expect(el).to.be.accessible();
  });
});
