import type { Notice, NoticeCategory } from '@linli/sdk';
import type { NameBook } from './people.js';
import type { Rng } from './random.js';
import { seqId, t } from './text.js';
import { addMinutes, atLocal, localDay, ms, shiftDate } from './time.js';

/**
 * 居务公开: the notice board. Dates are relative to "now" so that windows stay open and expired
 * notices stay expired whatever anchor is chosen; titles that name a date or quarter are computed.
 */

interface Draft {
  org: string;
  category: NoticeCategory;
  title: [string, string];
  body: string;
  /** [days from now (negative: past), local time] */
  publish: [number, string];
  expires?: [number, string];
  pinned?: boolean;
  publicity?: { from: [number, string]; to: [number, string]; objectionsTo: NonNullable<Notice['publicity']>['objectionsTo'] };
  attachments?: Notice['attachments'];
}

const CN_NUM = ['一', '二', '三', '四'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Masked for publication": 张建华 → 张*华, 李娜 → 李*. Published lists show no full names. */
const maskForList = (name: string) => (name.length >= 3 ? `${name[0]}*${name.slice(2)}` : `${name[0]}*`);

const table = (head: string[], rows: (string | number)[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const yuan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function buildNotices(now: string, rng: Rng, names: NameBook): Notice[] {
  const today = localDay(now);
  const day = (offset: number, time: string) => atLocal(shiftDate(today, offset), time);
  const md = (offset: number) => {
    const [, m, d] = shiftDate(today, offset).split('-').map(Number);
    return `${m}月${d}日`;
  };
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // The last full quarter, for the quarterly 财务公开.
  const q = Math.floor((month - 1) / 3) - 1;
  const [fy, fq] = q < 0 ? [year - 1, 3] : [year, q];
  const quarterZh = `${fy}年第${CN_NUM[fq]}季度`;
  const quarterEn = `Q${fq + 1} ${fy}`;

  const dibaoRows = Array.from({ length: 5 }, () => {
    const size = rng.int(1, 4);
    return [maskForList(names.name()), size, rng.pick(['建西东路社区', '骆驼巷社区', '民乐路社区']), rng.pick(['因病致困', '失业', '老年无收入', '残疾']), yuan(size * rng.int(380, 560))];
  });
  const candidates = [names.name(), names.name()];
  const jobRows = Array.from({ length: 4 }, () => [maskForList(names.name()), rng.pick(['社区保洁', '治安巡逻', '助老服务']), rng.pick(['4050人员', '残疾人', '低保家庭成员'])]);

  const xihuObjections = { phone: '0931-2336000', address: t('西湖街道便民服务中心二楼民政办', 'Civil-affairs office, 2F, Xihu Subdistrict Service Centre'), url: 'https://linli.example/objections' };

  const drafts: Draft[] = [
    // ── 党务 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-jianxi',
      category: 'party-affairs',
      title: [`关于召开建西东路社区党委${year}年度党员大会的通知`, `Notice of the ${year} general meeting of the Jianxi East Road Party committee`],
      body: `<p>各党支部、全体党员：</p><p>经社区党委研究，定于<strong>${md(4)}（星期${'日一二三四五六'[new Date(day(4, '12:00')).getUTCDay()]}）上午9:00</strong>在社区党群服务中心三楼会议室召开${year}年度党员大会。</p><ul><li>听取社区党委年度工作报告</li><li>开展民主评议党员</li><li>审议“红色物业”共建项目</li></ul><p>请党员准时参加，因故不能参加的请向所在支部书记请假。流动党员可通过线上方式参会。</p>`,
      publish: [-6, '10:00'],
      expires: [4, '12:00'],
    },
    {
      org: 'ou-jianxi',
      category: 'party-affairs',
      title: [`关于拟接收${candidates[0]}等2名同志为中共预备党员的公示`, 'Public notice: two candidates proposed for probationary Party membership'],
      body: `<p>经支部大会讨论，拟接收<strong>${candidates[0]}、${candidates[1]}</strong>2名同志为中共预备党员，现予公示。</p><p>公示期间，党员和群众可通过来电、来信、来访等方式反映情况。反映问题应实事求是，以真实姓名反映的优先核查。</p>`,
      publish: [-2, '09:30'],
      expires: [6, '18:00'],
      publicity: { from: [-2, '09:30'], to: [5, '18:00'], objectionsTo: { phone: '0931-2336012', address: t('建西东路社区党委办公室', 'Party committee office, Jianxi East Road Community') } },
    },
    {
      org: 'ou-xizhan',
      category: 'party-affairs',
      title: ['主题党日：“红色物业”进小区，党员认岗解民忧', 'Party day: Party members adopt posts in the estates'],
      body: '<p>本月主题党日，西站东社区党委组织在职党员、物业党员认领楼栋长、矛盾调解、助老服务等岗位，现场解决居民反映的楼道照明、停车秩序等问题12件。</p><p>欢迎居民继续通过“民情流水线”反映身边问题。</p>',
      publish: [-24, '16:00'],
      expires: [-10, '18:00'],
    },
    {
      org: 'ou-xihu',
      category: 'party-affairs',
      title: [`西湖街道党工委${quarterZh}党费收缴使用情况公示`, `Party dues collected and spent, Xihu Subdistrict, ${quarterEn}`],
      body: `<p>根据党费收缴、使用和管理有关规定，现将${quarterZh}党费收缴使用情况公示如下：</p>${table(['项目', '金额（元）'], [['本季度收缴党费', yuan(86420)], ['上缴区委组织部', yuan(43210)], ['慰问困难党员（18人）', yuan(9000)], ['党员教育培训', yuan(6850.5)]])}<p>如有疑问，请联系街道党建办。</p>`,
      publish: [-35, '10:00'],
      attachments: [{ name: `${quarterZh}党费收缴使用明细.pdf`, url: '/attachments/xihu-party-dues.pdf', size: 182_340, contentType: 'application/pdf' }],
    },
    // ── 居务 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-luotuo',
      category: 'resident-affairs',
      title: ['骆驼巷社区居民代表会议决议公告（小区停车管理方案）', 'Residents’ assembly decision: parking plan for Luotuoxiang'],
      body: '<p>社区于上周召开居民代表会议，应到代表45人，实到41人。经表决，<strong>38票同意</strong>、2票反对、1票弃权，通过《骆驼巷小区停车管理方案》：</p><ul><li>消防通道全线施划禁停标线</li><li>院内车位优先保障本小区居民，每车每月管理费60元</li><li>收取的费用全部用于小区公共设施维护，每季度公开</li></ul>',
      publish: [-18, '15:00'],
    },
    {
      org: 'ou-jianxi',
      category: 'resident-affairs',
      title: ['西湖家园4号楼2单元加装电梯公示', 'Public notice: adding a lift to Xihu Jiayuan Building 4, Entrance 2'],
      body: '<p>西湖家园4号楼2单元业主拟加装电梯，已有<strong>14户中的12户</strong>（专有部分面积占比86%）书面同意，符合“双三分之二”要求。现将加装方案、费用分摊方案予以公示。</p><p>对方案有异议的业主，请在公示期内向社区书面提出。</p>',
      publish: [-5, '09:00'],
      publicity: { from: [-5, '09:00'], to: [5, '18:00'], objectionsTo: { phone: '0931-2336012', address: t('建西东路社区党群服务中心一楼窗口', 'Ground-floor window, Jianxi East Road community centre') } },
      attachments: [
        { name: '加装电梯设计方案.pdf', url: '/attachments/xhjy-4-2-lift-plan.pdf', size: 2_403_112, contentType: 'application/pdf' },
        { name: '费用分摊表.xlsx', url: '/attachments/xhjy-4-2-lift-costs.xlsx', size: 18_944, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ],
    },
    {
      org: 'ou-minle',
      category: 'resident-affairs',
      title: ['民乐小区物业服务企业选聘结果公示', 'Result of the property-manager selection, Minle estate'],
      body: '<p>经业主大会表决，民乐小区选聘<strong>兰州安居物业服务有限公司</strong>为新物业服务企业，物业费标准为多层住宅每月每平方米0.55元。公示期内无异议的，双方签订物业服务合同。</p>',
      publish: [-40, '10:00'],
      publicity: { from: [-40, '10:00'], to: [-33, '18:00'], objectionsTo: { phone: '0931-2336243' } },
    },
    {
      org: 'ou-xihu',
      category: 'resident-affairs',
      title: ['关于开展楼道堆物清理专项行动的通知', 'Campaign to clear stairwells and corridors'],
      body: '<p>为消除火灾隐患，街道将开展为期一个月的楼道堆物清理专项行动。请居民自行清理楼道、消防通道内的杂物，<strong>严禁电动车进楼入户充电</strong>。逾期未清理的，由社区会同物业统一清理。</p>',
      publish: [-62, '09:00'],
      expires: [-30, '18:00'],
    },
    // ── 政务 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-xihu',
      category: 'government-affairs',
      title: [`西湖街道${month}月城乡低保新增对象公示`, `New minimum-living-allowance recipients, Xihu Subdistrict, ${MONTH_EN[month - 1]}`],
      body: `<p>根据《最低生活保障审核确认办法》，经入户调查、民主评议，以下家庭拟纳入城乡最低生活保障，现予公示：</p>${table(['户主', '保障人数', '社区', '致困原因', '月保障金额（元）'], dibaoRows)}<p>公示期间如有异议，请通过下方电话、地址或网上渠道反映，街道将在5个工作日内核实答复。<strong>反映人信息严格保密。</strong></p>`,
      publish: [-4, '09:00'],
      expires: [10, '18:00'],
      pinned: true,
      publicity: { from: [-4, '09:00'], to: [3, '18:00'], objectionsTo: xihuObjections },
    },
    {
      org: 'ou-dunhuang',
      category: 'government-affairs',
      title: [`敦煌路街道${year}年度公益性岗位拟安置人员公示`, `Proposed placements in public-service jobs, Dunhuang Road Subdistrict, ${year}`],
      body: `<p>经个人申请、资格审核，拟安置以下就业困难人员到公益性岗位：</p>${table(['姓名', '岗位', '人员类别'], jobRows)}<p>公示期5天。</p>`,
      publish: [-50, '10:00'],
      publicity: { from: [-50, '10:00'], to: [-45, '18:00'], objectionsTo: { phone: '0931-2651000', address: t('敦煌路街道劳动保障事务所', 'Labour office, Dunhuang Road Subdistrict') } },
    },
    {
      org: 'ou-qilihe',
      category: 'government-affairs',
      title: [`七里河区社区出具证明事项清单（${year}年版）`, `What communities can and cannot certify (${year} list)`],
      body: '<p>为减轻社区负担、方便群众办事，现公布社区出具证明事项清单。清单外的证明，社区不再出具。</p><ul><li><strong>社区可以出具：</strong>实际居住情况证明（经核实）、参加社区志愿服务证明等</li><li><strong>社区不出具，请到相应部门办理：</strong>户籍证明、亲属关系证明（派出所）；婚姻状况（婚姻登记处）；无犯罪记录（公安机关）；房屋权属、无房证明（不动产登记中心）；“活着证明”（社保刷脸认证）</li></ul><p>如遇单位要求社区开具清单外证明，可拨打12345反映。</p>',
      publish: [-90, '09:00'],
      pinned: true,
      attachments: [{ name: '社区出具证明事项清单.pdf', url: '/attachments/qilihe-certificate-list.pdf', size: 356_201, contentType: 'application/pdf' }],
    },
    {
      org: 'ou-dunhuang',
      category: 'government-affairs',
      title: ['敦煌路街道临时救助对象公示', 'Temporary assistance granted, Dunhuang Road Subdistrict'],
      body: `<p>本月共审批临时救助${rng.int(6, 12)}户，发放救助金${yuan(rng.int(180, 260) * 100)}元，名单在各社区居务公开栏张贴。</p>`,
      publish: [-28, '10:30'],
      expires: [-14, '18:00'],
    },
    // ── 财务 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-jianxi',
      category: 'finance',
      title: [`建西东路社区${quarterZh}财务收支公开`, `Jianxi East Road Community accounts, ${quarterEn}`],
      body: `<p>根据“四议两公开”要求，现将社区${quarterZh}财务收支情况公开如下：</p>${table(
        ['项目', '收入（元）', '支出（元）'],
        [
          ['上级拨付社区工作经费', yuan(30000), ''],
          ['党组织服务群众经费', yuan(50000), ''],
          ['办公用品及水电费', '', yuan(6214.3)],
          ['居民活动（重阳节、邻居节）', '', yuan(12860)],
          ['楼道照明维修', '', yuan(4350)],
          ['困难群众慰问', '', yuan(8000)],
          ['<strong>合计</strong>', `<strong>${yuan(80000)}</strong>`, `<strong>${yuan(31424.3)}</strong>`],
        ],
      )}<p>本季度结余${yuan(48575.7)}元，结转下季度使用。如有疑问请向社区居务监督委员会反映。</p>`,
      publish: [-42, '09:00'],
      pinned: true,
      attachments: [{ name: `${quarterZh}财务收支明细.pdf`, url: '/attachments/jianxi-finance-quarterly.pdf', size: 241_880, contentType: 'application/pdf' }],
    },
    {
      org: 'ou-xizhan',
      category: 'finance',
      title: ['西站东社区党组织服务群众经费使用情况公示', 'How the Xizhan East Party service fund was spent'],
      body: `<p>经居民代表会议议定，${year}年度党组织服务群众经费10万元使用情况如下：</p>${table(['项目', '金额（元）', '状态'], [['小区健身器材更新（8件）', yuan(36800), '已完成'], ['长者饭堂餐具及保温设备', yuan(15200), '已完成'], ['楼道声控灯改造（6栋）', yuan(21300), '已完成'], ['“四点半课堂”图书采购', yuan(8000), '进行中']])}`,
      publish: [-20, '10:00'],
    },
    {
      org: 'ou-langong',
      category: 'finance',
      title: ['兰工坪社区惠民项目资金公示（无障碍坡道改造）', 'Spending on ramps and handrails, Langongping'],
      body: '<p>项目总投资<strong>48,600.00元</strong>（区级惠民项目资金），为兰工坪家属院12个单元加装无障碍坡道和扶手，由兰州某建设工程公司施工，已于上月竣工验收。</p>',
      publish: [-15, '15:30'],
    },
    {
      org: 'ou-luotuo',
      category: 'finance',
      title: [`骆驼巷社区${year}年上半年财务公开`, `Luotuoxiang Community accounts, first half of ${year}`],
      body: `<p>上半年收入${yuan(61000)}元，支出${yuan(47230.8)}元，主要用于办公经费、居民活动、困难群众慰问。明细见社区公开栏。</p>`,
      publish: [-140, '09:00'],
      expires: [-50, '18:00'],
    },
    // ── 政策 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-qilihe',
      category: 'policy',
      title: [`${year + 1}年度城乡居民医保集中缴费开始啦`, `Resident medical insurance for ${year + 1}: payment window open`],
      body: `<p>${year + 1}年度城乡居民基本医疗保险集中缴费期为<strong>${year}年9月1日至12月31日</strong>。</p><ul><li>缴费渠道：“甘肃医保”微信公众号、税务APP、社区代办</li><li>低保、特困人员、重度残疾人个人缴费部分由政府资助</li><li>新生儿出生90天内参保，自出生之日起享受待遇</li></ul>`,
      publish: [-80, '09:00'],
      expires: [41, '23:59'],
    },
    {
      org: 'ou-qilihe',
      category: 'policy',
      title: ['关于调整高龄老人津贴标准的通知', 'New rates for the allowance for residents aged 80+'],
      body: '<p>自下月起，高龄津贴标准调整为：80—89周岁每人每月100元，90—99周岁每人每月200元，100周岁以上每人每月500元。已享受的老人无需重新申请。</p>',
      publish: [-55, '10:00'],
    },
    {
      org: 'ou-xihu',
      category: 'policy',
      title: ['“一键通”助老服务：75岁以上老人入网费、服务费政府买单', 'One-touch emergency button: free for residents aged 75+'],
      body: '<p>辖区75周岁以上独居、空巢老人可免费安装“一键通”呼叫终端，紧急情况一键连通呼叫中心和120，日常可预约家政、助餐、维修服务。请到社区窗口或拨打<strong>965885</strong>登记。</p>',
      publish: [-100, '09:00'],
    },
    {
      org: 'ou-qilihe',
      category: 'policy',
      title: ['残疾人家庭暖气费减半申报开始', 'Half-price heating for disabled residents: apply now'],
      body: '<p>持证一、二级残疾人家庭及低保家庭中的残疾人，可于<strong>10月1日至11月30日</strong>到所在社区申报暖气费减半，需携带身份证、残疾人证和上年度供暖缴费凭证。</p>',
      publish: [-50, '09:00'],
      expires: [10, '18:00'],
    },
    // ── 活动 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-jianxi',
      category: 'event',
      title: ['重阳节“长者宴”报名通知', 'Double Ninth lunch for older residents: sign up'],
      body: '<p>重阳节当天中午，社区长者饭堂为辖区70岁以上老人举办“长者宴”，名额100人，请于节前到社区报名。</p>',
      publish: [-52, '09:00'],
      expires: [-40, '18:00'],
    },
    {
      org: 'ou-xihu',
      category: 'event',
      title: ['第五届西湖街道“邻居节”活动报名', 'Fifth Xihu neighbours’ festival: sign up'],
      body: `<p>“远亲不如近邻”。第五届邻居节将于<strong>${md(9)}</strong>在西湖公园广场举行：</p><ul><li>百家宴、才艺展示、厨艺比赛</li><li>亲子跳蚤市场</li><li>便民服务：义诊、义剪、家电维修</li></ul><p>请在小程序“社区活动报名”中报名，或到所在社区窗口登记。</p>`,
      publish: [-8, '10:00'],
      expires: [9, '18:00'],
      pinned: true,
    },
    {
      org: 'ou-langong',
      category: 'event',
      title: ['“四点半课堂”冬季班招生', 'After-school club: winter term enrolment'],
      body: '<p>兰工坪社区“四点半课堂”冬季班开始招生，面向辖区小学一至六年级学生，上学日16:30—18:30，由兰州理工大学志愿者提供作业辅导和兴趣活动，免费。</p>',
      publish: [-12, '09:00'],
      expires: [3, '18:00'],
    },
    {
      org: 'ou-xiuchuan',
      category: 'event',
      title: ['义诊义剪进社区', 'Free health checks and haircuts'],
      body: `<p>${md(2)}上午9:00—11:30，社区卫生服务中心医生和志愿者理发师在秀川社区广场提供测血压、血糖和免费理发，行动不便的老人可预约上门。</p>`,
      publish: [-3, '15:00'],
      expires: [2, '12:00'],
    },
    // ── 紧急 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-xihu',
      category: 'emergency',
      title: [`关于${md(2)}临时停水的紧急通知`, `Water supply interruption on ${shiftDate(today, 2)}`],
      body: `<p>因供水管网抢修，<strong>${md(2)} 8:00—20:00</strong>西湖街道建西东路、骆驼巷片区将暂停供水。</p><ul><li>请居民提前储水，关闭家中水龙头</li><li>恢复供水初期水质可能浑浊，放水片刻即可</li><li>独居老人如需送水，请联系网格员</li></ul><p>咨询电话：0931-2336000</p>`,
      publish: [-1, '16:00'],
      expires: [2, '20:00'],
      pinned: true,
    },
    {
      org: 'ou-qilihe',
      category: 'emergency',
      title: ['寒潮蓝色预警：注意防寒防冻', 'Cold-wave blue alert: keep warm, protect pipes'],
      body: '<p>受寒潮影响，未来三天最低气温将降至-12℃。请做好水管防冻，不要使用炭火取暖，注意一氧化碳中毒。网格员将逐户走访独居老人。</p>',
      publish: [-1, '17:30'],
      expires: [3, '20:00'],
    },
    {
      org: 'ou-dunhuang',
      category: 'emergency',
      title: ['燃气管道检修停气通知', 'Gas supply interruption for pipe maintenance'],
      body: '<p>因燃气管道检修，敦煌路片区于检修当日9:00—17:00停气，请居民关闭燃气阀门，恢复供气后由燃气公司逐户点火检查。</p>',
      publish: [-34, '09:00'],
      expires: [-31, '18:00'],
    },
    {
      org: 'ou-qilihe',
      category: 'emergency',
      title: ['暴雨黄色预警：注意防范山洪和城市内涝', 'Heavy-rain yellow alert: flash floods and waterlogging'],
      body: '<p>请居民减少外出，远离河道、山沟和低洼地带，地下车库车辆及时转移。如遇险情请拨打119或联系所在社区。</p>',
      publish: [-112, '06:40'],
      expires: [-110, '20:00'],
    },
    // ── 服务 ───────────────────────────────────────────────────────────────
    {
      org: 'ou-qilihe',
      category: 'service',
      title: ['冬季供暖报修方式', 'How to report heating problems this winter'],
      body: '<p>供暖期（11月1日至次年3月31日）室温低于18℃或暖气漏水，可通过以下方式报修：</p><ul><li>小程序“民情流水线”→“供暖不热、暖气漏水”</li><li>12345政务服务便民热线</li><li>所在社区网格员</li></ul><p>供热企业承诺24小时内上门。</p>',
      publish: [-22, '09:00'],
      expires: [131, '18:00'],
    },
    {
      org: 'ou-xihu',
      category: 'service',
      title: ['医保缴费窗口周末延时服务', 'Medical-insurance desk open at weekends'],
      body: '<p>集中缴费期间，西湖街道便民服务中心医保窗口周六、周日上午9:00—12:00照常办理，方便上班族缴费。</p>',
      publish: [-30, '10:00'],
      expires: [41, '12:00'],
    },
    {
      org: 'ou-xizhan',
      category: 'service',
      title: ['西站东社区长者饭堂开业', 'Xizhan East community canteen now open'],
      body: '<p>长者饭堂位于西站东路21号一楼，每天供应午餐（12元）、晚餐（10元），80岁以上老人每餐补贴3元，低保老人每餐补贴5元，可送餐上门。</p>',
      publish: [-70, '09:00'],
    },
    {
      org: 'ou-xihu',
      category: 'service',
      title: ['65岁以上老年人免费体检预约', 'Free check-ups for residents aged 65+: book now'],
      body: '<p>西湖街道社区卫生服务中心为辖区65岁以上老人提供年度免费体检，请携带身份证空腹前往，可电话预约：0931-2339120。</p>',
      publish: [-95, '09:00'],
      expires: [-20, '18:00'],
    },
  ];

  const notices = drafts.map((d): Notice => {
    const publishAt = day(...d.publish);
    const editedLater = rng.chance(0.25) && ms(addMinutes(publishAt, 1440)) < ms(now);
    return {
      id: '',
      // Drafted shortly before publication; a few corrected a day later.
      createdAt: addMinutes(publishAt, -rng.int(20, 180)),
      updatedAt: editedLater ? addMinutes(publishAt, 1440 + rng.int(0, 240)) : publishAt,
      orgUnitId: d.org,
      category: d.category,
      title: t(...d.title),
      body: t(d.body),
      attachments: d.attachments ?? [],
      publishAt,
      ...(d.expires ? { expiresAt: day(...d.expires) } : {}),
      pinned: d.pinned ?? false,
      ...(d.publicity ? { publicity: { from: day(...d.publicity.from), to: day(...d.publicity.to), objectionsTo: d.publicity.objectionsTo } } : {}),
    };
  });
  return notices.sort((a, b) => ms(a.publishAt) - ms(b.publishAt)).map((n, i) => ({ ...n, id: seqId('n', i + 1, 3) }));
}
