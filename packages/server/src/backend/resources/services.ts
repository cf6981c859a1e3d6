import { NotFoundError, normalizeSearch, parseInput, serviceQuery, type LinliAdapter, type Service } from '@linli/sdk';
import { page, Where } from '../paging.js';
import { likeTerm, type Caller, type SqlContext } from '../context.js';

/** The service catalogue. */
export function serviceMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'listServices' | 'getService'> {
  return {
    async listServices(raw, ctx) {
      caller.enter(ctx);
      const q = parseInput(serviceQuery, raw, 'service query', ctx.locale);
      const w = new Where();
      if (q.group) w.and(`service_group = ${w.p(q.group)}`);
      if (q.audience) w.and(`audience = ${w.p(q.audience)}`);
      if (q.requestable !== undefined) w.and(`requestable = ${w.p(q.requestable)}`);
      if (q.targetGroup) w.and(`data->'targetGroups' @> ${w.p(JSON.stringify([q.targetGroup]))}::jsonb`);
      if (q.delivery) w.and(`data->'delivery' @> ${w.p(JSON.stringify([q.delivery]))}::jsonb`);
      if (q.codes?.length) w.and(`code IN (SELECT jsonb_array_elements_text(${w.p(JSON.stringify(q.codes))}::jsonb))`);
      // Same matching as the SDK's matchesServiceQuery: every term, normalised, inside serviceSearchText.
      for (const term of (q.q ?? '').split(/\s+/).map(normalizeSearch).filter(Boolean)) w.and(`search_text LIKE ${w.p(likeTerm(term))}`);
      return page<Service>(s.db, { table: 'services', where: w, keys: [{ expr: 'seq', type: 'bigint' }], direction: 'asc', cursor: q.cursor }, q.limit);
    },
    async getService(code, ctx) {
      caller.enter(ctx);
      const found = await s.one<Service>('SELECT data FROM services WHERE code = $1', [code]);
      if (!found) throw new NotFoundError(`No service ${code}.`);
      return found;
    },
  };
}
