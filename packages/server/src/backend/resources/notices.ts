import { NotFoundError, noticeQuery, parseInput, type LinliAdapter, type Notice } from '@linli/sdk';
import type { Caller, SqlContext } from '../context.js';
import { page, Where } from '../paging.js';

/** 居务公开: notices published and not expired at the asked instant, pinned first. */
export function noticeMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'listNotices' | 'getNotice'> {
  return {
    async listNotices(raw, ctx) {
      caller.enter(ctx);
      const q = parseInput(noticeQuery, raw, 'notice query', ctx.locale);
      const w = new Where();
      const at = w.p(q.activeAt ?? s.nowIso());
      w.and(`publish_at <= ${at}::timestamptz AND (expires_at IS NULL OR expires_at > ${at}::timestamptz)`);
      if (q.category) w.and(`category = ${w.p(q.category)}`);
      if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
      const keys = [
        { expr: 'pinned', type: 'boolean' },
        { expr: 'publish_at', type: 'timestamptz' },
        { expr: 'seq', type: 'bigint' },
      ] as const;
      return page<Notice>(s.db, { table: 'notices', where: w, keys, direction: 'desc', cursor: q.cursor }, q.limit);
    },
    async getNotice(id, ctx) {
      caller.enter(ctx);
      // A notice scheduled for later is not public yet; staff may preview it.
      const n = await s.one<Notice>(
        `SELECT data FROM notices WHERE id = $1 ${caller.isStaff ? '' : 'AND publish_at <= $2::timestamptz'}`,
        caller.isStaff ? [id] : [id, s.nowIso()],
      );
      if (!n) throw new NotFoundError(`No notice ${id}.`);
      return n;
    },
  };
}
