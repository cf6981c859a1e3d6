/**
 * 民情流水线 end to end with the public SDK: a resident reports a broken corridor light, staff
 * accept → assign → start → resolve, the resident rates 不满意, a 整改 opens with a working-day
 * deadline, staff rectify and call back (回访), and the case closes. Metrics before and after.
 *
 *   pnpm --filter @linli/sdk --filter @linli/adapter-memory build
 *   cd examples/node-sdk && pnpm start
 */
import {
  createClient,
  evaluationLevelLabels,
  isAttributeShown,
  LinliError,
  localize,
  reasonsForLevel,
  workingDaysBetween,
  type AttributeValue,
  type EvaluationSummary,
  type GrievanceStatus,
  type LinliAdapter,
  type Actor,
  type Rectification,
  type Service,
  type TimelineEntry,
} from '@linli/sdk';
import { createMemoryStore, memoryAdapter, type MemoryStore } from '@linli/adapter-memory';

// ── Backend: one memory store, seen by a staff member and by an anonymous resident ───────────────

const staffActor: Actor = { role: 'staff', id: 'staff-07', name: '李晓梅（网格员）' };

/** A one-service catalogue, used while the `@linli/demo-data` community is not built. */
function inlineStore(): MemoryStore {
  const at = '2026-01-05T01:00:00.000Z';
  const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const corridorLight: Service = {
    id: 'svc-corridor-light',
    createdAt: at,
    updatedAt: at,
    code: 'environment.corridor-light',
    name: t('楼道灯报修', 'Corridor light repair'),
    group: 'environment',
    keywords: ['楼道灯', '照明', '报修'],
    searchTerms: ['ldd'],
    audience: 'resident',
    targetGroups: ['all'],
    pricing: 'free',
    delivery: ['online', 'hotline'],
    provider: { kind: 'community', name: t('幸福社区居委会', 'Xingfu Community Committee') },
    orgUnitId: 'ou-xingfu',
    guide: {
      legalBasis: [],
      conditions: [],
      materials: [],
      steps: [{ title: t('在线报修', 'Report online') }],
      timeLimit: { workingDays: 5 },
      fees: t('免费', 'Free'),
      where: t('幸福社区党群服务中心', 'Xingfu community service centre'),
      hours: t('工作日 9:00–17:00', 'Working days 9:00–17:00'),
      phone: '0931-2345678',
      complaintRoute: t('12345 政务服务便民热线', '12345 citizen hotline'),
    },
    requestable: true,
    definition: [
      { code: 'floor', datatype: 'number', required: true, order: 1, description: t('楼层', 'Floor') },
      { code: 'urgent', datatype: 'boolean', required: false, order: 2, description: t('是否影响老人出行', 'Affects elderly residents?') },
    ],
  };
  return createMemoryStore({ seed: { services: [corridorLight] } });
}

/** Prefers the demo community (`@linli/adapter-memory/demo`); falls back to the inline catalogue. */
async function openBackend(): Promise<{ source: string; adapterFor: (actor?: Actor) => LinliAdapter }> {
  try {
    const demo = await import('@linli/adapter-memory/demo');
    const store = demo.createDemoStore();
    return { source: '演示社区数据 [@linli/demo-data]', adapterFor: (actor) => demo.demoAdapter({ store, actor }) };
  } catch (err) {
    const store = inlineStore();
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { source: `内置最小数据 [inline seed: 1 service]（演示数据不可用 [demo data unavailable]: ${why}）`, adapterFor: (actor) => memoryAdapter({ store, actor }) };
  }
}

// ── Formatting ──────────────────────────────────────────────────────────────────────────────────

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const time = (iso: string | undefined) => (iso ? beijing.format(new Date(iso)) : '—');

const statusLabels: Record<GrievanceStatus, string> = {
  submitted: '已提交 [submitted]',
  accepted: '已受理 [accepted]',
  assigned: '已派单 [assigned]',
  in_progress: '办理中 [in progress]',
  awaiting_reporter: '待补充 [awaiting reporter]',
  resolved: '已办结，待评价 [resolved]',
  rectifying: '整改中 [rectifying]',
  revisiting: '待回访 [revisiting]',
  reopen_requested: '申请重办 [reopen requested]',
  closed: '已归档 [closed]',
  rejected: '不予受理 [rejected]',
  duplicate: '重复件 [duplicate]',
  referred: '已转办 [referred]',
  cancelled: '已撤回 [cancelled]',
};
const rectificationLabels: Record<Rectification['status'], string> = { open: '待整改 [open]', rectified: '已整改，待回访 [rectified]', closed: '已回访，结案 [closed]' };
const roleLabels: Record<TimelineEntry['actor']['role'], string> = { resident: '居民', staff: '工作人员', admin: '管理员', system: '系统' };

