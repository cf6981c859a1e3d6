import { rectificationQuery } from '@linli/sdk';
import { need, type RouteDef } from './types.js';

/** 整改 and 回访 (staff). */
export const rectificationRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/rectifications',
    operationId: 'listRectifications',
    summary: 'Rectifications (整改) opened by bad ratings (staff)',
    tag: 'rectifications',
    access: 'staff',
    query: rectificationQuery,
    response: { status: 200, schema: { page: 'Rectification' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listRectifications', 'staff')(query, ctx),
  },
  {
    method: 'get',
    path: '/rectifications/:id',
    operationId: 'getRectification',
    summary: 'One rectification (staff)',
    tag: 'rectifications',
    access: 'staff',
    response: { status: 200, schema: { wire: 'Rectification' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getRectification', 'staff')(params.id!, ctx),
  },
  {
    method: 'post',
    path: '/rectifications/:id/actions',
    operationId: 'actOnRectification',
    summary: 'Record the fix (整改), then the call-back (回访) (staff)',
    tag: 'rectifications',
    access: 'staff',
    body: { wire: 'RectificationCommand' },
    response: { status: 200, schema: { wire: 'Rectification' } },
    run: ({ adapter, params, body, ctx }) => need(adapter, 'actOnRectification', 'staff')(params.id!, body as never, ctx),
  },
];
