import { locales, matchesServiceQuery, normalizeSearch, serviceSearchText, type Service, type ServiceQuery } from '@linli/sdk';
import { deliveryLabels, groupLabels, pricingLabels, targetGroupLabels } from '../service-guide/service-labels.js';

/** A service with its search text, normalised once when it arrives rather than on every keystroke. */
export interface Entry {
  service: Service;
  text: string;
}

/** The structured filters (everything but the text search). */
export type StructuredFilter = Pick<ServiceQuery, 'group' | 'targetGroup' | 'delivery' | 'audience'>;

/**
 * The SDK's search text (names in every locale, code, keywords, pinyin) plus what residents see on the
 * card — category, target groups, pricing and delivery in every locale — so typing "养老服务", "免费" or
 * "上门" finds what the labels promise.
 */
export function toEntry(service: Service): Entry {
  const labels = locales.flatMap((l) => [
    groupLabels[l][service.group],
    pricingLabels[l][service.pricing],
    ...service.targetGroups.map((t) => targetGroupLabels[l][t]),
    ...service.delivery.map((d) => deliveryLabels[l][d]),
  ]);
  return { service, text: `${serviceSearchText(service)}|${normalizeSearch(labels.join('|'))}` };
}

/** The query's terms, normalised exactly as `matchesServiceQuery` does it, but once per keystroke. */
export function queryTerms(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).map(normalizeSearch).filter(Boolean);
}

/**
 * Filters in memory. Typing more of the same search only narrows the previous result, so each keystroke
 * scans the services that still match rather than the whole catalogue.
 */
export class ServiceFilter {
  private last?: { entries: Entry[]; key: string; terms: string[]; result: Entry[] };

  run(entries: Entry[], q: string | undefined, structured: StructuredFilter): Entry[] {
    const terms = queryTerms(q);
    const active = Object.values(structured).some((v) => v !== undefined);
    const key = JSON.stringify(structured);
    const last = this.last;
    // Every old term is contained in the new term at its place: anything matching now matched before.
    const narrows = !!last && last.entries === entries && last.key === key && last.terms.length <= terms.length && last.terms.every((t, i) => terms[i]!.includes(t));
    const base = narrows ? last.result : entries;
    const result =
      !active && !terms.length
        ? entries
        : base.filter((e) => (!active || matchesServiceQuery(e.service, structured, e.text)) && terms.every((t) => e.text.includes(t)));
    this.last = { entries, key, terms, result };
    return result;
  }
}
