import { resident, residentQuery, type ResidentQuery } from '../../schemas/resident.js';
import type { ClientKit, RequestOptions } from '../kit.js';

/** The resident registry (PII, staff only). */
export const residentsResource = (k: ClientKit) => ({
  list: async (query: ResidentQuery = {}, o?: RequestOptions) =>
    k.pager(resident, 'resident', (q, c) => k.need('residents', 'listResidents')(q, c))(k.input(residentQuery, query, 'resident query'), o),
  get: async (residentId: string, o?: RequestOptions) => k.output(resident, await k.need('residents', 'getResident')(k.code(residentId, 'resident id'), k.ctx(o)), 'resident'),
});
