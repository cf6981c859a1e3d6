// Clients for stories only (never imported by the components): the demo backend with a twist.
import { createMemoryStore, memoryAdapter } from '@linli/adapter-memory';
import { demoData, DEMO_NOW } from '@linli/adapter-memory/demo';
import { createClient, NetworkError, noCapabilities, ServerError, type Grievance, type LinliAdapter, type LinliClient } from '@linli/sdk';

export { demoData };

/** Stories run at the dataset's own instant, so they look the same on any day. */
const demoClock = () => new Date(DEMO_NOW);

/** A fresh demo backend, optionally slow. */
export function demoClient(options: { latencyMs?: number } = {}): LinliClient {
  return createClient({ adapter: memoryAdapter({ store: createMemoryStore({ seed: demoData }), latencyMs: options.latencyMs, now: demoClock }) });
}

/** The demo backend with some adapter methods (or capabilities, or an outbox) replaced. */
export function clientWith(overrides: Partial<Record<keyof LinliAdapter, unknown>>): LinliClient {
  const base = memoryAdapter({ store: createMemoryStore({ seed: demoData }), now: demoClock });
  return createClient({ adapter: new Proxy(base, { get: (t, p) => (p in overrides ? overrides[p as keyof LinliAdapter] : Reflect.get(t, p)) }) });
}

export const brokenClient = () => clientWith({ submitEvaluation: () => Promise.reject(new ServerError('down')), summarizeEvaluations: () => Promise.reject(new ServerError('down')) });
export const offlineClient = () => clientWith({ submitEvaluation: () => Promise.reject(new NetworkError('offline', { queuedAs: 'ob-1' })) });
export const neverClient = () => clientWith({ submitEvaluation: () => new Promise(() => {}), summarizeEvaluations: () => new Promise(() => {}) });
export const unsupportedClient = () => clientWith({ capabilities: { ...noCapabilities, services: true } });

/** Grievances from the demo data, each with the 查询码 its reporter received. */
function pick(test: (g: Grievance) => boolean): { id: string; code: string } {
  const g = demoData.grievances.find((x: Grievance) => test(x) && demoData.accessCodes[x.id])!;
  return { id: g.id, code: demoData.accessCodes[g.id]! };
}
export const resolvedGrievance = () => pick((g) => g.status === 'resolved' && !g.evaluationId);
export const ratedGrievance = () => pick((g) => !!g.evaluationId);
export const openGrievance = () => pick((g) => g.status === 'in_progress');
