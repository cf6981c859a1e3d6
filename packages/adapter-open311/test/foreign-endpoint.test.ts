import { createClient, LinliError, publicGrievance, service as serviceSchema, type GrievanceInput } from '@linli/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverOpen311, open311Adapter, type Open311AdapterOptions } from '../src/index.js';
import * as fx from './helpers/foreign-fixtures.js';
import { json, Neighbour, xml } from './helpers/neighbour.js';

// Someone else's Open311 endpoint: a real HTTP server answering with hand-written payloads.
const neighbour = new Neighbour();
let base = '';

beforeAll(async () => {
  await neighbour.start();
  base = `${neighbour.url}/open311`;
});
afterAll(() => neighbour.stop());
beforeEach(() => neighbour.reset());

const adapterFor = (options: Partial<Open311AdapterOptions> = {}) =>
  open311Adapter({ endpoint: base, apiKey: 'k-123', retryDelayMs: 5, ...options });
const clientFor = (options: Partial<Open311AdapterOptions> = {}) => createClient({ adapter: adapterFor(options) });

const failure = async (p: Promise<unknown>): Promise<LinliError> => {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(LinliError.is(err), String(err)).toBe(true);
  return err as LinliError;
};

describe('services from a foreign endpoint', () => {
  it('reads an XML list with a single <service>, with its definition, as valid Linli services', async () => {
    neighbour.on('GET /open311/services.xml', xml(fx.servicesSingleXml)).on('GET /open311/services/001.xml', xml(fx.definitionAllTypesXml));
    const page = await clientFor({ format: 'xml' }).services.list();
    expect(page.items).toHaveLength(1);
    const s = page.items[0]!;
    expect(s.code).toBe('001');
    expect(s.name).toEqual({ 'zh-CN': 'Cans left out 24x7', en: 'Cans left out 24x7' });
    expect(s.group).toBe('environment');
    expect(s.keywords).toEqual(['lorem', 'ipsum', 'dolor']);
    expect(s.requestable).toBe(true);
    expect(s.provider.name['zh-CN']).toBe(new URL(base).host);
    expect(s.guide.fees).toEqual({ 'zh-CN': '未知（Open311 接口未提供）', 'zh-TW': '未知（Open311 介面未提供）', en: 'Unknown (not provided by the Open311 endpoint)' });
    expect(s.guide.steps[0]!.detail?.en).toContain('Garbage or recycling cans');
    expect(s.definition).toHaveLength(10);
  });

  it('maps every datatype of a definition, keeping keys like 007 as strings', async () => {
    neighbour.on('GET /open311/services.xml', xml(fx.servicesSingleXml)).on('GET /open311/services/001.xml', xml(fx.definitionAllTypesXml));
    const s = await clientFor({ format: 'xml' }).services.get('001');
    expect(serviceSchema.safeParse(s).success).toBe(true);
    const byCode = Object.fromEntries(s.definition.map((d) => [d.code, d]));
    expect(byCode.INFO).toMatchObject({ datatype: 'note', required: false, order: 0 });
    expect(byCode.WHERE).toMatchObject({ datatype: 'string', required: true, description: { 'zh-CN': 'Where exactly?', en: 'Where exactly?' } });
    expect(byCode.COUNT!.datatype).toBe('number');
    expect(byCode.SEEN!.datatype).toBe('datetime');
    expect(byCode.NOTES!.datatype).toBe('text');
    expect(byCode.KIND).toMatchObject({ datatype: 'singlevaluelist', required: true, values: [{ key: '007', name: { 'zh-CN': 'Recycling', en: 'Recycling' } }] });
    expect(byCode.COLOURS!.values!.map((v) => v.key)).toEqual(['blue', 'green']);
    expect(byCode.BLOCKING).toMatchObject({ datatype: 'boolean' });
    expect(byCode.BLOCKING!.values).toBeUndefined();
    expect(byCode.HOW_LONG!.showIf).toEqual({ attribute: 'BLOCKING', equals: true });
    expect(byCode['owner-known']).toMatchObject({ datatype: 'boolean' });
  });

  it('reads a JSON list without optional fields, escapes codes reversibly and tells requestable types apart', async () => {
    neighbour.on('GET /open311/services.json', json(fx.servicesJson)).on('GET /open311/services/DMV66.json', json(fx.definitionDmvJson));
    const client = clientFor();
    const all = await (await client.services.list({ limit: 2 })).toArray();
    expect(all.map((s) => s.code)).toEqual(['u_dmv66', 'x__pothole_000020_repair', '4', 'hotline-only', '006']);
    expect(all.map((s) => s.requestable)).toEqual([true, true, true, false, true]);
    expect(all.map((s) => s.group)).toEqual(['environment', 'community-affairs', 'environment', 'community-affairs', 'environment']);
    expect(all[1]!.name).toEqual({ 'zh-CN': '坑洼路面' });
    expect(all[0]!.definition[0]!.values!.map((v) => v.key)).toEqual(['123', '124']);

    const dmv = await client.services.get('u_dmv66');
    expect(dmv.definition[0]).toMatchObject({ code: 'WHISHETN', datatype: 'singlevaluelist', required: true, order: 1 });
    expect((await client.services.get('x__pothole_000020_repair')).name['zh-CN']).toBe('坑洼路面');
    expect(neighbour.callsTo('GET /open311/services.json')).toHaveLength(1); // cached
    expect(neighbour.callsTo('GET /open311/services/DMV66.json')).toHaveLength(1);
    expect((await failure(client.services.get('nothing-here'))).code).toBe('not_found');
  });

  it('filters the list by text and group like any Linli backend', async () => {
    neighbour.on('GET /open311/services.json', json(fx.servicesJson)).on('GET /open311/services/DMV66.json', json(fx.definitionDmvJson));
    const client = clientFor();
    expect((await client.services.list({ q: '坑洼' })).items.map((s) => s.code)).toEqual(['x__pothole_000020_repair']);
    expect((await client.services.list({ requestable: false })).items.map((s) => s.code)).toEqual(['hotline-only']);
  });

  it('sends jurisdiction_id on every call', async () => {
    neighbour.on('GET /open311/services.json', json('[]'));
    await clientFor({ jurisdictionId: 'sfgov.org' }).services.list();
    expect(neighbour.calls[0]!.query.get('jurisdiction_id')).toBe('sfgov.org');
  });
});

