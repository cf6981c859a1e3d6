import { NotFoundError, type RequestContext } from '@linli/sdk';
import { parseOk, send } from './wire/http.js';
import { isObj, nestedList, nestedScalars, str, type Format } from './wire/parse.js';

export interface Open311DiscoveredEndpoint {
  specification: string;
  url: string;
  changeset?: string;
  type: 'production' | 'test' | string;
  formats: string[];
}

export interface Open311Discovery {
  /** The chosen GeoReport v2 endpoint, ready for `open311Adapter({ endpoint, format })`. */
  endpoint: string;
  format: Format;
  type: string;
  /** Changes whenever services or definitions change: a signal to drop caches. */
  changeset?: string;
  contact?: string;
  /** How to obtain an API key. */
  keyService?: string;
  endpoints: Open311DiscoveredEndpoint[];
}

export interface DiscoverOptions extends Pick<RequestContext, 'signal' | 'timeout' | 'maxRetries'> {
  fetch?: typeof globalThis.fetch;
  /** `production` by default. */
  type?: 'production' | 'test';
  /** JSON is used when offered unless `xml` is preferred. */
  prefer?: Format;
}

const isGeoReportV2 = (spec: string) => /georeport[_ -]?v2/i.test(spec) || spec === '';

/**
 * Reads a Service Discovery document (`…/discovery.json` or `…/discovery.xml`; the format is taken
 * from the URL, else from the body) and picks the GeoReport v2 endpoint of the wanted type, and JSON
 * when it is offered (XML otherwise, which every endpoint must serve).
 */
export async function discoverOpen311(discoveryUrl: string, options: DiscoverOptions = {}): Promise<Open311Discovery> {
  const byUrl: Format | undefined = /\.xml(\?|$)/i.test(discoveryUrl) ? 'xml' : /\.json(\?|$)/i.test(discoveryUrl) ? 'json' : undefined;
  const res = await send(
    { method: 'GET', url: discoveryUrl, format: byUrl ?? 'json' },
    { signal: options.signal, timeout: options.timeout, maxRetries: options.maxRetries },
    { fetch: options.fetch ?? ((...a) => globalThis.fetch(...a)), timeout: options.timeout, maxRetries: options.maxRetries, retryDelayMs: 300, headers: {} },
  );
  const format: Format = byUrl ?? (res.text.trimStart().startsWith('<') ? 'xml' : 'json');
  const parsed = parseOk(res.text, format, 'discovery document');
  const doc = isObj(parsed) && isObj(parsed.discovery) ? parsed.discovery : isObj(parsed) ? parsed : {};

  const endpoints: Open311DiscoveredEndpoint[] = nestedList(doc.endpoints, 'endpoint')
    .map((e) => ({
      specification: str(e.specification) ?? '',
      url: str(e.url) ?? '',
      changeset: str(e.changeset),
      type: str(e.type)?.toLowerCase() ?? 'production',
      formats: nestedScalars(e.formats, 'format').map((f) => f.toLowerCase()),
    }))
    .filter((e) => e.url);

  const wanted = options.type ?? 'production';
  const chosen = endpoints.find((e) => e.type === wanted && isGeoReportV2(e.specification));
  if (!chosen) throw new NotFoundError(`The discovery document lists no ${wanted} GeoReport v2 endpoint.`);
  const offersJson = chosen.formats.some((f) => f.includes('json'));
  const offersXml = chosen.formats.length === 0 || chosen.formats.some((f) => f.includes('xml'));
  const pick: Format = offersJson && (options.prefer !== 'xml' || !offersXml) ? 'json' : 'xml';

  return {
    endpoint: chosen.url.replace(/\/+$/, ''),
    format: pick,
    type: chosen.type,
    changeset: str(doc.changeset),
    contact: str(doc.contact),
    keyService: str(doc.key_service),
    endpoints,
  };
}
