import {
  isAttributeShown,
  validateAttributes,
  type AttributeDefinition,
  type AttributeValue,
  type Channel,
  type FieldIssue,
  type GrievanceInput,
  type GrievanceLocation,
  type Locale,
  type Service,
} from '@linli/sdk';
import { localInputToIso } from './format.js';
import type { FormMessageKey } from './grievance-form.messages.js';

export type LocationMode = 'address' | 'place' | 'point';

/** What the resident has entered, as the controls hold it (strings until submit). */
export interface FormValues {
  serviceCode: string;
  /** Per service, so switching the topic back and forth keeps what was typed. */
  attributesByService: Record<string, Record<string, AttributeValue>>;
  description: string;
  locationMode: LocationMode;
  address: string;
  gridId: string;
  buildingId: string;
  unit: string;
  point?: { lat: number; long: number; accuracy: number };
  anonymous: boolean;
  name: string;
  phone: string;
  contactConsent: boolean;
}

export const emptyValues = (serviceCode = ''): FormValues => ({
  serviceCode,
  attributesByService: {},
  description: '',
  locationMode: 'address',
  address: '',
  gridId: '',
  buildingId: '',
  unit: '',
  anonymous: false,
  name: '',
  phone: '',
  contactConsent: false,
});

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 4000;
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A field the form can point at: fixed ones, or `attr:<code>` for a service's dynamic attribute. */
export type FieldKey = 'serviceCode' | 'description' | 'address' | 'grid' | 'unit' | 'point' | 'media' | 'name' | 'phone' | 'contactConsent' | `attr:${string}`;

/** The id of the control that receives focus for a field (shadow-DOM local). */
export const fieldId = (key: FieldKey): string => `f-${key.replace(':', '-')}`;

/** Field order on screen: the error summary lists problems in this order. */
export function fieldOrder(defs: AttributeDefinition[]): FieldKey[] {
  return ['serviceCode', ...defs.map((d) => `attr:${d.code}` as const), 'description', 'address', 'grid', 'unit', 'point', 'media', 'name', 'phone', 'contactConsent'];
}

export const sortedDefinition = (service?: Service): AttributeDefinition[] => [...(service?.definition ?? [])].sort((a, b) => a.order - b.order);

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * The attribute values that count: only shown attributes, walked in order so that an attribute whose
 * parent is hidden is hidden too. Hidden attributes are neither submitted nor required.
 */
export function shownValues(defs: AttributeDefinition[], raw: Record<string, AttributeValue>): { shown: Set<string>; values: Record<string, AttributeValue> } {
  const shown = new Set<string>();
  const values: Record<string, AttributeValue> = {};
  for (const def of defs) {
    if (!isAttributeShown(def, values)) continue;
    shown.add(def.code);
    const v = raw[def.code];
    if (def.datatype !== 'note' && !isEmpty(v)) values[def.code] = v!;
  }
  return { shown, values };
}

