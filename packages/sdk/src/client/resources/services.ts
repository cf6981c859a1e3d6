import { service, serviceQuery, type ServiceQuery } from '../../schemas/service.js';
import type { ClientKit, RequestOptions } from '../kit.js';

/** The service catalogue (办事指南). */
export const servicesResource = (k: ClientKit) => ({
  list: async (query: ServiceQuery = {}, o?: RequestOptions) =>
    k.pager(service, 'service', (q, c) => k.need('services', 'listServices')(q, c))(k.input(serviceQuery, query, 'service query'), o),
  get: async (serviceCode: string, o?: RequestOptions) =>
    k.output(service, await k.need('services', 'getService')(k.code(serviceCode, 'service code'), k.ctx(o)), 'service'),
});
