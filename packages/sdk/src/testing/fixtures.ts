import type { Notice, OrgUnit, Service } from '../index.js';

const at = '2026-11-01T01:00:00.000Z';

/** The contract suite's clock: every backend under test runs at this instant, whatever the real date. */
export const contractNow = '2026-11-20T01:00:00.000Z';
export const contractClock = () => new Date(contractNow);
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A tiny catalogue so the contract suite runs without the demo dataset (street light + three window-only certificates). */
export const miniServices: Service[] = [
  {
    id: 's-1',
    createdAt: at,
    updatedAt: at,
    code: 'environment.street-light',
    name: t('路灯报修', 'Street light repair'),
    group: 'environment',
    keywords: ['路灯', '照明'],
    searchTerms: ['ldbx'],
    audience: 'resident',
    targetGroups: ['all'],
    pricing: 'free',
    delivery: ['online', 'hotline'],
    provider: { kind: 'community', name: t('幸福社区居委会', 'Xingfu Community Committee') },
    guide: {
      legalBasis: [],
      conditions: [],
      materials: [],
      steps: [{ title: t('在线报修', 'Report online') }],
      timeLimit: { workingDays: 3 },
      fees: t('免费', 'Free'),
      where: t('社区服务站', 'Community service station'),
      hours: t('工作日 9:00–17:00', 'Working days 9:00–17:00'),
      phone: '0931-1234567',
      complaintRoute: t('12345 热线', '12345 hotline'),
    },
    requestable: true,
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
  },
  ...['户籍证明', '居住证办理', '高龄津贴'].map((name, i): Service => ({
    id: `s-${i + 2}`,
    createdAt: at,
    updatedAt: at,
    code: `certificates.c${i}`,
    name: t(name, `Certificate ${i}`),
    group: 'certificates',
    keywords: [],
    searchTerms: [],
    audience: 'resident',
    targetGroups: [],
    pricing: 'free',
    delivery: ['window'],
    provider: { kind: 'department', name: t('派出所', 'Police station') },
    guide: {
      legalBasis: [],
      conditions: [],
      materials: [],
      steps: [],
      timeLimit: { workingDays: 1 },
      fees: t('免费', 'Free'),
      where: t('派出所', 'Police station'),
      hours: t('工作日', 'Working days'),
      phone: '110',
      complaintRoute: t('12345', '12345'),
    },
    requestable: false,
    definition: [],
  })),
];

export const miniOrgUnits: OrgUnit[] = [
  { id: 'ou-district', createdAt: at, updatedAt: at, level: 'district', levelName: t('区', 'District'), name: t('七里河区', 'Qilihe District'), parentId: null, stats: {} },
  { id: 'ou-street', createdAt: at, updatedAt: at, level: 'street', levelName: t('街道', 'Subdistrict'), name: t('西湖街道', 'Xihu Subdistrict'), parentId: 'ou-district', stats: { households: 12000 } },
];

export const miniNotices: Notice[] = [
  {
    id: 'n-1',
    createdAt: at,
    updatedAt: at,
    orgUnitId: 'ou-street',
    category: 'finance',
    title: t('2026年第三季度财务公开', 'Q3 2026 accounts'),
    body: t('<p>收入 12,000 元</p>', '<p>Income CNY 12,000</p>'),
    attachments: [],
    publishAt: at,
    pinned: true,
  },
  {
    id: 'n-2',
    createdAt: at,
    updatedAt: at,
    orgUnitId: 'ou-street',
    category: 'event',
    title: t('重阳节敬老活动', 'Double Ninth festival'),
    body: t('<p>欢迎参加</p>', '<p>Welcome</p>'),
    attachments: [],
    publishAt: at,
    pinned: false,
  },
];

/** The small seed every adapter's contract test starts from; small enough to assert exact totals. */
export const contractSeed = { services: miniServices, orgUnits: miniOrgUnits, notices: miniNotices };
