import {
  deadline,
  type Actor,
  type AttributeValue,
  type Channel,
  type EvaluationLevel,
  type GrievanceLocation,
  type OrgUnit,
  type Policy,
  type Reporter,
  type Service,
  type TransitionCommand,
} from '@linli/sdk';
import { fillAttributes } from '../attributes.js';
import { RECTIFY_NOTES, REVISIT_OUTCOMES, type RatingChoice } from '../evaluations.js';
import type { NameBook } from '../people.js';
import type { Rng } from '../random.js';
import type { StaffMember } from '../staff.js';
import { OFFICE_MINUTES_PER_DAY as DAY, OfficeClock, addMinutes, addWakingHours, atLocal, daysBefore, ms } from '../time.js';
import { actorOf, type Crew } from './people.js';
import { CANCEL_NOTES, GENERIC_REJECTIONS, fill, followUpsFor, scenarios, type Case, type PlaceWords, type Scenario } from './scenarios.js';

/**
 * Where each grievance ends up at "now". Every workflow state appears; most cases are closed and
 * rated, as in a working 民情流水线, with a realistic tail of open, refused and redirected ones.
 */
export const OUTCOME_COUNTS = {
  rated: 94, // resolved → rated 3–5 → closed
  expired: 28, // resolved → nobody rated in time → closed (未评价)
  rectified: 6, // rated 1–2 → 整改 → 回访 → closed
  'dispute-dismissed': 2, // resolved → disputed → staff keep it closed
  'reopened-rated': 3, // resolved → disputed → reopened → resolved again → rated
  resolved: 12, // waiting for the rating
  rectifying: 3,
  revisiting: 3,
  disputed: 2, // reopen_requested
  submitted: 8,
  accepted: 6,
  assigned: 7,
  in_progress: 12,
  awaiting_reporter: 5,
  rejected: 6,
  duplicate: 5,
  referred: 8,
  cancelled: 6,
} as const;
export type Outcome = keyof typeof OUTCOME_COUNTS;

/** Outcomes whose case was resolved at least once (the base of the on-time and rated shares). */
const RESOLVING: Outcome[] = ['rated', 'expired', 'rectified', 'dispute-dismissed', 'reopened-rated', 'resolved', 'rectifying', 'revisiting', 'disputed'];
export const BAD_RATED: Outcome[] = ['rectified', 'rectifying', 'revisiting'];
export const RATED: Outcome[] = ['rated', 'reopened-rated', ...BAD_RATED];
/** Problems on the ground that several neighbours report independently. */
const DUPLICATED = ['environment.corridor-clutter', 'environment.street-light', 'environment.noise', 'environment.drain-blockage', 'environment.property-repair', 'environment.heating'];
/** About one resolved case in seven misses its deadline. */
const LATE_SHARE = 0.14;

export interface PlannedStep {
  at: string;
  actor: Actor;
  command: TransitionCommand;
}

export interface PlannedRating {
  at: string;
  level?: EvaluationLevel;
  choice?: RatingChoice;
  channel: Channel;
  rater?: { name: string; phone?: string };
  contactConsent: boolean;
}

export interface GrievancePlan {
  outcome: Outcome;
  scenario: Scenario;
  /** The particular problem, with its matching resolution and form answers. */
  kase: Case;
  service: Service;
  community: OrgUnit;
  words: PlaceWords;
  channel: Channel;
  reporter: Reporter;
  contactConsent: boolean;
  description: string;
  attributes: Record<string, AttributeValue>;
  location: GrievanceLocation;
  media: { url: string; contentType: string; name: string }[];
  submittedAt: string;
  expectedAt: string;
  submitter: Actor;
  submitNote: string;
  steps: PlannedStep[];
  rating?: PlannedRating;
  expireAt?: string;
  rectify?: { at: string; actor: Actor; note: string; disposal: 'fix-now' | 'fix-by-deadline' | 'explain' };
  revisit?: { at: string; actor: Actor; method: 'phone' | 'visit' | 'sms'; outcome: string; newLevel: EvaluationLevel };
  late: boolean;
  /** The original case, for a duplicate; its id is known only once all cases are numbered. */
  duplicateOf?: GrievancePlan;
  end: string;
}

