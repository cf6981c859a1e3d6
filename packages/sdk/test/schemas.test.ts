import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  allJsonSchemas,
  checkAgainstService,
  defaultPolicy,
  evaluationInput,
  grievanceInput,
  grievanceLocation,
  isAttributeShown,
  localize,
  maskName,
  maskPhone,
  newGrievance,
  notice,
  parseInput,
  resolveLocale,
  service,
  toJsonSchema,
  validateAttributes,
  wireSchemas,
  type AttributeDefinition,
  type Locale,
  type Service,
  type WireSchemaName,
} from '../src/index.js';
import { loopContext, streetLight, validGrievanceInput } from './fixtures.js';

const HAN = /\p{Script=Han}/u;

/** Parses and returns the ValidationError, failing the test if the input was accepted. */
function rejection(schema: Parameters<typeof parseInput>[0], data: unknown, locale?: Locale): ValidationError {
  try {
    parseInput(schema, data, 'input', locale);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected the input to be rejected');
}
const paths = (err: ValidationError) => err.issues.map((i) => i.path);
const withInput = (patch: Record<string, unknown>) => ({ ...validGrievanceInput, ...patch });

describe('grievance input', () => {
  it('accepts a well-formed submission and fills the defaults', () => {
    const parsed = grievanceInput.parse({ serviceCode: 'x', description: '路灯坏了好几天', location: { kind: 'address-id', addressId: 'addr-9' } });
    expect(parsed).toMatchObject({ channel: 'web', reporter: { anonymous: true }, contactConsent: false, attributes: {}, media: [] });
  });

  describe('location is exactly one kind', () => {
    it.each([
      { kind: 'point', lat: 36.06, long: 103.83 },
      { kind: 'address', text: '幸福路12号' },
      { kind: 'address-id', addressId: 'addr-1' },
      { kind: 'place', gridId: 'grid-3' },
      { kind: 'place', buildingId: 'b-12', unit: '2单元' },
    ])('accepts %o', (location) => {
      expect(grievanceLocation.safeParse(location).success).toBe(true);
    });

    it('rejects a point that also carries address text, instead of silently dropping the text', () => {
      const r = grievanceLocation.safeParse({ kind: 'point', lat: 36.06, long: 103.83, text: '幸福路12号' });
      expect(r.success, `accepted as ${JSON.stringify(r.data)}`).toBe(false);
    });

    it('rejects an address that also carries an address id', () => {
      expect(grievanceLocation.safeParse({ kind: 'address', text: '幸福路12号', addressId: 'addr-1' }).success).toBe(false);
    });

    it('rejects an unknown kind at "location.kind"', () => {
      const err = rejection(grievanceInput, withInput({ location: { kind: 'gps', lat: 1, long: 2 } }));
      expect(paths(err)).toEqual(['location.kind']);
    });

    it('rejects a place with neither grid nor building, saying so', () => {
      const err = rejection(grievanceInput, withInput({ location: { kind: 'place', unit: '2单元' } }));
      expect(paths(err)).toEqual(['location']);
      expect(err.issues[0]!.message).toMatch(/grid|网格/);
    });

    it('rejects coordinates off the globe', () => {
      expect(paths(rejection(grievanceInput, withInput({ location: { kind: 'point', lat: 91, long: 0 } })))).toEqual(['location.lat']);
      expect(paths(rejection(grievanceInput, withInput({ location: { kind: 'point', lat: 0, long: 181 } })))).toEqual(['location.long']);
    });
  });

  it('needs a description of 5 to 4000 characters, after trimming', () => {
    expect(paths(rejection(grievanceInput, withInput({ description: '  灯坏了  ' })))).toEqual(['description']);
    expect(paths(rejection(grievanceInput, withInput({ description: '灯'.repeat(4001) })))).toEqual(['description']);
    expect(grievanceInput.parse(withInput({ description: '灯'.repeat(4000) })).description).toHaveLength(4000);
    expect(grievanceInput.parse(withInput({ description: '  路灯坏了好几天  ' })).description).toBe('路灯坏了好几天');
  });

  it('needs a name when the reporter is not anonymous', () => {
    expect(paths(rejection(grievanceInput, withInput({ reporter: { anonymous: false, phone: '13912345678' } })))).toEqual(['reporter.name']);
    expect(paths(rejection(grievanceInput, withInput({ reporter: { anonymous: false, name: '   ' } })))).toEqual(['reporter.name']);
    expect(grievanceInput.parse(withInput({ reporter: { anonymous: true } })).reporter).toEqual({ anonymous: true });
  });

  it.each(['13912345678', '+86 139 1234 5678', '0931-8123456'])('accepts the phone number %s', (phone) => {
    expect(grievanceInput.safeParse(withInput({ reporter: { anonymous: false, name: '王建国', phone } })).success).toBe(true);
  });

  it.each(['139abc45678', '1234', '1'.repeat(21), '139.1234.5678'])('rejects the phone number %s at "reporter.phone"', (phone) => {
    expect(paths(rejection(grievanceInput, withInput({ reporter: { anonymous: false, name: '王建国', phone } })))).toEqual(['reporter.phone']);
  });

  it('rejects an unknown channel and more than ten media items', () => {
    expect(paths(rejection(grievanceInput, withInput({ channel: 'fax' })))).toEqual(['channel']);
    const media = Array.from({ length: 11 }, (_, i) => ({ url: `https://img.example/${i}.jpg`, contentType: 'image/jpeg' }));
    expect(paths(rejection(grievanceInput, withInput({ media })))).toEqual(['media']);
  });
});

describe('other schemas', () => {
  it.each([0, 6, 3.5, null])('an evaluation level must be 1..5, not %s', (level) => {
    expect(paths(rejection(evaluationInput, { target: { type: 'grievance', id: 'g-1' }, level }))).toEqual(['level']);
  });

  it.each(['Street Light', '-light', 'light/repair', '', 'x'.repeat(65)])('a service code like %j is rejected', (code) => {
    const err = rejection(service, { ...streetLight, code });
    expect(paths(err)).toEqual(['code']);
  });

  it('explains the service code format', () => {
    expect(rejection(service, { ...streetLight, code: 'Street Light' }, 'en').issues[0]!.message).toContain('lowercase');
    expect(service.safeParse({ ...streetLight, code: 'environment.street-light_2' }).success).toBe(true);
  });

  const aNotice = {
    id: 'n-1',
    createdAt: '2026-11-01T01:00:00.000Z',
    updatedAt: '2026-11-01T01:00:00.000Z',
    orgUnitId: 'ou-1',
    category: 'finance',
    title: { 'zh-CN': '财务公开' },
    body: { 'zh-CN': '<p>收入</p>' },
    publishAt: '2026-11-01T01:00:00+08:00',
  };
  it('a notice needs one of the known categories', () => {
    expect(notice.safeParse(aNotice).success).toBe(true);
    expect(paths(rejection(notice, { ...aNotice, category: 'sports' }))).toEqual(['category']);
  });
  it('a notice needs a zh-CN title and an ISO timestamp with an offset', () => {
    expect(paths(rejection(notice, { ...aNotice, title: { en: 'Accounts' } }))).toEqual(['title.zh-CN']);
    expect(paths(rejection(notice, { ...aNotice, publishAt: '2026-11-01 09:00' }))).toEqual(['publishAt']);
  });
});

describe('parseInput', () => {
  const tooShort = withInput({ description: '灯坏' });

  it('answers in zh-CN by default, and in en or zh-TW when asked', () => {
    const zhCN = rejection(grievanceInput, tooShort).issues[0]!.message;
    const en = rejection(grievanceInput, tooShort, 'en').issues[0]!.message;
    const zhTW = rejection(grievanceInput, tooShort, 'zh-TW').issues[0]!.message;
    expect(zhCN).toMatch(HAN);
    expect(zhCN).toContain('过小'); // simplified
    expect(zhTW).toContain('過小'); // traditional
    expect(en).not.toMatch(HAN);
    expect(en).toMatch(/too small/i);
    expect(new Set([zhCN, en, zhTW]).size).toBe(3);
  });

  it('localises the SDK’s own rule messages too (place, phone, level), not only zod’s', () => {
    const grievanceErr = rejection(grievanceInput, withInput({ location: { kind: 'place' }, reporter: { anonymous: false, name: '王', phone: 'abc' } }));
    const levelErr = rejection(evaluationInput, { target: { type: 'grievance', id: 'g-1' } });
    for (const issue of [...grievanceErr.issues, ...levelErr.issues]) expect(issue.message, issue.path).toMatch(HAN);
  });

  it('never lets a ZodError escape, whatever it is given', () => {
    for (const garbage of [null, undefined, 42, 'text', [], { location: 'here' }]) {
      const err = rejection(grievanceInput, garbage);
      expect(err.code).toBe('validation');
      expect(err.name).toBe('ValidationError');
      expect(err.issues.length).toBeGreaterThan(0);
      for (const issue of err.issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String), code: expect.any(String) });
    }
  });

  it('names every bad field by its dotted path, and the first one in the message', () => {
    const err = rejection(grievanceInput, withInput({ description: 'x', location: { kind: 'point', lat: 100, long: 0 } }), 'en');
    expect(paths(err).sort()).toEqual(['description', 'location.lat']);
    expect(err.message).toMatch(/^Invalid input\. (description|location\.lat): /);
    expect(err.toJSON()).toMatchObject({ code: 'validation', issues: err.issues });
  });
});

