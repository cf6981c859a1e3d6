import { orgUnit, orgUnitQuery, type OrgUnitQuery } from '../../schemas/org-unit.js';
import type { ClientKit, RequestOptions } from '../kit.js';

/** The 区 → 街道 → 社区 → 网格 → 楼栋 tree. */
export const orgUnitsResource = (k: ClientKit) => ({
  list: async (query: OrgUnitQuery = {}, o?: RequestOptions) =>
    k.pager(orgUnit, 'org unit', (q, c) => k.need('orgUnits', 'listOrgUnits')(q, c))(k.input(orgUnitQuery, query, 'org unit query'), o),
  get: async (orgUnitId: string, o?: RequestOptions) => k.output(orgUnit, await k.need('orgUnits', 'getOrgUnit')(k.code(orgUnitId, 'org unit id'), k.ctx(o)), 'org unit'),
});
