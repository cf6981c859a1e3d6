import { createMemoryStore, memoryAdapter, type MemoryStore } from '@linli/adapter-memory';
import type { Actor, OrgUnit, Service } from '@linli/sdk';
import { XMLParser } from 'fast-xml-parser';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { open311Routes, type Open311RoutesOptions } from '../src/open311/index.js';

// ── fixture: the memory contract's small catalogue, plus one service with every datatype ──────────

const at = '2026-11-01T01:00:00.000Z';
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const guide = (phone: string): Service['guide'] => ({
  legalBasis: [],
  conditions: [],
  materials: [],
  steps: [],
  timeLimit: { workingDays: 3 },
  fees: t('免费', 'Free'),
  where: t('社区服务站', 'Community service station'),
  hours: t('工作日', 'Working days'),
  phone,
  complaintRoute: t('12345 热线', '12345 hotline'),
});
const base = (code: string, name: [string, string], extra: Partial<Service>): Service => ({
  id: `s-${code}`,
  createdAt: at,
  updatedAt: at,
  code,
  name: t(...name),
  group: 'environment',
  keywords: [],
  searchTerms: [],
  audience: 'resident',
  targetGroups: [],
  pricing: 'free',
  delivery: ['online'],
  provider: { kind: 'community', name: t('幸福社区居委会', 'Xingfu Community Committee') },
  guide: guide('0931-1234567'),
  requestable: true,
  definition: [],
  ...extra,
});

const services: Service[] = [
  base('environment.street-light', ['路灯报修', 'Street light repair'], {
    keywords: ['路灯', '照明'],
    description: t('小区和道路照明故障', 'Broken street or estate lights'),
    sla: { resolveWorkingDays: 3 },
    definition: [
      { code: 'floor', datatype: 'number', required: true, order: 1, description: t('楼层', 'Floor') },
      { code: 'urgent', datatype: 'boolean', required: false, order: 2, description: t('是否紧急', 'Urgent?') },
      {
        code: 'urgency_reason',
        datatype: 'singlevaluelist',
        required: true,
        order: 3,
        description: t('紧急原因', 'Why urgent'),
        values: [{ key: 'elderly', name: t('有老人', 'Elderly residents') }],
        showIf: { attribute: 'urgent', equals: true },
      },
    ],
  }),
  base('001', ['噪音扰民', 'Noise'], {
    group: 'community-affairs',
    provider: { kind: 'street', name: t('西湖街道办事处', 'Xihu Subdistrict Office') },
    orgUnitId: 'ou-street',
    definition: [
      { code: 'notice', datatype: 'note', required: false, order: 0, description: t('夜间噪音请同时拨打110', 'At night, also call 110') },
      { code: 'source', datatype: 'string', required: false, order: 1, description: t('噪音来源', 'Source') },
      { code: 'started', datatype: 'datetime', required: false, order: 2, description: t('开始时间', 'Started at') },
      { code: 'details', datatype: 'text', required: false, order: 3, description: t('详细情况', 'Details') },
      { code: 'times', datatype: 'number', required: false, order: 4, description: t('次数', 'Times') },
      {
        code: 'kinds',
        datatype: 'multivaluelist',
        required: true,
        order: 5,
        description: t('噪音类型', 'Kinds'),
        values: [
          { key: 'music', name: t('音乐', 'Music') },
          { key: 'building', name: t('装修', 'Renovation') },
          { key: 'dogs', name: t('犬吠', 'Dogs') },
        ],
      },
      { code: 'night', datatype: 'boolean', required: false, order: 6, description: t('夜间', 'At night') },
      {
        code: 'night_hours',
        datatype: 'singlevaluelist',
        required: false,
        order: 7,
        description: t('时段', 'Hours'),
        values: [
          { key: 'late', name: t('22点后', 'After 22:00') },
          { key: 'early', name: t('6点前', 'Before 6:00') },
        ],
        showIf: { attribute: 'night', equals: true },
      },
    ],
  }),
  base('certificates.c0', ['户籍证明', 'Residence certificate'], { group: 'certificates', requestable: false, delivery: ['window'] }),
];

const orgUnits: OrgUnit[] = [
  { id: 'ou-district', createdAt: at, updatedAt: at, level: 'district', levelName: t('区', 'District'), name: t('七里河区', 'Qilihe District'), parentId: null, stats: {} },
  { id: 'ou-street', createdAt: at, updatedAt: at, level: 'street', levelName: t('街道', 'Subdistrict'), name: t('西湖街道', 'Xihu Subdistrict'), parentId: 'ou-district', stats: {} },
];

