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
  evaluationQuery,
  grievanceInput,
  grievanceQuery,
  hashAccessCode,
  newAccessCode,
  newGrievance,
  newTrackingCode,
  noticeQuery,
  normalizeCode,
  normalizeSearch,
  orgUnitQuery,
  parseInput,
  rectificationCommand,
  rectificationQuery,
  recordEvaluation,
  residentQuery,
  safeEqual,
  serviceQuery,
  summarize,
  summaryQuery,
  transitionCommand,
  type Actor,
  allCapabilities, type Capabilities,
  type Evaluation,
  type Grievance,
  type GrievanceReceipt,
  type LinliAdapter,
  type Notice,
  type OrgUnit,
  type Policy,
  type PublicGrievance,
  type Rectification,
  type Resident,
  type Service,
} from '@linli/sdk';
import type { Db } from '../db/db.js';
import { allocateIds, save } from '../db/entities.js';
import { idempotent, requestHash, type ServerRequestContext } from './idempotency.js';
import { page, Where } from './paging.js';
import { publicEvaluationView, publicGrievanceView } from './public-views.js';

export interface SqlBackendOptions {
  /** The jurisdiction's rules: working-day deadlines, which ratings force 整改. */
  policy: Policy;
  /** Injected clock, for tests. */
  now?: () => Date;
}

/** One backend, many callers: `backendFor(actor)` is the adapter as that actor (anonymous when omitted). */
export interface SqlBackend {
  (actor?: Actor): LinliAdapter;
  /** resolved → closed (未评价) for cases whose evaluation window has passed; returns how many closed. */
  closeExpiredEvaluations(): Promise<number>;
  readonly db: Db;
}

export const sqlCapabilities: Capabilities = allCapabilities;

const NO_MATCH = 'No grievance matches this tracking code and access code.';
/** Hashed when the tracking code is unknown, so an unknown code and a wrong access code take as long. */
const DUMMY_SALT = 'linli:no-such-grievance';

const isStaff = (actor?: Actor) => actor?.role === 'staff' || actor?.role === 'admin';
/** `%` and `_` in a search term are literal characters, not LIKE wildcards. */
const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The whole adapter contract on SQL (PGlite or PostgreSQL). The workflow, the 好差评 loop, intake
 * checks, projections and metrics are the SDK's pure functions; this file only loads and stores.
 * Writes that read-modify-write a grievance or rectification lock its row (`FOR UPDATE`) inside
 * the transaction, so concurrent staff actions are serialised.
 */