describe('JSON Schema', () => {
  const names = Object.keys(wireSchemas) as WireSchemaName[];

  it.each(names.flatMap((n) => (['input', 'output'] as const).map((io) => [n, io] as const)))('%s (%s) becomes a JSON Schema', (name, io) => {
    const schema = toJsonSchema(name, io);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const variants = (schema.oneOf ?? schema.anyOf ?? [schema]) as Record<string, unknown>[];
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      expect(v.type).toBe('object');
      expect(Object.keys(v.properties as object).length).toBeGreaterThan(0);
    }
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('carries the constraints a form or an OpenAPI client needs', () => {
    const input = toJsonSchema('GrievanceInput', 'input') as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(input.properties.description).toMatchObject({ type: 'string', minLength: 5, maxLength: 4000 });
    expect(input.required).toEqual(expect.arrayContaining(['serviceCode', 'description', 'location']));
    expect(input.required).not.toContain('channel'); // has a default
    const location = input.properties.location as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((location.oneOf ?? location.anyOf)!).toHaveLength(4);
    const grievance = toJsonSchema('Grievance') as { properties: Record<string, { enum?: string[] }> };
    expect(grievance.properties.status!.enum).toContain('rectifying');
  });

  it('allJsonSchemas has one schema per wire type', () => {
    expect(Object.keys(allJsonSchemas())).toEqual(names);
  });
});

describe('dynamic attributes', () => {
  const values = (v: Record<string, unknown>) => v as Parameters<typeof validateAttributes>[1];
  const check = (v: Record<string, unknown>, locale?: Locale) => validateAttributes(streetLight, values(v), locale);
  const summary = (v: Record<string, unknown>) => check(v).map((i) => `${i.path}:${i.code}`);

  it('accepts a complete form', () => {
    expect(check({ floor: 3 })).toEqual([]);
    expect(check({ floor: '12', urgent: true, urgency_reason: 'elderly' })).toEqual([]);
  });

  it('requires visible required fields only', () => {
    expect(summary({})).toEqual(['attributes.floor:required']);
    expect(summary({ floor: 3, urgent: false })).toEqual([]);
    expect(summary({ floor: 3, urgent: true })).toEqual(['attributes.urgency_reason:required']);
    expect(summary({ floor: 3, urgent: 'true' })).toEqual(['attributes.urgency_reason:required']);
  });

  it('checks datatypes and list values', () => {
    expect(summary({ floor: 'three' })).toEqual(['attributes.floor:type']);
    expect(summary({ floor: 3, urgent: 'yes' })).toEqual(['attributes.urgent:type']);
    expect(summary({ floor: 3, urgent: true, urgency_reason: 'noise' })).toEqual(['attributes.urgency_reason:choice']);
  });

  it('refuses attributes the service does not have', () => {
    expect(summary({ floor: 3, colour: 'red' })).toEqual(['attributes.colour:unknown']);
  });

  it('checks multi-value lists and datetimes', () => {
    const svc: Pick<Service, 'definition'> = {
      definition: [
        {
          code: 'needs',
          datatype: 'multivaluelist',
          required: true,
          order: 1,
          description: { 'zh-CN': '需求' },
          values: [
            { key: 'meal', name: { 'zh-CN': '助餐' } },
            { key: 'bath', name: { 'zh-CN': '助浴' } },
          ],
        },
        { code: 'when', datatype: 'datetime', required: false, order: 2, description: { 'zh-CN': '时间' } },
      ],
    };
    expect(validateAttributes(svc, { needs: ['meal', 'bath'] })).toEqual([]);
    expect(validateAttributes(svc, { needs: 'meal,bath' })).toEqual([]);
    expect(validateAttributes(svc, { needs: [] }).map((i) => i.code)).toEqual(['required']);
    expect(validateAttributes(svc, { needs: ['meal', 'taxi'] }).map((i) => i.code)).toEqual(['choice']);
    expect(validateAttributes(svc, { needs: ['meal'], when: 'next tuesday' }).map((i) => i.code)).toEqual(['type']);
    expect(validateAttributes(svc, { needs: ['meal'], when: '2026-11-24T09:00:00+08:00' })).toEqual([]);
  });

  it('speaks the resident’s language', () => {
    expect(check({}, 'zh-CN')[0]!.message).toBe('此项必填');
    expect(check({}, 'zh-TW')[0]!.message).toBe('此項必填');
    expect(check({}, 'en')[0]!.message).toBe('This field is required');
    expect(check({ floor: 3, oops: 1 }, 'en')[0]!.message).toBe('This service has no such field');
  });

  it('isAttributeShown follows showIf with strings, booleans and lists', () => {
    const def = (equals: string | boolean | string[]): AttributeDefinition => ({
      code: 'detail',
      datatype: 'string',
      required: true,
      order: 1,
      description: { 'zh-CN': '详情' },
      showIf: { attribute: 'kind', equals },
    });
    expect(isAttributeShown({ ...def('x'), showIf: undefined }, {})).toBe(true);
    expect(isAttributeShown(def('leak'), { kind: 'leak' })).toBe(true);
    expect(isAttributeShown(def('leak'), { kind: 'noise' })).toBe(false);
    expect(isAttributeShown(def('leak'), {})).toBe(false);
    expect(isAttributeShown(def('leak'), { kind: ['noise', 'leak'] })).toBe(true);
    expect(isAttributeShown(def(['leak', 'fire']), { kind: 'fire' })).toBe(true);
    expect(isAttributeShown(def(['leak', 'fire']), { kind: ['noise'] })).toBe(false);
    expect(isAttributeShown(def(true), { kind: 'true' })).toBe(true);
    expect(isAttributeShown(def(true), { kind: false })).toBe(false);
  });
});

describe('intake against the service', () => {
  const ctx = { ...loopContext('2026-11-20T02:00:00.000Z'), id: 'g-9', trackingCode: 'MQ-261120-ABCD' };

  it('refuses a service that takes no online requests, in the resident’s language', () => {
    const certificate = { ...streetLight, requestable: false };
    const input = grievanceInput.parse(validGrievanceInput);
    let err: unknown;
    try {
      checkAgainstService(input, certificate, 'en');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([{ path: 'serviceCode', message: expect.stringContaining('phone'), code: 'not_requestable' }]);
  });

  it('refuses a submission whose attributes do not fit the service', () => {
    expect(() => checkAgainstService(grievanceInput.parse(withInput({ attributes: {} })), streetLight)).toThrow(/attributes\.floor/);
    expect(() => checkAgainstService(grievanceInput.parse(validGrievanceInput), streetLight)).not.toThrow();
  });

  it('dates the expected answer by the policy, or by the service’s own SLA', () => {
    const input = grievanceInput.parse(validGrievanceInput);
    // Friday 11-20 + 5 working days (policy) → Friday 11-27; + 2 (SLA) → Tuesday 11-24.
    expect(newGrievance(input, streetLight, ctx).expectedAt).toBe('2026-11-27T15:59:59.999Z');
    expect(newGrievance(input, { ...streetLight, sla: { resolveWorkingDays: 2 } }, ctx).expectedAt).toBe('2026-11-24T15:59:59.999Z');
    const g = newGrievance(input, streetLight, { ...ctx, policy: defaultPolicy });
    expect(g).toMatchObject({ status: 'submitted', orgUnitId: 'ou-xingfu', trackingCode: 'MQ-261120-ABCD' });
    expect(g.timeline).toEqual([expect.objectContaining({ action: 'submit', from: null, to: 'submitted', actor: { role: 'resident' }, visibility: 'public' })]);
  });
});

describe('masking personal data', () => {
  it('masks a mobile number as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138-1234-1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBeUndefined();
    expect(maskPhone(undefined)).toBeUndefined();
    expect(maskPhone(null)).toBeUndefined();
  });

  it('masks a name after its first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('张*');
    expect(maskName('Alice')).toBe('A****');
    expect(maskName('𠮷田')).toBe('𠮷*'); // a character outside the BMP stays whole
    expect(maskName('')).toBeUndefined();
  });
});

