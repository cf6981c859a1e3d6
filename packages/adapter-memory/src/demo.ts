import { createDemoData, demoData, DEMO_NOW } from '@linli/demo-data';
import { memoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
import { createMemoryStore, type Persistence } from './store.js';

/**
 * A memory store seeded with the `@linli/demo-data` community, dated to `now`: on any day there are
 * resolved cases waiting for a rating, open 公示 windows and rectifications that are not yet due.
 */
export function createDemoStore(persistence?: Persistence, now: Date = new Date()) {
  return createMemoryStore({ seed: createDemoData({ now: now.toISOString() }), persistence });
}

/** A memory adapter on the demo community: what `<linli-provider adapter="memory">` and Storybook use. */
export function demoAdapter(options: Omit<MemoryAdapterOptions, 'seed'> = {}) {
  return memoryAdapter({ ...options, store: options.store ?? createDemoStore(options.persistence, options.now?.()) });
}

/** The fixed demo dataset (anchored at `DEMO_NOW`), for stories and tests that set their clock to it. */
export { createDemoData, demoData, DEMO_NOW };
