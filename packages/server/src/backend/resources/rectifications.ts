import { NotFoundError, applyRectification, parseInput, rectificationCommand, rectificationQuery, type LinliAdapter, type Rectification } from '@linli/sdk';
import { allocateIds, save } from '../../db/entities.js';
import { newestFirst, type Caller, type SqlContext } from '../context.js';
import { idempotent, requestHash, type ServerRequestContext } from '../idempotency.js';
import { page, Where } from '../paging.js';

/** 整改 and 回访 (staff). */
export function rectificationMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'listRectifications' | 'getRectification' | 'actOnRectification'> {
  const { db, policy } = s;
  return {
    async listRectifications(raw, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
      const q = parseInput(rectificationQuery, raw, 'rectification query', ctx.locale);
      const w = new Where();
      if (q.status) w.and(`status = ${w.p(q.status)}`);
      if (q.grievanceId) w.and(`grievance_id = ${w.p(q.grievanceId)}`);
      return page<Rectification>(db, { table: 'rectifications', where: w, keys: newestFirst, direction: 'desc', cursor: q.cursor }, q.limit);
    },
    async getRectification(id, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
      const r = await s.one<Rectification>('SELECT data FROM rectifications WHERE id = $1', [id]);
      if (!r) throw new NotFoundError(`No rectification ${id}.`);
      return r;
    },
    async actOnRectification(id, raw, ctx: ServerRequestContext) {
      caller.enter(ctx);
      const who = caller.staffOnly();
      const command = parseInput(rectificationCommand, raw, 'rectification action', ctx.locale);
      return idempotent<Rectification>(db, 'rectification-action', ctx, requestHash([id, command]), 200, async (tx) => {
        // Lock order everywhere: rectification before grievance.
        const r = await s.one<Rectification>('SELECT data FROM rectifications WHERE id = $1 FOR UPDATE', [id], tx);
        if (!r) throw new NotFoundError(`No rectification ${id}.`);
        const g = r.grievanceId ? await s.grievanceForUpdate(tx, r.grievanceId) : undefined;
        const ids = await allocateIds(tx, 1);
        const out = applyRectification(r, command, { actor: who, policy, now: s.nowIso(), newId: () => ids('t') }, g);
        await save(tx, 'rectifications', out.rectification);
        if (out.grievance) await save(tx, 'grievances', out.grievance);
        return out.rectification;
      });
    },
  };
}
