import {
  AbortedError,
  AuthError,

  NotFoundError,
  ValidationError,
  apply,
  applyRectification,
  checkAgainstService,
  deadline,
  evaluationInput,
  grievanceInput,
  grievanceQuery,
  hashAccessCode,
  matchesServiceQuery,
  serviceSearchText,
  newAccessCode,
  newGrievance,
  newTrackingCode,
  normalizeCode,
  parseInput,
  rectificationCommand,
  recordEvaluation,
  safeEqual,
  summarize,
  toPublicGrievance,
  transitionCommand,
  type Actor,
  allCapabilities, type Capabilities,
  type Evaluation,
  type Grievance,
  type LinliAdapter,
  type PageData,
  type RequestContext,
  type Service,
} from '@linli/sdk';
import { createMemoryStore, type MemorySeed, type MemoryStore, type Persistence } from './store.js';

export interface MemoryAdapterOptions {
  /** Share one store between several adapters (e.g. a staff view and a resident view of one backend). */
  store?: MemoryStore;
  seed?: MemorySeed;
  persistence?: Persistence;
  /** Who is calling. Without an actor the adapter is an anonymous resident; staff calls are refused. */
  actor?: Actor;
  /** Artificial delay per call, to show loading states in demos and stories. */
  latencyMs?: number;
  now?: () => Date;
}

export const memoryCapabilities: Capabilities = allCapabilities;

function paginate<T>(all: T[], cursor: string | undefined, limit = 20): PageData<T> {
  const start = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
  const items = all.slice(start, start + limit);
  const next = start + limit < all.length ? String(start + limit) : null;
  return { items: structuredClone(items), nextCursor: next, total: all.length };
}

