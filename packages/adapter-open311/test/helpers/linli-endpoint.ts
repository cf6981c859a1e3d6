import { serve } from '@hono/node-server';
import { createMemoryStore, memoryAdapter, type MemoryStore } from '@linli/adapter-memory';
import type { LinliAdapter } from '@linli/sdk';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
// Linli's own Open311 routes, from the server package's source (its build is not needed for these tests).
import { open311Routes } from '../../../server/src/open311/index.js';
import { miniNotices, miniOrgUnits, miniServices } from '@linli/sdk/testing';

export const API_KEY = 'linli-test-key';

export interface LinliEndpoint {
  /** The GeoReport v2 base URL, e.g. http://127.0.0.1:1234/open311/v2 */
  endpoint: string;
  store: MemoryStore;
  /** Linli's own staff view of the same backend. */
  staff: LinliAdapter;
  close: () => Promise<void>;
}

/** Linli's Open311 endpoint on a memory backend seeded like the memory contract test, over real HTTP on port 0. */
export async function startLinliEndpoint(): Promise<LinliEndpoint> {
  const store = createMemoryStore({ seed: { services: miniServices, orgUnits: miniOrgUnits, notices: miniNotices } });
  const anonymous = memoryAdapter({ store });
  const reader = memoryAdapter({ store, actor: { role: 'staff', id: 'open311', name: 'Open311' } });
  const app = new Hono();
  app.route('/open311/v2', open311Routes({ backendFor: (actor) => (actor ? reader : anonymous), apiKeys: [API_KEY] }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/open311/v2`,
    store,
    staff: memoryAdapter({ store, actor: { role: 'staff', id: 'staff-1', name: '李网格' } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
