import { localStoragePersistence } from '@linli/adapter-memory';
import { demoAdapter } from '@linli/adapter-memory/demo';
import { registerAdapter } from './registry.js';

/**
 * `<linli-provider adapter="memory">`: the demo community in the browser, no backend at all.
 * `endpoint` names a localStorage key to keep the data across reloads (`endpoint="local:my-demo"`).
 */
registerAdapter('memory', ({ endpoint }) => {
  const key = endpoint?.startsWith('local:') ? endpoint.slice(6) : undefined;
  return demoAdapter({ persistence: key ? localStoragePersistence(key) : undefined });
});
