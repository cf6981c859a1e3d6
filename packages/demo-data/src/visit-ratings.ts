import {
  applyRectification,
  recordEvaluation,
  type Actor,
  type Channel,
  type EvaluationLevel,
  type EvaluationTarget,
  type OrgUnit,
  type Policy,
  type Rectification,
  type Evaluation,
  type Service,
} from '@linli/sdk';
import { RECTIFY_NOTES, REVISIT_OUTCOMES, chooseRating, opensRectification, ratingInput, type RatingChoice } from './evaluations.js';
import { actorOf, type Crew } from './grievances/people.js';
import { idQueue, type IdLookup } from './ids.js';
import type { NameBook } from './people.js';
import type { Rng } from './random.js';
import { OFFICE_MINUTES_PER_DAY as DAY, atLocal, daysBefore, ms, type OfficeClock } from './time.js';

/**
 * 一次一评: ratings left at a window (evaluator pad, QR code, paper form) after a visit, for the
 * service, the window, the staff member or the community as a whole.
 */
export interface VisitPlan {
  at: string;
  level: EvaluationLevel;
  choice: RatingChoice;
  target: EvaluationTarget;
  serviceCode?: string;
  orgUnitId: string;
  channel: Channel;
  rater?: { name: string; phone: string };
  contactConsent: boolean;
  rectify?: { at: string; actor: Actor; note: string; disposal: 'fix-now' | 'fix-by-deadline' | 'explain' | 'appeal' };
  revisit?: { at: string; actor: Actor; method: 'phone' | 'web'; outcome: string; newLevel?: EvaluationLevel };
  appeal?: Evaluation['appeal'];
}

interface Context {
  policy: Policy;
  clock: OfficeClock;
  crew: Crew;
  names: NameBook;
  now: string;
  services: Service[];
  communities: OrgUnit[];
}

const noIds = (): string => {
  throw new Error('unexpected id request');
};

const APPEAL_REASON = '经调取窗口办件记录和监控核实，评价时段该窗口无此业务办理记录，系误评，申请申诉复核。';

export function planVisitRatings(levels: EvaluationLevel[], rng: Rng, ctx: Context): VisitPlan[] {
  const windowServices = ctx.services.filter((s) => s.delivery.includes('window'));
  const plans = levels.map((level): VisitPlan => {
    const at = officeMoment(rng, ctx);
    const service = rng.pick(windowServices);
    const community = service.orgUnitId && ctx.communities.some((c) => c.id === service.orgUnitId) ? ctx.communities.find((c) => c.id === service.orgUnitId)! : rng.weighted(ctx.communities.map((c) => [c, c.stats.households ?? 1] as const));
    const kind = rng.weighted([['service', 65], ['window', 20], ['staff', 10], ['org-unit', 5]] as const);
    const clerk = ctx.crew.acceptor(community.id);
    const target: EvaluationTarget =
      kind === 'service'
        ? { type: 'service', id: service.id }
        : kind === 'window'
          ? { type: 'window', id: `win-${community.id.replace(/^ou-/, '')}-${rng.int(1, 2)}` }
          : kind === 'staff'
            ? { type: 'staff', id: clerk.id }
            : { type: 'org-unit', id: community.id };
    const realName = rng.chance(0.25);
    return {
      at,
      level,
      choice: chooseRating(level, 'visit', rng),
      target,
      ...(kind === 'org-unit' ? {} : { serviceCode: service.code }),
      orgUnitId: community.id,
      channel: rng.weighted([['window', 40], ['qr', 35], ['mini-program', 20], ['paper', 5]] as const),
      ...(realName ? { rater: { name: ctx.names.name(), phone: ctx.names.phone() } } : {}),
      contactConsent: realName && rng.chance(0.7),
    };
  });
  plans.sort((a, b) => ms(a.at) - ms(b.at));

  let appealed = false;
  for (const p of plans) {
    if (!opensRectification(ctx.policy, p.level, p.choice.reasons)) continue;
    const fixer = actorOf(ctx.crew.acceptor(p.orgUnitId));
    const rectifyAt = ctx.clock.addWorkingMinutes(p.at, rng.int(60, 3 * DAY));
    if (ms(rectifyAt) >= ms(ctx.now)) continue;
    // One anonymous bad rating turns out to be a mistake and goes to 申诉复核.
    if (!appealed && !p.rater) {
      appealed = true;
      p.rectify = { at: rectifyAt, actor: fixer, note: APPEAL_REASON, disposal: 'appeal' };
      p.appeal = { reason: APPEAL_REASON, at: rectifyAt, status: 'upheld' };
    } else {
      const disposal = rng.weighted([['fix-now', 4], ['fix-by-deadline', 3], ['explain', 2]] as const);
      p.rectify = { at: rectifyAt, actor: fixer, note: rng.pick(RECTIFY_NOTES[disposal]), disposal };
    }
    const revisitAt = ctx.clock.addWorkingMinutes(rectifyAt, rng.int(60, 800));
    if (ms(revisitAt) >= ms(ctx.now)) continue;
    p.revisit = p.rater
      ? { at: revisitAt, actor: fixer, method: 'phone', outcome: rng.pick(REVISIT_OUTCOMES.good), newLevel: rng.pick([4, 4, 5, 3] as const) }
      : { at: revisitAt, actor: fixer, method: 'web', outcome: REVISIT_OUTCOMES.anonymous[0] };
  }
  return plans;
}

/** A moment during office hours on a working day within the last ~six months. */
function officeMoment(rng: Rng, ctx: Context): string {
  for (let back = rng.int(0, 185); ; back++) {
    const day = ctx.clock.workdayBefore(daysBefore(ctx.now, back), 0);
    const at = atLocal(day, `${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(40, 59)).padStart(2, '0')}`);
    if (ms(at) < ms(ctx.now)) return at;
  }
}

export function runVisitRatings(plans: VisitPlan[], ids: { evaluation: IdLookup<VisitPlan>; rectification: IdLookup<VisitPlan> }, policy: Policy) {
  const evaluations: Evaluation[] = [];
  const rectifications: Rectification[] = [];
  for (const p of plans) {
    const input = ratingInput({ target: p.target, mode: 'per-visit', level: p.level, choice: p.choice, channel: p.channel, rater: p.rater, contactConsent: p.contactConsent });
    const queued = [ids.evaluation.get(p)!, ...(opensRectification(policy, p.level, p.choice.reasons) ? [ids.rectification.get(p)!] : [])];
    const outcome = recordEvaluation(input, { actor: { role: 'resident' }, now: p.at, newId: idQueue(queued), policy });
    // Without a grievance the SDK cannot know where the visit was; the window's records can.
    evaluations.push({ ...outcome.evaluation, ...(p.serviceCode ? { serviceCode: p.serviceCode } : {}), orgUnitId: p.orgUnitId, ...(p.appeal ? { appeal: p.appeal, updatedAt: p.appeal.at } : {}) });
    let rect = outcome.rectification;
    // No grievance to move on, so the SDK needs no new timeline ids here.
    const loop = (actor: Actor, at: string) => ({ actor, now: at, newId: noIds, policy });
    if (rect && p.rectify) rect = applyRectification(rect, { action: 'rectify', note: p.rectify.note, disposal: p.rectify.disposal }, loop(p.rectify.actor, p.rectify.at)).rectification;
    if (rect && p.revisit) rect = applyRectification(rect, { action: 'revisit', method: p.revisit.method, outcome: p.revisit.outcome, newLevel: p.revisit.newLevel }, loop(p.revisit.actor, p.revisit.at)).rectification;
    if (rect) rectifications.push(rect);
  }
  return { evaluations, rectifications };
}

