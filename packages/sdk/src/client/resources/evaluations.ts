import { evaluation, evaluationInput, evaluationQuery, evaluationSummary, summaryQuery, type EvaluationInput, type EvaluationQuery, type SummaryQuery } from '../../schemas/evaluation.js';
import { newKey, type ClientKit, type RequestOptions } from '../kit.js';

/** 好差评 ratings and the figures computed from them. */
export const evaluationsResource = (k: ClientKit) => ({
  /** Submits a 好差评 rating; one per matter. An idempotency key is generated when none is given. */
  submit: async (data: EvaluationInput, o: RequestOptions = {}) => {
    const parsed = k.input(evaluationInput, data, 'evaluation');
    return k.output(evaluation, await k.need('evaluations', 'submitEvaluation')(parsed, k.ctx(o, { idempotencyKey: newKey() })), 'evaluation');
  },
  list: async (query: EvaluationQuery = {}, o?: RequestOptions) =>
    k.pager(evaluation, 'evaluation', (q, c) => k.need('evaluations', 'listEvaluations')(q, c))(k.input(evaluationQuery, query, 'evaluation query'), o),
  summary: async (query: SummaryQuery = {}, o?: RequestOptions) =>
    k.output(evaluationSummary, await k.need('summary', 'summarizeEvaluations')(k.input(summaryQuery, query, 'summary query'), k.ctx(o)), 'summary'),
});
