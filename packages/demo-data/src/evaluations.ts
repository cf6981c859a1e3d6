import {
  evaluationInput,
  indicatorSets,
  currentIndicatorSetVersion,
  isBadLevel,
  reasonsForLevel,
  requiresRectification,
  type Channel,
  type EvaluationLevel,
  type EvaluationTarget,
  type Policy,
} from '@linli/sdk';
import type { Rng } from './random.js';

/**
 * 好差评 shape. Published local figures are overwhelmingly positive; the dataset aims at
 * 非常满意 ≈ 67 %, 满意 ≈ 21.5 %, 基本满意 ≈ 7 %, 不满意 ≈ 3 %, 非常不满意 ≈ 1.5 %, and deals the
 * exact counts out (instead of sampling) so every run lands inside the documented ranges.
 */
const SHARES: Record<Exclude<EvaluationLevel, 5>, number> = { 4: 0.215, 3: 0.07, 2: 0.03, 1: 0.015 };

export function levelCounts(total: number): Record<EvaluationLevel, number> {
  const c4 = Math.round(total * SHARES[4]);
  const c3 = Math.round(total * SHARES[3]);
  const c2 = Math.round(total * SHARES[2]);
  const c1 = Math.round(total * SHARES[1]);
  return { 5: total - c4 - c3 - c2 - c1, 4: c4, 3: c3, 2: c2, 1: c1 };
}

export function levelList(counts: Partial<Record<EvaluationLevel, number>>): EvaluationLevel[] {
  return ([5, 4, 3, 2, 1] as const).flatMap((l) => Array<EvaluationLevel>(counts[l] ?? 0).fill(l));
}

const INDICATORS = indicatorSets[currentIndicatorSetVersion]!.indicators.map((i) => i.code);

/** The indicators a rater ticks: what pleased them, or what went wrong. */
function indicatorsFor(level: EvaluationLevel, reasons: string[], rng: Rng): string[] {
  const linked: Record<string, string> = {
    fast: 'efficiency',
    'too-slow': 'efficiency',
    friendly: 'attitude',
    'bad-attitude': 'attitude',
    'clear-guide': 'guide-accuracy',
    'wrong-guide': 'guide-accuracy',
    'one-visit': 'convenience',
    'many-trips': 'convenience',
    'not-solved': 'result',
    'waited-long': 'efficiency',
    'unclear-explanation': 'guide-accuracy',
  };
  const picked = new Set(reasons.map((r) => linked[r]).filter((x): x is string => !!x));
  if (level >= 4 && rng.chance(0.5)) picked.add(rng.pick(INDICATORS));
  return INDICATORS.filter((i) => picked.has(i));
}

export interface RatingChoice {
  reasons: string[];
  indicators: string[];
  comment?: string;
}

const COMMENTS: Record<'grievance' | 'visit', Record<EvaluationLevel, string[]>> = {
  grievance: {
    5: ['网格员第二天就来了，处理得很及时，谢谢！', '社区工作人员很负责，点赞。', '没想到这么快就解决了，给社区点赞。', '调解员很有耐心，问题终于解决了。'],
    4: ['处理得不错，就是等了几天。', '问题解决了，希望以后多巡查。'],
    3: ['问题基本解决，但过程有点慢。', '解决了一部分，还要再观察。'],
    2: ['说是修好了，过两天又坏了。', '拖了很久才来处理。'],
    1: ['根本没解决，打电话也没人回。', '推来推去，最后还是没人管。'],
  },
  visit: {
    5: ['窗口工作人员很热情，材料一次就收齐了。', '一次就办好了，不用来回跑。', '工作人员耐心讲解政策，老人也听得懂。'],
    4: ['办得挺顺利，排队稍微久一点。', '服务不错。'],
    3: ['等了快一个小时。', '材料清单和实际要求不太一样。'],
    2: ['让我回去补材料，跑了两趟。', '工作人员不太耐烦。'],
    1: ['指南上写的材料都带了，还是说不行。', '态度很差。'],
  },
};

/**
 * Reasons come only from `reasonsForLevel(level)`; a late case is never praised as "fast", and a
 * late bad rating says so.
 */
