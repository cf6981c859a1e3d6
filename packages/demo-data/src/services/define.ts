import type {
  AttributeDefinition,
  AttributeDatatype,
  LocalizedText,
  Service,
  ServiceGroup,
  TargetGroup,
  deliveries,
  pricings,
  providerKinds,
} from '@linli/sdk';
import { t } from '../text.js';

/** A text given as zh-CN only, or as [zh-CN, en]. */
export type Txt = string | readonly [string, string];
export const lt = (x: Txt): LocalizedText => (typeof x === 'string' ? t(x) : t(x[0], x[1]));

// ── 办事指南 building blocks ────────────────────────────────────────────────────────────────

export interface MaterialSpec {
  name: Txt;
  copies?: number;
  originalRequired?: boolean;
  note?: string;
}

/** `mat('居民身份证', 1, true)`: name, copies, whether the original must be shown. */
export const mat = (name: Txt, copies?: number, originalRequired?: boolean, note?: string): MaterialSpec => ({ name, copies, originalRequired, note });

/** Materials that half the catalogue asks for. */
export const M = {
  idCard: mat(['申请人居民身份证', 'Applicant’s resident ID card'], 1, true, '验原件，收复印件'),
  hukou: mat(['户口簿', 'Household register (hukou booklet)'], 1, true),
  photo: (n = 2) => mat(['近期免冠一寸彩色照片', 'Recent 1-inch colour photos'], n),
  bankCard: mat(['本人名下银行卡（社保卡）', 'Bank or social-security card in the applicant’s name'], 1, true),
  proxyId: mat(['代办人居民身份证及委托书（代办时提供）', 'Agent’s ID card and letter of authorisation (if someone applies for you)'], 1, true),
  disabilityCert: mat(['中华人民共和国残疾人证', 'Disability certificate'], 1, true),
  incomeProof: mat(['家庭成员收入情况说明或收入证明', 'Statement or proof of household income'], 1, false, '无固定收入的可书面承诺'),
} satisfies Record<string, MaterialSpec | ((n?: number) => MaterialSpec)>;

/** A step as `标题` or `标题｜说明` (title, then a detail after a full-width bar). */
export type StepSpec = string;

/** English for the step titles most guides share, so every step title reads in both locales. */
const STEP_EN: Record<string, string> = {
  提出申请: 'Apply',
  窗口受理: 'Intake at the window',
  社区受理: 'Intake by the community',
  入户调查: 'Home visit',
  资料审核: 'Document review',
  民主评议: 'Community review',
  街道审核: 'Subdistrict review',
  区级审批: 'District approval',
  审核确认: 'Review and approval',
  公示: 'Public notice',
  发放: 'Payment',
  办结: 'Done',
  上门评估: 'Home assessment',
  派单上门: 'Dispatch to your home',
  服务回访: 'Follow-up call',
  现场核查: 'On-site check',
  处置: 'Handling',
  反馈结果: 'Reply to the reporter',
  登记: 'Registration',
  领取证件: 'Collect the certificate',
  制证: 'Certificate printed',
  预约: 'Book',
  调解: 'Mediation',
  签订协议: 'Sign the agreement',
  评价: 'Rate the service',
  转办: 'Forward to the responsible body',
};

function step(s: StepSpec) {
  const [title, detail] = s.split('｜') as [string, string | undefined];
  return detail ? { title: t(title, STEP_EN[title]), detail: t(detail) } : { title: t(title, STEP_EN[title]) };
}

// ── Open311-style dynamic form fields ───────────────────────────────────────────────────────

type FieldOptions = { required?: boolean; en?: string; showIf?: AttributeDefinition['showIf'] };
type Field = Omit<AttributeDefinition, 'order'>;
type Choice = readonly [key: string, zh: string, en?: string];

const field = (code: string, datatype: AttributeDatatype, zh: string, o: FieldOptions = {}, values?: readonly Choice[]): Field => ({
  code,
  datatype,
  required: datatype === 'note' ? false : (o.required ?? false),
  description: t(zh, o.en),
  ...(values ? { values: values.map(([key, vz, ve]) => ({ key, name: t(vz, ve) })) } : {}),
  ...(o.showIf ? { showIf: o.showIf } : {}),
});

export const f = {
  string: (code: string, zh: string, o?: FieldOptions) => field(code, 'string', zh, o),
  number: (code: string, zh: string, o?: FieldOptions) => field(code, 'number', zh, o),
  datetime: (code: string, zh: string, o?: FieldOptions) => field(code, 'datetime', zh, o),
  text: (code: string, zh: string, o?: FieldOptions) => field(code, 'text', zh, o),
  boolean: (code: string, zh: string, o?: FieldOptions) => field(code, 'boolean', zh, o),
  note: (code: string, zh: string, en?: string) => field(code, 'note', zh, { en }),
  single: (code: string, zh: string, values: readonly Choice[], o?: FieldOptions) => field(code, 'singlevaluelist', zh, o, values),
  multi: (code: string, zh: string, values: readonly Choice[], o?: FieldOptions) => field(code, 'multivaluelist', zh, o, values),
};