const percent = (rate: number | null) => (rate === null ? '—（无数据 n/a）' : `${(rate * 100).toFixed(1)}%`);
const heading = (text: string) => console.log(`\n━━ ${text}`);
const line = (label: string, value: unknown) => console.log(`  ${label}：${value}`);

function printSummary(title: string, s: EvaluationSummary) {
  heading(title);
  line('评价数 [count]', s.count);
  line('好评率 [good]', percent(s.goodRate));
  line('差评率 [bad]', percent(s.badRate));
  line('差评整改率 [rectified]', percent(s.rectificationRate));
  line('回访率 [revisited]', percent(s.revisitRate));
  line('主动评价率 [rated]', percent(s.evaluatedRate));
}

function printTimeline(entries: readonly TimelineEntry[]) {
  for (const e of entries) {
    const move = `${e.from ? statusLabels[e.from].split(' ')[0] : '—'} → ${statusLabels[e.to].split(' ')[0]}`;
    console.log(`  ${time(e.at)} │ ${roleLabels[e.actor.role].padEnd(4, '　')} │ ${move}\n  ${' '.repeat(22)}└ ${e.note}`);
  }
}

/** Fills a service's required dynamic fields (showIf respected), as a form would. */
function formValues(service: Service): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const def of [...service.definition].sort((a, b) => a.order - b.order)) {
    if (def.datatype === 'note' || !def.required || !isAttributeShown(def, values)) continue;
    const first = def.values?.[0]?.key ?? '3号楼2单元';
    values[def.code] =
      def.datatype === 'number' ? 3
      : def.datatype === 'boolean' ? true
      : def.datatype === 'datetime' ? new Date().toISOString()
      : def.datatype === 'multivaluelist' ? [first]
      : first;
  }
  return values;
}

// ── The 民情流水线 ──────────────────────────────────────────────────────────────────────────────

