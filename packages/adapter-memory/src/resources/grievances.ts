import {
  ValidationError,
  apply,
  checkAgainstService,
  grievanceInput,
  grievanceQuery,
  hashAccessCode,
  newAccessCode,
  newGrievance,
  newTrackingCode,
  parseInput,
  toPublicGrievance,
  transitionCommand,
  type GrievanceReceipt,
  type LinliAdapter,
} from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

type GrievanceMethods = Pick<LinliAdapter, 'submitGrievance' | 'trackGrievance' | 'residentAction' | 'getGrievance' | 'listGrievances' | 'transitionGrievance'>;

/** Intake and tracking for residents; the 民情流水线 for staff. */
export function grievanceMethods(m: MemoryContext): GrievanceMethods {
  const { state, store } = m;
  return {
    async submitGrievance(raw, ctx) {
      await m.enter(ctx);
      const input = parseInput(grievanceInput, raw, 'grievance', ctx.locale);
      return m.once<GrievanceReceipt>('grievance', ctx, async () => {
        const service = state.services.find((s) => s.code === input.serviceCode);
        if (!service) throw new ValidationError('Unknown service.', [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }]);
        checkAgainstService(input, service, ctx.locale);
        const at = m.now();
        const id = store.nextId('g');
        const g = newGrievance(input, service, { ...m.ctxFor({ role: 'resident' }), now: at, id, trackingCode: newTrackingCode(new Date(at)) });
        const accessCode = newAccessCode();
        state.accessHashes[id] = await hashAccessCode(accessCode, id);
        state.grievances.unshift(g);
        store.commit();
        return { id, trackingCode: g.trackingCode, accessCode, status: g.status, submittedAt: at, expectedAt: g.expectedAt };
      });
    },
    async trackGrievance(trackingCode, accessCode, ctx) {
      await m.enter(ctx);
      return toPublicGrievance(structuredClone(await m.authorise(trackingCode, accessCode)));
    },
    async residentAction(trackingCode, accessCode, raw, ctx) {
      await m.enter(ctx);
      const command = parseInput(transitionCommand, raw, 'action', ctx.locale);
      const g = apply(await m.authorise(trackingCode, accessCode), command, m.ctxFor({ role: 'resident' }));
      m.replace(g);
      store.commit();
      return toPublicGrievance(structuredClone(g));
    },
    async getGrievance(id, ctx) {
      await m.enter(ctx);
      m.staffOnly();
      return structuredClone(m.grievanceById(id));
    },
    async listGrievances(raw, ctx) {
      await m.enter(ctx);
      m.staffOnly();
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
      await m.enter(ctx);
      const who = m.staffOnly();
      const command = parseInput(transitionCommand, raw, 'transition', ctx.locale);
      const g = apply(m.grievanceById(id), command, m.ctxFor(who));
      m.replace(g);
      store.commit();
      return structuredClone(g);
    },
  };
}
