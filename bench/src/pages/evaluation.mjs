// linli-evaluation: the define module from source (Lit, @lit/context and the base element included).
import '../../../packages/components/src/components/evaluation/evaluation.ts';
import { centre, firstRender, interactionProbe } from './harness.mjs';

let el;
let probe;
const levels = (e) => e.shadowRoot?.querySelectorAll('[role=radio]') ?? [];

window.bench = {
  async firstRender() {
    return firstRender(
      () => {
        el = document.createElement('linli-evaluation');
        el.setAttribute('target-type', 'service');
        el.setAttribute('target-id', 'elderly.meal-aid');
        return el;
      },
      { ready: (e) => levels(e).length === 5 && e.shadowRoot.querySelector('svg') },
    );
  },
  /** Click targets: the 满意 (4) and 不满意 (2) levels, alternated so every click changes the value. */
  targets() {
    probe ??= interactionProbe(el, 'linli-evaluation-change');
    const at = (l) => centre(el.shadowRoot.querySelector(`[data-level="${l}"]`));
    return [at(4), at(2)];
  },
  arm: () => probe.arm(),
  result: () => probe.result(),
};
