import { localize, type AttributeValue, type FieldIssue, type GrievanceInput, type Locale, type Service } from '@linli/sdk';
import { Open311Failure, type Open311Error } from './wire.js';

/**
 * A POST body as name → values. `application/x-www-form-urlencoded` is what the spec prescribes;
 * `multipart/form-data` is accepted too because some clients send it (files are ignored).
 */
export type FormFields = Map<string, string[]>;

export function formFields(entries: Iterable<[string, unknown]>): FormFields {
  const out: FormFields = new Map();
  for (const [k, v] of entries) {
    if (typeof v !== 'string') continue;
    const values = out.get(k) ?? [];
    values.push(v);
    out.set(k, values);
  }
  return out;
}

/** The spec: "an empty value must behave exactly like an absent one". */
export function field(form: FormFields, name: string): string | undefined {
  const v = form.get(name)?.find((x) => x.trim() !== '');
  return v === undefined ? undefined : v.trim();
}

const attributeKey = /^attribute\[([^\]]+)\](\[\])?$/;

/** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2` → code → raw values. */
export function rawAttributes(form: FormFields): Map<string, { values: string[]; multi: boolean }> {
  const out = new Map<string, { values: string[]; multi: boolean }>();
  for (const [key, values] of form) {
    const m = attributeKey.exec(key);
    if (!m) continue;
    const code = m[1]!;
    const kept = values.map((v) => v.trim()).filter(Boolean);
    const prev = out.get(code) ?? { values: [], multi: false };
    out.set(code, { values: [...prev.values, ...kept], multi: prev.multi || Boolean(m[2]) || values.length > 1 });
  }
  return out;
}

/** Wire strings → the types the service definition declares, so Linli's own validation sees real numbers, booleans and lists. */
export function coerceAttributes(service: Service, raw: ReturnType<typeof rawAttributes>): Record<string, AttributeValue> {
  const defs = new Map(service.definition.map((d) => [d.code, d]));
  const out: Record<string, AttributeValue> = {};
  for (const [code, { values, multi }] of raw) {
    if (!values.length) continue;
    const def = defs.get(code);
    const first = values[0]!;
    switch (def?.datatype) {
      case 'multivaluelist':
        out[code] = values.length > 1 ? values : first.split(',').map((v) => v.trim()).filter(Boolean);
        break;
      case 'number':
        out[code] = /^-?\d+(\.\d+)?$/.test(first) ? Number(first) : first;
        break;
      case 'boolean':
        out[code] = first === 'true' ? true : first === 'false' ? false : first;
        break;
      default:
        out[code] = multi ? values : first;
    }
  }
  return out;
}

const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
};

export function guessContentType(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  return (ext && mediaTypes[ext]) || 'application/octet-stream';
}

const hasCjk = (s: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);

/** first_name + last_name → one Linli name: 王 + 建国 → 王建国 (family name first, no space); John + Smith → John Smith. */
export function joinName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  if (!first || !last) return (first ?? last)!;
  return hasCjk(first) || hasCjk(last) ? `${last}${first}` : `${first} ${last}`;
}

const messages = {
  location: {
    'zh-CN': '请提供且仅提供一种位置：经纬度（lat 和 long）、地址（address_string）或地址编号（address_id）',
    'zh-TW': '請提供且僅提供一種位置：經緯度（lat 和 long）、地址（address_string）或地址編號（address_id）',
    en: 'Give exactly one location: lat and long, address_string, or address_id',
  },
  latlong: {
    'zh-CN': 'lat 和 long 必须同时提供，且为 WGS84 十进制度数',
    'zh-TW': 'lat 和 long 必須同時提供，且為 WGS84 十進位度數',
    en: 'lat and long must both be given, as WGS84 decimal degrees',
  },
  serviceCode: { 'zh-CN': '缺少 service_code', 'zh-TW': '缺少 service_code', en: 'service_code is required' },
  noDescription: { 'zh-CN': '（未填写描述）', 'zh-TW': '（未填寫描述）', en: '(no description given)' },
} satisfies Record<string, Record<Locale, string>>;

