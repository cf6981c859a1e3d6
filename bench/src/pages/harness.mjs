// Page-side measurement helpers, bundled into every benchmark page. All times are performance.now() in the page.

/** Yields one macrotask (no 4 ms clamping, unlike nested setTimeout): every pending microtask has run. */
export const macrotask = () =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once `check()` is truthy, checking after every DOM mutation under `root` and every macrotask. */
export function until(check, { root, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let done = false;
    let observer;
    const finish = (value) => {
      done = true;
      observer?.disconnect();
      resolve(value);
    };
    const test = () => {
      if (done) return true;
      const v = check();
      if (v) finish(v);
      return !!v;
    };
    if (test()) return;
    if (root) {
      observer = new MutationObserver(test);
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    }
    (async () => {
      while (!done) {
        await macrotask();
        if (test()) return;
        if (performance.now() - start > timeoutMs) {
          observer?.disconnect();
          done = true;
          reject(new Error(`timed out after ${timeoutMs} ms`));
          return;
        }
      }
    })();
  });
}

/** Forces style and layout now, so its cost is inside the measured interval. */
export const forceLayout = (el) => el?.getBoundingClientRect();

/**
 * First render: create the element, append it, wait until `ready(el)` (its own shadow content) and
 * `visible(el)` (everything the user sees, e.g. nested icons), forcing layout at each point.
 */
export async function firstRender(create, { ready, visible = ready, layoutTarget = (el) => el, attached }) {
  await nextFrame();
  await nextFrame();
  const t0 = performance.now();
  const el = create();
  document.body.append(el);
  attached?.(el, t0);
  await el.updateComplete;
  const root = el.shadowRoot ?? el;
  await until(() => ready(el), { root });
  forceLayout(layoutTarget(el));
  const tReady = performance.now();
  // Reported at once, so the harness has it even when the page then stays blocked past its time limit.
  console.debug(`bench:ready ${tReady - t0}`);
  await until(() => visible(el), { root });
  forceLayout(layoutTarget(el));
  const tVisible = performance.now();
  await nextFrame();
  const tFrame = performance.now();
  return { t0, ready: tReady - t0, visible: tVisible - t0, frame: tFrame - t0 };
}

/**
 * Interaction latency for real (CDP) mouse clicks: from the pointerdown (capture, on window) to the
 * change event, the element's update and a forced layout. `arm()` before each click, then `result()`.
 */
export function interactionProbe(el, changeEvent) {
  let t0 = 0;
  let pending;
  window.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true });
  return {
    arm() {
      pending = new Promise((resolve) => {
        el.addEventListener(
          changeEvent,
          async () => {
            const tEvent = performance.now();
            await el.updateComplete;
            await macrotask();
            forceLayout(el);
            const tDone = performance.now();
            await nextFrame();
            resolve({ event: tEvent - t0, updated: tDone - t0, frame: performance.now() - t0 });
          },
          { once: true },
        );
      });
    },
    result: () => pending,
  };
}

/** Centre of an element in viewport coordinates, for page.mouse.click(). */
export function centre(node) {
  const r = node.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
