import { residentQuery } from '@linli/sdk';
import { need, type RouteDef } from './types.js';

/** The resident registry (PII, staff). */
export const residentRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/residents',
    operationId: 'listResidents',
    summary: 'The resident registry (PII, staff)',
    tag: 'residents',
    access: 'staff',
    query: residentQuery,
    response: { status: 200, schema: { page: 'Resident' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listResidents', 'residents')(query, ctx),
  },
  {
    method: 'get',
    path: '/residents/:id',
    operationId: 'getResident',
    summary: 'One resident (PII, staff)',
    tag: 'residents',
    access: 'staff',
    response: { status: 200, schema: { wire: 'Resident' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getResident', 'residents')(params.id!, ctx),
  },
];