export function createSqlBackend(db: Db, options: SqlBackendOptions): SqlBackend {
  const { policy } = options;
  const nowIso = () => (options.now?.() ?? new Date()).toISOString();

  async function one<T>(sql: string, params: unknown[], tx: Db = db): Promise<T | undefined> {
    const [row] = await tx.query<{ data: T }>(sql, params);
    return row?.data;
  }

  async function grievanceForUpdate(tx: Db, id: string): Promise<Grievance> {
    const g = await one<Grievance>('SELECT data FROM grievances WHERE id = $1 FOR UPDATE', [id], tx);
    if (!g) throw new NotFoundError(`No grievance ${id}.`);
    return g;
  }

  /** The same answer for an unknown tracking code and a wrong access code, so codes cannot be probed. */
  async function authorise(tx: Db, trackingCode: string, accessCode: string, lock: boolean): Promise<Grievance> {
    const [row] = await tx.query<{ data: Grievance; hash: string | null }>(
      `SELECT g.data, a.hash FROM grievances g LEFT JOIN access_codes a ON a.grievance_id = g.id
        WHERE g.tracking_key = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
      [normalizeCode(trackingCode)],
    );
    const presented = await hashAccessCode(accessCode, row?.data.id ?? DUMMY_SALT);
    if (!row?.hash || !safeEqual(row.hash, presented)) throw new NotFoundError(NO_MATCH);
    return row.data;
  }

  async function closeExpiredEvaluations(): Promise<number> {
    const now = nowIso();
    const resolved = await db.query<{ id: string; resolved_at: string | null }>(
      `SELECT id, data->>'resolvedAt' AS resolved_at FROM grievances WHERE status = 'resolved'`,
    );
    const due = resolved.filter((r) => r.resolved_at && Date.parse(deadline(policy, 'evaluationWindow', r.resolved_at)) < Date.parse(now));
    let closed = 0;
    for (const { id } of due) {
      closed += await db.transaction(async (tx) => {
        const g = await grievanceForUpdate(tx, id);
        if (g.status !== 'resolved') return 0;
        const ids = await allocateIds(tx, 1);
        await save(tx, 'grievances', apply(g, { action: 'expire_evaluation' }, { actor: { role: 'system' }, now, newId: () => ids('t') }));
        return 1;
      });
    }
    return closed;
  }

  function backendFor(actor?: Actor): LinliAdapter {
    const enter = (ctx: ServerRequestContext) => {
      if (ctx.signal?.aborted) throw new AbortedError();
    };
    const staffOnly = (): Actor => {
      if (!actor || !isStaff(actor)) throw new AuthError('unauthorized', 'This needs a staff account.');
      return actor;
    };
    const evaluationView = (e: Evaluation) => (isStaff(actor) ? e : publicEvaluationView(e));

    return {
      name: 'sql',
      capabilities: sqlCapabilities,

      async listServices(raw, ctx) {
        enter(ctx);
        const q = parseInput(serviceQuery, raw, 'service query', ctx.locale);
        const w = new Where();
        if (q.group) w.and(`service_group = ${w.p(q.group)}`);
        if (q.audience) w.and(`audience = ${w.p(q.audience)}`);
        if (q.requestable !== undefined) w.and(`requestable = ${w.p(q.requestable)}`);
        if (q.targetGroup) w.and(`data->'targetGroups' @> ${w.p(JSON.stringify([q.targetGroup]))}::jsonb`);
        if (q.delivery) w.and(`data->'delivery' @> ${w.p(JSON.stringify([q.delivery]))}::jsonb`);
        if (q.codes?.length) w.and(`code IN (SELECT jsonb_array_elements_text(${w.p(JSON.stringify(q.codes))}::jsonb))`);
        // Same matching as the SDK's matchesServiceQuery: every term, normalised, inside serviceSearchText.
        for (const term of (q.q ?? '').split(/\s+/).map(normalizeSearch).filter(Boolean)) w.and(`search_text LIKE ${w.p(likeTerm(term))}`);
        return page<Service>(db, { table: 'services', where: w, keys: [{ expr: 'seq', type: 'bigint' }], direction: 'asc', cursor: q.cursor }, q.limit);
      },
      async getService(code, ctx) {
        enter(ctx);
        const s = await one<Service>('SELECT data FROM services WHERE code = $1', [code]);
        if (!s) throw new NotFoundError(`No service ${code}.`);
        return s;
      },

      async submitGrievance(raw, ctx: ServerRequestContext) {
        enter(ctx);
        const input = parseInput(grievanceInput, raw, 'grievance', ctx.locale);
        return idempotent<GrievanceReceipt>(db, 'grievance', ctx, requestHash(input), 201, async (tx) => {
          const service = await one<Service>('SELECT data FROM services WHERE code = $1', [input.serviceCode], tx);
          if (!service) throw new ValidationError('Unknown service.', [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }]);
          checkAgainstService(input, service, ctx.locale);
          const at = nowIso();
          const ids = await allocateIds(tx, 2);
          const id = ids('g');
          let trackingCode = newTrackingCode(new Date(at));
          while ((await tx.query('SELECT 1 FROM grievances WHERE tracking_key = $1', [normalizeCode(trackingCode)])).length) {
            trackingCode = newTrackingCode(new Date(at));
          }
          const g = newGrievance(input, service, { actor: { role: 'resident' }, policy, now: at, newId: () => ids('t'), id, trackingCode });
          const accessCode = newAccessCode();
          await save(tx, 'grievances', g);
          await tx.query('INSERT INTO access_codes (grievance_id, hash) VALUES ($1, $2)', [id, await hashAccessCode(accessCode, id)]);
          return { id, trackingCode, accessCode, status: g.status, submittedAt: at, expectedAt: g.expectedAt };
        });
      },
      async trackGrievance(trackingCode, accessCode, ctx: ServerRequestContext) {
        enter(ctx);
        const hash = requestHash([normalizeCode(trackingCode), normalizeCode(accessCode)]);
        return idempotent<PublicGrievance>(db, 'track', ctx, hash, 200, async (tx) => publicGrievanceView(await authorise(tx, trackingCode, accessCode, false)));
      },
      async residentAction(trackingCode, accessCode, raw, ctx: ServerRequestContext) {
        enter(ctx);
        const command = parseInput(transitionCommand, raw, 'action', ctx.locale);
        const hash = requestHash([normalizeCode(trackingCode), normalizeCode(accessCode), command]);
        return idempotent<PublicGrievance>(db, 'resident-action', ctx, hash, 200, async (tx) => {
          const g = await authorise(tx, trackingCode, accessCode, true);
          const ids = await allocateIds(tx, 1);
          const next = apply(g, command, { actor: { role: 'resident' }, now: nowIso(), newId: () => ids('t') });
          await save(tx, 'grievances', next);
          return publicGrievanceView(next);
        });
      },
      async getGrievance(id, ctx) {
        enter(ctx);
        staffOnly();
        const g = await one<Grievance>('SELECT data FROM grievances WHERE id = $1', [id]);
        if (!g) throw new NotFoundError(`No grievance ${id}.`);
        return g;
      },
      async listGrievances(raw, ctx) {
        enter(ctx);
        staffOnly();
        const q = parseInput(grievanceQuery, raw, 'grievance query', ctx.locale);
        const w = new Where();
        if (q.status?.length) w.and(`status IN (SELECT jsonb_array_elements_text(${w.p(JSON.stringify(q.status))}::jsonb))`);
        if (q.serviceCode) w.and(`service_code = ${w.p(q.serviceCode)}`);
        if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
        if (q.from) w.and(`created_at >= ${w.p(q.from)}::timestamptz`);
        if (q.to) w.and(`created_at <= ${w.p(q.to)}::timestamptz`);
        return page<Grievance>(db, { table: 'grievances', where: w, keys: newestFirst, direction: 'desc', cursor: q.cursor }, q.limit);
      },
      async transitionGrievance(id, raw, ctx: ServerRequestContext) {
        enter(ctx);
        const who = staffOnly();
        const command = parseInput(transitionCommand, raw, 'transition', ctx.locale);
        return idempotent<Grievance>(db, 'transition', ctx, requestHash([id, command]), 200, async (tx) => {
          const g = await grievanceForUpdate(tx, id);
          const ids = await allocateIds(tx, 1);
          const next = apply(g, command, { actor: who, now: nowIso(), newId: () => ids('t') });
          await save(tx, 'grievances', next);
          return next;
        });
      },

      async submitEvaluation(raw, ctx: ServerRequestContext) {
        enter(ctx);
        const input = parseInput(evaluationInput, raw, 'evaluation', ctx.locale);
        return idempotent<Evaluation>(db, 'evaluation', ctx, requestHash(input), 201, async (tx) => {
          let grievance: Grievance | undefined;
          let serviceCode: string | undefined;
          if (input.target.type === 'grievance') {
            const [row] = await tx.query<{ data: Grievance; hash: string | null }>(
              'SELECT g.data, a.hash FROM grievances g LEFT JOIN access_codes a ON a.grievance_id = g.id WHERE g.id = $1 FOR UPDATE OF g',
              [input.target.id],
            );
            const presented = input.accessCode ? await hashAccessCode(input.accessCode, row?.data.id ?? DUMMY_SALT) : '';
            if (!row?.hash || !safeEqual(row.hash, presented)) throw new NotFoundError('No grievance matches this id and access code.');
            grievance = row.data;
          } else if (input.target.type === 'service') {
            const [s] = await tx.query<{ code: string }>('SELECT code FROM services WHERE code = $1 OR id = $1', [input.target.id]);
            if (!s) throw new NotFoundError(`No service ${input.target.id}.`);
            serviceCode = s.code;
          }
          const ids = await allocateIds(tx, 3);
          const outcome = recordEvaluation(input, { actor: { role: 'resident' }, policy, now: nowIso(), newId: () => ids('e') }, grievance);
          if (serviceCode) outcome.evaluation.serviceCode = serviceCode;
          await save(tx, 'evaluations', outcome.evaluation);
          if (outcome.rectification) await save(tx, 'rectifications', outcome.rectification);
          if (outcome.grievance) await save(tx, 'grievances', outcome.grievance);
          return evaluationView(outcome.evaluation);
        });
      },
      async listEvaluations(raw, ctx) {
        enter(ctx);
        const q = parseInput(evaluationQuery, raw, 'evaluation query', ctx.locale);
        const w = new Where();
        if (q.targetType) w.and(`target_type = ${w.p(q.targetType)}`);
        if (q.targetId) w.and(`target_id = ${w.p(q.targetId)}`);
        if (q.serviceCode) w.and(`service_code = ${w.p(q.serviceCode)}`);
        if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
        if (q.from) w.and(`created_at >= ${w.p(q.from)}::timestamptz`);
        if (q.to) w.and(`created_at <= ${w.p(q.to)}::timestamptz`);
        const result = await page<Evaluation>(db, { table: 'evaluations', where: w, keys: newestFirst, direction: 'desc', cursor: q.cursor }, q.limit);
        return { ...result, items: result.items.map(evaluationView) };
      },
      async summarizeEvaluations(raw, ctx) {
        enter(ctx);
        const q = parseInput(summaryQuery, raw, 'summary query', ctx.locale);
        // Narrow in SQL to what can match; the metrics themselves are the SDK's `summarize`.
        const scope = (w: Where) => {
          if (q.serviceCode) w.and(`service_code = ${w.p(q.serviceCode)}`);
          if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
          return w;
        };
        const ew = scope(new Where());
        if (q.targetType) ew.and(`target_type = ${ew.p(q.targetType)}`);
        const gw = scope(new Where()).and(`(data ? 'resolvedAt' OR data->'timeline' @> '[{"action":"resolve"}]'::jsonb)`);
        const evaluations = (await db.query<{ data: Evaluation }>(`SELECT data FROM evaluations ${ew}`, ew.params)).map((r) => r.data);
        const grievances = (await db.query<{ data: Grievance }>(`SELECT data FROM grievances ${gw}`, gw.params)).map((r) => r.data);
        const rectIds = evaluations.flatMap((e) => (e.rectificationId ? [e.rectificationId] : []));
        const rectifications = rectIds.length
          ? (await db.query<{ data: Rectification }>('SELECT data FROM rectifications WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(rectIds)])).map((r) => r.data)
          : [];
        return summarize({ evaluations, grievances, rectifications }, q);
      },

      async listRectifications(raw, ctx) {
        enter(ctx);
        staffOnly();
        const q = parseInput(rectificationQuery, raw, 'rectification query', ctx.locale);
        const w = new Where();
        if (q.status) w.and(`status = ${w.p(q.status)}`);
        if (q.grievanceId) w.and(`grievance_id = ${w.p(q.grievanceId)}`);
        return page<Rectification>(db, { table: 'rectifications', where: w, keys: newestFirst, direction: 'desc', cursor: q.cursor }, q.limit);
      },
      async getRectification(id, ctx) {
        enter(ctx);
        staffOnly();
        const r = await one<Rectification>('SELECT data FROM rectifications WHERE id = $1', [id]);
        if (!r) throw new NotFoundError(`No rectification ${id}.`);
        return r;
      },
      async actOnRectification(id, raw, ctx: ServerRequestContext) {
        enter(ctx);
        const who = staffOnly();
        const command = parseInput(rectificationCommand, raw, 'rectification action', ctx.locale);
        return idempotent<Rectification>(db, 'rectification-action', ctx, requestHash([id, command]), 200, async (tx) => {
          // Lock order everywhere: rectification before grievance.
          const r = await one<Rectification>('SELECT data FROM rectifications WHERE id = $1 FOR UPDATE', [id], tx);
          if (!r) throw new NotFoundError(`No rectification ${id}.`);
          const g = r.grievanceId ? await grievanceForUpdate(tx, r.grievanceId) : undefined;
          const ids = await allocateIds(tx, 1);
          const out = applyRectification(r, command, { actor: who, policy, now: nowIso(), newId: () => ids('t') }, g);
          await save(tx, 'rectifications', out.rectification);
          if (out.grievance) await save(tx, 'grievances', out.grievance);
          return out.rectification;
        });
      },

      async listNotices(raw, ctx) {
        enter(ctx);
        const q = parseInput(noticeQuery, raw, 'notice query', ctx.locale);
        const w = new Where();
        const at = w.p(q.activeAt ?? nowIso());
        w.and(`publish_at <= ${at}::timestamptz AND (expires_at IS NULL OR expires_at > ${at}::timestamptz)`);
        if (q.category) w.and(`category = ${w.p(q.category)}`);
        if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
        const keys = [
          { expr: 'pinned', type: 'boolean' },
          { expr: 'publish_at', type: 'timestamptz' },
          { expr: 'seq', type: 'bigint' },
        ] as const;
        return page<Notice>(db, { table: 'notices', where: w, keys, direction: 'desc', cursor: q.cursor }, q.limit);
      },
      async getNotice(id, ctx) {
        enter(ctx);
        // A notice scheduled for later is not public yet; staff may preview it.
        const n = await one<Notice>(
          `SELECT data FROM notices WHERE id = $1 ${isStaff(actor) ? '' : 'AND publish_at <= $2::timestamptz'}`,
          isStaff(actor) ? [id] : [id, nowIso()],
        );
        if (!n) throw new NotFoundError(`No notice ${id}.`);
        return n;
      },

      async listOrgUnits(raw, ctx) {
        enter(ctx);
        const q = parseInput(orgUnitQuery, raw, 'org unit query', ctx.locale);
        const w = new Where();
        if (q.parentId !== undefined) w.and(`parent_id = ${w.p(q.parentId)}`);
        if (q.level) w.and(`level = ${w.p(q.level)}`);
        return page<OrgUnit>(db, { table: 'org_units', where: w, keys: inSeedOrder, direction: 'asc', cursor: q.cursor }, q.limit);
      },
      async getOrgUnit(id, ctx) {
        enter(ctx);
        const u = await one<OrgUnit>('SELECT data FROM org_units WHERE id = $1', [id]);
        if (!u) throw new NotFoundError(`No org unit ${id}.`);
        return u;
      },

      async listResidents(raw, ctx) {
        enter(ctx);
        staffOnly();
        const q = parseInput(residentQuery, raw, 'resident query', ctx.locale);
        const w = new Where();
        if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
        if (q.tag) w.and(`data->'tags' @> ${w.p(JSON.stringify([q.tag]))}::jsonb`);
        if (q.q) w.and(`name LIKE ${w.p(likeTerm(q.q))}`);
        return page<Resident>(db, { table: 'residents', where: w, keys: inSeedOrder, direction: 'asc', cursor: q.cursor }, q.limit);
      },
      async getResident(id, ctx) {
        enter(ctx);
        staffOnly();
        const r = await one<Resident>('SELECT data FROM residents WHERE id = $1', [id]);
        if (!r) throw new NotFoundError(`No resident ${id}.`);
        return r;
      },
    };
  }

  return Object.assign(backendFor, { closeExpiredEvaluations, db });
}

const newestFirst = [
  { expr: 'created_at', type: 'timestamptz' },
  { expr: 'seq', type: 'bigint' },
] as const;
const inSeedOrder = [{ expr: 'seq', type: 'bigint' }] as const;
