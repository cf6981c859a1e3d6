import * as z from 'zod/mini';
import { entityBase, id, localizedText, pageQuery } from './common.js';
import { preprocess } from './preprocess.js';

/** Catalogue groups; `as const` arrays drive the types, the validation, the filters and the stories alike. */
export const serviceGroups = [
  'elderly', // 养老服务 incl. 一键通 and 助餐
  'assistance', // 社会救助: 低保, 特困, 临时救助
  'employment', // 就业创业
  'disability', // 残疾人服务
  'family', // 婚育家庭, 儿童
  'housing', // 住房, 出租屋登记
  'certificates', // 证明开具
  'legal', // 法律援助, 人民调解
  'health', // 医疗卫生, 医保
  'volunteer', // 志愿服务
  'veterans', // 退役军人, 优抚
  'environment', // 市容环境, 物业
  'community-affairs', // 社区事务
] as const;
export type ServiceGroup = (typeof serviceGroups)[number];

export const targetGroups = [
  'elderly',
  'living-alone',
  'disabled',
  'low-income', // 低保
  'veteran', // 优抚对象
  'floating', // 流动人口
  'children',
  'job-seeker',
  'family',
  'all',
] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const audiences = ['resident', 'business'] as const;
/** 无偿 / 低偿 / 有偿 / 优惠 */
export const pricings = ['free', 'low-cost', 'paid', 'discounted'] as const;
export const deliveries = ['window', 'online', 'home-visit', 'outreach', 'hotline'] as const;
export const providerKinds = ['department', 'street', 'community', 'ngo', 'enterprise', 'volunteer-team'] as const;

/** Open311-style attribute datatypes for a service's dynamic form. */
export const attributeDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
  'boolean',
  'note',
] as const;
export type AttributeDatatype = (typeof attributeDatatypes)[number];

export const attributeValue = z.union([
  z.string().check(z.maxLength(4000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
]);
export type AttributeValue = z.infer<typeof attributeValue>;

export const attributeDefinition = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  datatype: z.enum(attributeDatatypes),
  /** A `note` is text shown to the resident, not a field (Open311 `variable: false`). */
  required: z._default(z.boolean(), false),
  order: z.number().check(z.int(), z.gte(0)),
  description: localizedText,
  values: z.optional(z.array(z.object({ key: z.string().check(z.minLength(1), z.maxLength(64)), name: localizedText }))),
  /** Show this attribute only while another attribute has (one of) the given value(s). */
  showIf: z.optional(
    z.object({ attribute: z.string().check(z.minLength(1)), equals: z.union([z.string(), z.boolean(), z.array(z.string())]) }),
  ),
});
export type AttributeDefinition = z.infer<typeof attributeDefinition>;

export const guideMaterial = z.object({
  name: localizedText,
  copies: z.optional(z.number().check(z.int(), z.gte(1))),
  originalRequired: z.optional(z.boolean()),
  note: z.optional(localizedText),
});

/** 办事指南: everything a resident needs to get this done on the first visit. */
export const serviceGuide = z.object({
  legalBasis: z._default(z.array(localizedText), []),
  conditions: z._default(z.array(localizedText), []),
  materials: z._default(z.array(guideMaterial), []),
  steps: z._default(z.array(z.object({ title: localizedText, detail: z.optional(localizedText) })), []),
  timeLimit: z.object({ workingDays: z.number().check(z.int(), z.gte(0)), note: z.optional(localizedText) }),
  fees: localizedText,
  where: localizedText,
  hours: localizedText,
  phone: z.string().check(z.minLength(3), z.maxLength(40)),
  complaintRoute: localizedText,
  /** Who really issues it, where it differs from who takes the application (e.g. 证明 issued by the 派出所). */
  issuedBy: z.optional(localizedText),
});
export type ServiceGuide = z.infer<typeof serviceGuide>;

export const service = z.object({
  ...entityBase,
  code: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'linli:service-code')),
  name: localizedText,
  description: z.optional(localizedText),
  group: z.enum(serviceGroups),
  keywords: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(40))), []),
  /** Extra search keys such as pinyin initials (养老 → "yl"), precomputed so browsers need no pinyin table. */
  searchTerms: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(80))), []),
  audience: z._default(z.enum(audiences), 'resident'),
  targetGroups: z._default(z.array(z.enum(targetGroups)), []),
  pricing: z.enum(pricings),
  delivery: z.array(z.enum(deliveries)).check(z.minLength(1)),
  provider: z.object({ kind: z.enum(providerKinds), name: localizedText }),
  orgUnitId: z.optional(id),
  guide: serviceGuide,
  /** Can a grievance / request be filed against this service? */
  requestable: z.boolean(),
  definition: z._default(z.array(attributeDefinition), []),
  sla: z.optional(z.object({ resolveWorkingDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(120))) })),
});
export type Service = z.infer<typeof service>;
export type ServiceInput = z.input<typeof service>;

const csvOrArray = <T extends z.core.SomeType>(item: T) => preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item));

export const serviceQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  group: z.optional(z.enum(serviceGroups)),
  targetGroup: z.optional(z.enum(targetGroups)),
  delivery: z.optional(z.enum(deliveries)),
  audience: z.optional(z.enum(audiences)),
  requestable: z.optional(preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())),
  codes: z.optional(csvOrArray(z.string())),
  ...pageQuery,
});
export type ServiceQuery = z.input<typeof serviceQuery>;
