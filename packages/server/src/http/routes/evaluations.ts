import { evaluationQuery, summaryQuery } from '@linli/sdk';
import { need, type RouteDef } from './types.js';

/** 好差评 ratings and the figures computed from them. */
export const evaluationRoutes: readonly RouteDef[] = [
  {
    method: 'post',
    path: '/evaluations',
    operationId: 'submitEvaluation',
    summary: 'Rate a matter (好差评); grievance targets need the access code',
    tag: 'evaluations',
    access: 'public',
    limited: true,
    body: { wire: 'EvaluationInput' },
    response: { status: 201, schema: { wire: 'Evaluation' } },
    run: ({ adapter, body, ctx }) => need(adapter, 'submitEvaluation', 'evaluations')(body as never, ctx),
  },
  {
    method: 'get',
    path: '/evaluations',
    operationId: 'listEvaluations',
    summary: 'Ratings (the rater only for staff)',
    tag: 'evaluations',
    access: 'public',
    query: evaluationQuery,
    response: { status: 200, schema: { page: 'Evaluation' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listEvaluations', 'evaluations')(query, ctx),
  },
  {
    method: 'get',
    path: '/evaluations/summary',
    operationId: 'summarizeEvaluations',
    summary: '好评率, 差评率, 整改率, 回访率 … computed from the data',
    tag: 'evaluations',
    access: 'public',
    query: summaryQuery,
    response: { status: 200, schema: { wire: 'EvaluationSummary' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'summarizeEvaluations', 'summary')(query, ctx),
  },
];
