import { serviceGroups, type AttributeDefinition, type LocalizedText, type Service, type ServiceGroup, type ServiceGuide } from '@linli/sdk';
import { bool, nestedList, nestedScalars, num, str, type Obj } from '../wire/parse.js';
import { attributeCodeFor, toLinliCode } from './codes.js';

/** An Open311 service as read from GET services, before it becomes a Linli Service. */
export interface Open311ServiceRecord {
  code: string;
  name: string;
  description?: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string[];
  group?: string;
}

export function readService(o: Obj): Open311ServiceRecord | undefined {
  const code = str(o.service_code);
  if (!code) return undefined;
  const type = str(o.type)?.toLowerCase();
  return {
    code,
    name: str(o.service_name) ?? code,
    description: str(o.description),
    metadata: bool(o.metadata) ?? false,
    // Absent `type` is common; such endpoints return an id at once.
    type: type === 'batch' || type === 'blackbox' ? type : 'realtime',
    keywords: (str(o.keywords) ?? '')
      .split(/[,，、;；]/)
      .map((k) => k.trim().slice(0, 40))
      .filter(Boolean),
    group: str(o.group),
  };
}

const hasCjk = (s: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);

/** Foreign text goes where Linli's fallback rule finds it: always zh-CN, and `en` as well when it is not Chinese. */
export function localized(text: string): LocalizedText {
  return hasCjk(text) ? { 'zh-CN': text } : { 'zh-CN': text, en: text };
}

/** Clearly marked gaps in the 办事指南: Open311 publishes none of this. */
export const UNKNOWN: LocalizedText = { 'zh-CN': '未知（Open311 接口未提供）', 'zh-TW': '未知（Open311 介面未提供）', en: 'Unknown (not provided by the Open311 endpoint)' };

const groupHints: [ServiceGroup, RegExp][] = [
  ['elderly', /elder|senior|aged|养老|老人|老年|助餐/i],
  ['assistance', /welfare|assistance|benefit|低保|救助|特困/i],
  ['employment', /employ|\bjobs?\b|就业|创业|招聘/i],
  ['disability', /disab|accessib|残疾|无障碍/i],
  ['family', /child|family|school|婚|生育|儿童|家庭/i],
  ['housing', /housing|\brent|landlord|住房|租房|房屋/i],
  ['certificates', /certific|permit|licen[cs]e|证明|证件|许可/i],
  ['legal', /legal|mediat|法律|调解/i],
  ['health', /health|medical|clinic|vaccin|医疗|医保|疫苗/i],
  ['volunteer', /volunteer|志愿/i],
  ['veterans', /veteran|退役|优抚/i],
  [
    'environment',
    /sanitation|garbage|trash|litter|waste|recycl|street|light|pothole|road|sidewalk|graffiti|tree|park|noise|water|sewer|drain|dump|snow|traffic|abandoned|环境|垃圾|路灯|道路|绿化|噪音|污水|卫生|市容|物业|井盖/i,
  ],
];

/** Open311 `group` is free text; a Linli group key (as Linli's own endpoint sends) is taken as is, otherwise guessed from words. */
export function guessGroup(r: Pick<Open311ServiceRecord, 'group' | 'keywords' | 'name' | 'description'>): ServiceGroup {
  const exact = r.group?.toLowerCase();
  if (exact && (serviceGroups as readonly string[]).includes(exact)) return exact as ServiceGroup;
  for (const text of [r.group, [...r.keywords, r.name].join(' '), r.description]) {
    if (!text) continue;
    const hit = groupHints.find(([, re]) => re.test(text));
    if (hit) return hit[0];
  }
  return 'community-affairs';
}

export interface ServiceContext {
  /** When the list was read: Open311 services carry no timestamps. */
  readAt: string;
  provider: LocalizedText;
  guide?: Partial<ServiceGuide>;
}

/** The minimal 办事指南: the description, an online step, and every unknown marked as such. */
function minimalGuide(r: Open311ServiceRecord, overrides: Partial<ServiceGuide> = {}): ServiceGuide {
  return {
    legalBasis: [],
    conditions: [],
    materials: [],
    steps: [{ title: { 'zh-CN': '在线提交诉求', 'zh-TW': '線上提交訴求', en: 'Submit a request online' }, ...(r.description ? { detail: localized(r.description) } : {}) }],
    timeLimit: { workingDays: 0, note: UNKNOWN },
    fees: UNKNOWN,
    where: { 'zh-CN': '线上（Open311）', 'zh-TW': '線上（Open311）', en: 'Online (Open311)' },
    hours: UNKNOWN,
    phone: 'unknown',
    complaintRoute: UNKNOWN,
    ...overrides,
  };
}

