import { createMemoryStore, memoryAdapter } from '@linli/adapter-memory';
import { DEMO_NOW, demoData } from '@linli/demo-data';
import { createClient, type LinliAdapter, type LinliClient } from '@linli/sdk';

/** The tests' clock: the demo dataset's own instant, so no test depends on the real date. */
export const testNow = () => new Date(DEMO_NOW);

/** A resident-side client and a staff-side client over one fresh in-browser demo backend, on the test clock. */
export function demoClients(options: { latencyMs?: number } = {}): { resident: LinliClient; staff: LinliClient } {
  const store = createMemoryStore({ seed: demoData });
  return {
    resident: createClient({ adapter: memoryAdapter({ store, latencyMs: options.latencyMs, now: testNow }) }),
    staff: createClient({ adapter: memoryAdapter({ store, now: testNow, actor: { role: 'staff', id: 'staff-test', name: '测试员' } }) }),
  };
}

/** An adapter whose every call fails the way a dead network does — for error states. */
export function failingClient(error: Error): LinliClient {
  const fail = () => Promise.reject(error);
  const adapter = new Proxy({} as LinliAdapter, {
    get: (_t, prop) => (prop === 'name' ? 'failing' : prop === 'capabilities' ? new Proxy({}, { get: () => true }) : prop === 'outbox' || prop === 'now' ? undefined : fail),
  });
  return createClient({ adapter });
}

/** Waits until `check` is true (polling, for async loads), or fails after `timeout` ms. */
export async function until(check: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { demoData };
