import type { AttributeValue } from '@linli/sdk';
import type { Rng } from '../random.js';

/** Where a case happens; texts refer to it through placeholders. */
export interface PlaceWords {
  /** {c} 社区 name */
  community: string;
  /** {e} estate (小区/院) */
  estate: string;
  /** {b} building */
  building: string;
  /** {u} unit (单元) number */
  unit: string;
}

export function fill(text: string, w: PlaceWords): string {
  return text.replaceAll('{c}', w.community).replaceAll('{e}', w.estate).replaceAll('{b}', w.building).replaceAll('{u}', w.unit);
}

/**
 * What residents report and how it ends, per service. Texts follow the problems the field reports
 * and everyday 12345 practice describe: 楼道堆物, 路灯不亮, 噪音扰民, 下水道堵塞, 低保咨询, 邻里纠纷 …
 */
export interface Case {
  text: string;
  /** How such a case is closed (one is picked). */
  resolutions: string[];
  /** Attribute values that the text implies (they override the scenario's). */
  attributes?: Record<string, AttributeValue>;
}

export interface Scenario {
  serviceCode: string;
  /** Relative frequency among all grievances. */
  weight: number;
  cases: Case[];
  /** Attribute values any case may have; `fillAttributes` completes the rest. */
  attributes?: (rng: Rng, where: PlaceWords) => Record<string, AttributeValue>;
  /** Bodies a case of this kind may be handed to (`refer`). */
  referTo?: string[];
  /** Why such a case might be refused (`reject`). */
  rejections?: string[];
  /** Questions staff ask back (`request_info`) and what residents answer. */
  followUps?: [question: string, answer: string][];
  /** Reporters' complaints when they dispute the result. */
  disputes?: string[];
}

const GENERIC_FOLLOW_UPS: [string, string][] = [
  ['请补充具体楼栋、单元号和位置，方便网格员到现场查看。', '在{b}{u}单元，一楼东侧楼梯口。'],
  ['请问您什么时间方便？维修人员需要入户查看。', '工作日下午三点以后都在家。'],
  ['能否补充一张现场照片？', '已经拍了照片，发到网格员微信上了。'],
];

