import { serviceQuery } from '@linli/sdk';
import { type RouteDef } from './types.js';

/** The service catalogue (办事指南). */
export const serviceRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/services',
    operationId: 'listServices',
    cacheSeconds: 30,
    summary: 'Search the service catalogue (办事指南)',
    tag: 'services',
    access: 'public',
    query: serviceQuery,
    response: { status: 200, schema: { page: 'Service' } },
    run: ({ adapter, query, ctx }) => adapter.listServices(query, ctx),
  },
  {
    method: 'get',
    path: '/services/:code',
    operationId: 'getService',
    cacheSeconds: 30,
    summary: 'One service with its guide',
    tag: 'services',
    access: 'public',
    response: { status: 200, schema: { wire: 'Service' } },
    run: ({ adapter, params, ctx }) => adapter.getService(params.code!, ctx),
  },
];
