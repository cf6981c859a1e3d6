import type { LocalizedText, OrgUnit } from '@linli/sdk';
import { t } from './text.js';
import { atLocal, daysBefore } from './time.js';

/**
 * 七里河区 (Lanzhou) → 2 街道 → 6 社区 → 网格 → 楼栋. The district and street names are real and
 * come from the 民情流水线 report (000:L100–136); the communities, estates and stats are a
 * plausible composite built from the reports' numbers: ~2000–3000 households per community
 * (000:L46, 002:L13), 7–16 staff (000:L80, 000:L236), 140 staff per street office (001:L42), and one
 * community with floating residents at twice the registered ones (004:L241).
 */

const LEVELS = {
  district: t('区', 'District'),
  street: t('街道', 'Subdistrict'),
  community: t('社区', 'Community'),
  grid: t('网格', 'Grid'),
  building: t('楼栋', 'Building'),
} satisfies Record<string, LocalizedText>;

export const DISTRICT_ID = 'ou-qilihe';
export const DISTRICT_NAME = '七里河区';

const HOURS = t('周一至周五 8:30—12:00、14:30—18:00；周六上午 9:00—12:00 值班（法定节假日除外）', 'Mon–Fri 8:30–12:00 and 14:30–18:00; Sat 9:00–12:00 on duty (closed on public holidays)');

interface CommunitySeed {
  slug: string;
  name: [string, string];
  street: 'xihu' | 'dunhuang';
  address: [string, string];
  phone: string;
  onDuty: [string, string];
  stats: { households: number; population: number; areaKm2: number; partyMembers: number; staff: number };
  /** Housing estates (小区/院); each grid covers one or two of them. */
  estates: string[];
  grids: number;
}

const COMMUNITIES: CommunitySeed[] = [
  {
    slug: 'jianxi',
    name: ['建西东路社区', 'Jianxi East Road Community'],
    street: 'xihu',
    address: ['七里河区建西东路126号 社区党群服务中心', 'Party-and-Public Service Centre, 126 Jianxi East Road'],
    phone: '0931-2336012',
    onDuty: ['王建华', '13893120451'],
    // 1.1 km², 3,398 registered + 6,857 floating residents, 176 party members (004:L241, L297).
    stats: { households: 2860, population: 10255, areaKm2: 1.1, partyMembers: 176, staff: 14 },
    estates: ['建西东路12号院', '西湖家园', '电力小区', '建工家属院'],
    grids: 3,
  },
  {
    slug: 'luotuo',
    name: ['骆驼巷社区', 'Luotuoxiang Community'],
    street: 'xihu',
    address: ['七里河区骆驼巷38号', '38 Luotuo Lane'],
    phone: '0931-2336178',
    onDuty: ['刘芳', '13919087732'],
    stats: { households: 2140, population: 6120, areaKm2: 0.62, partyMembers: 128, staff: 9 },
    estates: ['骆驼巷小区', '西湖苑', '机械厂家属院'],
    grids: 2,
  },
  {
    slug: 'minle',
    name: ['民乐路社区', 'Minle Road Community'],
    street: 'xihu',
    address: ['七里河区民乐路55号', '55 Minle Road'],
    phone: '0931-2336243',
    onDuty: ['马晓燕', '13609311245'],
    stats: { households: 1980, population: 5410, areaKm2: 0.48, partyMembers: 97, staff: 7 },
    estates: ['民乐小区', '百合苑', '纺织厂老院'],
    grids: 2,
  },
  {
    slug: 'xizhan',
    name: ['西站东社区', 'Xizhan East Community'],
    street: 'dunhuang',
    address: ['七里河区西站东路21号', '21 Xizhan East Road'],
    phone: '0931-2651106',
    onDuty: ['陈志强', '13993177608'],
    stats: { households: 3120, population: 8930, areaKm2: 0.95, partyMembers: 203, staff: 12 },
    estates: ['西站东小区', '铁路新村', '金港城', '站西花园'],
    grids: 3,
  },
  {
    slug: 'langong',
    name: ['兰工坪社区', 'Langongping Community'],
    street: 'dunhuang',
    address: ['七里河区兰工坪路199号', '199 Langongping Road'],
    phone: '0931-2651287',
    onDuty: ['何静', '15101238876'],
    stats: { households: 2450, population: 7020, areaKm2: 0.83, partyMembers: 154, staff: 10 },
    estates: ['兰工坪家属院', '理工大学东区', '晏家坪新苑'],
    grids: 2,
  },
  {
    slug: 'xiuchuan',
    name: ['秀川社区', 'Xiuchuan Community'],
    street: 'dunhuang',
    address: ['七里河区秀川路8号', '8 Xiuchuan Road'],
    phone: '0931-2651330',
    onDuty: ['周敏', '18793106612'],
    stats: { households: 1870, population: 5260, areaKm2: 0.71, partyMembers: 112, staff: 8 },
    estates: ['秀川新城', '滨河人家', '秀川村安置小区'],
    grids: 2,
  },
];

