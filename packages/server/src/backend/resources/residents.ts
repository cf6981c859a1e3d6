import { NotFoundError, parseInput, residentQuery, type LinliAdapter, type Resident } from '@linli/sdk';
import { inSeedOrder, likeTerm, type Caller, type SqlContext } from '../context.js';
import { page, Where } from '../paging.js';

/** The resident registry (PII, staff only). */
export function residentMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'listResidents' | 'getResident'> {
  return {
    async listResidents(raw, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
      const q = parseInput(residentQuery, raw, 'resident query', ctx.locale);
      const w = new Where();
      if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
      if (q.tag) w.and(`data->'tags' @> ${w.p(JSON.stringify([q.tag]))}::jsonb`);
      if (q.q) w.and(`name LIKE ${w.p(likeTerm(q.q))}`);
      return page<Resident>(s.db, { table: 'residents', where: w, keys: inSeedOrder, direction: 'asc', cursor: q.cursor }, q.limit);
    },
    async getResident(id, ctx) {
      caller.enter(ctx);
      caller.staffOnly();
      const r = await s.one<Resident>('SELECT data FROM residents WHERE id = $1', [id]);
      if (!r) throw new NotFoundError(`No resident ${id}.`);
      return r;
    },
  };
}
