import { notice, noticeQuery, type NoticeQuery } from '../../schemas/notice.js';
import type { ClientKit, RequestOptions } from '../kit.js';

/** 居务公开: published notices. */
export const noticesResource = (k: ClientKit) => ({
  list: async (query: NoticeQuery = {}, o?: RequestOptions) =>
    k.pager(notice, 'notice', (q, c) => k.need('notices', 'listNotices')(q, c))(k.input(noticeQuery, query, 'notice query'), o),
  get: async (noticeId: string, o?: RequestOptions) => k.output(notice, await k.need('notices', 'getNotice')(k.code(noticeId, 'notice id'), k.ctx(o)), 'notice'),
});