const STREETS = {
  xihu: {
    id: 'ou-xihu',
    name: t('西湖街道', 'Xihu Subdistrict'),
    address: t('七里河区西湖东街99号 西湖街道便民服务中心', 'Xihu Subdistrict Service Centre, 99 Xihu East Street'),
    phone: '0931-2336000',
    onDuty: { name: '杨丽娟', phone: '13893166029' },
  },
  dunhuang: {
    id: 'ou-dunhuang',
    name: t('敦煌路街道', 'Dunhuang Road Subdistrict'),
    address: t('七里河区敦煌路400号 敦煌路街道便民服务中心', 'Dunhuang Road Subdistrict Service Centre, 400 Dunhuang Road'),
    phone: '0931-2651000',
    onDuty: { name: '赵磊', phone: '13909425570' },
  },
} as const;

const GRID_ORDINALS = ['第一网格', '第二网格', '第三网格', '第四网格'];
const GRID_ORDINALS_EN = ['Grid 1', 'Grid 2', 'Grid 3', 'Grid 4'];

/** Households split so the children add up to the parent exactly. */
function split(total: number, parts: number, weights: number[]): number[] {
  const sum = weights.slice(0, parts).reduce((a, b) => a + b, 0);
  const out = weights.slice(0, parts).map((w) => Math.floor((total * w) / sum));
  out[0]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export interface OrgTree {
  orgUnits: OrgUnit[];
  district: OrgUnit;
  streets: OrgUnit[];
  communities: OrgUnit[];
  grids: OrgUnit[];
  buildings: OrgUnit[];
  /** Every unit by id. */
  byId: Map<string, OrgUnit>;
}

export function buildOrgUnits(now: string): OrgTree {
  const createdAt = atLocal(daysBefore(now, 1051), '10:00');
  const updatedAt = atLocal(daysBefore(now, 142), '16:20');
  const base = (id: string, level: keyof typeof LEVELS, name: LocalizedText, parentId: string | null): OrgUnit => ({
    id,
    createdAt,
    updatedAt,
    level,
    levelName: LEVELS[level],
    name,
    parentId,
    stats: {},
  });

  const communities: OrgUnit[] = [];
  const grids: OrgUnit[] = [];
  const buildings: OrgUnit[] = [];

  for (const c of COMMUNITIES) {
    const street = STREETS[c.street];
    const id = `ou-${c.slug}`;
    communities.push({
      ...base(id, 'community', t(...c.name), street.id),
      stats: { ...c.stats },
      office: { address: t(...c.address), phone: c.phone, hours: HOURS, onDuty: { name: c.onDuty[0], phone: c.onDuty[1] } },
    });
    const gridHouseholds = split(c.stats.households, c.grids, [5, 4, 3]);
    const gridPopulation = split(c.stats.population, c.grids, [5, 4, 3]);
    for (let g = 0; g < c.grids; g++) {
      const gridId = `${id}-g${g + 1}`;
      // One 网格员 per grid plus a volunteer building leader per 楼栋.
      grids.push({
        ...base(gridId, 'grid', t(`${c.name[0]}${GRID_ORDINALS[g]}`, `${c.name[1]}, ${GRID_ORDINALS_EN[g]}`), id),
        stats: { households: gridHouseholds[g]!, population: gridPopulation[g]!, staff: 1 },
      });
      const estate = c.estates[g % c.estates.length]!;
      for (let b = 0; b < 2; b++) {
        const no = g * 3 + b * 2 + 1;
        const households = [72, 96, 48, 108, 60, 84][(g + b * 3) % 6]!;
        buildings.push({
          ...base(`${gridId}-b${no}`, 'building', t(`${estate}${no}号楼`, `${estate} Bldg ${no}`), gridId),
          stats: { households, population: Math.round(households * 2.7) },
        });
      }
    }
  }

  const streets: OrgUnit[] = (['xihu', 'dunhuang'] as const).map((key) => {
    const s = STREETS[key];
    const kids = communities.filter((c) => c.parentId === s.id);
    const sum = (k: 'households' | 'population' | 'partyMembers') => kids.reduce((n, c) => n + (c.stats[k] ?? 0), 0);
    const area = kids.reduce((n, c) => n + (c.stats.areaKm2 ?? 0), 0);
    return {
      ...base(s.id, 'street', s.name, DISTRICT_ID),
      // The demo shows only some of each street's communities; stats are those of the ones shown,
      // with the street office's own ~140 staff (001:L42).
      stats: { households: sum('households'), population: sum('population'), areaKm2: Math.round(area * 100) / 100, partyMembers: sum('partyMembers'), staff: key === 'xihu' ? 138 : 142 },
      office: { address: s.address, phone: s.phone, hours: HOURS, onDuty: { ...s.onDuty } },
    };
  });

  const district: OrgUnit = {
    ...base(DISTRICT_ID, 'district', t(DISTRICT_NAME, 'Qilihe District'), null),
    stats: { households: 201350, population: 566280, areaKm2: 397.25, partyMembers: 31420, staff: 1860 },
    office: {
      address: t('七里河区西津西路16号 七里河区政务服务中心', 'Qilihe District Government Service Centre, 16 Xijin West Road'),
      phone: '0931-12345',
      hours: t('周一至周五 9:00—17:00（午间不休）；12345热线 7×24 小时', 'Mon–Fri 9:00–17:00, no lunch break; hotline 12345 around the clock'),
      onDuty: { name: '孙海涛', phone: '13893100218' },
    },
  };

  const orgUnits = [district, ...streets, ...communities, ...grids, ...buildings];
  return { orgUnits, district, streets, communities, grids, buildings, byId: new Map(orgUnits.map((o) => [o.id, o])) };
}
