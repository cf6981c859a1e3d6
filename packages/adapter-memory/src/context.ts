import {
  AbortedError,
  AuthError,
  NotFoundError,
  apply,
  deadline,
  hashAccessCode,
  normalizeCode,
  safeEqual,
  type Actor,
  type Grievance,
  type PageData,
  type RequestContext,
} from '@linli/sdk';
import type { MemoryState, MemoryStore } from './store.js';

export interface MemoryAdapterOptions {
  /** Share one store between several adapters (e.g. a staff view and a resident view of one backend). */
  store?: MemoryStore;
  seed?: import('./store.js').MemorySeed;
  persistence?: import('./store.js').Persistence;
  /** Who is calling. Without an actor the adapter is an anonymous resident; staff calls are refused. */
  actor?: Actor;
  /** Artificial delay per call, to show loading states in demos and stories. */
  latencyMs?: number;
  now?: () => Date;
}

/** What every resource of the memory backend shares: the store, the caller, the clock, the guards. */
export interface MemoryContext {
  store: MemoryStore;
  state: MemoryState;
  actor?: Actor;
  /** Now, as an ISO instant, from the injected clock. */
  now(): string;
  /** Every call starts here: abort check, seed ready, simulated latency, the 未评价 sweep. */
  enter(ctx: RequestContext): Promise<void>;
  isStaff(): boolean;
  staffOnly(): Actor;
  /** The workflow context for a transition by `who`. */
  ctxFor(who: Actor): { actor: Actor; now: string; newId: () => string; policy: MemoryState['policy'] };
  /** Same idempotency key → the same stored result; concurrent calls with one key share one run. */
  once<T>(kind: string, ctx: RequestContext, run: () => Promise<T>): Promise<T>;
  grievanceById(id: string): Grievance;
  replace(g: Grievance): void;
  /** The grievance behind a tracking code + access code; the same answer for an unknown code and a wrong one. */
  authorise(trackingCode: string, accessCode: string): Promise<Grievance>;
}

export function paginate<T>(all: T[], cursor: string | undefined, limit = 20): PageData<T> {
  const start = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
  const items = all.slice(start, start + limit);
  const next = start + limit < all.length ? String(start + limit) : null;
  return { items: structuredClone(items), nextCursor: next, total: all.length };
}

export function createMemoryContext(store: MemoryStore, options: MemoryAdapterOptions): MemoryContext {
  const { state } = store;
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const actor = options.actor;
  const isStaff = () => actor?.role === 'staff' || actor?.role === 'admin';

  /**
   * resolved → closed (未评价) once the policy's evaluation window has passed. Like the server's sweep it
   * runs at most once a minute of the adapter's clock, not on every call.
   */
  let lastSweep = Number.NEGATIVE_INFINITY;
  function closeExpiredEvaluations() {
    const t = now();
    if (Date.parse(t) - lastSweep < 60_000) return;
    lastSweep = Date.parse(t);
    let changed = false;
    state.grievances.forEach((g, i) => {
      if (g.status !== 'resolved' || !g.resolvedAt || deadline(state.policy, 'evaluationWindow', g.resolvedAt) >= t) return;
      state.grievances[i] = apply(g, { action: 'expire_evaluation' }, { actor: { role: 'system' }, now: t, newId: () => store.nextId('t') });
      changed = true;
    });
    if (changed) store.commit();
  }

  const inflight = new Map<string, Promise<unknown>>();

  const c: MemoryContext = {
    store,
    state,
    actor,
    now,
    async enter(ctx) {
      if (ctx.signal?.aborted) throw new AbortedError();
      await store.ready;
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (ctx.signal?.aborted) throw new AbortedError();
      closeExpiredEvaluations();
    },
    isStaff,
    staffOnly() {
      if (!actor || !isStaff()) throw new AuthError('unauthorized', 'This needs a staff account.');
      return actor;
    },
    ctxFor: (who) => ({ actor: who, now: now(), newId: () => store.nextId('t'), policy: state.policy }),
    once<T>(kind: string, ctx: RequestContext, run: () => Promise<T>): Promise<T> {
      if (!ctx.idempotencyKey) return run();
      // Keys are scoped by kind so a grievance key never returns an evaluation.
      const key = `${kind}:${ctx.idempotencyKey}`;
      const stored = state.idempotency[key];
      if (stored) return Promise.resolve(structuredClone(stored.result as T));
      const running = inflight.get(key) as Promise<T> | undefined;
      if (running) return running.then((r) => structuredClone(r));
      const p = run()
        .then((result) => {
          state.idempotency[key] = { kind, result: structuredClone(result), at: now() };
          store.commit();
          return result;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, p);
      return p;
    },
    grievanceById(id) {
      const g = state.grievances.find((x) => x.id === id);
      if (!g) throw new NotFoundError(`No grievance ${id}.`);
      return g;
    },
    replace(g) {
      state.grievances = state.grievances.map((x) => (x.id === g.id ? g : x));
    },
    async authorise(trackingCode, accessCode) {
      const wanted = normalizeCode(trackingCode);
      const g = state.grievances.find((x) => normalizeCode(x.trackingCode) === wanted);
      const hash = g ? state.accessHashes[g.id] : undefined;
      if (!g || !hash || !safeEqual(hash, await hashAccessCode(accessCode, g.id))) {
        throw new NotFoundError('No grievance matches this tracking code and access code.');
      }
      return g;
    },
  };
  return c;
}