// Field sets of the spec's own examples (anchors-civic.md §1.1, GeoReport v2 examples).
const SPEC_SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const SPEC_ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const SPEC_REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const SPEC_DISCOVERY_ENDPOINT_FIELDS = ['specification', 'url', 'changeset', 'type', 'formats'];

const LIST_ELEMENTS = new Set(['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format', 'note', 'equals']);
const xml = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (name) => LIST_ELEMENTS.has(name) });

const API_KEY = 'test-key-1';
const STAFF: Actor = { role: 'staff', id: 'staff-1', name: '李网格' };

let store: MemoryStore;
let app: Hono;
let staff: ReturnType<typeof memoryAdapter>;

function mount(overrides: Partial<Open311RoutesOptions> = {}) {
  const anonymous = memoryAdapter({ store });
  const reader = memoryAdapter({ store, actor: { role: 'staff', id: 'open311', name: 'Open311' } });
  const root = new Hono();
  root.route(
    '/open311/v2',
    open311Routes({ backendFor: (actor) => (actor ? reader : anonymous), apiKeys: [API_KEY], jurisdictionId: 'xihu.example.cn', ...overrides }),
  );
  return root;
}

beforeEach(() => {
  store = createMemoryStore({ seed: { services, orgUnits } });
  staff = memoryAdapter({ store, actor: STAFF });
  app = mount();
});

const get = (path: string) => app.request(`/open311/v2/${path}`);
const getJson = async (path: string) => {
  const res = await get(path);
  return { res, body: (await res.json()) as any };
};
const getXml = async (path: string) => {
  const res = await get(path);
  const text = await res.text();
  return { res, text, doc: xml.parse(text) as any };
};

