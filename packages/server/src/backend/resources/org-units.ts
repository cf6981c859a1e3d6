import { NotFoundError, orgUnitQuery, parseInput, type LinliAdapter, type OrgUnit } from '@linli/sdk';
import { inSeedOrder, type Caller, type SqlContext } from '../context.js';
import { page, Where } from '../paging.js';

/** The org-unit tree. */
export function orgUnitMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'listOrgUnits' | 'getOrgUnit'> {
  return {
    async listOrgUnits(raw, ctx) {
      caller.enter(ctx);
      const q = parseInput(orgUnitQuery, raw, 'org unit query', ctx.locale);
      const w = new Where();
      if (q.parentId !== undefined) w.and(`parent_id = ${w.p(q.parentId)}`);
      if (q.level) w.and(`level = ${w.p(q.level)}`);
      return page<OrgUnit>(s.db, { table: 'org_units', where: w, keys: inSeedOrder, direction: 'asc', cursor: q.cursor }, q.limit);
    },
    async getOrgUnit(id, ctx) {
      caller.enter(ctx);
      const u = await s.one<OrgUnit>('SELECT data FROM org_units WHERE id = $1', [id]);
      if (!u) throw new NotFoundError(`No org unit ${id}.`);
      return u;
    },
  };
}
