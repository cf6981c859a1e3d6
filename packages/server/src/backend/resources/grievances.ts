import {
  NotFoundError,
  ValidationError,
  apply,
  checkAgainstService,
  grievanceInput,
  grievanceQuery,
  hashAccessCode,
  newAccessCode,
  newGrievance,
  newTrackingCode,
  normalizeCode,
  parseInput,
  transitionCommand,
  type Grievance,
  type GrievanceReceipt,
  type LinliAdapter,
  type PublicGrievance,
  type Service,
} from '@linli/sdk';
import { allocateIds, save } from '../../db/entities.js';
import { newestFirst, type Caller, type SqlContext } from '../context.js';
import { idempotent, requestHash, type ServerRequestContext } from '../idempotency.js';
import { page, Where } from '../paging.js';
import { publicGrievanceView } from '../public-views.js';

type GrievanceMethods = Pick<LinliAdapter, 'submitGrievance' | 'trackGrievance' | 'residentAction' | 'getGrievance' | 'listGrievances' | 'transitionGrievance'>;

/** Intake and tracking for residents; the 民情流水线 for staff. */
export function grievanceMethods(s: SqlContext, caller: Caller): GrievanceMethods {
  const { db, policy } = s;
  return {
    async submitGrievance(raw, ctx: ServerRequestContext) {
      caller.enter(ctx);
      const input = parseInput(grievanceInput, raw, 'grievance', ctx.locale);
      return idempotent<GrievanceReceipt>(db, 'grievance', ctx, requestHash(input), 201, async (tx) => {
        const service = await s.one<Service>('SELECT data FROM services WHERE code = $1', [input.serviceCode], tx);
        if (!service) throw new ValidationError('Unknown service.', [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }]);
        checkAgainstService(input, service, ctx.locale);
        const at = s.nowIso();
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
      caller.enter(ctx);
      const hash = requestHash([normalizeCode(trackingCode), normalizeCode(accessCode)]);
      return idempotent<PublicGrievance>(db, 'track', ctx, hash, 200, async (tx) => publicGrievanceView(await s.authorise(tx, trackingCode, accessCode, false)));
    },
    async residentAction(trackingCode, accessCode, raw, ctx: ServerRequestContext) {
      caller.enter(ctx);
      const command = parseInput(transitionCommand, raw, 'action', ctx.locale);
      const hash = requestHash([normalizeCode(trackingCode), normalizeCode(accessCode), command]);
      return idempotent<PublicGrievance>(db, 'resident-action', ctx, hash, 200, async (tx) => {
        const g = await s.authorise(tx, trackingCode, accessCode, true);
        const ids = await allocateIds(tx, 1);
        const next = apply(g, command, { actor: { role: 'resident' }, now: s.nowIso(), newId: () => ids('t') });
        await save(tx, 'grievances', next);
        return publicGrievanceView(next);
      });
    },
    async getGrievance(id, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
      const g = await s.one<Grievance>('SELECT data FROM grievances WHERE id = $1', [id]);
      if (!g) throw new NotFoundError(`No grievance ${id}.`);
      return g;
    },
    async listGrievances(raw, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
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
      caller.enter(ctx);
      const who = caller.staffOnly();
      const command = parseInput(transitionCommand, raw, 'transition', ctx.locale);
      return idempotent<Grievance>(db, 'transition', ctx, requestHash([id, command]), 200, async (tx) => {
        const g = await s.grievanceForUpdate(tx, id);
        const ids = await allocateIds(tx, 1);
        const next = apply(g, command, { actor: who, now: s.nowIso(), newId: () => ids('t') });
        await save(tx, 'grievances', next);
        return next;
      });
    },
  };
}