describe('tracking requests on a foreign endpoint', () => {
  it('reads a single XML request into the public view, status closed, with a synthesised timeline', async () => {
    neighbour.on('GET /open311/requests/638344.xml', xml(fx.requestSingleXml));
    const g = await clientFor({ format: 'xml' }).grievances.track('638344', '638344');
    expect(publicGrievance.safeParse(g).success).toBe(true);
    expect(neighbour.calls[0]!.query.get('extensions')).toBe('true');
    expect(g).toMatchObject({
      id: '638344',
      trackingCode: '638344',
      status: 'closed',
      serviceCode: '006',
      description: '',
      createdAt: '2010-04-14T06:37:38-08:00',
      updatedAt: '2010-04-15T06:37:38-08:00',
      closedAt: '2010-04-15T06:37:38-08:00',
      expectedAt: '2010-04-15T06:37:38-08:00',
      location: { kind: 'address', text: '8TH AVE and JUDAH ST' },
      media: [{ url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg', contentType: 'image/jpeg' }],
      assignee: { id: 'Public Works', name: 'Public Works' },
      resolution: 'Duplicate request.',
      reporter: { anonymous: true },
      channel: 'open311',
    });
    expect(g.timeline.map((e) => [e.from, e.to, e.note])).toEqual([
      [null, 'submitted', ''],
      ['submitted', 'closed', 'Duplicate request.'],
    ]);
  });

  it('picks the right request when the endpoint answers with several', async () => {
    neighbour.on('GET /open311/requests/638349.xml', xml(fx.requestsSeveralXml));
    const g = await clientFor({ format: 'xml' }).grievances.track('638349', '638349');
    expect(g).toMatchObject({ id: '638349', status: 'closed', location: { kind: 'address-id', addressId: '545483' } });
  });

  it('reads a minimal JSON request: open reads as accepted, numeric ids become strings, dates get an offset', async () => {
    neighbour.on('GET /open311/requests/638350.json', json(fx.requestMinimalJson));
    const g = await clientFor({ assumedUtcOffset: '+08:00' }).grievances.track('638350', '638350');
    expect(g).toMatchObject({ id: '638350', status: 'accepted', serviceCode: 'u_dmv66', createdAt: '2010-04-20T09:30:00+08:00' });
    expect(g.location).toEqual({ kind: 'address', text: '未知地点 (unknown location)' });
    expect(g.timeline.map((e) => e.to)).toEqual(['submitted', 'accepted']);
  });

  it('refuses a mismatched access code without asking the endpoint, and maps 404', async () => {
    const client = clientFor();
    expect((await failure(client.grievances.track('638350', 'WRONG123'))).code).toBe('not_found');
    expect(neighbour.calls).toHaveLength(0);
    expect((await failure(client.grievances.track('999999', '999999'))).code).toBe('not_found');
  });
});

describe('submitting to a foreign endpoint', () => {
  const input = (overrides: Partial<GrievanceInput> = {}): GrievanceInput => ({
    serviceCode: 'u_dmv66',
    description: 'A car has been parked here for three weeks.',
    location: { kind: 'point', lat: 37.76, long: -122.46 },
    attributes: { WHISHETN: '123' },
    reporter: { anonymous: false, name: 'Jane Q Public', phone: '+1 555 555 5555', email: 'jane@example.com' },
    ...overrides,
  });

  it('posts the spec form (original codes, location, attributes, reporter) and reads a created id', async () => {
    neighbour
      .on('GET /open311/services.json', json(fx.servicesJson))
      .on('GET /open311/services/DMV66.json', json(fx.definitionDmvJson))
      .on('POST /open311/requests.json', json([{ service_request_id: 293944, service_notice: 'ok', account_id: null }]));
    const receipt = await clientFor({ jurisdictionId: 'sfgov.org' }).grievances.submit(input());
    expect(receipt).toMatchObject({ id: '293944', trackingCode: '293944', accessCode: '293944', status: 'submitted' });
    const [call] = neighbour.callsTo('POST /open311/requests.json');
    expect(call!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(call!.headers['idempotency-key']).toBeUndefined();
    const form = new URLSearchParams(call!.body);
    expect(Object.fromEntries(form)).toEqual({
      api_key: 'k-123',
      jurisdiction_id: 'sfgov.org',
      service_code: 'DMV66',
      lat: '37.76',
      long: '-122.46',
      'attribute[WHISHETN]': '123',
      description: 'A car has been parked here for three weeks.',
      first_name: 'Jane Q',
      last_name: 'Public',
      phone: '+1 555 555 5555',
      email: 'jane@example.com',
    });
  });

  it('sends multi-value and boolean attributes, address text, and no contact for anonymous reporters (XML)', async () => {
    neighbour
      .on('GET /open311/services.xml', xml(fx.servicesSingleXml))
      .on('GET /open311/services/001.xml', xml(fx.definitionAllTypesXml))
      .on('POST /open311/requests.xml', xml(fx.createdXml));
    const receipt = await clientFor({ format: 'xml' }).grievances.submit(
      input({
        serviceCode: '001',
        location: { kind: 'address', text: '幸福路12号' },
        attributes: { WHERE: '门口', KIND: '007', COLOURS: ['blue', 'green'], BLOCKING: true, HOW_LONG: 'week', 'owner-known': false, COUNT: 3 },
        reporter: { anonymous: true },
      }),
    );
    expect(receipt.trackingCode).toBe('293944');
    const form = new URLSearchParams(neighbour.callsTo('POST /open311/requests.xml')[0]!.body);
    expect(form.getAll('attribute[COLOURS][]')).toEqual(['blue', 'green']);
    expect(form.get('attribute[KIND]')).toBe('007');
    expect(form.get('attribute[BLOCKING]')).toBe('true');
    expect(form.get('attribute[owner known]')).toBe('false');
    expect(form.get('attribute[COUNT]')).toBe('3');
    expect(form.get('address_string')).toBe('幸福路12号');
    for (const k of ['first_name', 'last_name', 'phone', 'email', 'lat', 'address_id']) expect(form.has(k), k).toBe(false);
  });

  it('checks attributes against the definition before posting', async () => {
    neighbour.on('GET /open311/services.json', json(fx.servicesJson)).on('GET /open311/services/DMV66.json', json(fx.definitionDmvJson));
    const err = await failure(clientFor().grievances.submit(input({ attributes: {} })));
    expect(err.code).toBe('validation');
    expect((err as unknown as { issues: { path: string }[] }).issues[0]!.path).toBe('attributes.WHISHETN');
    expect(neighbour.callsTo('POST /open311/requests.json')).toHaveLength(0);
    expect((await failure(clientFor().grievances.submit(input({ serviceCode: 'hotline-only', attributes: {} })))).code).toBe('validation');
  });

  it('handles a token response: tracking code token~…, resolved through tokens/{token} once the city has an id', async () => {
    neighbour
      .on('GET /open311/services.json', json(fx.servicesJson))
      .on('POST /open311/requests.json', json(fx.tokenResponseJson))
      .on('GET /open311/tokens/12345.json', [json(fx.tokenPendingJson), json(fx.tokenResolvedJson)])
      .on('GET /open311/requests/638351.json', json([{ service_request_id: '638351', status: 'open', service_code: 4, requested_datetime: '2010-04-20T09:30:00Z', address: 'Main St 1' }]));
    const client = clientFor();
    const receipt = await client.grievances.submit(input({ serviceCode: '4', attributes: {} }));
    expect(receipt).toMatchObject({ id: '12345', trackingCode: 'token~12345', accessCode: '12345' });
    const pending = await failure(client.grievances.track(receipt.trackingCode, receipt.accessCode));
    expect(pending.code).toBe('not_found');
    expect(pending.message).toContain('not yet');
    const g = await client.grievances.track(receipt.trackingCode, receipt.accessCode);
    expect(g).toMatchObject({ id: '638351', trackingCode: 'token~12345', serviceCode: '4', status: 'accepted' });
  });

  it('is read-only and says so without an API key', async () => {
    const client = createClient({ adapter: open311Adapter({ endpoint: base }) });
    expect(client.capabilities).toEqual({
      services: true,
      grievanceSubmit: false,
      grievanceTrack: true,
      residentActions: false,
      staff: false,
      media: false,
      evaluations: false,
      summary: false,
      notices: false,
      orgUnits: false,
      residents: false,
    });
    expect((await failure(client.grievances.submit(input()))).code).toBe('unsupported');
    expect((await failure(client.evaluations.list())).code).toBe('unsupported');
    expect((await failure(client.grievances.list())).code).toBe('unsupported');
  });
});

describe('errors from a foreign endpoint', () => {
  it('turns a JSON error list (400) into a ValidationError carrying every description', async () => {
    neighbour
      .on('GET /open311/services.json', json(fx.servicesJson))
      .on('GET /open311/services/DMV66.json', json(fx.definitionDmvJson))
      .on('POST /open311/requests.json', json(fx.errorsJson, 400));
    const err = await failure(
      clientFor().grievances.submit({ serviceCode: 'u_dmv66', description: 'A car has been parked here.', location: { kind: 'address', text: 'Main St' }, attributes: { WHISHETN: '123' } }),
    );
    expect(err.code).toBe('validation');
    expect(err.status).toBe(400);
    expect(err.message).toBe('service_code DMV99 not found; lat is out of range');
    expect((err as unknown as { issues: { message: string }[] }).issues.map((i) => i.message)).toEqual(['service_code DMV99 not found', 'lat is out of range']);
    expect(neighbour.callsTo('POST /open311/requests.json')).toHaveLength(1); // a POST is never retried
  });

  it('turns an XML error list (403) into a forbidden AuthError, and 404 into not_found', async () => {
    neighbour.on('GET /open311/services.xml', { ...xml(fx.errorsXml), status: 403 });
    const err = await failure(clientFor({ format: 'xml' }).services.list());
    expect(err.code).toBe('forbidden');
    expect(err.message).toContain('Invalid api_key');
    neighbour.on('GET /open311/requests/1234.xml', { ...xml('<errors><error><code>404</code><description>not found</description></error></errors>'), status: 404 });
    expect((await failure(clientFor({ format: 'xml' }).grievances.track('1234', '1234'))).code).toBe('not_found');
  });

  it('retries GETs on 5xx and 429 (honouring Retry-After), then succeeds', async () => {
    neighbour.on('GET /open311/services.json', [json('[{"code":503,"description":"CRM is down"}]', 503), { ...json('[]', 429), headers: { 'retry-after': '0' } }, json(fx.servicesJson)]);
    const page = await clientFor({ listDefinitions: false }).services.list();
    expect(page.items).toHaveLength(5);
    expect(neighbour.callsTo('GET /open311/services.json')).toHaveLength(3);
  });

  it('gives up after maxRetries with a ServerError', async () => {
    neighbour.on('GET /open311/services.json', json('[{"code":500,"description":"CRM is down"}]', 500));
    const err = await failure(clientFor({ maxRetries: 1 }).services.list());
    expect(err.code).toBe('server');
    expect(err.message).toBe('CRM is down');
    expect(neighbour.callsTo('GET /open311/services.json')).toHaveLength(2);
  });

  it('reports a 200 that is not Open311 (an HTML page) as a ServerError', async () => {
    neighbour.on('GET /open311/services.json', { body: '<html><body>Maintenance</body></html>', contentType: 'text/html' });
    expect((await failure(clientFor().services.list())).code).toBe('server');
  });

  it('times out, aborts, and reports unreachable endpoints as network errors', async () => {
    neighbour.on('GET /open311/services.json', { ...json('[]'), delayMs: 500 });
    expect((await failure(clientFor({ timeout: 100, maxRetries: 0 }).services.list())).code).toBe('timeout');

    const ac = new AbortController();
    const pending = clientFor().services.list({}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await failure(pending)).code).toBe('aborted');

    neighbour.on('GET /open311/services.json', { destroy: true });
    expect((await failure(clientFor({ maxRetries: 1 }).services.list())).code).toBe('network');
    expect(neighbour.callsTo('GET /open311/services.json').length).toBeGreaterThanOrEqual(4);

    const closed = open311Adapter({ endpoint: 'http://127.0.0.1:9/open311', maxRetries: 0 });
    expect((await failure(createClient({ adapter: closed }).services.list())).code).toBe('network');
  });
});

describe('service discovery', () => {
  it('chooses the production GeoReport v2 endpoint and JSON when offered', async () => {
    neighbour.on('GET /discovery.json', json(fx.discoveryJson));
    const d = await discoverOpen311(`${neighbour.url}/discovery.json`);
    expect(d).toMatchObject({ endpoint: 'http://open311.mycity.gov/v2', format: 'json', type: 'production', changeset: '2011-04-05T17:48:34Z' });
    expect(d.keyService).toContain('api_key/request');
    expect(d.endpoints).toHaveLength(2);
    expect((await discoverOpen311(`${neighbour.url}/discovery.json`, { type: 'test', prefer: 'xml' })).endpoint).toBe('http://open311.mycity.gov/test/v2');
    expect((await discoverOpen311(`${neighbour.url}/discovery.json`, { prefer: 'xml' })).format).toBe('xml');
  });

  it('falls back to XML for an XML-only endpoint, reading a single <endpoint> and <format>', async () => {
    neighbour.on('GET /discovery.xml', xml(fx.discoveryXmlOnly));
    const d = await discoverOpen311(`${neighbour.url}/discovery.xml`);
    expect(d).toMatchObject({ endpoint: 'http://open311.mycity.gov/v2', format: 'xml', contact: 'api@mycity.org' });
  });

  it('says not_found when no endpoint of the wanted type exists', async () => {
    neighbour.on('GET /discovery.xml', xml(fx.discoveryXmlOnly));
    expect((await failure(discoverOpen311(`${neighbour.url}/discovery.xml`, { type: 'test' }))).code).toBe('not_found');
  });
});
