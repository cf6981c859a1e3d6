import type { Locale, ServiceGroup, TargetGroup, audiences, deliveries, pricings, providerKinds } from '@linli/sdk';

export type Pricing = (typeof pricings)[number];
export type Delivery = (typeof deliveries)[number];
export type Audience = (typeof audiences)[number];
export type ProviderKind = (typeof providerKinds)[number];

/** Every value of every locale is required, so a new SDK value fails the typecheck until it has a label. */
type Labels<K extends string> = Record<Locale, Record<K, string>>;

export const groupLabels: Labels<ServiceGroup> = {
  'zh-CN': {
    elderly: '养老服务',
    assistance: '社会救助',
    employment: '就业创业',
    disability: '残疾人服务',
    family: '婚育家庭',
    housing: '住房保障',
    certificates: '证明开具',
    legal: '法律服务',
    health: '医疗卫生',
    volunteer: '志愿服务',
    veterans: '退役军人服务',
    environment: '市容环境',
    'community-affairs': '社区事务',
  },
  'zh-TW': {
    elderly: '養老服務',
    assistance: '社會救助',
    employment: '就業創業',
    disability: '殘疾人服務',
    family: '婚育家庭',
    housing: '住房保障',
    certificates: '證明開具',
    legal: '法律服務',
    health: '醫療衛生',
    volunteer: '志願服務',
    veterans: '退役軍人服務',
    environment: '市容環境',
    'community-affairs': '社區事務',
  },
  en: {
    elderly: 'Elderly care',
    assistance: 'Social assistance',
    employment: 'Jobs and business',
    disability: 'Disability services',
    family: 'Marriage, birth and family',
    housing: 'Housing',
    certificates: 'Certificates',
    legal: 'Legal help and mediation',
    health: 'Health',
    volunteer: 'Volunteering',
    veterans: 'Veterans',
    environment: 'Environment and property',
    'community-affairs': 'Community affairs',
  },
};

export const targetGroupLabels: Labels<TargetGroup> = {
  'zh-CN': {
    elderly: '老年人',
    'living-alone': '独居空巢老人',
    disabled: '残疾人',
    'low-income': '低保对象',
    veteran: '优抚对象',
    floating: '流动人口',
    children: '儿童',
    'job-seeker': '求职人员',
    family: '家庭',
    all: '全体居民',
  },
  'zh-TW': {
    elderly: '老年人',
    'living-alone': '獨居空巢老人',
    disabled: '殘疾人',
    'low-income': '低保對象',
    veteran: '優撫對象',
    floating: '流動人口',
    children: '兒童',
    'job-seeker': '求職人員',
    family: '家庭',
    all: '全體居民',
  },
  en: {
    elderly: 'Older people',
    'living-alone': 'Older people living alone',
    disabled: 'People with disabilities',
    'low-income': 'Low-income (dibao) households',
    veteran: 'Veterans and military families',
    floating: 'Migrant residents',
    children: 'Children',
    'job-seeker': 'Job seekers',
    family: 'Families',
    all: 'Everyone',
  },
};

/** 无偿 / 低偿 / 有偿 / 优惠 as residents say it. */
export const pricingLabels: Labels<Pricing> = {
  'zh-CN': { free: '免费', 'low-cost': '低偿', paid: '有偿', discounted: '优惠' },
  'zh-TW': { free: '免費', 'low-cost': '低償', paid: '有償', discounted: '優惠' },
  en: { free: 'Free', 'low-cost': 'Low cost', paid: 'Paid', discounted: 'Discounted' },
};

export const deliveryLabels: Labels<Delivery> = {
  'zh-CN': { window: '窗口办理', online: '网上办理', 'home-visit': '上门服务', outreach: '外展服务', hotline: '电话办理' },
  'zh-TW': { window: '窗口辦理', online: '網上辦理', 'home-visit': '上門服務', outreach: '外展服務', hotline: '電話辦理' },
  en: { window: 'At the service window', online: 'Online', 'home-visit': 'Home visit', outreach: 'Outreach', hotline: 'By phone' },
};

export const audienceLabels: Labels<Audience> = {
  'zh-CN': { resident: '居民办事', business: '企业办事' },
  'zh-TW': { resident: '居民辦事', business: '企業辦事' },
  en: { resident: 'For residents', business: 'For businesses' },
};

export const providerKindLabels: Labels<ProviderKind> = {
  'zh-CN': { department: '政府部门', street: '街道', community: '社区', ngo: '社会组织', enterprise: '企业', 'volunteer-team': '志愿服务队' },
  'zh-TW': { department: '政府部門', street: '街道', community: '社區', ngo: '社會組織', enterprise: '企業', 'volunteer-team': '志願服務隊' },
  en: { department: 'Government department', street: 'Subdistrict office', community: 'Community', ngo: 'Non-profit', enterprise: 'Company', 'volunteer-team': 'Volunteer team' },
};

/** A label that never throws: an unknown value (newer backend, older library) shows as itself. */
export function labelOf<K extends string>(labels: Labels<K>, locale: Locale, value: string): string {
  return (labels[locale] as Record<string, string>)[value] ?? (labels['zh-CN'] as Record<string, string>)[value] ?? value;
}

/** Only digits and a leading + survive into a `tel:` link, whatever the data holds. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;
}

/** 老年人、残疾人 in Chinese; "Older people, People with disabilities" in English. */
export function joinList(items: string[], locale: Locale): string {
  return items.join(locale === 'en' ? ', ' : '、');
}