/** Converts control values into what the protocol expects: numbers, ISO instants (+08:00), trimmed text. */
export function toSubmitAttributes(defs: AttributeDefinition[], raw: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const { values } = shownValues(defs, raw);
  const out: Record<string, AttributeValue> = {};
  for (const def of defs) {
    const v = values[def.code];
    if (v === undefined) continue;
    if (def.datatype === 'number' && typeof v === 'string') out[def.code] = Number.isFinite(Number(v)) ? Number(v) : v;
    else if (def.datatype === 'datetime' && typeof v === 'string') out[def.code] = localInputToIso(v);
    else out[def.code] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code (0931-8123456, 010 12345678), optionally an extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
export const normalizePhone = (phone: string) => phone.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
export const isValidPhone = (phone: string) => {
  const p = normalizePhone(phone);
  return MOBILE.test(p) || LANDLINE.test(p);
};

export interface Issue {
  key: FieldKey;
  message: string;
}
export type Translate = (key: FormMessageKey, params?: Record<string, string | number>) => string;

export interface ValidationContext {
  service?: Service;
  locale: Locale;
  t: Translate;
  /** Location modes the form offers (place only with org units, point only with geolocation). */
  placeAvailable: boolean;
  fileProblems: string[];
}

/** Every problem with the current values, in on-screen order. Pure: the same values give the same issues. */
export function validate(values: FormValues, ctx: ValidationContext): Issue[] {
  const { t } = ctx;
  const issues: Issue[] = [];
  const add = (key: FieldKey, message: string) => issues.push({ key, message });

  if (!ctx.service) add('serviceCode', t('serviceRequired'));
  else {
    const defs = sortedDefinition(ctx.service);
    const raw = values.attributesByService[ctx.service.code] ?? {};
    const submit = toSubmitAttributes(defs, raw);
    const byCode = new Map(defs.map((d) => [d.code, d]));
    for (const issue of validateAttributes({ definition: defs }, submit, ctx.locale)) {
      const code = issue.path.replace(/^attributes\./, '');
      const def = byCode.get(code);
      add(`attr:${code}`, def ? attributeMessage(def, issue, t) : issue.message);
    }
  }

  const description = values.description.trim();
  if (!description) add('description', t('descriptionRequired'));
  else if (description.length < DESCRIPTION_MIN) add('description', t('descriptionShort'));
  else if (description.length > DESCRIPTION_MAX) add('description', t('descriptionLong', { over: description.length - DESCRIPTION_MAX }));

  const mode = values.locationMode === 'place' && !ctx.placeAvailable ? 'address' : values.locationMode;
  if (mode === 'address') {
    const address = values.address.trim();
    if (!address) add('address', t('addressRequired'));
    else if (address.length < 2) add('address', t('addressShort'));
    else if (address.length > 200) add('address', t('addressLong'));
  } else if (mode === 'place') {
    if (!values.gridId) add('grid', t('gridRequired'));
    if (values.unit.trim().length > 40) add('unit', t('unitLong'));
  } else if (!values.point) add('point', t('pointRequired'));

  for (const problem of ctx.fileProblems) add('media', problem);

  if (!values.anonymous) {
    const name = values.name.trim();
    const phone = values.phone.trim();
    if (name.length > 40) add('name', t('nameLong'));
    else if (phone && !name) add('name', t('nameNeeded'));
    if (phone && !isValidPhone(phone)) add('phone', t('phoneInvalid'));
    if (values.contactConsent && !phone) add('phone', t('consentNeedsPhone'));
  }
  return issues;
}

function attributeMessage(def: AttributeDefinition, issue: FieldIssue, t: Translate): string {
  if (issue.code === 'required') {
    return ['singlevaluelist', 'multivaluelist', 'boolean'].includes(def.datatype) ? t('attrChoose') : t('attrRequired');
  }
  if (issue.code === 'type' && def.datatype === 'number') return t('attrNumber');
  if (issue.code === 'type' && def.datatype === 'datetime') return t('attrDatetime');
  return issue.message;
}

/** The location the resident chose, in protocol form. */
export function toLocation(values: FormValues, placeAvailable: boolean): GrievanceLocation {
  const mode = values.locationMode === 'place' && !placeAvailable ? 'address' : values.locationMode;
  if (mode === 'point' && values.point) return { kind: 'point', lat: values.point.lat, long: values.point.long };
  if (mode === 'place') {
    return {
      kind: 'place',
      gridId: values.gridId || undefined,
      buildingId: values.buildingId || undefined,
      unit: values.unit.trim() || undefined,
    };
  }
  return { kind: 'address', text: values.address.trim() };
}

export function toInput(values: FormValues, service: Service, opts: { channel: Channel; orgUnitId?: string; placeAvailable: boolean }): GrievanceInput {
  const name = values.name.trim();
  const phone = normalizePhone(values.phone.trim());
  const named = !values.anonymous && name;
  return {
    serviceCode: service.code,
    ...(opts.orgUnitId ? { orgUnitId: opts.orgUnitId } : {}),
    description: values.description.trim(),
    attributes: toSubmitAttributes(sortedDefinition(service), values.attributesByService[service.code] ?? {}),
    location: toLocation(values, opts.placeAvailable),
    channel: opts.channel,
    // No name and no phone: the report is anonymous even when the box was not ticked.
    reporter: named ? { anonymous: false, name, ...(phone ? { phone } : {}) } : { anonymous: true },
    contactConsent: Boolean(named && phone && values.contactConsent),
  };
}

/**
 * Maps a server's field path (`description`, `attributes.floor`, `location.text`, `reporter.phone`)
 * onto the field that shows it. Unknown paths return undefined and are listed without a link.
 */
export function fieldForPath(path: string, values: FormValues, shownAttributes: Set<string>): FieldKey | undefined {
  const [head, rest] = [path.split('.')[0], path.split('.').slice(1).join('.')];
  switch (head) {
    case 'serviceCode':
      return 'serviceCode';
    case 'description':
      return 'description';
    case 'attributes':
      return rest && shownAttributes.has(rest.split('.')[0]!) ? `attr:${rest.split('.')[0]}` : undefined;
    case 'location':
      if (values.locationMode === 'place') return rest === 'unit' ? 'unit' : 'grid';
      if (values.locationMode === 'point') return 'point';
      return 'address';
    case 'reporter':
      if (values.anonymous) return undefined;
      return rest === 'phone' ? 'phone' : 'name';
    case 'contactConsent':
      return 'contactConsent';
    case 'media':
      return 'media';
    default:
      return undefined;
  }
}
