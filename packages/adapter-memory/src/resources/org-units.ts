import { NotFoundError, type LinliAdapter } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** The org-unit tree. */
export function orgUnitMethods(m: MemoryContext): Pick<LinliAdapter, 'listOrgUnits' | 'getOrgUnit'> {
  return {
    async listOrgUnits(q, ctx) {
      await m.enter(ctx);
      return paginate(m.state.orgUnits.filter((u) => (q.parentId === undefined || u.parentId === q.parentId) && (!q.level || u.level === q.level)), q.cursor, q.limit);
    },
    async getOrgUnit(id, ctx) {
      await m.enter(ctx);
      const u = m.state.orgUnits.find((x) => x.id === id);
      if (!u) throw new NotFoundError(`No org unit ${id}.`);
      return structuredClone(u);
    },
  };
}
