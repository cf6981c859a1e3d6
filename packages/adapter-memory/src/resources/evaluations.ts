import { NotFoundError, evaluationInput, hashAccessCode, parseInput, recordEvaluation, safeEqual, summarize, type Evaluation, type Grievance, type LinliAdapter } from '@linli/sdk';
import { paginate, type MemoryContext } from '../context.js';

/** 好差评: rate (opening 整改 for bad ratings), list and summarise. */
export function evaluationMethods(m: MemoryContext): Pick<LinliAdapter, 'submitEvaluation' | 'listEvaluations' | 'summarizeEvaluations'> {
  const { state, store } = m;
  const publicEvaluation = (e: Evaluation): Evaluation => (m.isStaff() ? e : { ...e, rater: undefined });
  return {
    async submitEvaluation(raw, ctx) {
      await m.enter(ctx);
      const input = parseInput(evaluationInput, raw, 'evaluation', ctx.locale);
      const saved = await m.once<Evaluation>('evaluation', ctx, async () => {
        let grievance: Grievance | undefined;
        if (input.target.type === 'grievance') {
          const target = state.grievances.find((g) => g.id === input.target.id);
          const hash = target ? state.accessHashes[target.id] : undefined;
          if (!target || !hash || !input.accessCode || !safeEqual(hash, await hashAccessCode(input.accessCode, target.id))) {
            throw new NotFoundError('No grievance matches this id and access code.');
          }
          grievance = target;
        } else if (input.target.type === 'service' && !state.services.some((s) => s.code === input.target.id || s.id === input.target.id)) {
          throw new NotFoundError(`No service ${input.target.id}.`);
        }
        const outcome = recordEvaluation(input, { ...m.ctxFor({ role: 'resident' }), newId: () => store.nextId('e') }, grievance);
        if (input.target.type === 'service') outcome.evaluation.serviceCode = input.target.id;
        state.evaluations.unshift(outcome.evaluation);
        if (outcome.rectification) state.rectifications.unshift(outcome.rectification);
        if (outcome.grievance) m.replace(outcome.grievance);
        store.commit();
        return structuredClone(outcome.evaluation);
      });
      return publicEvaluation(saved);
    },
    async listEvaluations(q, ctx) {
      await m.enter(ctx);
      const all = state.evaluations.filter(
        (e) =>
          (!q.targetType || e.target.type === q.targetType) &&
          (!q.targetId || e.target.id === q.targetId) &&
          (!q.serviceCode || e.serviceCode === q.serviceCode) &&
          (!q.orgUnitId || e.orgUnitId === q.orgUnitId) &&
          (!q.from || e.createdAt >= q.from) &&
          (!q.to || e.createdAt <= q.to),
      );
      const page = paginate(all, q.cursor, q.limit);
      return { ...page, items: page.items.map(publicEvaluation) };
    },
    async summarizeEvaluations(q, ctx) {
      await m.enter(ctx);
      return summarize(state, q);
    },
  };
}