const CHANNELS: [Channel, number][] = [
  ['mini-program', 25],
  ['app', 9],
  ['web', 9],
  ['window', 14],
  ['hotline-12345', 16],
  ['grid-worker', 16],
  ['qr', 6],
  ['paper', 3],
  ['open311', 2],
];

const SUBMIT_NOTES: Record<Channel, string> = {
  'mini-program': '居民通过微信小程序提交',
  app: '居民通过APP提交',
  web: '居民通过网站提交',
  window: '社区窗口登记',
  'hotline-12345': '12345热线转办工单',
  'grid-worker': '网格员巡查走访时收集并代为登记',
  qr: '居民扫描楼道二维码提交',
  paper: '社区意见箱纸质意见录入',
  open311: '通过Open311接口提交',
};

const START_NOTES = ['网格员已到现场查看情况', '已联系物业负责人，约定处理时间', '已电话联系反映人了解情况', '已到现场拍照取证，正在协调责任单位'];
const INTERNAL_START_NOTES = ['物业经理电话不接，明早上门再找', '涉及两户住户，先分别做工作'];

interface Context {
  policy: Policy;
  clock: OfficeClock;
  crew: Crew;
  names: NameBook;
  now: string;
  services: Map<string, Service>;
  communities: OrgUnit[];
  grids: OrgUnit[];
  buildings: OrgUnit[];
}

/** Builds every grievance's story (what happens, to whom, when) before any SDK call runs it. */
export function planGrievances(rng: Rng, ctx: Context): GrievancePlan[] {
  const outcomes = rng.shuffle((Object.keys(OUTCOME_COUNTS) as Outcome[]).flatMap((o) => Array<Outcome>(OUTCOME_COUNTS[o]).fill(o)));
  const late = lateFlags(outcomes, rng);
  const plans: GrievancePlan[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome === 'duplicate') return;
    plans.push(planOne(outcome, late[i]!, rng, ctx));
  });
  // Duplicates repeat an earlier, older case: same service, same place, a few hours or days later.
  const originals = plans.filter((p) => ms(p.submittedAt) < ms(ctx.now) - 12 * 86_400_000 && DUPLICATED.includes(p.scenario.serviceCode));
  for (let i = 0; i < OUTCOME_COUNTS.duplicate; i++) plans.push(planDuplicate(rng.pick(originals), rng, ctx));
  return plans.sort((a, b) => ms(a.submittedAt) - ms(b.submittedAt));
}

function lateFlags(outcomes: Outcome[], rng: Rng): boolean[] {
  const resolving = outcomes.map((o, i) => [o, i] as const).filter(([o]) => RESOLVING.includes(o));
  const quota = Math.round(resolving.length * LATE_SHARE);
  // Half of the badly rated cases were late — lateness is the commonest cause of a bad rating.
  const bad = rng.shuffle(resolving.filter(([o]) => BAD_RATED.includes(o)));
  const badLate = bad.slice(0, Math.ceil(bad.length / 2));
  // Cases that get disputed and reopened finish late anyway.
  const others = rng.shuffle(resolving.filter(([o]) => !BAD_RATED.includes(o) && o !== 'reopened-rated'));
  const late = new Set([...badLate, ...others.slice(0, Math.max(0, quota - badLate.length - OUTCOME_COUNTS['reopened-rated']))].map(([, i]) => i));
  return outcomes.map((_, i) => late.has(i));
}

