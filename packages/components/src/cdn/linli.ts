// The CDN entry: every component, the SDK client and the REST adapter in one file. The demo (memory) and
// Open311 adapters are fetched from beside this file only when a page asks for them.
import '../adapters/http.js';
import '../all.js';

(globalThis as Record<symbol, unknown>)[Symbol.for('linli.lazy-base')] = import.meta.url;

export * from '../index.js';
export { httpAdapter } from '@linli/adapter-http';
export { availableActions, createClient, evaluationLevelLabels, grievanceStatuses, LinliError, localize, maskPhone } from '@linli/sdk';
