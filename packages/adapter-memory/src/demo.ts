import { demoData } from '@linli/demo-data';
import { memoryAdapter, type MemoryAdapterOptions } from './memory-adapter.js';
import { createMemoryStore, type Persistence } from './store.js';

/** A memory store seeded with the `@linli/demo-data` community. */
export function createDemoStore(persistence?: Persistence) {
  return createMemoryStore({ seed: demoData, persistence });
}

/** A memory adapter on the demo community: what `<linli-provider adapter="memory">` and Storybook use. */
export function demoAdapter(options: Omit<MemoryAdapterOptions, 'seed'> = {}) {
  return memoryAdapter({ ...options, store: options.store ?? createDemoStore(options.persistence) });
}

export { demoData };