export const scenarios: Scenario[] = [
  {
    serviceCode: 'environment.corridor-clutter',
    weight: 14,
    cases: [
      {
        text: '{b}{u}单元楼道里堆了很多纸箱和旧家具，快一个月了，晚上上下楼看不清，担心着火了跑不出去。',
        resolutions: ['网格员会同物业上门督促住户清理，楼道杂物已全部清走，并张贴了消防安全提示。', '已通知物业清理楼道堆物，网格员现场复查，楼道已畅通。'],
        attributes: { clutter_types: ['cartons', 'furniture'], blocks_exit: true },
      },
      {
        text: '{b}{u}单元一楼楼梯下面有人停电动车，还从窗户拉电线充电，多次提醒没用，火灾隐患很大。',
        resolutions: ['已联系电动车车主，拆除飞线充电，车辆移至小区集中充电棚，网格员将每周巡查。'],
        attributes: { clutter_types: ['e-bike'], floor: 1, blocks_exit: false },
      },
      {
        text: '{e}{b}三楼到四楼之间堆放装修剩下的木板和水泥袋，老人上下楼很不方便。',
        resolutions: ['已联系装修住户，装修垃圾三日内清运完毕，网格员现场复查楼道已畅通。'],
        attributes: { clutter_types: ['other'], floor: 3, blocks_exit: false },
      },
      {
        text: '{b}{u}单元顶楼楼道被住户堆满杂物，消防通道被堵，请社区督促清理。',
        resolutions: ['网格员会同物业上门督促住户清理，楼道杂物已全部清走，并张贴了消防安全提示。'],
        attributes: { clutter_types: ['cartons', 'furniture'], blocks_exit: true },
      },
      {
        text: '{b}{u}单元楼道里有人放了好几盆大花和腌菜缸，楼道本来就窄，现在只能侧身过。',
        resolutions: ['经与住户协商，花盆和腌菜缸已搬回室内，社区在单元门口张贴了楼道管理公约。'],
        attributes: { clutter_types: ['other'], blocks_exit: false },
      },
    ],
    attributes: (rng) => ({ floor: rng.int(1, 7) }),
    rejections: ['经现场核实，所反映物品位于住户自家入户门内，不属于公共楼道，已与反映人沟通说明。'],
    referTo: ['七里河区消防救援大队'],
    disputes: ['杂物清走没两天又堆上了，希望能彻底解决。'],
  },
  {
    serviceCode: 'environment.street-light',
    weight: 12,
    cases: [
      {
        text: '{e}院内路灯连续一周晚上不亮，老人晚上出来散步很危险。',
        resolutions: ['经检查为线路老化，物业已重新布线，院内路灯均已修复。', '已更换为LED节能灯，网格员晚间复查照明正常。'],
        attributes: { light_type: 'courtyard', lamp_count: 2 },
      },
      {
        text: '{b}{u}单元楼道灯坏了，二楼到五楼一片漆黑，声控也不管用。',
        resolutions: ['物业已更换灯泡和声控开关，楼道照明恢复正常。'],
        attributes: { light_type: 'corridor', lamp_count: 4 },
      },
      {
        text: '{c}门口的路灯不亮，路口很暗，晚上电动车差点撞到人。',
        resolutions: ['已转区市政设施管理所，维修人员更换了镇流器，路灯恢复照明。'],
        attributes: { light_type: 'street', lamp_count: 1 },
      },
      {
        text: '{e}北门到{b}之间三盏路灯只有一盏亮，请尽快维修。',
        resolutions: ['经检查为线路老化，物业已重新布线，三盏路灯均已修复。'],
        attributes: { light_type: 'courtyard', lamp_count: 2 },
      },
      {
        text: '{b}楼前路灯一到晚上就一闪一闪的，晃得人眼睛疼。',
        resolutions: ['已更换为LED节能灯，网格员晚间复查照明正常。'],
        attributes: { light_type: 'courtyard', lamp_count: 1 },
      },
    ],
    attributes: (rng) => ({ pole_number: `QLH-${rng.int(100, 999)}` }),
    referTo: ['七里河区市政设施管理所', '国网兰州供电公司七里河供电服务中心'],
    disputes: ['路灯修了两天又不亮了。'],
  },
  {
    serviceCode: 'environment.noise',
    weight: 11,
    cases: [
      {
        text: '{b}楼下商铺每天晚上放音乐到十一点多，家里老人孩子根本睡不着。',
        resolutions: ['网格员与商铺负责人沟通，商铺承诺晚上九点后关闭外放音响，已签订承诺书。'],
        attributes: { noise_source: 'business', time_periods: ['evening', 'night'], recurring: true },
      },
      {
        text: '{e}广场舞音响声音太大，每天早上六点多就开始，影响休息。',
        resolutions: ['社区组织广场舞队负责人协商，活动时间调整为早上8点以后，并控制音量。'],
        attributes: { noise_source: 'square-dance', time_periods: ['morning'], recurring: true },
      },
      {
        text: '{b}{u}单元有住户装修，周末早上七点就开始用电钻，严重扰民。',
        resolutions: ['已上门告知装修住户装修时间规定（工作日8:00—12:00、14:00—18:00），住户表示配合。'],
        attributes: { noise_source: 'renovation', time_periods: ['morning'] },
      },
      {
        text: '{c}附近工地夜间施工，凌晨一两点还在打桩，希望有关部门管一管。',
        resolutions: ['已联系施工单位，夜间22点后停止高噪声作业，确需连续施工的须办理夜间施工许可并公示。'],
        attributes: { noise_source: 'construction', time_periods: ['night'], recurring: true },
      },
      {
        text: '{b}楼下烧烤摊每天营业到凌晨两点，吵闹声和油烟都很大。',
        resolutions: ['社区联合城管中队约谈烧烤摊经营者，营业时间调整为22点前结束。'],
        attributes: { noise_source: 'business', time_periods: ['night'], recurring: true },
      },
    ],
    referTo: ['七里河区生态环境局', '辖区派出所', '七里河区城市管理行政执法局'],
    disputes: ['说好九点后关音响，这两天又开到半夜了。'],
  },
  {
    serviceCode: 'environment.drain-blockage',
    weight: 9,
    cases: [
      {
        text: '{b}{u}单元一楼下水道返水，污水流到楼道里，味道很大。',
        resolutions: ['已联系疏通队用高压车疏通主管道，并对楼道进行清洗消毒。'],
        attributes: { severity: 'overflow', affected_households: 6 },
      },
      {
        text: '{e}化粪池满了往外溢，院子里全是污水，请尽快处理。',
        resolutions: ['社区协调区排水公司抽排化粪池，院内污水已清理完毕。'],
        attributes: { severity: 'overflow', affected_households: 24 },
      },
      {
        text: '{b}后面的雨水井堵了，下雨时积水很深，车都过不去。',
        resolutions: ['物业已清掏雨水井并更换破损井箅，排水恢复正常。'],
        attributes: { severity: 'blocked' },
      },
      {
        text: '{e}是老旧小区没有物业，主下水管堵了好几天，一楼住户家里都返水了。',
        resolutions: ['无物业小区由社区兜底，已组织专业人员疏通并更换破损管段。'],
        attributes: { severity: 'blocked', no_property_manager: true, affected_households: 8 },
      },
    ],
    referTo: ['兰州市城市排水有限公司'],
    rejections: ['经核实为住户户内管道堵塞，不属于公共管道，已告知可联系物业有偿疏通。'],
    disputes: ['疏通后第二天又堵了。'],
  },
  {
    serviceCode: 'environment.waste',
    weight: 8,
    cases: [
      { text: '{e}垃圾桶满了好几天没人拉，味道很大还招苍蝇。', resolutions: ['已协调环卫所将清运频次增加为每日两次，垃圾已清运。'], attributes: { waste_issue: 'not-collected', smell: true } },
      { text: '{b}旁边有人扔了一堆装修垃圾和旧沙发，占了半条路。', resolutions: ['装修垃圾已清运，并在现场张贴建筑垃圾预约清运电话。'], attributes: { waste_issue: 'bulky', smell: false } },
      { text: '{e}垃圾分类投放点太脏，厨余垃圾桶没有盖子。', resolutions: ['已更换带盖厨余垃圾桶，并安排志愿者在投放高峰时段值守引导。'], attributes: { waste_issue: 'sorting', smell: true } },
      { text: '请问旧床垫、旧沙发这些大件垃圾应该怎么处理？放在哪里？', resolutions: ['已答复：大件垃圾可拨打物业电话预约，每周六统一清运至临时堆放点。'], attributes: { waste_issue: 'bulky' } },
    ],
    referTo: ['七里河区环境卫生管理所'],
  },
  {
    serviceCode: 'environment.property-repair',
    weight: 9,
    cases: [
      {
        text: '{b}{u}单元电梯这周已经坏了三次，家里有老人，上下楼太难了。',
        resolutions: ['物业联系电梯维保单位更换了门机板，电梯已恢复运行，维保单位承诺加强巡检。'],
        attributes: { part: 'elevator', people_trapped: false },
      },
      {
        text: '{b}顶楼屋面漏水，下雨天家里天花板一直滴水，找物业好几次没人管。',
        resolutions: ['社区协助业主申请使用住宅专项维修资金，已完成屋面防水维修。'],
        attributes: { part: 'roof' },
      },
      { text: '{b}{u}单元门禁坏了，门一直关不上，外来人员随便进出。', resolutions: ['物业已更换门禁锁具，单元门恢复正常。'], attributes: { part: 'door', floor: 1 } },
      { text: '{b}外墙瓷砖脱落，砸到楼下自行车棚，太危险了。', resolutions: ['已拉设警戒线，物业组织高空作业人员清除了松动瓷砖。'], attributes: { part: 'facade' } },
    ],
    attributes: (rng) => ({ floor: rng.int(2, 18) }),
    referTo: ['七里河区住房和城乡建设局', '七里河区市场监督管理局（特种设备）'],
    followUps: [['请问漏水是哪个房间？维修人员需要入户查看。', '主卧和卫生间，周末全天在家。']],
    disputes: ['电梯修好没两天又停了。', '下雨还在漏，根本没修好。'],
  },
  {
    serviceCode: 'environment.heating',
    weight: 7,
    cases: [
      {
        text: '{b}{u}单元暖气不热，室温才十四五度，家里有八十多岁的老人。',
        resolutions: ['供热企业上门排气并调整阀门，复测室温达到19℃。'],
        attributes: { heating_issue: 'cold', room_temperature: 14, has_elderly_or_infant: true },
      },
      { text: '{b}暖气片接口漏水，把地板都泡了，供热公司电话打不通。', resolutions: ['供热企业已更换漏水阀门，社区跟进确认。'], attributes: { heating_issue: 'leak' } },
      {
        text: '{e}整栋楼暖气都不热，供暖开始一周了还是凉的。',
        resolutions: ['经查为单元主阀故障，供热企业已维修，整栋楼供热恢复正常。'],
        attributes: { heating_issue: 'no-heat', room_temperature: 12 },
      },
    ],
    referTo: ['兰州市热力公司七里河分公司'],
    disputes: ['修完还是只有十六度。'],
  },
  {
    serviceCode: 'environment.parking',
    weight: 5,
    cases: [
      { text: '{e}消防通道上长期停着几辆车，真着火了消防车进不来。', resolutions: ['网格员通过物业联系车主挪车，并在消防通道施划禁停标线。'], attributes: { blocks_fire_lane: true, abandoned: false } },
      { text: '{b}楼下有辆车停了半年没动过，落满了灰，轮胎都瘪了，是僵尸车。', resolutions: ['已联系交警七里河大队，确认为长期停放车辆，已通知车主自行处理。'], attributes: { blocks_fire_lane: false, abandoned: true } },
      { text: '{c}门口早晚高峰乱停车，出入口经常被堵。', resolutions: ['社区协调物业在出入口设置隔离桩，并安排志愿者早晚高峰劝导。'], attributes: { blocks_fire_lane: false, abandoned: false } },
    ],
    referTo: ['兰州市公安局交通警察支队七里河大队'],
  },
  {
    serviceCode: 'environment.greening',
    weight: 3,
    cases: [
      { text: '{b}窗前的大树长得太高，挡光，树枝还挨着电线。', resolutions: ['已联系区园林绿化所对树木进行修剪，并清理了与电线接触的枝条。'], attributes: { green_issue: 'pruning' } },
      { text: '{e}有居民把绿地挖了种菜，还浇粪水，味道很大。', resolutions: ['社区和物业上门劝导，菜地已恢复为绿地。'], attributes: { green_issue: 'damaged' } },
    ],
    referTo: ['七里河区园林绿化管理所'],
  },
  {
    serviceCode: 'legal.mediation',
    weight: 8,
    cases: [
      {
        text: '楼上{b}{u}单元住户卫生间漏水，我家天花板都泡坏了，找他们好几次都不处理。',
        resolutions: ['人民调解员组织双方现场调解，楼上住户同意维修防水并赔偿1500元，双方签订调解协议。'],
        attributes: { dispute_type: 'water-leak' },
      },
      {
        text: '邻居家的狗每天晚上叫，还经常在楼道里大小便，沟通无果，请社区帮忙调解。',
        resolutions: ['经调解，养狗住户承诺夜间将狗放在室内并及时清理楼道，双方握手言和。'],
        attributes: { dispute_type: 'pets' },
      },
      { text: '对门邻居在楼道里装了鞋柜和铁门，占用公共空间，说了也不听。', resolutions: ['调解员上门协调，邻居已拆除楼道铁门，鞋柜移回室内。'], attributes: { dispute_type: 'shared-space' } },
      { text: '和楼上邻居因为装修噪音闹了矛盾，希望社区出面协调一下。', resolutions: ['经调解，双方约定装修作业时间，邻里关系缓和。'], attributes: { dispute_type: 'noise' } },
    ],
    attributes: (rng) => ({ parties: 2, other_party_agrees: rng.chance(0.7) }),
    rejections: ['该纠纷已由七里河区人民法院立案受理，依法不再进行人民调解，已告知当事人。'],
    referTo: ['七里河区人民法院诉前调解中心'],
    followUps: [['请问对方是否同意参加调解？方便什么时间？', '对方说可以，周六上午都行。']],
    disputes: ['协议签了，楼上到现在也没修。'],
  },
  {
    serviceCode: 'assistance.dibao',
    weight: 5,
    cases: [
      {
        text: '老伴去年生病去世了，我没有退休金，想问能不能申请低保，需要准备什么材料？',
        resolutions: ['民政专干已电话告知申请条件和材料清单，并预约入户调查时间，居民已提交申请。'],
        attributes: { household_size: 1, monthly_income: 0, hardship_reason: '老年无收入' },
      },
      {
        text: '我今年失业了，孩子在上学，家里只有爱人打零工，想咨询低保申请条件。',
        resolutions: ['经初步核对家庭收入超过低保标准，已告知可申请临时救助并协助办理。', '民政专干已电话告知申请条件和材料清单，并预约入户调查时间，居民已提交申请。'],
        attributes: { household_size: 3, monthly_income: 2100, hardship_reason: '失业' },
      },
      {
        text: '我家是低保户，这个月低保金一直没到账，请帮忙查一下。',
        resolutions: ['经查询，因银行卡到期更换导致发放失败，已更新卡号，本月低保金已补发。'],
        attributes: { household_size: 2, monthly_income: 600, hardship_reason: '家庭成员患病' },
      },
    ],
    attributes: () => ({ has_disability: false }),
    followUps: [['请补充家庭成员的收入情况。', '爱人打零工每月大约1500元，没有其他收入。']],
  },
  {
    serviceCode: 'elderly.meal-aid',
    weight: 4,
    cases: [
      {
        text: '我父亲82岁独居在{b}，腿脚不方便，想申请每天送午餐上门。',
        resolutions: ['已为老人登记送餐上门，从下周一起每天11:30前送达，补贴按80岁以上标准执行。'],
        attributes: { age: 82, meal_mode: 'delivery', meals: ['lunch'] },
      },
      {
        text: '长者饭堂的饭菜最近有点咸，老人吃了血压高，希望能做得清淡一些。',
        resolutions: ['已向长者饭堂反馈，调整为低盐菜谱，并增加软食和糖尿病餐选项。'],
        attributes: { meal_mode: 'dine-in', meals: ['lunch', 'dinner'], dietary_needs: '低盐' },
      },
      {
        text: '想给母亲报名助餐，她是低保老人，请问补贴怎么申请？',
        resolutions: ['已登记助餐，低保老人每餐补贴5元，凭社保卡刷卡即可享受。'],
        attributes: { meal_mode: 'pickup', meals: ['lunch'] },
      },
    ],
    attributes: (rng, where) => ({ age: rng.int(72, 91), delivery_address: `${where.building}${where.unit}单元` }),
  },
  {
    serviceCode: 'elderly.emergency-button',
    weight: 3,
    cases: [
      { text: '我家老人一个人住，78岁了，想申请安装一键通。', resolutions: ['服务商已上门安装一键通终端并教会老人使用，紧急联系人已录入。'], attributes: { age: 78, lives_alone: true } },
      { text: '家里的一键通按了没反应，是不是坏了？', resolutions: ['已上门更换电池并测试，终端恢复正常。'] },
    ],
    attributes: (rng) => ({ age: rng.int(75, 90), lives_alone: rng.chance(0.7), has_disability: false, emergency_contact: '女儿（电话已在社区登记）' }),
  },
  {
    serviceCode: 'elderly.home-care',
    weight: 3,
    cases: [
      { text: '我母亲行动不便，想约人每周上门打扫一次卫生。', resolutions: ['已派加盟家政企业上门提供助洁服务，并纳入每周固定服务计划。'], attributes: { care_types: ['cleaning'] } },
      { text: '家里老人需要助浴服务，请问怎么预约，费用多少？', resolutions: ['已为老人预约助浴服务，补贴对象每次自付15元。'], attributes: { care_types: ['bathing'], subsidised: true } },
    ],
  },
  {
    serviceCode: 'community-affairs.suggestion',
    weight: 6,
    cases: [
      {
        text: '建议在{c}活动广场增加几个健身器材和休息座椅。',
        resolutions: ['建议已提交社区议事协商会，决定使用党组织服务群众经费增设健身器材4件、座椅6把，已安装完毕。'],
        attributes: { topic: 'facilities' },
      },
      { text: '{e}小区门口没有无障碍坡道，轮椅进出很困难，建议加装。', resolutions: ['已协调物业在小区门口加装无障碍坡道。'], attributes: { topic: 'facilities' } },
      { text: '希望社区多组织一些教老年人用智能手机的培训。', resolutions: ['社区已开设每周三下午“银龄学堂”智能手机课程，欢迎报名。'], attributes: { topic: 'services' } },
      { text: '{e}里快递柜太少，快递经常堆在门口，建议增加。', resolutions: ['已与快递企业协商，在小区内新增一组智能快递柜。'], attributes: { topic: 'services' } },
    ],
    attributes: (rng) => ({ wants_reply: rng.chance(0.6) }),
    referTo: ['七里河区住房和城乡建设局'],
  },
  {
    serviceCode: 'volunteer.wish',
    weight: 2,
    cases: [
      { text: '我是{b}的独居老人，想请志愿者陪我去医院复查。', resolutions: ['党员志愿者已认领心愿，陪同老人到医院完成复查。'], attributes: { wish_type: 'service', wish_detail: '陪同到医院复查' } },
      { text: '孩子上三年级，家里困难，想要一个新书包和一套文具。', resolutions: ['心愿已由驻区单位党员认领，书包和文具已送到孩子手中。'], attributes: { wish_type: 'study', wish_detail: '新书包和一套文具' } },
    ],
  },
  {
    serviceCode: 'certificates.residence',
    weight: 2,
    cases: [{ text: '孩子明年上小学，学校要求社区开实际居住证明，我们租住在{b}已经三年了。', resolutions: ['网格员核实居住情况属实，已出具实际居住情况证明。'], attributes: { purpose: 'school', years_lived: 3 } }],
    rejections: ['经核实，申请人未在本社区实际居住，不能出具证明，已告知可到实际居住地社区办理。'],
  },
  {
    serviceCode: 'certificates.stamp-inquiry',
    weight: 3,
    cases: [
      {
        text: '单位让社区开一个“单身证明”盖章，请问社区能开吗？',
        resolutions: ['已答复：婚姻状况证明应由婚姻登记机关出具，社区不能开具，已告知办理地点和材料。'],
        attributes: { document_name: '单身证明', requesting_body: '工作单位人事处' },
      },
      {
        text: '银行要求社区证明我和我父亲是父子关系，社区能开吗？',
        resolutions: ['已答复：亲属关系可通过户口簿体现，户口簿无法体现的请到派出所或公证处办理。'],
        attributes: { document_name: '亲属关系证明', requesting_body: '银行' },
      },
    ],
  },
];

export function followUpsFor(s: Scenario): [string, string][] {
  return s.followUps ?? GENERIC_FOLLOW_UPS;
}

export const CANCEL_NOTES = ['问题已自行解决，撤回反映。', '已和邻居协商解决了，不用处理了。', '提交错了，重新提交。'];
export const GENERIC_REJECTIONS = ['反映内容不完整，无法确定具体位置，多次联系反映人未果，暂不予受理。', '所反映事项不属于社区受理范围，已告知可通过12345热线反映。'];
