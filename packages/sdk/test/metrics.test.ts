import { describe, expect, it } from 'vitest';
import { evaluationSummary, summarize, type EvaluationLevel, type GrievanceStatus, type MetricsData, type TimelineEntry } from '../src/index.js';

const LIGHT = 'environment.street-light';
const CERT = 'certificates.residence';

let entryId = 0;
const entry = (action: string, at: string, from: GrievanceStatus, to: GrievanceStatus): TimelineEntry => ({
  id: `t-${++entryId}`,
  at,
  actor: { role: 'staff' },
  action,
  from,
  to,
  note: action,
  visibility: 'public',
});

type G = MetricsData['grievances'][number];
function grievance(id: string, serviceCode: string, orgUnitId: string, resolveAt: string | null, expectedAt: string | undefined, evaluationId?: string, status: GrievanceStatus = 'closed'): G {
  return {
    id,
    serviceCode,
    orgUnitId,
    status,
    expectedAt,
    evaluationId,
    resolvedAt: resolveAt ?? undefined,
    timeline: resolveAt ? [entry('accept', '2026-10-01T01:00:00.000Z', 'submitted', 'accepted'), entry('resolve', resolveAt, 'in_progress', 'resolved')] : [],
  };
}

type E = MetricsData['evaluations'][number];
const evaluation = (level: EvaluationLevel, targetId: string, serviceCode: string, orgUnitId: string, createdAt: string, rectificationId?: string, type: 'grievance' | 'service' = 'grievance'): E => ({
  level,
  target: { type, id: targetId },
  serviceCode,
  orgUnitId,
  createdAt,
  rectificationId,
  realName: true,
});

/** g7 was resolved on time, disputed, reopened and resolved again late: the first 办结 counts for on-time. */
const reopened: G = {
  id: 'g7',
  serviceCode: CERT,
  orgUnitId: 'ou-b',
  status: 'resolved',
  expectedAt: '2026-11-09T15:59:59.999Z',
  resolvedAt: '2026-11-20T02:00:00.000Z',
  timeline: [
    entry('resolve', '2026-11-08T02:00:00.000Z', 'in_progress', 'resolved'),
    entry('dispute', '2026-11-09T02:00:00.000Z', 'resolved', 'reopen_requested'),
    entry('reopen', '2026-11-10T02:00:00.000Z', 'reopen_requested', 'in_progress'),
    entry('resolve', '2026-11-20T02:00:00.000Z', 'in_progress', 'resolved'),
  ],
};

/**
 * Seven ratings (5, 4, 4, 3, 2, 1, 2), three of them bad with a rectification each (closed after 回访,
 * still open, rectified but not yet revisited), and nine grievances, eight of them resolved.
 */
const data: MetricsData = {
  evaluations: [
    evaluation(5, 'g1', LIGHT, 'ou-a', '2026-11-02T02:00:00.000Z'),
    evaluation(4, 'g2', LIGHT, 'ou-a', '2026-11-03T02:00:00.000Z'),
    evaluation(4, CERT, CERT, 'ou-b', '2026-11-05T02:00:00.000Z', undefined, 'service'),
    evaluation(3, 'g3', CERT, 'ou-b', '2026-11-06T02:00:00.000Z'),
    evaluation(2, 'g4', LIGHT, 'ou-a', '2026-11-10T02:00:00.000Z', 'r1'),
    evaluation(1, 'g5', CERT, 'ou-b', '2026-12-01T02:00:00.000Z', 'r2'),
    evaluation(2, 'g6', LIGHT, 'ou-a', '2026-11-12T02:00:00.000Z', 'r3'),
  ],
  grievances: [
    grievance('g1', LIGHT, 'ou-a', '2026-11-01T02:00:00.000Z', '2026-11-05T15:59:59.999Z', 'e1'), // on time
    grievance('g2', LIGHT, 'ou-a', '2026-11-02T02:00:00.000Z', '2026-11-01T15:59:59.999Z', 'e2'), // late
    grievance('g3', CERT, 'ou-b', '2026-11-04T02:00:00.000Z', '2026-11-06T15:59:59.999Z', 'e4'), // on time
    grievance('g4', LIGHT, 'ou-a', '2026-11-09T02:00:00.000Z', '2026-11-13T15:59:59.999Z', 'e5'), // on time
    grievance('g5', CERT, 'ou-b', '2026-11-28T02:00:00.000Z', undefined, 'e6'), // no expected date
    grievance('g6', LIGHT, 'ou-a', '2026-11-11T02:00:00.000Z', '2026-11-10T15:59:59.999Z', 'e7'), // late
    reopened, // on time (first 办结), never rated
    grievance('g8', LIGHT, 'ou-a', null, '2026-11-01T15:59:59.999Z', undefined, 'in_progress'), // overdue, not resolved
    grievance('g9', CERT, 'ou-b', '2026-10-20T02:00:00.000Z', '2026-10-22T15:59:59.999Z', undefined), // October, on time, 未评价
  ],
  rectifications: [
    { id: 'r1', status: 'closed', revisit: { method: 'phone', at: '2026-11-14T02:00:00.000Z', actor: { role: 'staff' }, outcome: '已回访', newLevel: 4 } },
    { id: 'r2', status: 'open' },
    { id: 'r3', status: 'rectified' },
  ],
};

