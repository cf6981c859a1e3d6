import { NotFoundError, type LinliAdapter } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** The resident registry (PII, staff only). */
export function residentMethods(m: MemoryContext): Pick<LinliAdapter, 'listResidents' | 'getResident'> {
  return {
    async listResidents(q, ctx) {
      await m.enter(ctx);
      m.staffOnly();
      return paginate(
        m.state.residents.filter((r) => (!q.orgUnitId || r.orgUnitId === q.orgUnitId) && (!q.tag || r.tags.includes(q.tag)) && (!q.q || r.name.includes(q.q))),
        q.cursor,
        q.limit,
      );
    },
    async getResident(id, ctx) {
      await m.enter(ctx);
      m.staffOnly();
      const r = m.state.residents.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No resident ${id}.`);
      return structuredClone(r);
    },
  };
}
