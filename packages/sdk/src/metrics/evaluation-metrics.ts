import type { Evaluation, EvaluationSummary, SummaryQuery } from '../schemas/evaluation.js';
import type { Grievance } from '../schemas/grievance.js';
import type { Rectification } from '../schemas/rectification.js';

export interface MetricsData {
  evaluations: readonly Pick<Evaluation, 'level' | 'target' | 'createdAt' | 'serviceCode' | 'orgUnitId' | 'rectificationId' | 'realName'>[];
  grievances: readonly Pick<Grievance, 'id' | 'status' | 'serviceCode' | 'orgUnitId' | 'resolvedAt' | 'expectedAt' | 'evaluationId' | 'timeline'>[];
  rectifications: readonly Pick<Rectification, 'id' | 'status' | 'revisit'>[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
/** Instants are compared as instants: `+08:00` and `Z` strings do not sort alike as text. */
const time = (iso: string) => Date.parse(iso);
const within = (at: string | undefined, q: SummaryQuery) =>
  !!at && (!q.from || time(at) >= time(q.from)) && (!q.to || time(at) <= time(q.to));

/** When a grievance was first resolved, from its timeline (resolvedAt is cleared by a reopen). */
function firstResolvedAt(g: MetricsData['grievances'][number]): string | undefined {
  return g.timeline.find((e) => e.action === 'resolve')?.at ?? g.resolvedAt;
}

/**
 * 好评率, 差评率, 主动评价率 / 未评价率, 差评整改率, 回访率, on-time rate, average and distribution,
 * for the evaluations and grievances that match the query (org unit, service, period).
 */
export function summarize(data: MetricsData, query: SummaryQuery = {}): EvaluationSummary {
  const matches = (x: { serviceCode?: string; orgUnitId?: string }) =>
    (!query.serviceCode || x.serviceCode === query.serviceCode) && (!query.orgUnitId || x.orgUnitId === query.orgUnitId);

  const evaluations = data.evaluations.filter(
    (e) => matches(e) && (!query.targetType || e.target.type === query.targetType) && within(e.createdAt, query),
  );
  const levels = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let sum = 0;
  for (const e of evaluations) {
    levels[e.level]++;
    sum += e.level;
  }
  const count = evaluations.length;

  const resolved = data.grievances.filter((g) => matches(g) && within(firstResolvedAt(g), query));
  const evaluatedGrievances = resolved.filter((g) => g.evaluationId).length;
  const onTime = resolved.filter((g) => g.expectedAt && time(firstResolvedAt(g)!) <= time(g.expectedAt)).length;
  const withExpectation = resolved.filter((g) => g.expectedAt).length;

  const rectById = new Map(data.rectifications.map((r) => [r.id, r]));
  const rectifications = evaluations.flatMap((e) => (e.rectificationId && rectById.get(e.rectificationId) ? [rectById.get(e.rectificationId)!] : []));
  const rectified = rectifications.filter((r) => r.status !== 'open').length;
  const revisited = rectifications.filter((r) => r.revisit).length;

  return {
    count,
    levels,
    averageLevel: count ? Math.round((sum / count) * 100) / 100 : null,
    goodRate: ratio(levels[4] + levels[5], count),
    badRate: ratio(levels[1] + levels[2], count),
    resolvedGrievances: resolved.length,
    evaluatedGrievances,
    evaluatedRate: ratio(evaluatedGrievances, resolved.length),
    unevaluatedRate: ratio(resolved.length - evaluatedGrievances, resolved.length),
    badNeedingRectification: rectifications.length,
    rectificationRate: ratio(rectified, rectifications.length),
    revisitRate: ratio(revisited, rectifications.length),
    onTimeRate: ratio(onTime, withExpectation),
  };
}
