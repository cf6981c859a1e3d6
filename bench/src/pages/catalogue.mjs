// The catalogue both lists show: makeServiceCatalogue(n) in a memory backend, already in memory before timing starts.
import { createMemoryStore, memoryAdapter } from '@linli/adapter-memory';
import { createClient } from '@linli/sdk';
import { makeServiceCatalogue } from '@linli/demo-data';

export async function prepareCatalogue(n) {
  const services = makeServiceCatalogue(n);
  const store = createMemoryStore({ seed: { services } });
  await store.ready;
  const client = createClient({ adapter: memoryAdapter({ store }) });
  return { services, client };
}
