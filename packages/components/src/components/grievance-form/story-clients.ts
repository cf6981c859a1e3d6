// Clients for stories and tests only (never imported by the components): a demo backend with a twist.
import { createMemoryStore, memoryAdapter, type MemoryStore } from '@linli/adapter-memory';
import { demoData } from '@linli/adapter-memory/demo';
import { createClient, noCapabilities, NetworkError, ServerError, type Capabilities, type LinliAdapter, type LinliClient, type Outbox, type OutboxEvent } from '@linli/sdk';

/** A fresh demo backend; `staff` shares its store (to move grievances through the workflow). */
export function demoBackend(options: { latencyMs?: number; now?: () => Date } = {}): { resident: LinliClient; staff: LinliClient; store: MemoryStore } {
  const store = createMemoryStore({ seed: demoData });
  const { latencyMs, now = demoNow } = options;
  return {
    store,
    resident: createClient({ adapter: memoryAdapter({ store, latencyMs, now }) }),
    staff: createClient({ adapter: memoryAdapter({ store, now, actor: { role: 'staff', id: 'staff-story', name: '网格员' } }) }),
  };
}

/** The demo dataset's own "now", so stories show the same working-day counts on any day. */
export const demoNow = () => new Date(demoData.now);

/** The same adapter with some methods (or the capabilities, or an outbox) replaced. */
export function withOverrides(base: LinliAdapter, overrides: Partial<Record<keyof LinliAdapter, unknown>>): LinliAdapter {
  return new Proxy(base, { get: (target, prop) => (prop in overrides ? overrides[prop as keyof LinliAdapter] : Reflect.get(target, prop)) });
}

export function clientWith(overrides: Partial<Record<keyof LinliAdapter, unknown>>, options: { latencyMs?: number } = {}): LinliClient {
  const store = createMemoryStore({ seed: demoData });
  return createClient({ adapter: withOverrides(memoryAdapter({ store, latencyMs: options.latencyMs, now: demoNow }), overrides) });
}

/** A backend without online reporting or tracking: the components show the phone route. */
export function unsupportedClient(): LinliClient {
  const capabilities: Capabilities = { ...noCapabilities, services: true };
  return clientWith({ capabilities });
}

/** Every list and lookup never answers: the loading state stays on screen. */
export function foreverLoadingClient(): LinliClient {
  const never = () => new Promise(() => {});
  return clientWith({ listServices: never, getService: never, trackGrievance: never, listOrgUnits: never });
}

/** The server is down. */
export function brokenClient(): LinliClient {
  const fail = () => Promise.reject(new ServerError('The demo server is down.'));
  return clientWith({ listServices: fail, getService: fail, submitGrievance: fail, trackGrievance: fail });
}

/** A minimal outbox that a story or test delivers by hand. */
export function manualOutbox(): Outbox & { emit(event: OutboxEvent): void } {
  const listeners = new Set<(e: OutboxEvent) => void>();
  return {
    pending: async () => [],
    flush: async () => {},
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
  };
}

/** Offline: every submission is "saved on this device" in an outbox that never delivers on its own. */
export function offlineClient(outbox = manualOutbox()): LinliClient {
  return clientWith({
    outbox,
    submitGrievance: () => Promise.reject(new NetworkError('offline', { queuedAs: 'ob-1' })),
  });
}