type Form = Record<string, string | string[]>;
const formBody = (form: Form) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};
const post = (form: Form, format: 'json' | 'xml' = 'json', headers: Record<string, string> = {}) =>
  app.request(`/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: formBody(form),
  });

const lightRequest: Form = {
  api_key: API_KEY,
  service_code: 'environment.street-light',
  address_string: '幸福路12号3号楼2单元',
  'attribute[floor]': '3',
  description: '楼道灯坏了一个星期，晚上老人上下楼很危险。',
};
const create = async (form: Form = lightRequest): Promise<string> => {
  const res = await post(form);
  expect(res.status).toBe(200);
  const [created] = (await res.json()) as { service_request_id: string }[];
  return created!.service_request_id;
};

describe('open311 discovery', () => {
  it('describes the endpoint in JSON with the spec fields', async () => {
    const { res, body } = await getJson('discovery.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(body).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
    expect(body.changeset).toBe(at);
    expect(Object.keys(body.endpoints[0]).sort()).toEqual([...SPEC_DISCOVERY_ENDPOINT_FIELDS].sort());
    expect(body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost/open311/v2', type: 'production' });
    expect(body.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
  });

  it('describes the endpoint in XML, honouring configured contact and base URL', async () => {
    app = mount({ discovery: { contact: '西湖街道 0931-1234567', keyService: '向街道信息中心申请', baseUrl: 'https://city.example/open311/v2' } });
    const { res, text, doc } = await getXml('discovery.xml');
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(doc.discovery.contact).toBe('西湖街道 0931-1234567');
    expect(doc.discovery.key_service).toBe('向街道信息中心申请');
    const [endpoint] = doc.discovery.endpoints.endpoint;
    expect(endpoint.url).toBe('https://city.example/open311/v2');
    expect(endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });
});

describe('open311 services', () => {
  it('lists requestable services with exactly the spec fields (JSON)', async () => {
    const { res, body } = await getJson('services.json');
    expect(res.status).toBe(200);
    expect(body.map((s: any) => s.service_code)).toEqual(['environment.street-light', '001']);
    for (const s of body) expect(Object.keys(s)).toEqual(SPEC_SERVICE_FIELDS);
    expect(body[0]).toEqual({
      service_code: 'environment.street-light',
      service_name: '路灯报修',
      description: '小区和道路照明故障',
      metadata: true,
      type: 'realtime',
      keywords: '路灯,照明',
      group: 'environment',
    });
    expect(body[1].description).toBeNull();
  });

  it('lists services in XML with Chinese text intact and codes as written', async () => {
    const { text, doc } = await getXml('services.xml');
    expect(text).toContain('<service_name>路灯报修</service_name>');
    expect(text).toContain('<service_code>001</service_code>');
    const list = doc.services.service;
    expect(list).toHaveLength(2);
    expect(Object.keys(list[0])).toEqual(SPEC_SERVICE_FIELDS);
    expect(list[1]).toMatchObject({ service_code: '001', metadata: 'true', type: 'realtime', description: '' });
  });

  it('serves names in another locale with the locale extension', async () => {
    const { body } = await getJson('services.json?locale=en');
    expect(body[0].service_name).toBe('Street light repair');
  });

  it('answers an unknown jurisdiction with a 404 error list, and accepts the configured one', async () => {
    const bad = await getJson('services.json?jurisdiction_id=elsewhere.example');
    expect(bad.res.status).toBe(404);
    expect(bad.body).toEqual([{ code: 404, description: expect.stringContaining('jurisdiction_id') }]);
    const badXml = await getXml('services.xml?jurisdiction_id=elsewhere.example');
    expect(badXml.res.status).toBe(404);
    expect(badXml.doc.errors.error[0].code).toBe('404');
    expect((await get('services.json?jurisdiction_id=xihu.example.cn')).status).toBe(200);
  });
});

describe('open311 service definitions', () => {
  it('maps every Linli datatype (JSON)', async () => {
    const { res, body } = await getJson('services/001.json');
    expect(res.status).toBe(200);
    expect(body.service_code).toBe('001');
    const byCode = Object.fromEntries(body.attributes.map((a: any) => [a.code, a]));
    for (const a of body.attributes) for (const f of SPEC_ATTRIBUTE_FIELDS) expect(a).toHaveProperty(f);
    expect(body.attributes.map((a: any) => a.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(byCode.notice).toMatchObject({ variable: false, datatype: 'string', required: false, description: '夜间噪音请同时拨打110' });
    expect(byCode.source).toMatchObject({ variable: true, datatype: 'string' });
    expect(byCode.started).toMatchObject({ datatype: 'datetime', datatype_description: expect.stringContaining('ISO 8601') });
    expect(byCode.details).toMatchObject({ datatype: 'text' });
    expect(byCode.times).toMatchObject({ datatype: 'number' });
    expect(byCode.kinds).toMatchObject({ datatype: 'multivaluelist', required: true });
    expect(byCode.kinds.values).toEqual([
      { key: 'music', name: '音乐' },
      { key: 'building', name: '装修' },
      { key: 'dogs', name: '犬吠' },
    ]);
    expect(byCode.night).toMatchObject({ datatype: 'singlevaluelist', values: [{ key: 'true', name: '是' }, { key: 'false', name: '否' }] });
    expect(byCode.night_hours.show_if).toEqual({ attribute_code: 'night', equals: ['true'] });
    expect(byCode.source.values).toBeUndefined();
  });

  it('maps definitions in XML as <service_definition><attributes><attribute>…', async () => {
    const { text, doc } = await getXml('services/environment.street-light.xml');
    expect(text).toContain('<service_definition>');
    const attrs = doc.service_definition.attributes.attribute;
    expect(attrs.map((a: any) => a.code)).toEqual(['floor', 'urgent', 'urgency_reason']);
    expect(attrs[2]).toMatchObject({ variable: 'true', datatype: 'singlevaluelist', required: 'true', order: '3' });
    expect(attrs[2].values.value).toEqual([{ key: 'elderly', name: '有老人' }]);
    expect(attrs[2].show_if).toEqual({ attribute_code: 'urgent', equals: ['true'] });
    expect(attrs[0].datatype_description).toBe('数字');
  });

  it('404s for unknown and for non-requestable services', async () => {
    const unknown = await getJson('services/nope.json');
    expect(unknown.res.status).toBe(404);
    expect(unknown.body[0].code).toBe(404);
    expect((await get('services/certificates.c0.json')).status).toBe(404);
    const x = await getXml('services/nope.xml');
    expect(x.res.status).toBe(404);
    expect(x.doc.errors.error).toHaveLength(1);
  });
});

describe('open311 POST requests', () => {
  it('refuses a missing or wrong api_key with 403', async () => {
    const { api_key: _omit, ...noKey } = lightRequest;
    const missing = await post(noKey);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await post({ ...lightRequest, api_key: 'guess' }, 'xml');
    expect(wrong.status).toBe(403);
    const doc = xml.parse(await wrong.text());
    expect(doc.errors.error[0].code).toBe('403');
  });

  it('creates a request and answers with the spec fields (JSON)', async () => {
    const res = await post({ ...lightRequest, first_name: '建国', last_name: '王', phone: '139 1234 5678', email: 'wang@example.cn', media_url: 'https://img.example.cn/a.jpg' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.json();
    expect(body).toHaveLength(1);
    const [created] = body;
    expect(created).toMatchObject({ service_request_id: expect.any(String), account_id: null });
    expect(created.service_notice).toContain(created.tracking_code);
    expect(created.service_notice).toContain(created.access_code);
    const g = await staff.getGrievance!(created.service_request_id, {});
    expect(g.channel).toBe('open311');
    expect(g.reporter).toEqual({ anonymous: false, name: '王建国', phone: '139 1234 5678', email: 'wang@example.cn' });
    expect(g.contactConsent).toBe(true);
    expect(g.attributes).toEqual({ floor: 3 });
    expect(g.location).toEqual({ kind: 'address', text: '幸福路12号3号楼2单元' });
    expect(g.media).toEqual([{ url: 'https://img.example.cn/a.jpg', contentType: 'image/jpeg' }]);
    expect(g.trackingCode).toBe(created.tracking_code);
  });

  it('creates a request and answers as <service_requests><request> (XML)', async () => {
    const res = await post({ ...lightRequest, lat: '36.06', long: '103.83', address_string: '' }, 'xml');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('<account_id></account_id>');
    const [request] = xml.parse(text).service_requests.request;
    const g = await staff.getGrievance!(request.service_request_id, {});
    expect(g.location).toEqual({ kind: 'point', lat: 36.06, long: 103.83 });
    expect(g.reporter).toEqual({ anonymous: true });
    expect(g.contactConsent).toBe(false);
  });

  it('accepts single and multi-value attributes, booleans and the conditional attribute', async () => {
    const id = await create({
      api_key: API_KEY,
      service_code: '001',
      address_id: 'bldg-3',
      'attribute[kinds][]': ['music', 'dogs'],
      'attribute[times]': '4',
      'attribute[night]': 'true',
      'attribute[night_hours]': 'late',
      'attribute[source]': '',
      description: '楼上每天深夜放音乐，狗也一直叫。',
    });
    const g = await staff.getGrievance!(id, {});
    expect(g.attributes).toEqual({ kinds: ['music', 'dogs'], times: 4, night: true, night_hours: 'late' });
    expect(g.location).toEqual({ kind: 'address-id', addressId: 'bldg-3' });
  });

  it('refuses a bad location with 400: none, two kinds, half a point, out of range', async () => {
    const { address_string: _a, ...noLocation } = lightRequest;
    for (const form of [
      noLocation,
      { ...lightRequest, address_id: 'bldg-3' },
      { ...noLocation, lat: '36.06' },
      { ...noLocation, lat: '136.06', long: '103.83' },
      { ...noLocation, lat: 'north', long: '103.83' },
    ]) {
      const res = await post(form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const [error] = await res.json();
      expect(error.code).toBe(400);
      expect(error.description).toMatch(/lat|address/);
    }
  });

  it('refuses invalid attributes with one error per field, naming the attribute', async () => {
    const res = await post({ api_key: API_KEY, service_code: '001', address_string: '幸福路12号', 'attribute[kinds][]': ['music', 'jazz'], 'attribute[times]': 'many', 'attribute[colour]': 'red' });
    expect(res.status).toBe(400);
    const errors = (await res.json()) as { code: number; description: string }[];
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.every((e) => e.code === 400)).toBe(true);
    const text = errors.map((e) => e.description).join('\n');
    expect(text).toContain('attribute[kinds]');
    expect(text).toContain('attribute[times]');
    expect(text).toContain('attribute[colour]');
    const missing = await post({ api_key: API_KEY, service_code: '001', address_string: '幸福路12号' }, 'xml');
    expect(missing.status).toBe(400);
    expect(xml.parse(await missing.text()).errors.error[0].description).toContain('噪音类型');
  });

  it('refuses an unknown or non-requestable service and a missing service_code with 400', async () => {
    const unknown = await post({ ...lightRequest, service_code: 'no-such-service' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json())[0].description).toContain('no-such-service');
    expect((await post({ ...lightRequest, service_code: 'certificates.c0' })).status).toBe(400);
    const { service_code: _s, ...noCode } = lightRequest;
    expect((await post(noCode)).status).toBe(400);
  });

  it('refuses a different jurisdiction with 404', async () => {
    expect((await post({ ...lightRequest, jurisdiction_id: 'elsewhere.example' })).status).toBe(404);
  });

  it('fills a missing description from the service name instead of refusing the report', async () => {
    const { description: _d, ...noDescription } = lightRequest;
    const g = await staff.getGrievance!(await create(noDescription), {});
    expect(g.description).toBe('路灯报修：（未填写描述）');
  });

  it('stores once per Idempotency-Key, even for concurrent retries', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const [a, b] = await Promise.all([post(lightRequest, 'json', headers), post(lightRequest, 'json', headers)]);
    const c = await post(lightRequest, 'json', headers);
    const ids = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as any)[0].service_request_id));
    expect(new Set(ids).size).toBe(1);
    const all = await staff.listGrievances!({ limit: 100 }, {});
    expect(all.items).toHaveLength(1);
  });

  it('scopes Idempotency-Key to the API key, so two clients never replay each other', async () => {
    app = mount({ apiKeys: [API_KEY, 'test-key-2'] });
    const headers = { 'idempotency-key': 'same-key' };
    const a = ((await (await post(lightRequest, 'json', headers)).json()) as any)[0].service_request_id;
    const b = ((await (await post({ ...lightRequest, api_key: 'test-key-2' }, 'json', headers)).json()) as any)[0].service_request_id;
    expect(a).not.toBe(b);
  });

  it('refuses malformed contact details, naming the Open311 field', async () => {
    const res = await post({ ...lightRequest, first_name: '建国', email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect((await res.json())[0].description).toMatch(/^email: /);
  });

  it('accepts multipart/form-data bodies too', async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(lightRequest)) fd.append(k, v as string);
    const res = await app.request('/open311/v2/requests.json', { method: 'POST', body: fd });
    expect(res.status).toBe(200);
  });

  it('accepts a checker function for API keys', async () => {
    app = mount({ apiKeys: (key) => key.startsWith('city-') });
    expect((await post({ ...lightRequest, api_key: 'city-42' })).status).toBe(200);
    expect((await post({ ...lightRequest, api_key: 'other' })).status).toBe(403);
  });
});

describe('open311 GET requests', () => {
  const walkToResolved = async (id: string) => {
    for (const cmd of [
      { action: 'accept', note: '已受理' },
      { action: 'assign', note: '已派单', assignee: { id: 'staff-1', name: '李网格' } },
      { action: 'start', note: '上门查看' },
      { action: 'resolve', note: '已更换灯泡，恢复照明' },
    ] as const) {
      await staff.transitionGrievance!(id, cmd, {});
    }
  };

  it('returns one request with exactly the spec fields, JSON and XML', async () => {
    const id = await create();
    const { res, body } = await getJson(`requests/${id}.json`);
    expect(res.status).toBe(200);
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0])).toEqual(SPEC_REQUEST_FIELDS);
    expect(body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '已提交',
      service_name: '路灯报修',
      service_code: 'environment.street-light',
      description: '楼道灯坏了一个星期，晚上老人上下楼很危险。',
      agency_responsible: '幸福社区居委会',
      service_notice: '一般在 3 个工作日内办结',
      address: '幸福路12号3号楼2单元',
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(Date.parse(body[0].expected_datetime)).toBeGreaterThan(Date.parse(body[0].requested_datetime));

    const x = await getXml(`requests/${id}.xml`);
    const [request] = x.doc.service_requests.request;
    expect(Object.keys(request)).toEqual(SPEC_REQUEST_FIELDS);
    expect(request).toMatchObject({ service_request_id: id, status: 'open', address: '幸福路12号3号楼2单元', lat: '' });
  });

  it('names the org unit as agency_responsible when the grievance has one', async () => {
    const id = await create({ api_key: API_KEY, service_code: '001', lat: '36.06', long: '103.83', 'attribute[kinds]': 'music', description: '楼上每天深夜放音乐。' });
    const { body } = await getJson(`requests/${id}.json`);
    expect(body[0]).toMatchObject({ agency_responsible: '西湖街道', lat: 36.06, long: 103.83, address: null });
  });

  it('projects the rich status to open/closed with the latest public note as status_notes', async () => {
    const id = await create();
    await staff.transitionGrievance!(id, { action: 'accept', note: '已受理，将派网格员' }, {});
    await staff.transitionGrievance!(id, { action: 'assign', note: '内部：李网格负责', assignee: { id: 'staff-1', name: '李网格' }, internal: true }, {});
    let { body } = await getJson(`requests/${id}.json`);
    expect(body[0]).toMatchObject({ status: 'open', status_notes: '已受理，将派网格员' });
    await staff.transitionGrievance!(id, { action: 'start', note: '上门查看' }, {});
    await staff.transitionGrievance!(id, { action: 'resolve', note: '已更换灯泡，恢复照明' }, {});
    ({ body } = await getJson(`requests/${id}.json`));
    const resolved = await staff.getGrievance!(id, {});
    expect(body[0]).toMatchObject({ status: 'closed', status_notes: '已更换灯泡，恢复照明', updated_datetime: resolved.resolvedAt });
  });

  it('adds the rich status and public notes with extensions=true', async () => {
    const id = await create();
    await staff.transitionGrievance!(id, { action: 'accept', note: '已受理' }, {});
    await staff.transitionGrievance!(id, { action: 'assign', note: '内部派单', assignee: { id: 'staff-1', name: '李网格' }, internal: true }, {});
    const { body } = await getJson(`requests/${id}.json?extensions=true`);
    expect(body[0].extended_attributes).toEqual({ linli_status: 'assigned', channel: 'open311', anonymous: true });
    expect(body[0].notes.map((n: any) => [n.type, n.status, n.description])).toEqual([
      ['submit', 'submitted', '已提交'],
      ['accept', 'accepted', '已受理'],
    ]);
    const x = await getXml(`requests/${id}.xml?extensions=true`);
    const [request] = x.doc.service_requests.request;
    expect(request.extended_attributes.linli_status).toBe('assigned');
    expect(request.notes.note).toHaveLength(2);
    expect((await getJson(`requests/${id}.json`)).body[0].extended_attributes).toBeUndefined();
  });

  it('404s for an unknown request, JSON and XML', async () => {
    const j = await getJson('requests/g-nope.json');
    expect(j.res.status).toBe(404);
    expect(j.body[0].code).toBe(404);
    const x = await getXml('requests/g-nope.xml');
    expect(x.res.status).toBe(404);
    expect(x.doc.errors.error[0].code).toBe('404');
  });

  it('lists requests newest first, filtered by service_request_id, service_code and status', async () => {
    const a = await create();
    const b = await create({ api_key: API_KEY, service_code: '001', address_string: '幸福路1号', 'attribute[kinds]': 'dogs', description: '小区里的狗一直叫，影响休息。' });
    const c = await create();
    await walkToResolved(c);

    const all = (await getJson('requests.json')).body;
    expect(all.map((r: any) => r.service_request_id)).toEqual([c, b, a]);
    for (const r of all) expect(Object.keys(r)).toEqual(SPEC_REQUEST_FIELDS);

    const byIds = (await getJson(`requests.json?service_request_id=${a},g-nope,${c}&status=open`)).body;
    expect(byIds.map((r: any) => r.service_request_id)).toEqual([a, c]); // the id filter overrides status

    expect((await getJson('requests.json?service_code=001')).body.map((r: any) => r.service_request_id)).toEqual([b]);
    expect((await getJson('requests.json?service_code=001,environment.street-light')).body).toHaveLength(3);
    expect((await getJson('requests.json?status=closed')).body.map((r: any) => r.service_request_id)).toEqual([c]);
    expect((await getJson('requests.json?status=open')).body.map((r: any) => r.service_request_id)).toEqual([b, a]);
    expect((await getJson('requests.json?status=open,closed')).body).toHaveLength(3);

    const x = await getXml('requests.xml?status=closed');
    expect(x.doc.service_requests.request).toHaveLength(1);
    expect(x.doc.service_requests.request[0].status).toBe('closed');
    const none = await getXml('requests.xml?service_code=nothing');
    expect(none.text).toContain('<service_requests></service_requests>');
  });

  it('filters by start_date / end_date and refuses bad dates, windows over 90 days and bad statuses', async () => {
    await create();
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 30 * 86_400_000).toISOString();
    expect((await getJson(`requests.json?start_date=${encodeURIComponent(past)}&end_date=${encodeURIComponent(soon)}`)).body).toHaveLength(1);
    expect((await getJson(`requests.json?end_date=${encodeURIComponent(past)}`)).body).toHaveLength(0);
    expect((await getJson(`requests.json?start_date=${encodeURIComponent(soon)}`)).body).toHaveLength(0);
    const long = await getJson('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(long.res.status).toBe(400);
    expect(long.body[0].description).toContain('90');
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400);
    expect((await get('requests.json?status=pending')).status).toBe(400);
  });

  it('pages with the page / page_size extension', async () => {
    const ids = [await create(), await create(), await create()].reverse();
    const p1 = (await getJson('requests.json?page_size=2')).body.map((r: any) => r.service_request_id);
    const p2 = (await getJson('requests.json?page_size=2&page=2')).body.map((r: any) => r.service_request_id);
    expect([...p1, ...p2]).toEqual(ids);
    expect((await get('requests.json?page_size=5000')).status).toBe(400);
  });

  it('says the endpoint issues no tokens', async () => {
    const { res, body } = await getJson('tokens/abc.json');
    expect(res.status).toBe(404);
    expect(body[0].description).toContain('token');
  });
});

describe('open311 privacy: anyone may GET, so no PII leaves', () => {
  it('never shows the reporter, their contact details or internal notes, in any format', async () => {
    const id = await create({
      ...lightRequest,
      first_name: '建国',
      last_name: '王',
      phone: '13912345678',
      email: 'wang.jianguo@example.cn',
      description: '我是王建国，电话13912345678，邮箱 wang.jianguo@example.cn，身份证 620102198001011234。楼道灯坏了。',
    });
    await staff.transitionGrievance!(id, { action: 'accept', note: '已电话联系王建国（139 1234 5678），明天上门' }, {});
    await staff.transitionGrievance!(id, { action: 'assign', note: '内部：居民住3单元502，脾气急', assignee: { id: 'staff-1', name: '李网格' }, internal: true }, {});
    const pages = await Promise.all(
      [`requests/${id}.json`, `requests/${id}.xml`, `requests/${id}.json?extensions=true`, `requests/${id}.xml?extensions=true`, 'requests.json?extensions=true', 'requests.xml?extensions=true'].map(
        async (p) => (await get(p)).text(),
      ),
    );
    for (const page of pages) {
      expect(page).toContain(id);
      for (const secret of ['王建国', '13912345678', '139 1234 5678', 'wang.jianguo', '620102198001011234', '脾气急', '3单元502', '李网格', 'staff-1']) {
        expect(page, secret).not.toContain(secret);
      }
    }
    const [request] = JSON.parse(pages[2]!);
    expect(request.description).toContain('***');
    expect(request.description).toContain('楼道灯坏了');
    expect(request.status_notes).toBe('已电话联系***（***），明天上门');
    expect(request.extended_attributes.anonymous).toBe(false);
  });

  it('masks phone numbers residents typed even when they did not give them as contact details', async () => {
    const id = await create({ ...lightRequest, description: '有事请打18688889999找物业，灯坏了。' });
    const { body } = await getJson(`requests/${id}.json`);
    expect(body[0].description).toBe('有事请打186****9999找物业，灯坏了。');
  });
});

describe('open311 wire quirks', () => {
  it('drops characters XML 1.0 cannot carry instead of breaking the document', async () => {
    const id = await create({ ...lightRequest, description: '灯坏了\u0007\u0000，请尽快处理。' });
    const { res, doc } = await getXml(`requests/${id}.xml`);
    expect(res.status).toBe(200);
    expect(doc.service_requests.request[0].description).toBe('灯坏了，请尽快处理。');
  });

  it('escapes markup in text', async () => {
    const id = await create({ ...lightRequest, description: '<b>灯</b> & "开关" 坏了' });
    const { text, doc } = await getXml(`requests/${id}.xml`);
    expect(text).toContain('&lt;b&gt;');
    expect(doc.service_requests.request[0].description).toBe('<b>灯</b> & "开关" 坏了');
  });

  it('answers unknown resources and formats with a 404 error list', async () => {
    expect((await get('services.html')).status).toBe(404);
    const res = await get('nothing/here.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('refuses oversized bodies with an error list', async () => {
    const res = await post({ ...lightRequest, description: 'x'.repeat(70_000) });
    expect(res.status).toBe(400);
    expect((await res.json())[0].code).toBe(400);
  });
});
