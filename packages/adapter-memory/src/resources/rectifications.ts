import { NotFoundError, applyRectification, parseInput, rectificationCommand, type LinliAdapter } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** 整改 and 回访 (staff). */
export function rectificationMethods(m: MemoryContext): Pick<LinliAdapter, 'listRectifications' | 'getRectification' | 'actOnRectification'> {
  const { state, store } = m;
  return {
    async listRectifications(q, ctx) {
      await m.enter(ctx);
      m.staffOnly();
      return paginate(state.rectifications.filter((r) => (!q.status || r.status === q.status) && (!q.grievanceId || r.grievanceId === q.grievanceId)), q.cursor, q.limit);
    },
    async getRectification(id, ctx) {
      await m.enter(ctx);
      m.staffOnly();
      const r = state.rectifications.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No rectification ${id}.`);
      return structuredClone(r);
    },
    async actOnRectification(id, raw, ctx) {
      await m.enter(ctx);
      const who = m.staffOnly();
      const command = parseInput(rectificationCommand, raw, 'rectification action', ctx.locale);
      const r = state.rectifications.find((x) => x.id === id);
      if (!r) throw new NotFoundError(`No rectification ${id}.`);
      const g = r.grievanceId ? m.grievanceById(r.grievanceId) : undefined;
      const out = applyRectification(r, command, { ...m.ctxFor(who) }, g);
      state.rectifications = state.rectifications.map((x) => (x.id === id ? out.rectification : x));
      if (out.grievance) m.replace(out.grievance);
      store.commit();
      return structuredClone(out.rectification);
    },
  };
}