export function toLinliService(r: Open311ServiceRecord, ctx: ServiceContext, definition: AttributeDefinition[] = []): Service {
  const code = toLinliCode(r.code);
  return {
    id: code,
    createdAt: ctx.readAt,
    updatedAt: ctx.readAt,
    code,
    name: localized(r.name),
    ...(r.description ? { description: localized(r.description) } : {}),
    group: guessGroup(r),
    keywords: r.keywords,
    searchTerms: [],
    audience: 'resident',
    targetGroups: [],
    // Reporting a problem to a city is free; Open311 has no notion of fees.
    pricing: 'free',
    delivery: ['online'],
    provider: { kind: 'department', name: ctx.provider },
    guide: minimalGuide(r, ctx.guide),
    // A blackbox service returns no id, so Linli could give the resident nothing to track.
    requestable: r.type !== 'blackbox',
    definition,
  };
}

/** An Open311 service definition → Linli attributes, plus the map back to the endpoint's attribute codes. */
export interface MappedDefinition {
  definition: AttributeDefinition[];
  /** Linli attribute code → Open311 attribute code. */
  codes: Map<string, string>;
}

export function toLinliDefinition(doc: unknown): MappedDefinition {
  const root = (doc && typeof doc === 'object' && !Array.isArray(doc) && 'service_definition' in doc ? (doc as Obj).service_definition : doc) as Obj | undefined;
  const raw = nestedList(root?.attributes, 'attribute');
  const taken = new Set<string>();
  const codes = new Map<string, string>();
  const byOpen311 = new Map<string, string>();
  const staged = raw
    .map((a, index) => {
      const original = str(a.code);
      if (!original) return undefined;
      const code = attributeCodeFor(original, taken);
      codes.set(code, original);
      byOpen311.set(original, code);
      return { a, code, index };
    })
    .filter((x): x is { a: Obj; code: string; index: number } => Boolean(x));

  const definition = staged.map(({ a, code, index }): AttributeDefinition => {
    const values = nestedList(a.values, 'value')
      .map((v) => ({ key: str(v.key)?.slice(0, 64), name: str(v.name) }))
      .filter((v): v is { key: string; name: string | undefined } => Boolean(v.key))
      .map((v) => ({ key: v.key, name: localized(v.name ?? v.key) }));
    const datatype = linliDatatype(str(a.datatype)?.toLowerCase(), bool(a.variable), values.map((v) => v.key));
    const order = num(a.order);
    const def: AttributeDefinition = {
      code,
      datatype,
      required: datatype === 'note' ? false : (bool(a.required) ?? false),
      order: order === undefined ? index : Math.max(0, Math.round(order)),
      description: localized(str(a.description) ?? str(a.datatype_description) ?? code),
    };
    if ((datatype === 'singlevaluelist' || datatype === 'multivaluelist') && values.length) def.values = values;
    return def;
  });

  // Linli's `show_if` extension, resolved once every attribute has its Linli code.
  staged.forEach(({ a }, i) => {
    const showIf = a.show_if as Obj | undefined;
    const controller = showIf ? byOpen311.get(str(showIf.attribute_code) ?? str(showIf.attribute) ?? '') : undefined;
    const equals = showIf ? nestedScalars(showIf.equals, 'equals') : [];
    if (!controller || !equals.length) return;
    const parent = definition.find((d) => d.code === controller);
    definition[i]!.showIf = {
      attribute: controller,
      equals: parent?.datatype === 'boolean' ? equals[0] === 'true' : equals.length === 1 && parent?.datatype !== 'multivaluelist' ? equals[0]! : equals,
    };
  });
  return { definition, codes };
}

/**
 * Open311 datatypes → Linli's. `variable=false` is a display-only note. A `singlevaluelist` whose keys
 * are exactly `true`/`false` (how Linli publishes booleans) and SeeClickFix's `boolean` become boolean.
 * Unknown datatypes are read as free text rather than dropped.
 */
function linliDatatype(datatype: string | undefined, variable: boolean | undefined, keys: string[]): AttributeDefinition['datatype'] {
  if (variable === false) return 'note';
  const isBooleanList = keys.length === 2 && keys.includes('true') && keys.includes('false');
  switch (datatype) {
    case 'singlevaluelist':
      return isBooleanList ? 'boolean' : 'singlevaluelist';
    case 'string':
    case 'number':
    case 'datetime':
    case 'text':
    case 'multivaluelist':
    case 'boolean':
      return datatype;
    case 'note':
      return 'note';
    default:
      return 'string';
  }
}
