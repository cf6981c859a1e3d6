// <linli-service-directory> from source, fed by a client over the memory adapter.
import '../../../packages/components/src/components/service-directory/service-directory.ts';
import { localize } from '@linli/sdk';
import { prepareCatalogue } from './catalogue.mjs';
import { firstRender, forceLayout, macrotask, nextFrame, until } from './harness.mjs';

let data;
let el;
let loadedAt;
const rows = () => el.shadowRoot.querySelectorAll('.row');

window.bench = {
  async prepare(n) {
    data = await prepareCatalogue(n);
    return data.services.length;
  },
  /** From attaching the element (client already set, catalogue in memory) until its first rows are laid out. */
  async firstRender() {
    return firstRender(
      () => {
        el = document.createElement('linli-service-directory');
        el.client = data.client;
        return el;
      },
      {
        ready: () => rows().length > 0,
        layoutTarget: () => rows()[0],
        // Watch, from the moment it is attached, for the whole catalogue to have arrived (no "loading more").
        attached: (e, t0) => {
          const sr = e.shadowRoot;
          loadedAt = until(() => sr.querySelector('.row') && !sr.querySelector('.count .hint') && performance.now(), { root: sr, timeoutMs: 180_000 }).then(
            (t) => t - t0,
          );
        },
      },
    );
  },
  /** Time from attaching until every page of the catalogue had arrived (the directory keeps loading after the first rows). */
  async loaded(n) {
    const ms = await loadedAt;
    await el.updateComplete;
    if (el.results.length !== n) throw new Error(`directory lists ${el.results.length} services, expected ${n}`);
    await nextFrame();
    await nextFrame();
    return ms;
  },
  /** Informational, after the run (warm): one 500-service page through the client over the memory adapter. */
  async clientPage() {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await data.client.services.list({ limit: 500 });
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2];
  },
  /** One keystroke: set the search value, dispatch input, wait until the list shows the new result. */
  async keystroke(value) {
    const input = el.shadowRoot.querySelector('#search');
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const expected = el.results;
    const first = expected[0] ? localize(expected[0].name, 'zh-CN') : undefined;
    // The virtualiser renders in microtasks after the update; wait until the first row is the first result.
    await until(() => {
      const r = rows();
      if (!first) return r.length === 0;
      return r.length > 0 && r[0].querySelector('.open')?.textContent.trim() === first;
    }, { root: el.shadowRoot, timeoutMs: 10_000 });
    forceLayout(el.shadowRoot.querySelector('.list') ?? el);
    const tUpdated = performance.now();
    await nextFrame();
    const tFrame = performance.now();
    // Let the virtualiser finish measuring (ResizeObserver) before the next keystroke.
    await nextFrame();
    await nextFrame();
    await macrotask();
    return { updated: tUpdated - t0, frame: tFrame - t0, results: expected.length, rows: rows().length };
  },
};
