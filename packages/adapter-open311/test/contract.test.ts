import { runAdapterContractTests } from '@linli/sdk/testing';
import { open311Adapter } from '../src/index.js';
import { API_KEY, startLinliEndpoint } from './helpers/linli-endpoint.js';

// The resident half of the contract (Open311 has no staff API), against Linli's own Open311
// endpoint over real HTTP, in both of the spec's formats.
for (const format of ['json', 'xml'] as const) {
  runAdapterContractTests(
    `open311 ${format}`,
    async () => {
      const linli = await startLinliEndpoint();
      const adapter = open311Adapter({ endpoint: linli.endpoint, apiKey: API_KEY, format, sendIdempotencyKey: true });
      return { staff: adapter, anonymous: adapter, teardown: linli.close };
    },
    { staff: false },
  );
}