/** How long ago (in days) a case with this outcome was typically filed. */
function initialAge(outcome: Outcome, rng: Rng): number {
  switch (outcome) {
    case 'submitted':
      return 0;
    case 'accepted':
      return rng.int(0, 1);
    case 'assigned':
    case 'resolved':
      return rng.int(1, 3);
    case 'in_progress':
    case 'awaiting_reporter':
    case 'disputed':
      return rng.int(2, 5);
    case 'rectifying':
      return rng.int(4, 8);
    case 'revisiting':
      return rng.int(6, 10);
    default:
      // Closed cases spread over the last ~200 days, a little denser recently (the service grew).
      return 9 + Math.floor(190 * rng.float() ** 1.3);
  }
}

function pickScenario(outcome: Outcome, rng: Rng): Scenario {
  const pool = scenarios.filter((s) => (outcome === 'referred' ? !!s.referTo : outcome === 'awaiting_reporter' ? s.serviceCode !== 'certificates.stamp-inquiry' : true));
  return rng.weighted(pool.map((s) => [s, s.weight] as const));
}

function planOne(outcome: Outcome, late: boolean, rng: Rng, ctx: Context): GrievancePlan {
  const scenario = pickScenario(outcome, rng);
  const service = ctx.services.get(scenario.serviceCode);
  if (!service) throw new Error(`scenario for unknown service ${scenario.serviceCode}`);
  const community = rng.weighted(ctx.communities.map((c) => [c, c.stats.households ?? 1] as const));
  const grid = rng.pick(ctx.grids.filter((g) => g.parentId === community.id));
  const building = rng.pick(ctx.buildings.filter((b) => b.parentId === grid.id));
  const words: PlaceWords = {
    community: community.name['zh-CN'],
    estate: building.name['zh-CN'].replace(/\d+号楼$/, ''),
    building: building.name['zh-CN'],
    unit: String(rng.int(1, 4)),
  };
  const channel = rng.weighted(CHANNELS);
  const named = channel === 'hotline-12345' || channel === 'window' ? rng.chance(0.9) : channel === 'grid-worker' ? rng.chance(0.5) : rng.chance(0.62);
  const reporter: Reporter = named
    ? {
        anonymous: false,
        name: ctx.names.name(),
        ...(rng.chance(0.92) ? { phone: ctx.names.phone() } : {}),
        ...(rng.chance(0.05) ? { email: `resident${rng.digits(5)}@example.com` } : {}),
      }
    : { anonymous: true };
  const contactConsent = !reporter.anonymous && rng.chance(0.85);
  const location = locate(rng, community, grid, building, words, ctx);
  const kase = rng.pick(scenario.cases);
  const description = fill(kase.text, words);
  const media =
    service.group === 'environment' && rng.chance(0.35)
      ? Array.from({ length: rng.int(1, 2) }, (_, i) => ({ url: `https://media.linli.example/demo/${rng.chars(10, 'abcdefghjkmnpqrstuvwxyz23456789')}.jpg`, contentType: 'image/jpeg', name: `现场照片${i + 1}.jpg` }))
      : [];

  const base = { outcome, scenario, kase, service, community, words, channel, reporter, contactConsent, description, location, media, late };
  // Fit the story before "now": if its last event would fall after it, file the case a day earlier.
  for (let age = initialAge(outcome, rng); ; age++) {
    const submittedAt = submissionMoment(channel, daysBefore(ctx.now, age), rng, ctx);
    if (ms(submittedAt) >= ms(ctx.now)) continue;
    const story = tell(base, submittedAt, rng, ctx);
    if (ms(story.end) < ms(ctx.now) - 60_000) {
      const attributes = fillAttributes(service.definition, { ...scenario.attributes?.(rng, words), ...kase.attributes }, rng, submittedAt);
      return { ...base, ...story, attributes, submittedAt };
    }
  }
}

