import type { Notice, OrgUnit, Service } from '@linli/sdk';

const at = '2026-11-01T01:00:00.000Z';
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const guide = (where: string) => ({
  legalBasis: [],
  conditions: [],
  materials: [],
  steps: [{ title: t('在线提交', 'Submit online') }],
  timeLimit: { workingDays: 3 },
  fees: t('免费', 'Free'),
  where: t(where, where),
  hours: t('工作日 9:00–17:00', 'Working days 9:00–17:00'),
  phone: '0931-1234567',
  complaintRoute: t('12345 热线', '12345 hotline'),
});

/** A small catalogue: enough for the contract suite, small enough to seed in milliseconds. */
export const services: Service[] = [
  {
    id: 's-light',
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
    guide: guide('社区服务站'),
    requestable: true,
    definition: [
      { code: 'floor', datatype: 'number', required: true, order: 1, description: t('楼层', 'Floor') },
      { code: 'urgent', datatype: 'boolean', required: false, order: 2, description: t('是否紧急', 'Urgent?') },
    ],
  },
  ...['养老服务补贴', '居住证办理', '高龄津贴', '低保申请'].map(
    (name, i): Service => ({
      id: `s-${i}`,
      createdAt: at,
      updatedAt: at,
      code: `elderly.e${i}`,
      name: t(name, `Welfare ${i}`),
      group: 'elderly',
      keywords: [],
      searchTerms: [],
      audience: 'resident',
      targetGroups: ['elderly'],
      pricing: 'free',
      delivery: ['window'],
      provider: { kind: 'department', name: t('民政所', 'Civil affairs office') },
      guide: guide('便民服务中心'),
      requestable: false,
      definition: [],
    }),
  ),
];

export const orgUnits: OrgUnit[] = [
  { id: 'ou-district', createdAt: at, updatedAt: at, level: 'district', levelName: t('区', 'District'), name: t('七里河区', 'Qilihe District'), parentId: null, stats: {} },
  { id: 'ou-street', createdAt: at, updatedAt: at, level: 'street', levelName: t('街道', 'Subdistrict'), name: t('西湖街道', 'Xihu Subdistrict'), parentId: 'ou-district', stats: { households: 12000 } },
];

export const notices: Notice[] = [
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
