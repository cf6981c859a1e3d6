import { definePolicy, type EvaluationLevel, type Service } from '@linli/sdk';
import { chooseRating, dealLevels, opensRectification } from './evaluations.js';
import { Crew } from './grievances/people.js';
import { BAD_RATED, RATED, planGrievances, type GrievancePlan } from './grievances/plan.js';
import { runGrievances } from './grievances/run.js';
import { IdFactory } from './ids.js';
import { buildNotices } from './notices.js';
import { DISTRICT_NAME, buildOrgUnits } from './org-units.js';
import { NameBook, buildRegistry } from './people.js';
import { DEMO_SEED, Rng } from './random.js';
import { buildServices } from './services/index.js';
import { staff } from './staff.js';
import { seqId } from './text.js';
import { DEMO_NOW, OfficeClock, ms } from './time.js';
import type { DemoDataOptions, DemoDataset } from './types.js';
import { planVisitRatings, runVisitRatings, type VisitPlan } from './visit-ratings.js';

/** The alphabet of the SDK's `newTrackingCode` / `newAccessCode`: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 一次一评 ratings next to the ~110 一事一评 ones: together a little over 500. */
const VISIT_RATINGS = 430;

/**
 * Builds the whole dataset. Pure and deterministic: the same options give the same data, on every
 * machine, with no clock or Math.random involved.
 */
export function createDemoData(options: DemoDataOptions = {}): DemoDataset {
  const anchor = Date.parse(options.now ?? DEMO_NOW);
  if (Number.isNaN(anchor)) throw new RangeError(`createDemoData: "now" is not a valid ISO timestamp: ${options.now}`);
  const now = new Date(anchor).toISOString();
  const root = new Rng(DEMO_SEED);
  const policy = definePolicy({ jurisdiction: DISTRICT_NAME });
  const clock = new OfficeClock(policy);
  const org = buildOrgUnits(now);
  const services = buildServices(now);
  const serviceByCode = new Map<string, Service>(services.map((s) => [s.code, s]));
  const reserved = [...staff.map((s) => s.name), ...org.orgUnits.flatMap((o) => (o.office?.onDuty ? [o.office.onDuty.name] : []))];
  const names = new NameBook(root.fork('names'), reserved);
  const crew = new Crew(org.communities, org.grids);
  const { households, residents } = buildRegistry(root.fork('registry'), names, org.buildings, org.grids, now);

  // 1. Stories: what happens to each grievance, and when.
  const plans = planGrievances(root.fork('grievances'), { policy, clock, crew, names, now, services: serviceByCode, communities: org.communities, grids: org.grids, buildings: org.buildings });

  // 2. Ratings: deal exact level counts between grievances and window visits.
  const rated = plans.filter((p) => RATED.includes(p.outcome));
  const badRated = rated.filter((p) => BAD_RATED.includes(p.outcome));
  const goodRated = rated.filter((p) => !BAD_RATED.includes(p.outcome));
  const levelRng = root.fork('levels');
  const dealt = dealLevels(rated.length + VISIT_RATINGS, badRated.length, goodRated.length, levelRng);
  const assign = (list: GrievancePlan[], levels: EvaluationLevel[]) =>
    list.forEach((p, i) => {
      p.rating!.level = levels[i]!;
      p.rating!.choice = chooseRating(levels[i]!, 'grievance', levelRng, { late: p.late });
    });
  assign(badRated, dealt.badGrievances);
  assign(goodRated, dealt.goodGrievances);
  const visits = planVisitRatings(dealt.visits, root.fork('visits'), { policy, clock, crew, names, now, services, communities: org.communities });

  // 3. Ids in time order: g-0001 is the oldest case, e-0001 the oldest rating, r-0001 the oldest 整改.
  const codeRng = root.fork('codes');
  const grievanceIds = new Map(plans.map((p, i) => [p, seqId('g', i + 1)]));
  const trackingCodes = new Map<GrievancePlan, string>();
  const accessCodes: Record<string, string> = {};
  const usedCodes = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const code = make();
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  for (const p of plans) {
    const ymd = p.submittedAt.slice(2, 10).replace(/-/g, '');
    trackingCodes.set(p, unique(() => `MQ-${ymd}-${codeRng.chars(4, CODE_ALPHABET)}`));
    accessCodes[grievanceIds.get(p)!] = unique(() => codeRng.chars(8, CODE_ALPHABET));
  }
  type RatingEvent = { at: string; key: GrievancePlan | VisitPlan; level: EvaluationLevel; reasons: string[] };
  const events: RatingEvent[] = [
    ...rated.map((p) => ({ at: p.rating!.at, key: p, level: p.rating!.level!, reasons: p.rating!.choice!.reasons })),
    ...visits.map((v) => ({ at: v.at, key: v, level: v.level, reasons: v.choice.reasons })),
  ].sort((a, b) => ms(a.at) - ms(b.at));
  const evaluationIds = new Map<GrievancePlan | VisitPlan, string>();
  const rectificationIds = new Map<GrievancePlan | VisitPlan, string>();
  for (const e of events) {
    evaluationIds.set(e.key, seqId('e', evaluationIds.size + 1));
    if (opensRectification(policy, e.level, e.reasons)) rectificationIds.set(e.key, seqId('r', rectificationIds.size + 1));
  }

  // 4. Play everything through the SDK workflow.
  const idf = new IdFactory();
  const g = runGrievances(plans, { grievance: grievanceIds, evaluation: evaluationIds, rectification: rectificationIds, trackingCode: trackingCodes }, policy, idf);
  const v = runVisitRatings(visits, { evaluation: evaluationIds, rectification: rectificationIds }, policy);

  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    orgUnits: org.orgUnits,
    services,
    notices: buildNotices(now, root.fork('notices'), names),
    grievances: g.grievances,
    evaluations: [...g.evaluations, ...v.evaluations].sort(byId),
    rectifications: [...g.rectifications, ...v.rectifications].sort(byId),
    residents,
    households,
    accessCodes,
    policy,
    staff: staff.map((s) => ({ ...s })),
    now,
  };
}