describe('summarize', () => {
  it('computes every metric over the whole dataset', () => {
    const s = summarize(data);
    expect(s).toEqual({
      count: 7,
      levels: { 1: 1, 2: 2, 3: 1, 4: 2, 5: 1 },
      averageLevel: 3,
      goodRate: 3 / 7, // 好评率: levels 4–5
      badRate: 3 / 7, // 差评率: levels 1–2
      resolvedGrievances: 8,
      evaluatedGrievances: 6,
      evaluatedRate: 6 / 8, // 主动评价率
      unevaluatedRate: 2 / 8, // 未评价率
      badNeedingRectification: 3,
      rectificationRate: 2 / 3, // 差评整改率: rectified or closed
      revisitRate: 1 / 3, // 回访率
      onTimeRate: 5 / 7, // g1 g3 g4 g7 g9 of the seven with an expected date
    });
    expect(evaluationSummary.parse(s)).toEqual(s);
  });

  it('treats a neutral 基本满意 as neither good nor bad', () => {
    const s = summarize({ evaluations: [evaluation(3, 'g3', CERT, 'ou-b', '2026-11-06T02:00:00.000Z')], grievances: [], rectifications: [] });
    expect(s.goodRate).toBe(0);
    expect(s.badRate).toBe(0);
    expect(s.averageLevel).toBe(3);
  });

  it('filters by org unit', () => {
    expect(summarize(data, { orgUnitId: 'ou-a' })).toMatchObject({
      count: 4,
      levels: { 1: 0, 2: 2, 3: 0, 4: 1, 5: 1 },
      averageLevel: 3.25,
      goodRate: 0.5,
      badRate: 0.5,
      resolvedGrievances: 4,
      evaluatedRate: 1,
      unevaluatedRate: 0,
      rectificationRate: 1,
      revisitRate: 0.5,
      onTimeRate: 0.5,
    });
  });

  it('filters by service, rounding the average to two decimals', () => {
    expect(summarize(data, { serviceCode: CERT })).toMatchObject({
      count: 3,
      averageLevel: 2.67,
      goodRate: 1 / 3,
      badRate: 1 / 3,
      resolvedGrievances: 4,
      evaluatedGrievances: 2,
      evaluatedRate: 0.5,
      badNeedingRectification: 1,
      rectificationRate: 0,
      revisitRate: 0,
      onTimeRate: 1,
    });
  });

  it('filters by period: ratings by their date, grievances by their first 办结', () => {
    expect(summarize(data, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z' })).toMatchObject({
      count: 6,
      levels: { 1: 0, 2: 2, 3: 1, 4: 2, 5: 1 },
      averageLevel: 3.33,
      goodRate: 0.5,
      badRate: 2 / 6,
      resolvedGrievances: 7,
      evaluatedGrievances: 6,
      evaluatedRate: 6 / 7,
      rectificationRate: 1,
      revisitRate: 0.5,
      onTimeRate: 4 / 6,
    });
    expect(summarize(data, { from: '2026-12-01T00:00:00.000Z' })).toMatchObject({ count: 1, levels: { 1: 1 }, resolvedGrievances: 0, evaluatedRate: null });
  });

  it('filters by target type', () => {
    expect(summarize(data, { targetType: 'service' })).toMatchObject({ count: 1, levels: { 4: 1 }, goodRate: 1 });
  });

  it('judges on-time by the first 办结, not by a later one after a reopen', () => {
    const only = { evaluations: [], rectifications: [], grievances: [reopened] };
    expect(summarize(only).onTimeRate).toBe(1);
    expect(summarize(only, { from: '2026-11-15T00:00:00.000Z' }).resolvedGrievances).toBe(0);
  });

  it('returns null rates, not NaN or Infinity, when there is nothing to divide by', () => {
    const empty = summarize({ evaluations: [], grievances: [], rectifications: [] });
    expect(empty).toEqual({
      count: 0,
      levels: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      averageLevel: null,
      goodRate: null,
      badRate: null,
      resolvedGrievances: 0,
      evaluatedGrievances: 0,
      evaluatedRate: null,
      unevaluatedRate: null,
      badNeedingRectification: 0,
      rectificationRate: null,
      revisitRate: null,
      onTimeRate: null,
    });
    expect(summarize(data, { orgUnitId: 'ou-nowhere' }).goodRate).toBeNull();
    // Only good ratings: no rectification, so no 整改率 rather than 0 %.
    expect(summarize(data, { serviceCode: LIGHT, to: '2026-11-05T00:00:00.000Z' })).toMatchObject({ count: 2, rectificationRate: null, revisitRate: null });
  });

  it('compares instants, not strings, when the period is given in Beijing time (+08:00)', () => {
    const beijing = { from: '2026-11-01T00:00:00+08:00', to: '2026-11-30T23:59:59.999+08:00' };
    const s = summarize(
      {
        evaluations: [
          evaluation(5, 'g1', LIGHT, 'ou-a', '2026-10-31T17:00:00.000Z'), // 11-01 01:00 in Beijing: inside
          evaluation(1, 'g2', LIGHT, 'ou-a', '2026-11-30T17:00:00.000Z'), // 12-01 01:00 in Beijing: outside
        ],
        grievances: [
          // Resolved at 20:00 Beijing = 12:00 UTC, before the deadline at 23:59:59 Beijing.
          grievance('g1', LIGHT, 'ou-a', '2026-11-27T20:00:00+08:00', '2026-11-27T15:59:59.999Z', 'e1'),
        ],
        rectifications: [],
      },
      beijing,
    );
    expect(s.count).toBe(1);
    expect(s.levels).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 });
    expect(s.onTimeRate).toBe(1);
  });
});
