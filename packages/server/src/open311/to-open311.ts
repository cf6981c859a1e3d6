import { localize, toOpen311Status, toPublicGrievance, type AttributeDefinition, type Grievance, type GrievanceStatus, type Locale, type Service } from '@linli/sdk';
import { redactorFor } from './privacy.js';
import { list, type XmlNode } from './wire.js';

/** One entry of GET services (spec field set and order). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

/** Linli's `showIf`, published as an extension: show this attribute only while `attribute_code` has one of `equals`. */
export interface Open311ShowIf {
  /** Named `attribute_code`, not `attribute`, so XML clients that turn every `<attribute>` into a list are not confused. */
  attribute_code: string;
  equals: string[];
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
  show_if?: Open311ShowIf;
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** One entry of the `notes` extension (Chicago / Boston / San Francisco style update history). */
export interface Open311Note {
  datetime: string;
  description: string;
  /** The Linli workflow action that wrote the entry (`submit`, `accept`, `resolve`…). */
  type: string;
  /** The Linli status the request moved to. */
  status: GrievanceStatus;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** `?extensions=true` only. */
  extended_attributes?: { linli_status: GrievanceStatus; channel: string; anonymous: boolean };
  /** `?extensions=true` only. */
  notes?: Open311Note[];
}

const text = (zh: string, tw: string, en: string): Record<Locale, string> => ({ 'zh-CN': zh, 'zh-TW': tw, en });

const datatypeHelp: Partial<Record<AttributeDefinition['datatype'], Record<Locale, string>>> = {
  number: text('数字', '數字', 'A number'),
  datetime: text('日期时间（ISO 8601，如 2026-11-18T10:00:00+08:00）', '日期時間（ISO 8601，如 2026-11-18T10:00:00+08:00）', 'Date and time (ISO 8601, e.g. 2026-11-18T10:00:00+08:00)'),
  boolean: text('是（true）或否（false）', '是（true）或否（false）', 'Yes (true) or no (false)'),
  multivaluelist: text('可多选', '可多選', 'Choose one or more'),
};

const booleanValues = (locale: Locale) => [
  { key: 'true', name: text('是', '是', 'Yes')[locale] },
  { key: 'false', name: text('否', '否', 'No')[locale] },
];

/** Open311 only lists request types, so only requestable Linli services are published. */
export function toOpen311Service(s: Service, locale: Locale): Open311Service {
  return {
    service_code: s.code,
    service_name: localize(s.name, locale),
    description: localize(s.description, locale) || null,
    metadata: s.definition.length > 0,
    type: 'realtime',
    keywords: s.keywords.length ? s.keywords.join(',') : null,
    // The Linli group key (stable, machine-readable) rather than a label that differs per locale.
    group: s.group,
  };
}

/**
 * Linli attributes → Open311 attributes. `boolean` has no Open311 datatype, so it becomes a
 * two-value `singlevaluelist` (`true` / `false`) with `datatype_description` saying so; a `note` is
 * display-only (`variable: false`); `showIf` is published as the `show_if` extension.
 */
export function toOpen311Attribute(d: AttributeDefinition, locale: Locale): Open311Attribute {
  const isNote = d.datatype === 'note';
  const datatype: Open311Attribute['datatype'] = d.datatype === 'boolean' ? 'singlevaluelist' : d.datatype === 'note' ? 'string' : d.datatype;
  const attribute: Open311Attribute = {
    variable: !isNote,
    code: d.code,
    datatype,
    required: isNote ? false : d.required,
    datatype_description: datatypeHelp[d.datatype]?.[locale] ?? null,
    order: d.order,
    description: localize(d.description, locale),
  };
  if (d.datatype === 'boolean') attribute.values = booleanValues(locale);
  else if (datatype === 'singlevaluelist' || datatype === 'multivaluelist') {
    attribute.values = (d.values ?? []).map((v) => ({ key: v.key, name: localize(v.name, locale) }));
  }
  if (d.showIf) {
    const eq = d.showIf.equals;
    attribute.show_if = { attribute_code: d.showIf.attribute, equals: Array.isArray(eq) ? eq : [String(eq)] };
  }
  return attribute;
}

export function toOpen311Definition(s: Service, locale: Locale): Open311ServiceDefinition {
  return {
    service_code: s.code,
    attributes: [...s.definition].sort((a, b) => a.order - b.order).map((d) => toOpen311Attribute(d, locale)),
  };
}

const serviceNoticeText = (days: number, locale: Locale) =>
  text(`一般在 ${days} 个工作日内办结`, `一般在 ${days} 個工作日內辦結`, `Usually resolved within ${days} working days`)[locale];

export interface RequestContext311 {
  service?: Service;
  /** Who answers for it: the grievance's org unit, else the service provider. */
  agency?: string;
  locale: Locale;
  extensions: boolean;
}

/**
 * A grievance as the world may see it. Starts from Linli's public projection (no reporter, no
 * internal notes, no staff identities), then removes PII residents and staff typed into free text.
 */
export function toOpen311Request(g: Grievance, ctx: RequestContext311): Open311Request {
  const pub = toPublicGrievance(g);
  const redact = redactorFor(g);
  const status = toOpen311Status(pub.status);
  const publicNotes = pub.timeline; // already public-only
  const latest = publicNotes.at(-1);
  const loc = pub.location;
  const closedAt = status === 'closed' ? (pub.closedAt ?? pub.resolvedAt) : undefined;
  const days = ctx.service?.sla?.resolveWorkingDays;
  const request: Open311Request = {
    service_request_id: pub.id,
    status,
    status_notes: latest ? redact(latest.note) : null,
    service_name: ctx.service ? localize(ctx.service.name, ctx.locale) : null,
    service_code: pub.serviceCode,
    description: pub.description ? redact(pub.description) : null,
    agency_responsible: ctx.agency ?? null,
    service_notice: days ? serviceNoticeText(days, ctx.locale) : null,
    requested_datetime: pub.createdAt,
    updated_datetime: closedAt ?? pub.updatedAt,
    expected_datetime: pub.expectedAt ?? null,
    // Addresses describe where the problem is; a place's unit (室号) would point at a household, so it is left out.
    address: loc.kind === 'address' ? redact(loc.text) : loc.kind === 'place' && loc.text ? redact(loc.text) : null,
    address_id: loc.kind === 'address-id' ? loc.addressId : loc.kind === 'place' ? (loc.buildingId ?? null) : null,
    zipcode: null,
    lat: loc.kind === 'point' ? loc.lat : null,
    long: loc.kind === 'point' ? loc.long : null,
    media_url: pub.media[0]?.url ?? null,
  };
  if (ctx.extensions) {
    request.extended_attributes = { linli_status: pub.status, channel: pub.channel, anonymous: pub.reporter.anonymous };
    request.notes = publicNotes.map((e) => ({ datetime: e.at, description: redact(e.note), type: e.action, status: e.to }));
  }
  return request;
}

/** XML shapes: the same objects, with lists wrapped so that each item repeats its element. */
export function serviceXml(s: Open311Service): XmlNode {
  return { ...s };
}

export function definitionXml(d: Open311ServiceDefinition): XmlNode {
  return {
    service_code: d.service_code,
    attributes: list(
      'attribute',
      d.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        ...(a.values ? { values: list('value', a.values.map((v) => ({ key: v.key, name: v.name }))) } : {}),
        ...(a.show_if ? { show_if: { attribute_code: a.show_if.attribute_code, equals: a.show_if.equals } } : {}),
      })),
    ),
  };
}

export function requestXml(r: Open311Request): XmlNode {
  const { extended_attributes, notes, ...core } = r;
  return {
    ...core,
    ...(extended_attributes ? { extended_attributes: { ...extended_attributes } } : {}),
    ...(notes ? { notes: list('note', notes.map((n) => ({ ...n }))) } : {}),
  };
}
