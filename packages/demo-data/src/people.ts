import type { Household, OrgUnit, Resident } from '@linli/sdk';
import type { Rng } from './random.js';
import { atLocal, daysBefore } from './time.js';
import { seqId } from './text.js';

/**
 * Fake people. Names are assembled from common surnames and given-name characters, phones are
 * random 11-digit mobile numbers: plausible on screen, belonging to no one in particular.
 */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '秀英桂兰玉珍凤霞建国建华志强国庆永红丽娟海燕晓东子涵浩然欣怡雨桐宇轩梓萱俊杰明辉淑芬德胜文彬春梅冬梅金花玉梅振华卫东红梅小军丽萍巧云雅琴学文';
const MOBILE_PREFIXES = ['139', '138', '137', '136', '135', '158', '159', '186', '187', '189', '177', '151', '152', '181', '199'];

export class NameBook {
  private readonly used = new Set<string>();
  constructor(
    private readonly rng: Rng,
    reserved: readonly string[] = [],
  ) {
    // Staff and on-duty contacts keep their names to themselves.
    for (const n of reserved) this.used.add(n);
  }

  /** A fresh full name, never repeated within one dataset. */
  name(): string {
    for (;;) {
      const surname = this.rng.pick([...SURNAMES]);
      const given = this.rng.chance(0.7) ? this.twoChars() : this.rng.pick([...GIVEN]);
      const name = surname + given;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  phone(): string {
    return this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8);
  }

  private twoChars(): string {
    // Given names come in pairs from GIVEN (秀英, 建国 …) so they read as real names.
    const i = this.rng.int(0, GIVEN.length / 2 - 1) * 2;
    return GIVEN.slice(i, i + 2);
  }
}

interface HouseholdPlan {
  members: number;
  tags: string[];
  /** Tags for the listed residents, one array per resident (not every member is on file). */
  people: string[][];
}

/**
 * Twenty households on file with the community: the ones staff need to reach — 独居老人, 低保户,
 * 残疾人, 优抚对象 — plus ordinary families, so that tag filters have something to separate.
 */
const PLANS: HouseholdPlan[] = [
  { members: 1, tags: ['独居老人', '高龄老人'], people: [['独居老人', '高龄老人', '一键通用户']] },
  { members: 2, tags: ['低保户', '残疾人家庭'], people: [['低保户'], ['残疾人', '低保户']] },
  { members: 3, tags: ['优抚对象'], people: [['退役军人', '优抚对象'], []] },
  { members: 1, tags: ['独居老人', '特困人员'], people: [['独居老人', '特困人员']] },
  { members: 4, tags: ['流动人口', '出租屋'], people: [['流动人口'], ['流动人口']] },
  { members: 2, tags: ['空巢老人'], people: [['空巢老人', '党员'], ['空巢老人']] },
  { members: 3, tags: ['低保户'], people: [['低保户'], ['困境儿童']] },
  { members: 5, tags: [], people: [[], ['党员', '志愿者']] },
  { members: 2, tags: ['残疾人家庭'], people: [['残疾人', '重度残疾'], ['残疾人家属']] },
  { members: 1, tags: ['独居老人', '优抚对象'], people: [['独居老人', '优抚对象', '高龄老人']] },
  { members: 3, tags: ['失业家庭'], people: [['失业人员', '就业困难人员'], []] },
  { members: 2, tags: ['空巢老人', '一键通用户'], people: [['空巢老人', '一键通用户'], ['空巢老人']] },
  { members: 4, tags: ['退役军人家庭'], people: [['退役军人'], ['志愿者']] },
  { members: 3, tags: ['低保户', '残疾人家庭'], people: [['低保户', '残疾人'], ['低保户']] },
  { members: 1, tags: ['流动人口'], people: [['流动人口', '志愿者']] },
  { members: 2, tags: ['空巢老人'], people: [['空巢老人', '高龄老人'], ['空巢老人']] },
  { members: 4, tags: ['计生特扶'], people: [['计生特扶'], ['计生特扶']] },
  { members: 3, tags: [], people: [['楼栋长', '党员'], []] },
  { members: 2, tags: ['优抚对象'], people: [['烈属', '优抚对象'], ['优抚对象']] },
  { members: 1, tags: ['独居老人', '低保户'], people: [['独居老人', '低保户', '助餐对象']] },
];

/** Residents on file but not in a registered household (tenants, newcomers). */
const LOOSE: string[][] = [['流动人口', '出租屋租户'], ['流动人口'], ['流动人口', '灵活就业'], ['志愿者'], ['新就业青年', '流动人口']];

export function buildRegistry(rng: Rng, names: NameBook, buildings: OrgUnit[], grids: OrgUnit[], now: string): { households: Household[]; residents: Resident[] } {
  const households: Household[] = [];
  const residents: Resident[] = [];
  const gridOf = new Map(grids.map((g) => [g.id, g]));
  const communityOf = (b: OrgUnit) => gridOf.get(b.parentId!)!.parentId!;
  const stamp = (ageDays: number) => atLocal(daysBefore(now, ageDays), '10:15');

  const addResident = (orgUnitId: string, tags: string[], householdId?: string) => {
    const createdAt = stamp(rng.int(60, 900));
    residents.push({
      id: seqId('p', residents.length + 1, 3),
      createdAt,
      updatedAt: rng.chance(0.5) ? stamp(rng.int(5, 59)) : createdAt,
      name: names.name(),
      // A few elders have no mobile on file; staff reach them through family or the grid worker.
      ...(tags.includes('高龄老人') && rng.chance(0.5) ? {} : { phone: names.phone() }),
      ...(householdId ? { householdId } : {}),
      orgUnitId,
      tags,
    });
  };

  PLANS.forEach((plan, i) => {
    const building = buildings[(i * 7) % buildings.length]!;
    const id = seqId('h', i + 1, 3);
    const createdAt = stamp(rng.int(200, 1000));
    households.push({
      id,
      createdAt,
      updatedAt: stamp(rng.int(3, 199)),
      orgUnitId: communityOf(building),
      address: `${building.name['zh-CN']}${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`,
      members: plan.members,
      tags: plan.tags,
    });
    for (const tags of plan.people) addResident(communityOf(building), tags, id);
  });
  LOOSE.forEach((tags, i) => addResident(communityOf(buildings[(i * 5 + 3) % buildings.length]!), tags));
  return { households, residents };
}
