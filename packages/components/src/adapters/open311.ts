import { open311Adapter } from '@linli/adapter-open311';
import { registerAdapter } from './registry.js';

/** `<linli-provider adapter="open311" endpoint="https://city.example/open311/v2" api-key="…">` */
registerAdapter('open311', ({ endpoint, apiKey }) => {
  if (!endpoint) throw new Error('adapter="open311" needs an endpoint attribute');
  return open311Adapter({ endpoint: new URL(endpoint, document.baseURI).href, apiKey });
});