/** Shared pair: ask whether someone has a disability, then (only then) which grade. */
export const disabilityFields = (): Field[] => [
  f.boolean('has_disability', '家中是否有持证残疾人', { en: 'Is anyone in the household a certified disabled person?' }),
  f.single(
    'disability_level',
    '残疾等级',
    [
      ['1', '一级', 'Grade 1'],
      ['2', '二级', 'Grade 2'],
      ['3', '三级', 'Grade 3'],
      ['4', '四级', 'Grade 4'],
    ],
    { required: true, en: 'Disability grade', showIf: { attribute: 'has_disability', equals: true } },
  ),
];

// ── Service specification ───────────────────────────────────────────────────────────────────

export interface ServiceSpec {
  code: string;
  name: readonly [string, string];
  description: Txt;
  group: ServiceGroup;
  keywords: readonly string[];
  targetGroups?: readonly TargetGroup[];
  audience?: 'resident' | 'business';
  pricing: (typeof pricings)[number];
  delivery: readonly (typeof deliveries)[number][];
  provider: readonly [(typeof providerKinds)[number], Txt];
  orgUnitId?: string;
  legalBasis: readonly string[];
  conditions: readonly string[];
  materials: readonly MaterialSpec[];
  steps: readonly StepSpec[];
  /** 承诺时限 in working days (0: on the spot). */
  days: number;
  timeNote?: string;
  fees?: Txt;
  where?: Txt;
  hours?: Txt;
  phone?: string;
  complaintRoute?: Txt;
  issuedBy?: Txt;
  /** Defaults to true: most items can be applied for or reported online. */
  requestable?: boolean;
  form?: readonly Field[];
  slaDays?: number;
}

export const WHERE = {
  community: ['所在社区党群服务中心一站式服务窗口', 'One-stop window of your community’s service centre'],
  street: ['所在街道便民服务中心综合窗口', 'Combined window of your subdistrict service centre'],
  district: ['七里河区政务服务中心（西津西路16号）', 'Qilihe District Government Service Centre, 16 Xijin West Road'],
} as const;

export const HOURS = {
  office: ['周一至周五 8:30—12:00、14:30—18:00（法定节假日除外）', 'Mon–Fri 8:30–12:00 and 14:30–18:00, except public holidays'],
  hall: ['周一至周五 9:00—17:00（午间不休）', 'Mon–Fri 9:00–17:00, open over lunch'],
  always: ['7×24 小时', 'Around the clock'],
} as const;

const DEFAULT_COMPLAINT: Txt = [
  '对办理过程或结果不满意，可现场或扫码进行“好差评”，也可拨打12345政务服务便民热线或向七里河区政务服务中心督查投诉窗口反映',
  'Rate the service on the spot or by QR code; complaints go to the 12345 hotline or the supervision window of the district service centre',
];
const FREE: Txt = ['不收费', 'Free of charge'];

/** Turns a compact spec into a full Service: every guide field filled, defaults made explicit. */
export function defineService(spec: ServiceSpec, stamps: { createdAt: string; updatedAt: string }, searchTerms: string[] = []): Service {
  const requestable = spec.requestable ?? true;
  return {
    id: `svc-${spec.code}`,
    createdAt: stamps.createdAt,
    updatedAt: stamps.updatedAt,
    code: spec.code,
    name: t(spec.name[0], spec.name[1]),
    description: lt(spec.description),
    group: spec.group,
    keywords: [...spec.keywords],
    searchTerms,
    audience: spec.audience ?? 'resident',
    targetGroups: [...(spec.targetGroups ?? ['all'])],
    pricing: spec.pricing,
    delivery: [...spec.delivery],
    provider: { kind: spec.provider[0], name: lt(spec.provider[1]) },
    ...(spec.orgUnitId ? { orgUnitId: spec.orgUnitId } : {}),
    guide: {
      legalBasis: spec.legalBasis.map((x) => t(x)),
      conditions: spec.conditions.map((x) => t(x)),
      materials: spec.materials.map((m) => ({
        name: lt(m.name),
        ...(m.copies !== undefined ? { copies: m.copies } : {}),
        ...(m.originalRequired !== undefined ? { originalRequired: m.originalRequired } : {}),
        ...(m.note ? { note: t(m.note) } : {}),
      })),
      steps: spec.steps.map(step),
      timeLimit: { workingDays: spec.days, ...(spec.timeNote ? { note: t(spec.timeNote) } : {}) },
      fees: lt(spec.fees ?? FREE),
      where: lt(spec.where ?? WHERE.community),
      hours: lt(spec.hours ?? HOURS.office),
      phone: spec.phone ?? '0931-12345',
      complaintRoute: lt(spec.complaintRoute ?? DEFAULT_COMPLAINT),
      ...(spec.issuedBy ? { issuedBy: lt(spec.issuedBy) } : {}),
    },
    requestable,
    definition: requestable ? (spec.form ?? []).map((fd, i) => ({ ...fd, order: (i + 1) * 10 })) : [],
    ...(spec.slaDays ? { sla: { resolveWorkingDays: spec.slaDays } } : {}),
  };
}
