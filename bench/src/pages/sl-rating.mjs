// Shoelace sl-rating (the peer), built the same way as the Linli pages.
import '@shoelace-style/shoelace/dist/components/rating/rating.js';
import { centre, firstRender, interactionProbe } from './harness.mjs';

let el;
let probe;
const symbols = (e) => e.shadowRoot?.querySelectorAll('.rating__symbol') ?? [];

window.bench = {
  async firstRender() {
    return firstRender(
      () => {
        el = document.createElement('sl-rating');
        el.setAttribute('label', '满意度');
        return el;
      },
      {
        ready: (e) => symbols(e).length === 5,
        // The stars are <sl-icon>s whose SVG arrives asynchronously: visible once every icon has drawn.
        visible: (e) => {
          const icons = e.shadowRoot?.querySelectorAll('sl-icon') ?? [];
          return icons.length >= 5 && [...icons].every((i) => i.shadowRoot?.querySelector('svg'));
        },
      },
    );
  },
  targets() {
    probe ??= interactionProbe(el, 'sl-change');
    const s = symbols(el);
    return [centre(s[3]), centre(s[1])];
  },
  arm: () => probe.arm(),
  result: () => probe.result(),
};
