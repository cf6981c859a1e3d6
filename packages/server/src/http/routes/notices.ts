import { noticeQuery } from '@linli/sdk';
import { need, type RouteDef } from './types.js';

/** 居务公开 notices. */
export const noticeRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/notices',
    operationId: 'listNotices',
    cacheSeconds: 10,
    summary: 'Published notices (居务公开), pinned first',
    tag: 'notices',
    access: 'public',
    query: noticeQuery,
    response: { status: 200, schema: { page: 'Notice' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listNotices', 'notices')(query, ctx),
  },
  {
    method: 'get',
    path: '/notices/:id',
    operationId: 'getNotice',
    cacheSeconds: 10,
    summary: 'One notice',
    tag: 'notices',
    access: 'public',
    response: { status: 200, schema: { wire: 'Notice' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getNotice', 'notices')(params.id!, ctx),
  },
];
