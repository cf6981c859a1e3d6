import { allCapabilities, type Capabilities, type LinliAdapter } from '@linli/sdk';
import { createMemoryContext, type MemoryAdapterOptions } from './context.js';
import { evaluationMethods } from './resources/evaluations.js';
import { grievanceMethods } from './resources/grievances.js';
import { noticeMethods } from './resources/notices.js';
import { orgUnitMethods } from './resources/org-units.js';
import { rectificationMethods } from './resources/rectifications.js';
import { residentMethods } from './resources/residents.js';
import { serviceMethods } from './resources/services.js';
import { createMemoryStore } from './store.js';

export type { MemoryAdapterOptions } from './context.js';

export const memoryCapabilities: Capabilities = allCapabilities;

/**
 * The whole adapter contract in memory, staff actions included; the embedded default for demos and
 * tests. Each resource lives in `resources/`; the rules themselves are the SDK's.
 */
export function memoryAdapter(options: MemoryAdapterOptions = {}): LinliAdapter {
  const store = options.store ?? createMemoryStore({ seed: options.seed, persistence: options.persistence });
  const m = createMemoryContext(store, options);
  return {
    name: 'memory',
    capabilities: memoryCapabilities,
    now: () => new Date(m.now()),
    ...serviceMethods(m),
    ...grievanceMethods(m),
    ...evaluationMethods(m),
    ...rectificationMethods(m),
    ...noticeMethods(m),
    ...orgUnitMethods(m),
    ...residentMethods(m),
  };
}
