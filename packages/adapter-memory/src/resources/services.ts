import { NotFoundError, matchesServiceQuery, serviceSearchText, type LinliAdapter, type Service } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** The service catalogue, searched with the SDK's own matching. */
export function serviceMethods(m: MemoryContext): Pick<LinliAdapter, 'listServices' | 'getService'> {
  /** Search text per service object, built once: catalogues are large and read far more than written. */
  const searchTexts = new WeakMap<Service, string>();
  const searchTextOf = (s: Service) => {
    let text = searchTexts.get(s);
    if (text === undefined) searchTexts.set(s, (text = serviceSearchText(s)));
    return text;
  };
  return {
    async listServices(query, ctx) {
      await m.enter(ctx);
      return paginate(m.state.services.filter((s) => matchesServiceQuery(s, query, query.q ? searchTextOf(s) : undefined)), query.cursor, query.limit);
    },
    async getService(code, ctx) {
      await m.enter(ctx);
      const s = m.state.services.find((x) => x.code === code);
      if (!s) throw new NotFoundError(`No service ${code}.`);
      return structuredClone(s);
    },
  };
}
