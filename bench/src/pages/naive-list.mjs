// The peer: a naïve, non-virtualised Lit list that renders every matching row, filtering with the SDK's
// own matching function over search text computed once per service (as the directory does). Same row
// markup, labels and styles as <linli-service-directory>; the catalogue is handed over as an array.
import { css, html, LitElement } from 'lit';
import { localize, matchesServiceQuery, serviceSearchText } from '@linli/sdk';
import { tokens } from '../../../packages/components/src/styles/tokens.ts';
import { directoryStyles } from '../../../packages/components/src/components/service-directory/service-directory.styles.ts';
import { deliveryLabels, groupLabels, labelOf, pricingLabels } from '../../../packages/components/src/components/service-guide/service-labels.ts';
import { prepareCatalogue } from './catalogue.mjs';
import { firstRender, forceLayout, macrotask, nextFrame, until } from './harness.mjs';

class NaiveServiceList extends LitElement {
  static properties = { services: { attribute: false }, query: { state: true } };
  static styles = [tokens, directoryStyles, css`.list { overflow: auto; }`];
  constructor() {
    super();
    this.services = [];
    this.query = '';
    this.entries = [];
    this.filtered = [];
  }
  willUpdate(changed) {
    if (changed.has('services')) this.entries = this.services.map((service) => ({ service, text: serviceSearchText(service) }));
    if (changed.has('services') || changed.has('query')) {
      const q = this.query.trim();
      this.filtered = q ? this.entries.filter((e) => matchesServiceQuery(e.service, { q }, e.text)) : this.entries;
    }
  }
  get results() {
    return this.filtered.map((e) => e.service);
  }
  render() {
    const l = 'zh-CN';
    return html`<div class="controls">
        <div class="field search">
          <label for="search">搜索服务</label>
          <input id="search" type="search" autocomplete="off" .value=${this.query} @input=${(e) => (this.query = e.target.value)} />
        </div>
      </div>
      <div class="summary"><p class="count" role="status">${this.filtered.length} 项服务</p></div>
      <div class="list" role="list">
        ${this.filtered.map(
          ({ service: s }, i) => html`<div class="row" role="listitem">
            <div class="card">
              <button class="open" type="button" data-index=${i}>${localize(s.name, l)}</button>
              <ul class="meta">
                <li class="tag">${labelOf(groupLabels, l, s.group)}</li>
                <li class="tag pricing">${labelOf(pricingLabels, l, s.pricing)}</li>
                ${s.delivery.map((d) => html`<li class="tag">${labelOf(deliveryLabels, l, d)}</li>`)}
              </ul>
              ${s.description ? html`<p class="desc">${localize(s.description, l)}</p>` : ''}
              ${s.requestable ? html`<button class="btn secondary report" type="button">反映问题</button>` : ''}
            </div>
          </div>`,
        )}
      </div>`;
  }
}
customElements.define('naive-service-list', NaiveServiceList);

let data;
let el;
const rows = () => el.shadowRoot.querySelectorAll('.row');

window.bench = {
  async prepare(n) {
    data = await prepareCatalogue(n);
    return data.services.length;
  },
  async firstRender() {
    return firstRender(
      () => {
        el = document.createElement('naive-service-list');
        el.services = data.services;
        return el;
      },
      { ready: () => rows().length > 0, layoutTarget: () => rows()[0] },
    );
  },
  async loaded() {
    return undefined;
  },
  async clientPage() {
    return undefined;
  },
  async keystroke(value) {
    const input = el.shadowRoot.querySelector('#search');
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const expected = el.results;
    await until(() => rows().length === expected.length, { root: el.shadowRoot, timeoutMs: 60_000 });
    forceLayout(el.shadowRoot.querySelector('.list') ?? el);
    const tUpdated = performance.now();
    await nextFrame();
    const tFrame = performance.now();
    await nextFrame();
    await nextFrame();
    await macrotask();
    return { updated: tUpdated - t0, frame: tFrame - t0, results: expected.length, rows: rows().length };
  },
};