describe('localize and resolveLocale', () => {
  const text = { 'zh-CN': '路灯报修', 'zh-TW': '路燈報修', en: 'Street light repair' };

  it('picks the locale, then falls back to zh-CN', () => {
    expect(localize(text, 'en')).toBe('Street light repair');
    expect(localize(text, 'zh-TW')).toBe('路燈報修');
    expect(localize(text)).toBe('路灯报修');
    expect(localize({ 'zh-CN': '路灯报修' }, 'en')).toBe('路灯报修');
    expect(localize('已经是文字', 'en')).toBe('已经是文字');
  });

  it('never throws on malformed values', () => {
    const malformed: unknown[] = [null, undefined, {}, [], 42, true, { en: 'only english' }, { 'zh-CN': undefined }];
    for (const value of malformed) {
      expect(() => localize(value as never, 'zh-TW')).not.toThrow();
      expect(typeof localize(value as never, 'zh-TW')).toBe('string');
    }
    expect(localize({ en: 'only english' } as never, 'zh-TW')).toBe('only english');
    expect(localize(text, 'fr' as never)).toBe('路灯报修');
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-Hans-HK', 'zh-CN'], // the script decides: simplified Chinese as used in Hong Kong
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['fr-FR', 'zh-CN'],
    ['', 'zh-CN'],
    ['   ', 'zh-CN'],
    ['*', 'zh-CN'],
    [null, 'zh-CN'],
    [undefined, 'zh-CN'],
  ] as const)('resolveLocale(%j) → %s', (tag, want) => {
    expect(resolveLocale(tag)).toBe(want);
  });
});
