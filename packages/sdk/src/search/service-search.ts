import type * as z from 'zod/mini';
import type { Service, serviceQuery } from '../schemas/service.js';

/** Lower-cases and strips spaces so `Yang Lao`, `yanglao` and `养 老` compare alike. */
export function normalizeSearch(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[\s·,，、。.\-_/]+/g, '');
}

/** The searchable text of a service: names in all locales, code, keywords, pinyin initials. */
export function serviceSearchText(s: Pick<Service, 'code' | 'name' | 'keywords' | 'searchTerms'>): string {
  return normalizeSearch([s.code, s.name['zh-CN'], s.name['zh-TW'] ?? '', s.name.en ?? '', ...s.keywords, ...s.searchTerms].join('|'));
}

/**
 * Does a service match a query? Every whitespace-separated term must appear somewhere. The search text
 * is built only when there is a text query (pass a cached one when filtering large catalogues).
 */
export function matchesServiceQuery(s: Service, q: Omit<z.output<typeof serviceQuery>, 'cursor' | 'limit'>, searchText?: string): boolean {
  if (q.group && s.group !== q.group) return false;
  if (q.targetGroup && !s.targetGroups.includes(q.targetGroup)) return false;
  if (q.delivery && !s.delivery.includes(q.delivery)) return false;
  if (q.audience && s.audience !== q.audience) return false;
  if (q.requestable !== undefined && s.requestable !== q.requestable) return false;
  if (q.codes && q.codes.length && !q.codes.includes(s.code)) return false;
  if (q.q) {
    const terms = q.q.split(/\s+/).map(normalizeSearch).filter(Boolean);
    const text = searchText ?? serviceSearchText(s);
    if (!terms.every((t) => text.includes(t))) return false;
  }
  return true;
}
