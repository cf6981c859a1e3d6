import { NotFoundError, type LinliAdapter } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** 居务公开: notices published and not expired at the asked instant, pinned first. */
export function noticeMethods(m: MemoryContext): Pick<LinliAdapter, 'listNotices' | 'getNotice'> {
  return {
    async listNotices(q, ctx) {
      await m.enter(ctx);
      const at = q.activeAt ?? m.now();
      const all = m.state.notices
        .filter((n) => (!q.category || n.category === q.category) && (!q.orgUnitId || n.orgUnitId === q.orgUnitId) && n.publishAt <= at && (!n.expiresAt || n.expiresAt > at))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishAt.localeCompare(a.publishAt));
      return paginate(all, q.cursor, q.limit);
    },
    async getNotice(id, ctx) {
      await m.enter(ctx);
      const n = m.state.notices.find((x) => x.id === id);
      if (!n) throw new NotFoundError(`No notice ${id}.`);
      return structuredClone(n);
    },
  };
}