async function main() {
  const backend = await openBackend();
  const staff = createClient({ adapter: backend.adapterFor(staffActor) });
  const resident = createClient({ adapter: backend.adapterFor() });
  console.log(`邻里 Linli · 民情流水线示例 [grievance pipeline example] — 数据 [data]: ${backend.source}`);

  printSummary('评价指标（开始前）[metrics before]', await staff.evaluations.summary());

  // Find the service the way the directory does: by keyword, then by group, then any that takes requests.
  const candidates = [{ q: '楼道灯' }, { q: '路灯' }, { q: '照明' }, { group: 'environment' as const }, {}];
  let service: Service | undefined;
  for (const query of candidates) {
    service = (await resident.services.list({ requestable: true, ...query })).items[0];
    if (service) break;
  }
  if (!service) throw new Error('The backend has no service that takes requests.');

  heading('1. 居民提交诉求 [resident submits]');
  const receipt = await resident.grievances.submit({
    serviceCode: service.code,
    description: '3号楼2单元楼道灯坏了一个多星期，晚上老人上下楼看不清，很危险。',
    location: { kind: 'address', text: '幸福路12号院3号楼2单元' },
    attributes: formValues(service),
    reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
    contactConsent: true,
    channel: 'mini-program',
  });
  line('服务 [service]', `${localize(service.name)} (${service.code})`);
  line('查询号 [tracking]', receipt.trackingCode);
  line('查询码 [access]', `${receipt.accessCode}（请妥善保存，只显示一次 [shown once]）`);
  line('状态 [status]', statusLabels[receipt.status]);
  line('预计办结 [expected]', `${time(receipt.expectedAt)}（还有 ${workingDaysBetween(receipt.submittedAt, receipt.expectedAt!)} 个工作日 [working days]）`);

  heading('2. 社区受理、派单、办理、办结 [staff handle the case]');
  const id = receipt.id;
  await staff.grievances.transition(id, { action: 'accept', note: '已受理，联系物业核实' });
  await staff.grievances.transition(id, { action: 'assign', assignee: { id: 'wk-12', name: '张师傅（物业电工）' }, note: '派物业电工上门维修' });
  await staff.grievances.transition(id, { action: 'assign', assignee: { id: 'wk-12', name: '张师傅（物业电工）' }, note: '物业值班电话 0931-8765432', internal: true });
  await staff.grievances.transition(id, { action: 'start', note: '电工已到现场' });
  const resolved = await staff.grievances.transition(id, { action: 'resolve', note: '已更换2单元三楼楼道灯泡，恢复照明' });
  line('状态 [status]', statusLabels[resolved.status]);
  line('办结说明 [result]', resolved.resolution);

  heading('3. 居民凭查询码查看进度 [resident tracks]');
  const tracked = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
  line('状态 [status]', statusLabels[tracked.status]);
  line('办结时间 [resolved]', time(tracked.resolvedAt));
  line('经办人 [handler]', tracked.assignee?.name ?? '—');

  heading('4. 居民评价：不满意 [resident rates 2]');
  const reason = reasonsForLevel(2).find((r) => r.code === 'not-solved')!;
  const evaluation = await resident.evaluations.submit({
    target: { type: 'grievance', id },
    accessCode: receipt.accessCode,
    level: 2,
    reasons: [reason.code],
    comment: '只换了三楼的灯，二楼和四楼还是黑的。',
    realName: true,
    rater: { name: '王建国', phone: '13912345678' },
    contactConsent: true,
  });
  line('评价 [level]', `${evaluation.level} · ${localize(evaluationLevelLabels[evaluation.level])} [${localize(evaluationLevelLabels[evaluation.level], 'en')}]`);
  line('原因 [reason]', `${localize(reason.label)} [${localize(reason.label, 'en')}]`);

  heading('5. 差评整改 [rectification opens]');
  const [rectification] = (await staff.rectifications.list({ grievanceId: id })).items;
  if (!rectification) throw new Error('A 不满意 rating should have opened a rectification.');
  line('整改单 [id]', rectification.id);
  line('状态 [status]', `${rectificationLabels[rectification.status]}；诉求 ${statusLabels[(await staff.grievances.get(id)).status]}`);
  line('整改期限 [due]', `${time(rectification.dueAt)}（${workingDaysBetween(rectification.createdAt, rectification.dueAt)} 个工作日内 [working days]）`);

  heading('6. 整改并回访 [staff rectify, then call back]');
  const rectified = await staff.rectifications.act(rectification.id, { action: 'rectify', note: '已更换二至五楼全部楼道灯并加装声控开关', disposal: 'fix-by-deadline' });
  line('整改完成 [rectified]', time(rectified.actions.at(-1)?.at));
  line('回访期限 [revisit due]', time(rectified.revisitDueAt));
  const revisited = await staff.rectifications.act(rectification.id, { action: 'revisit', method: 'phone', outcome: '电话回访，王先生确认各层楼道灯均已正常', newLevel: 4 });
  line('回访结果 [outcome]', `${revisited.revisit?.outcome}；回访评价 ${localize(evaluationLevelLabels[revisited.revisit!.newLevel!])} [newLevel 4]`);
  line('整改单状态 [status]', rectificationLabels[revisited.status]);

  heading('7. 公开时间线 [public timeline, Asia/Shanghai]');
  const final = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
  printTimeline(final.timeline);
  line('最终状态 [final]', statusLabels[final.status]);

  printSummary('评价指标（结束后）[metrics after]', await staff.evaluations.summary());

  if (final.status !== 'closed') throw new Error(`Expected the grievance to be closed, but it is ${final.status}.`);
  if (revisited.status !== 'closed') throw new Error(`Expected the rectification to be closed, but it is ${revisited.status}.`);
  if (final.timeline.some((e) => e.note.includes('0931-8765432'))) throw new Error('An internal note leaked into the public timeline.');
  console.log('\n✔ 民情流水线走完 [pipeline complete]');
}

main().catch((err: unknown) => {
  console.error(LinliError.is(err) ? `✘ ${err.code}: ${err.message}` : err);
  process.exitCode = 1;
});