const bad = (description: string): Open311Error => ({ code: 400, description });

/** The location: exactly one of lat+long, address_string, address_id (the spec's rule, strictly). */
export function locationFrom(form: FormFields, locale: Locale): GrievanceInput['location'] {
  const lat = field(form, 'lat');
  const long = field(form, 'long');
  const address = field(form, 'address_string');
  const addressId = field(form, 'address_id');
  const given = [lat !== undefined || long !== undefined, address !== undefined, addressId !== undefined].filter(Boolean).length;
  if (given !== 1) throw new Open311Failure(400, [bad(messages.location[locale])]);
  if (address !== undefined) return { kind: 'address', text: address };
  if (addressId !== undefined) return { kind: 'address-id', addressId };
  const la = Number(lat);
  const lo = Number(long);
  const decimal = /^-?\d+(\.\d+)?$/;
  if (!lat || !long || !decimal.test(lat) || !decimal.test(long) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
    throw new Open311Failure(400, [bad(messages.latlong[locale])]);
  }
  return { kind: 'point', lat: la, long: lo };
}

export function requireServiceCode(form: FormFields, locale: Locale): string {
  const code = field(form, 'service_code');
  if (!code) throw new Open311Failure(400, [bad(messages.serviceCode[locale])]);
  return code;
}

/**
 * A POST body → Linli GrievanceInput (channel `open311`). Named reporters keep their contact details
 * for staff; without a first or last name the report is anonymous and no contact detail is kept.
 * Open311's description is optional but Linli's needs five characters, so a short or missing one is
 * prefixed with the service name instead of refusing the report.
 */
export function grievanceInputFrom(form: FormFields, service: Service, locale: Locale): GrievanceInput {
  const location = locationFrom(form, locale);
  const name = joinName(field(form, 'first_name'), field(form, 'last_name'));
  const phone = field(form, 'phone')?.replace(/[().]/g, ' ').replace(/\s+/g, ' ').trim();
  const email = field(form, 'email');
  const mediaUrl = field(form, 'media_url');
  let description = field(form, 'description') ?? '';
  if ([...description].length < 5) description = `${localize(service.name, locale)}：${description || messages.noDescription[locale]}`;
  return {
    serviceCode: service.code,
    description,
    attributes: coerceAttributes(service, rawAttributes(form)),
    location,
    media: mediaUrl ? [{ url: mediaUrl, contentType: guessContentType(mediaUrl) }] : [],
    channel: 'open311',
    reporter: name ? { anonymous: false, name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) } : { anonymous: true },
    // Someone who leaves a name and a way to reach them expects to be called back.
    contactConsent: Boolean(name && (phone || email)),
  };
}

/** Linli field paths → the Open311 argument the caller sent, so error descriptions name what they can fix. */
export function open311FieldFor(path: string, service: Service | undefined, locale: Locale): string {
  if (path.startsWith('attributes.')) {
    const code = path.slice('attributes.'.length).split('.')[0]!;
    const def = service?.definition.find((d) => d.code === code);
    return def ? `${localize(def.description, locale)} (attribute[${code}])` : `attribute[${code}]`;
  }
  if (path.startsWith('location.lat')) return 'lat';
  if (path.startsWith('location.long')) return 'long';
  if (path.startsWith('location.text')) return 'address_string';
  if (path.startsWith('location.addressId')) return 'address_id';
  if (path.startsWith('reporter.name')) return 'first_name / last_name';
  if (path.startsWith('reporter.phone')) return 'phone';
  if (path.startsWith('reporter.email')) return 'email';
  if (path.startsWith('media')) return 'media_url';
  if (path === 'serviceCode') return 'service_code';
  return path || 'request';
}

export function errorsFromIssues(issues: FieldIssue[], service: Service | undefined, locale: Locale): Open311Error[] {
  return issues.map((i) => bad(`${open311FieldFor(i.path, service, locale)}: ${i.message}`));
}
