// Zod-free on purpose: the 好差评 widget imports the scale without pulling in the schema library.
import type { LocalizedText } from '../i18n/locales.js';

/** The five fixed 好差评 levels (国办发〔2019〕51号). No level is ever pre-selected. */
export const evaluationLevels = [5, 4, 3, 2, 1] as const;
export type EvaluationLevel = (typeof evaluationLevels)[number];
export const evaluationLevelLabels: Record<EvaluationLevel, LocalizedText> = {
  5: { 'zh-CN': '非常满意', 'zh-TW': '非常滿意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', 'zh-TW': '滿意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', 'zh-TW': '基本滿意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', 'zh-TW': '不滿意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', 'zh-TW': '非常不滿意', en: 'Very dissatisfied' },
};
/** 好评 = 4–5, 差评 = 1–2 (SPEC §3.2). */
export const isGoodLevel = (level: number) => level >= 4;
export const isBadLevel = (level: number) => level <= 2;

export const evaluationTargetTypes = ['grievance', 'service', 'staff', 'window', 'org-unit'] as const;
export type EvaluationTargetType = (typeof evaluationTargetTypes)[number];
/** 一次一评 / 一事一评 */
export const evaluationModes = ['per-visit', 'per-matter'] as const;

export interface IndicatorOption {
  code: string;
  label: LocalizedText;
}
export interface ReasonOption extends IndicatorOption {
  /** A bad rating with this reason must be rectified (整改), whatever the policy's level rule says. */
  requiresRectification: boolean;
}
/** A versioned set of indicators and standard reasons; which ones apply depends on the level chosen. */
export interface IndicatorSet {
  version: string;
  indicators: IndicatorOption[];
  reasons: { good: ReasonOption[]; neutral: ReasonOption[]; bad: ReasonOption[] };
}

const t = (zhCN: string, zhTW: string, en: string): LocalizedText => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export const indicatorSets: Record<string, IndicatorSet> = {
  '2024.1': {
    version: '2024.1',
    indicators: [
      { code: 'efficiency', label: t('办事效率', '辦事效率', 'Speed') },
      { code: 'attitude', label: t('服务态度', '服務態度', 'Staff attitude') },
      { code: 'guide-accuracy', label: t('办事指南准确度', '辦事指南準確度', 'Accuracy of the guide') },
      { code: 'convenience', label: t('便捷度', '便捷度', 'Convenience') },
      { code: 'result', label: t('办理结果', '辦理結果', 'Outcome') },
    ],
    reasons: {
      good: [
        { code: 'one-visit', label: t('一次办好，不用多跑', '一次辦好，不用多跑', 'Done in one visit'), requiresRectification: false },
        { code: 'fast', label: t('办理快', '辦理快', 'Fast'), requiresRectification: false },
        { code: 'friendly', label: t('态度热情耐心', '態度熱情耐心', 'Friendly and patient'), requiresRectification: false },
        { code: 'clear-guide', label: t('指南清楚好懂', '指南清楚好懂', 'Clear guide'), requiresRectification: false },
      ],
      neutral: [
        { code: 'waited-long', label: t('等候时间较长', '等候時間較長', 'Long wait'), requiresRectification: false },
        { code: 'unclear-explanation', label: t('解释不够清楚', '解釋不夠清楚', 'Explanation not clear enough'), requiresRectification: false },
      ],
      bad: [
        { code: 'not-solved', label: t('问题没有解决', '問題沒有解決', 'Problem not solved'), requiresRectification: true },
        { code: 'too-slow', label: t('超时或拖延', '超時或拖延', 'Late or delayed'), requiresRectification: true },
        { code: 'many-trips', label: t('多次跑腿', '多次跑腿', 'Had to come back several times'), requiresRectification: true },
        { code: 'bad-attitude', label: t('态度生硬', '態度生硬', 'Rude staff'), requiresRectification: true },
        { code: 'wrong-guide', label: t('指南与实际不符', '指南與實際不符', 'Guide did not match reality'), requiresRectification: true },
        { code: 'policy-disagree', label: t('对政策规定有意见', '對政策規定有意見', 'I disagree with the rules themselves'), requiresRectification: false },
      ],
    },
  },
};
export const currentIndicatorSetVersion = '2024.1';

/** Which reasons fit a level: good ones for 4–5, neutral for 3, bad for 1–2. */
export function reasonsForLevel(level: EvaluationLevel, set: IndicatorSet = indicatorSets[currentIndicatorSetVersion]!): ReasonOption[] {
  return level >= 4 ? set.reasons.good : level === 3 ? set.reasons.neutral : set.reasons.bad;
}