/** The whole adapter contract in memory, staff actions included; the embedded default for demos and tests. */
export function memoryAdapter(options: MemoryAdapterOptions = {}): LinliAdapter {
  const store = options.store ?? createMemoryStore({ seed: options.seed, persistence: options.persistence });
  const { state } = store;
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const actor = options.actor;

  async function enter(ctx: RequestContext) {
    if (ctx.signal?.aborted) throw new AbortedError();
    await store.ready;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (ctx.signal?.aborted) throw new AbortedError();
    closeExpiredEvaluations();
  }

  function staffOnly(): Actor {
    if (!actor || (actor.role !== 'staff' && actor.role !== 'admin')) {
      throw new AuthError('unauthorized', 'This needs a staff account.');
    }
    return actor;
  }

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

  /** Same key → same stored result. Keys are scoped by kind so a grievance key never returns an evaluation. */
  function remembered<T>(kind: string, ctx: RequestContext): T | undefined {
    const hit = ctx.idempotencyKey ? state.idempotency[`${kind}:${ctx.idempotencyKey}`] : undefined;
    return hit ? structuredClone(hit.result as T) : undefined;
  }
  function remember(kind: string, ctx: RequestContext, result: unknown) {
    if (ctx.idempotencyKey) state.idempotency[`${kind}:${ctx.idempotencyKey}`] = { kind, result: structuredClone(result), at: now() };
  }
  /** Concurrent calls with one key share the first call's promise, so a double-click never stores twice. */
  const inflight = new Map<string, Promise<unknown>>();
  function once<T>(kind: string, ctx: RequestContext, run: () => Promise<T>): Promise<T> {
    if (!ctx.idempotencyKey) return run();
    const key = `${kind}:${ctx.idempotencyKey}`;
    const running = inflight.get(key) as Promise<T> | undefined;
    if (running) return running.then((r) => structuredClone(r));
    const p = run().finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  /** Search text per service object, built once: catalogues are large and read far more than written. */
  const searchTexts = new WeakMap<Service, string>();
  const searchTextOf = (s: Service) => {
    let text = searchTexts.get(s);
    if (text === undefined) searchTexts.set(s, (text = serviceSearchText(s)));
    return text;
  };

  const grievanceById = (id: string) => {
    const g = state.grievances.find((x) => x.id === id);
    if (!g) throw new NotFoundError(`No grievance ${id}.`);
    return g;
  };
  const replace = (g: Grievance) => {
    state.grievances = state.grievances.map((x) => (x.id === g.id ? g : x));
  };

  /** The same answer for an unknown code and a wrong access code, so codes cannot be probed. */
  async function authorise(trackingCode: string, accessCode: string): Promise<Grievance> {
    const wanted = normalizeCode(trackingCode);
    const g = state.grievances.find((x) => normalizeCode(x.trackingCode) === wanted);
    const hash = g ? state.accessHashes[g.id] : undefined;
    if (!g || !hash || !safeEqual(hash, await hashAccessCode(accessCode, g.id))) {
      throw new NotFoundError('No grievance matches this tracking code and access code.');
    }
    return g;
  }

  const ctxFor = (who: Actor) => ({ actor: who, now: now(), newId: () => store.nextId('t'), policy: state.policy });
  const publicEvaluation = (e: Evaluation): Evaluation => (actor?.role === 'staff' || actor?.role === 'admin' ? e : { ...e, rater: undefined });

  return {
    name: 'memory',
    capabilities: memoryCapabilities,
    now: () => new Date(now()),

    async listServices(query, ctx) {
      await enter(ctx);
      return paginate(state.services.filter((s) => matchesServiceQuery(s, query, query.q ? searchTextOf(s) : undefined)), query.cursor, query.limit);
    },
    async getService(code, ctx) {
      await enter(ctx);
      const s = state.services.find((x) => x.code === code);
      if (!s) throw new NotFoundError(`No service ${code}.`);
      return structuredClone(s);
    },

    async submitGrievance(raw, ctx) {
      await enter(ctx);
      const input = parseInput(grievanceInput, raw, 'grievance', ctx.locale);
      return once('grievance', ctx, async () => {
      const again = remembered<Awaited<ReturnType<LinliAdapter['submitGrievance']>>>('grievance', ctx);
      if (again) return again;
      const service = state.services.find((s) => s.code === input.serviceCode);
      if (!service) throw new ValidationError('Unknown service.', [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }]);
      checkAgainstService(input, service, ctx.locale);
      const at = now();
      const id = store.nextId('g');
      const g = newGrievance(input, service, { ...ctxFor({ role: 'resident' }), now: at, id, trackingCode: newTrackingCode(new Date(at)) });
      const accessCode = newAccessCode();
      state.accessHashes[id] = await hashAccessCode(accessCode, id);
      state.grievances.unshift(g);
      const receipt = { id, trackingCode: g.trackingCode, accessCode, status: g.status, submittedAt: at, expectedAt: g.expectedAt };
      remember('grievance', ctx, receipt);
      store.commit();
      return receipt;
      });
    },
    async trackGrievance(trackingCode, accessCode, ctx) {
      await enter(ctx);
      return toPublicGrievance(structuredClone(await authorise(trackingCode, accessCode)));
    },
    async residentAction(trackingCode, accessCode, raw, ctx) {
      await enter(ctx);
      const command = parseInput(transitionCommand, raw, 'action', ctx.locale);
      const g = apply(await authorise(trackingCode, accessCode), command, ctxFor({ role: 'resident' }));
      replace(g);
      store.commit();
      return toPublicGrievance(structuredClone(g));
    },
    async getGrievance(id, ctx) {
      await enter(ctx);
      staffOnly();
      return structuredClone(grievanceById(id));
    },
    async listGrievances(raw, ctx) {
      await enter(ctx);
      staffOnly();
      const q = parseInput(grievanceQuery, raw, 'grievance query', ctx.locale);
      const all = state.grievances.filter(
        (g) =>
          (!q.status?.length || q.status.includes(g.status)) &&
          (!q.serviceCode || g.serviceCode === q.serviceCode) &&
          (!q.orgUnitId || g.orgUnitId === q.orgUnitId) &&
          (!q.from || g.createdAt >= q.from) &&
          (!q.to || g.createdAt <= q.to),
      );
      return paginate(all, q.cursor, q.limit);
    },
    async transitionGrievance(id, raw, ctx) {
      await enter(ctx);
      const who = staffOnly();
      const command = parseInput(transitionCommand, raw, 'transition', ctx.locale);
      const g = apply(grievanceById(id), command, ctxFor(who));
      replace(g);
      store.commit();
      return structuredClone(g);
    },

    async submitEvaluation(raw, ctx) {
      await enter(ctx);
      const input = parseInput(evaluationInput, raw, 'evaluation', ctx.locale);
      return once('evaluation', ctx, async () => {
      const again = remembered<Evaluation>('evaluation', ctx);
      if (again) return publicEvaluation(again);
      let grievance: Grievance | undefined;
      if (input.target.type === 'grievance') {
        const target = state.grievances.find((g) => g.id === input.target.id);
        const hash = target ? state.accessHashes[target.id] : undefined;
        if (!target || !hash || !input.accessCode || !safeEqual(hash, await hashAccessCode(input.accessCode, target.id))) {
          throw new NotFoundError('No grievance matches this id and access code.');
        }
        grievance = target;
      } else if (input.target.type === 'service' && !state.services.some((s) => s.code === input.target.id || s.id === input.target.id)) {
        throw new NotFoundError(`No service ${input.target.id}.`);
      }
      const outcome = recordEvaluation(input, { ...ctxFor({ role: 'resident' }), newId: () => store.nextId('e') }, grievance);
      if (input.target.type === 'service') outcome.evaluation.serviceCode = input.target.id;
      state.evaluations.unshift(outcome.evaluation);
      if (outcome.rectification) state.rectifications.unshift(outcome.rectification);
      if (outcome.grievance) replace(outcome.grievance);
      remember('evaluation', ctx, outcome.evaluation);
      store.commit();
      return publicEvaluation(structuredClone(outcome.evaluation));
      });
    },
    async listEvaluations(q, ctx) {
      await enter(ctx);
      const all = state.evaluations.filter(
        (e) =>
          (!q.targetType || e.target.type === q.targetType) &&
          (!q.targetId || e.target.id === q.targetId) &&
          (!q.serviceCode || e.serviceCode === q.serviceCode) &&
          (!q.orgUnitId || e.orgUnitId === q.orgUnitId) &&
          (!q.from || e.createdAt >= q.from) &&
          (!q.to || e.createdAt <= q.to),
      );
      const page = paginate(all, q.cursor, q.limit);
      return { ...page, items: page.items.map(publicEvaluation) };
    },
    async summarizeEvaluations(q, ctx) {
      await enter(ctx);
      return summarize(state, q);
    },

    async listRectifications(q, ctx) {
      await enter(ctx);
      staffOnly();
      return paginate(state.rectifications.filter((r) => (!q.status || r.status === q.status) && (!q.grievanceId || r.grievanceId === q.grievanceId)), q.cursor, q.limit);
    },
    async getRectification(id, ctx) {
      await enter(ctx);
      staffOnly();
      const r = state.rectifications.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No rectification ${id}.`);
      return structuredClone(r);
    },
    async actOnRectification(id, raw, ctx) {
      await enter(ctx);
      const who = staffOnly();
      const command = parseInput(rectificationCommand, raw, 'rectification action', ctx.locale);
      const r = state.rectifications.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No rectification ${id}.`);
      const g = r.grievanceId ? grievanceById(r.grievanceId) : undefined;
      const out = applyRectification(r, command, { ...ctxFor(who) }, g);
      state.rectifications = state.rectifications.map((x) => (x.id === id ? out.rectification : x));
      if (out.grievance) replace(out.grievance);
      store.commit();
      return structuredClone(out.rectification);
    },

    async listNotices(q, ctx) {
      await enter(ctx);
      const at = q.activeAt ?? now();
      const all = state.notices
        .filter((n) => (!q.category || n.category === q.category) && (!q.orgUnitId || n.orgUnitId === q.orgUnitId) && n.publishAt <= at && (!n.expiresAt || n.expiresAt > at))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishAt.localeCompare(a.publishAt));
      return paginate(all, q.cursor, q.limit);
    },
    async getNotice(id, ctx) {
      await enter(ctx);
      const n = state.notices.find((x) => x.id === id);
      if (!n) throw new NotFoundError(`No notice ${id}.`);
      return structuredClone(n);
    },

    async listOrgUnits(q, ctx) {
      await enter(ctx);
      return paginate(state.orgUnits.filter((u) => (q.parentId === undefined || u.parentId === q.parentId) && (!q.level || u.level === q.level)), q.cursor, q.limit);
    },
    async getOrgUnit(id, ctx) {
      await enter(ctx);
      const u = state.orgUnits.find((x) => x.id === id);
      if (!u) throw new NotFoundError(`No org unit ${id}.`);
      return structuredClone(u);
    },

    async listResidents(q, ctx) {
      await enter(ctx);
      staffOnly();
      return paginate(
        state.residents.filter((r) => (!q.orgUnitId || r.orgUnitId === q.orgUnitId) && (!q.tag || r.tags.includes(q.tag)) && (!q.q || r.name.includes(q.q))),
        q.cursor,
        q.limit,
      );
    },
    async getResident(id, ctx) {
      await enter(ctx);
      staffOnly();
      const r = state.residents.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No resident ${id}.`);
      return structuredClone(r);
    },
  };
}
