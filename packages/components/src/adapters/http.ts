import { httpAdapter } from '@linli/adapter-http';
import { registerAdapter } from './registry.js';

/** `<linli-provider adapter="http" endpoint="https://city.example/api/v1">` */
registerAdapter('http', ({ endpoint, token }) => {
  if (!endpoint) throw new Error('adapter="http" needs an endpoint attribute');
  return httpAdapter({ baseUrl: new URL(endpoint, document.baseURI).href, token });
});