function planDuplicate(original: GrievancePlan, rng: Rng, ctx: Context): GrievancePlan {
  for (let hours = rng.int(2, 60); ; hours = Math.max(1, hours - 12)) {
    const submittedAt = addWakingHours(original.submittedAt, hours, rng.int(0, 50));
    const channel = rng.weighted(CHANNELS);
    const reporter: Reporter = rng.chance(0.6) ? { anonymous: false, name: ctx.names.name(), phone: ctx.names.phone() } : { anonymous: true };
    const { scenario, kase, service, community, words, description, attributes, location } = original;
    const base = { outcome: 'duplicate' as const, scenario, kase, service, community, words, description, attributes, location, channel, reporter, contactConsent: !reporter.anonymous, media: [], late: false, duplicateOf: original };
    const story = tell(base, submittedAt, rng, ctx);
    if (ms(story.end) < ms(ctx.now)) return { ...base, ...story, submittedAt };
  }
}

function locate(rng: Rng, community: OrgUnit, grid: OrgUnit, building: OrgUnit, words: PlaceWords, ctx: Context): GrievanceLocation {
  const r = rng.float();
  if (r < 0.78) {
    return { kind: 'place', gridId: grid.id, buildingId: building.id, unit: `${words.unit}单元`, ...(rng.chance(0.3) ? { text: rng.pick(['一楼楼道', '单元门口', '楼后空地', '顶楼', '地下室入口']) } : {}) };
  }
  if (r < 0.93) {
    return { kind: 'address', text: rng.pick([`${words.estate}北门`, `${words.estate}南侧路口`, `${community.name['zh-CN']}活动广场`, `${words.building}楼下`]) };
  }
  // Phone GPS fixes around the community (七里河区 lies near 36.06°N, 103.78°E).
  const i = ctx.communities.indexOf(community);
  return { kind: 'point', lat: round6(36.0485 + i * 0.0041 + rng.float() * 0.003), long: round6(103.7612 + i * 0.0065 + rng.float() * 0.004) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Residents write at any waking hour; windows, paper and grid patrols only during office hours. */
function submissionMoment(channel: Channel, date: string, rng: Rng, ctx: Context): string {
  if (channel === 'window' || channel === 'paper' || channel === 'grid-worker') {
    const day = ctx.clock.workdayBefore(date, 0);
    return atLocal(day, `${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(30, 59)).padStart(2, '0')}`);
  }
  const hour = rng.weighted([[7, 2], [8, 4], [9, 6], [10, 6], [11, 5], [12, 3], [13, 3], [14, 4], [15, 5], [16, 5], [17, 4], [18, 3], [19, 5], [20, 6], [21, 5], [22, 2]] as const);
  return atLocal(date, `${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`);
}

type Base = Pick<GrievancePlan, 'outcome' | 'scenario' | 'kase' | 'service' | 'community' | 'words' | 'channel' | 'reporter' | 'contactConsent' | 'late'> & { duplicateOf?: GrievancePlan };
type Story = Pick<GrievancePlan, 'expectedAt' | 'submitter' | 'submitNote' | 'steps' | 'rating' | 'expireAt' | 'rectify' | 'revisit' | 'end'>;

/** The sequence of events for one case, timed on the office calendar. */
function tell(p: Base, submittedAt: string, rng: Rng, ctx: Context): Story {
  const { clock, crew, policy } = ctx;
  const sla = p.service.sla?.resolveWorkingDays ?? policy.resolveWorkingDays;
  const expectedAt = deadline(policy, 'resolve', submittedAt, p.service.sla?.resolveWorkingDays);
  const budget = sla * DAY;
  const acceptor = p.channel === 'hotline-12345' && rng.chance(0.4) ? crew.admin() : crew.acceptor(p.community.id);
  let handler = crew.handler(p.community.id, p.service.group);
  const resident: Actor = { role: 'resident' };
  const steps: PlannedStep[] = [];
  let at = submittedAt;
  const staffStep = (who: StaffMember, minutes: number, command: TransitionCommand) => {
    at = clock.addWorkingMinutes(at, minutes);
    steps.push({ at, actor: actorOf(who), command });
  };
  const residentStep = (hours: number, command: TransitionCommand) => {
    at = addWakingHours(at, hours, rng.int(0, 45));
    steps.push({ at, actor: resident, command });
  };
  const submitter: Actor =
    p.channel === 'hotline-12345'
      ? { role: 'system', name: '12345热线工单接口' }
      : p.channel === 'window' || p.channel === 'paper'
        ? actorOf(crew.acceptor(p.community.id))
        : p.channel === 'grid-worker'
          ? actorOf(crew.patroller(p.community.id))
          : resident;
  const story = (extra: Partial<Story> = {}): Story => ({ expectedAt, submitter, submitNote: SUBMIT_NOTES[p.channel], steps, end: at, ...extra });
  const quick = () => rng.int(10, Math.max(20, Math.min(300, budget * 0.15)));

  switch (p.outcome) {
    case 'submitted':
      return story();
    case 'rejected':
      staffStep(acceptor, quick(), { action: 'reject', note: rng.pick(p.scenario.rejections ?? GENERIC_REJECTIONS) });
      return story();
    case 'duplicate':
      // `duplicateOf` is filled in once the original has its id (see run.ts).
      staffStep(acceptor, quick(), { action: 'mark_duplicate', note: '与此前反映的同一问题重复，已合并至原工单处理，办理结果将同步告知。' });
      return story();
    case 'cancelled': {
      const depth = rng.int(0, 2);
      if (depth >= 1) staffStep(acceptor, quick(), { action: 'accept', note: `已受理，承诺${sla}个工作日内办结` });
      if (depth >= 2) staffStep(acceptor, rng.int(5, 60), { action: 'assign', assignee: { id: handler.id, name: handler.name }, note: `派单至${handler.title['zh-CN']}${handler.name}` });
      residentStep(rng.int(1, 20), { action: 'cancel', note: rng.pick(CANCEL_NOTES) });
      return story();
    }
    case 'referred': {
      const body = rng.pick(p.scenario.referTo!);
      if (rng.chance(0.6)) staffStep(acceptor, quick(), { action: 'accept', note: `已受理，承诺${sla}个工作日内办结` });
      staffStep(acceptor, rng.int(20, 240), { action: 'refer', referredTo: body, note: `经核实，该事项由${body}负责，已转交办理并告知反映人。` });
      return story();
    }
  }

  staffStep(acceptor, quick(), { action: 'accept', note: `已受理，承诺${sla}个工作日内办结` });
  if (p.outcome === 'accepted') return story();
  staffStep(acceptor, rng.int(5, Math.max(10, Math.min(90, budget * 0.05))), { action: 'assign', assignee: { id: handler.id, name: handler.name }, note: `派单至${handler.title['zh-CN']}${handler.name}` });
  if (p.outcome === 'assigned') return story();
  const start = () => {
    const internal = rng.chance(0.15);
    staffStep(handler, rng.int(20, Math.max(30, Math.min(600, budget * 0.2))), { action: 'start', note: rng.pick(internal ? INTERNAL_START_NOTES : START_NOTES), internal });
  };
  start();
  // Now and then the first handler passes the case on (派单 again from 办理中).
  if (rng.chance(0.08) && p.outcome !== 'awaiting_reporter') {
    const next = crew.colleague(p.community.id, handler);
    staffStep(handler, rng.int(30, 200), { action: 'assign', assignee: { id: next.id, name: next.name }, note: `需${next.title['zh-CN']}协调，改派${next.name}` });
    handler = next;
    start();
  }
  const [question, answer] = rng.pick(followUpsFor(p.scenario));
  if (p.outcome === 'awaiting_reporter') {
    staffStep(handler, rng.int(30, 300), { action: 'request_info', note: fill(question, p.words) });
    return story();
  }
  if (sla >= 3 && rng.chance(0.2)) {
    staffStep(handler, rng.int(30, 240), { action: 'request_info', note: fill(question, p.words) });
    residentStep(rng.int(1, 18), { action: 'reply', note: fill(answer, p.words) });
  }
  if (p.outcome === 'in_progress') return story();

  const resolution = rng.pick(p.kase.resolutions);
  if (p.late) {
    at = clock.addWorkingMinutes(ms(at) > ms(expectedAt) ? at : expectedAt, rng.int(60, 3 * DAY));
  } else {
    const room = clock.workingMinutesBetween(at, expectedAt);
    at = clock.addWorkingMinutes(at, rng.int(Math.min(60, Math.floor(room / 2)), Math.max(0, Math.floor(room * 0.85))));
  }
  steps.push({ at, actor: actorOf(handler), command: { action: 'resolve', note: resolution } });
  if (p.outcome === 'resolved') return story();

  if (p.outcome === 'expired') {
    // The case closes itself as 未评价 one minute after the rating window ends.
    const expireAt = addMinutes(deadline(policy, 'evaluationWindow', at), 1);
    return story({ expireAt, end: expireAt });
  }
  if (p.outcome === 'disputed' || p.outcome === 'dispute-dismissed' || p.outcome === 'reopened-rated') {
    residentStep(rng.int(3, 40), { action: 'dispute', note: rng.pick(p.scenario.disputes ?? ['问题没有彻底解决，希望再来看看。']) });
    if (p.outcome === 'disputed') return story();
    if (p.outcome === 'dispute-dismissed') {
      staffStep(acceptor, rng.int(60, 600), { action: 'dismiss_dispute', note: '经现场复查，原问题已处理到位，反映人所述为新情况，已引导另行反映。' });
      return story();
    }
    staffStep(acceptor, rng.int(60, 600), { action: 'reopen', note: '经复查问题确有反复，重新安排处理。' });
    staffStep(handler, rng.int(120, 1200), { action: 'resolve', note: `${rng.pick(p.kase.resolutions)}（复查后重新处理）` });
  }

  // Rated: within the evaluation window, usually the same day or the next.
  const ratingAt = addWakingHours(at, rng.int(1, 50), rng.int(0, 50));
  const rating = planRatingBy(p, ratingAt, rng);
  if (!BAD_RATED.includes(p.outcome)) return story({ rating, end: ratingAt });

  const fixer = crew.acceptor(p.community.id);
  const disposal = rng.weighted([['fix-by-deadline', 5], ['fix-now', 3], ['explain', 1]] as const);
  const rectifyAt = clock.addWorkingMinutes(ratingAt, rng.int(120, 3 * DAY));
  const rectify = { at: rectifyAt, actor: actorOf(fixer), note: rng.pick(RECTIFY_NOTES[disposal]), disposal };
  if (p.outcome === 'rectifying') return story({ rating, end: ratingAt });
  if (p.outcome === 'revisiting') return story({ rating, rectify, end: rectifyAt });
  const revisitAt = clock.addWorkingMinutes(rectifyAt, rng.int(60, Math.floor(1.5 * DAY)));
  const newLevel = rng.weighted([[4, 5], [5, 2], [3, 2]] as const);
  const revisit = {
    at: revisitAt,
    actor: actorOf(fixer),
    method: rng.weighted([['phone', 6], ['visit', 3], ['sms', 1]] as const),
    outcome: rng.pick(newLevel >= 4 ? REVISIT_OUTCOMES.good : REVISIT_OUTCOMES.fair),
    newLevel,
  };
  return story({ rating, rectify, revisit, end: revisitAt });
}

/** Who rates, how: the reporter, through the channel they used (12345 cases are rated on the call-back). */
function planRatingBy(p: Base, at: string, rng: Rng): PlannedRating {
  const channel: Channel =
    p.channel === 'hotline-12345'
      ? 'hotline-12345'
      : p.channel === 'open311'
        ? 'web'
        : p.channel === 'window' || p.channel === 'paper' || p.channel === 'grid-worker'
          ? rng.pick(['mini-program', 'web', 'qr'] as const)
          : p.channel;
  const realName = !p.reporter.anonymous && rng.chance(0.6);
  return {
    at,
    channel,
    ...(realName && !p.reporter.anonymous ? { rater: { name: p.reporter.name, ...(p.reporter.phone ? { phone: p.reporter.phone } : {}) } } : {}),
    contactConsent: realName && p.contactConsent,
  };
}