export function chooseRating(level: EvaluationLevel, kind: 'grievance' | 'visit', rng: Rng, opts: { late?: boolean } = {}): RatingChoice {
  const allowed = reasonsForLevel(level)
    .map((r) => r.code)
    .filter((c) => !(opts.late && c === 'fast'));
  let reasons: string[];
  if (level >= 4) reasons = rng.sample(allowed, rng.weighted([[0, 3], [1, 5], [2, 2]]));
  else if (level === 3) reasons = rng.sample(allowed, 1);
  else {
    const bad = kind === 'grievance' ? allowed.filter((c) => c !== 'wrong-guide') : allowed.filter((c) => c !== 'not-solved');
    reasons = opts.late ? ['too-slow', ...rng.sample(bad.filter((c) => c !== 'too-slow'), rng.int(0, 1))] : rng.sample(bad, rng.int(1, 2));
  }
  const comment = level <= 3 || rng.chance(0.3) ? rng.pick(COMMENTS[kind][level]) : undefined;
  return { reasons, indicators: indicatorsFor(level, reasons, rng), ...(comment ? { comment } : {}) };
}

/** Does this rating open a rectification under the policy? Mirrors `recordEvaluation`. */
export function opensRectification(policy: Policy, level: EvaluationLevel, reasons: string[]): boolean {
  const anyRequiring = reasonsForLevel(level).some((r) => r.requiresRectification && reasons.includes(r.code));
  return isBadLevel(level) && requiresRectification(policy, level, anyRequiring);
}

export interface RatingInputArgs {
  target: EvaluationTarget;
  mode: 'per-visit' | 'per-matter';
  level: EvaluationLevel;
  choice: RatingChoice;
  channel: Channel;
  rater?: { name: string; phone?: string };
  contactConsent: boolean;
}

/** Goes through the SDK's own input schema, as a real submission would. */
export function ratingInput(a: RatingInputArgs) {
  return evaluationInput.parse({
    target: a.target,
    mode: a.mode,
    level: a.level,
    indicators: a.choice.indicators,
    reasons: a.choice.reasons,
    comment: a.choice.comment,
    contactConsent: a.contactConsent,
    realName: !!a.rater,
    rater: a.rater,
    channel: a.channel,
  });
}

// ── 整改 → 回访 wording ─────────────────────────────────────────────────────────────────────

export const RECTIFY_NOTES = {
  'fix-now': ['已立行立改：当天重新安排人员处理，社区书记现场督办。', '已立行立改：约谈经办人员，重新上门处理到位。'],
  'fix-by-deadline': ['已建立整改台账，限期整改完成，处理结果已告知评价人。', '已协调责任单位限期整改，整改完成后网格员现场复核。'],
  explain: ['经核实，办理程序和结果符合规定，已向评价人解释政策依据，并就沟通不到位致歉。'],
} as const;

export const REVISIT_OUTCOMES = {
  good: ['电话回访，居民表示问题已解决，对整改结果满意。', '上门回访，居民认可整改情况。'],
  fair: ['电话回访，居民表示基本解决，希望加强日常巡查。'],
  anonymous: ['匿名评价无法回访，整改情况已在居务公开栏和小程序公开。'],
} as const;

/**
 * Deals the exact level counts for `total` ratings: the bad ones first to the grievances that must
 * go through 整改, the rest of the good/neutral pool to rated grievances, what is left to visits.
 */
export function dealLevels(total: number, badGrievances: number, goodGrievances: number, rng: Rng) {
  const counts = levelCounts(total);
  const bad = rng.shuffle(levelList({ 2: counts[2], 1: counts[1] }));
  const good = rng.shuffle(levelList({ 5: counts[5], 4: counts[4], 3: counts[3] }));
  if (bad.length < badGrievances || good.length < goodGrievances) throw new Error('not enough ratings to deal');
  return {
    badGrievances: bad.slice(0, badGrievances),
    goodGrievances: good.slice(0, goodGrievances),
    visits: rng.shuffle([...bad.slice(badGrievances), ...good.slice(goodGrievances)]),
  };
}
