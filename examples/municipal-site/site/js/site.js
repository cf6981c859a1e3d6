// Site chrome for the demo community website: header, navigation, footer and the language switch.
// The Linli components follow <html lang> live, so switching language is one attribute change.

const text = {
  'zh-CN': {
    brand: '西湖街道 · 社区服务网',
    sub: '兰州市七里河区西湖街道办事处',
    skip: '跳到主要内容',
    home: '首页',
    guide: '办事指南',
    report: '民情直通车',
    notices: '居务公开',
    satisfaction: '满意度',
    staff: '工作台',
    open311: 'Open311',
    footer: '西湖街道党群服务中心 · 地址：七里河区建西东路126号 · 电话：0931-2336012 · 本站为 Linli 开源组件演示站点，数据均为虚构。',
  },
  en: {
    brand: 'Xihu Subdistrict · Community Services',
    sub: 'Xihu Subdistrict Office, Qilihe District, Lanzhou',
    skip: 'Skip to main content',
    home: 'Home',
    guide: 'Service guide',
    report: 'Report a problem',
    notices: 'Public notices',
    satisfaction: 'Satisfaction',
    staff: 'Staff desk',
    open311: 'Open311',
    footer: 'Xihu Party-and-Public Service Centre · 126 Jianxi East Road · Tel 0931-2336012 · A demo of the open-source Linli components; all data is fictional.',
  },
};
const pages = ['home', 'guide', 'report', 'notices', 'satisfaction', 'staff', 'open311'];
const hrefs = { home: './', guide: 'guide.html', report: 'report.html', notices: 'notices.html', satisfaction: 'satisfaction.html', staff: 'staff.html', open311: 'open311.html' };

const stored = localStorage.getItem('site-lang');
if (stored === 'en' || stored === 'zh-CN') document.documentElement.lang = stored;
const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
const current = document.body.dataset.page;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function renderChrome() {
  const t = text[lang()];
  const header = el('header', { class: 'site' });
  const bar = el('div', { class: 'bar' });
  const brand = el('a', { class: 'brand', href: './' }, el('strong', {}, t.brand), el('span', {}, t.sub));
  const list = el('ul');
  for (const p of pages) {
    const a = el('a', { href: hrefs[p] }, t[p]);
    if (p === current) a.setAttribute('aria-current', 'page');
    list.append(el('li', {}, a));
  }
  const nav = el('nav', { 'aria-label': lang() === 'en' ? 'Main' : '主导航' }, list);
  const zh = el('button', { type: 'button', lang: 'zh-CN', 'aria-pressed': String(lang() === 'zh-CN') }, '中文');
  const en = el('button', { type: 'button', lang: 'en', 'aria-pressed': String(lang() === 'en') }, 'English');
  zh.addEventListener('click', () => setLang('zh-CN'));
  en.addEventListener('click', () => setLang('en'));
  bar.append(brand, nav, el('div', { class: 'tools' }, zh, en));
  header.append(bar);
  document.getElementById('site-header').replaceChildren(el('a', { class: 'skip', href: '#main' }, t.skip), header);
  document.getElementById('site-footer').replaceChildren(el('footer', { class: 'site' }, el('div', {}, t.footer)));
  for (const node of document.querySelectorAll('[data-zh]')) node.textContent = lang() === 'en' ? node.dataset.en : node.dataset.zh;
  document.title = `${document.querySelector('h1')?.textContent ?? ''} · ${t.brand}`;
}

function setLang(next) {
  document.documentElement.lang = next;
  localStorage.setItem('site-lang', next);
  renderChrome();
}

renderChrome();
