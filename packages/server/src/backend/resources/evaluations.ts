import {
  NotFoundError,
  evaluationInput,
  evaluationQuery,
  hashAccessCode,
  parseInput,
  recordEvaluation,
  safeEqual,
  summarize,
  summaryQuery,
  type Evaluation,
  type Grievance,
  type LinliAdapter,
  type Rectification,
} from '@linli/sdk';
import { allocateIds, save } from '../../db/entities.js';
import { DUMMY_SALT, newestFirst, type Caller, type SqlContext } from '../context.js';
import { idempotent, requestHash, type ServerRequestContext } from '../idempotency.js';
import { page, Where } from '../paging.js';
import { publicEvaluationView } from '../public-views.js';

/** 好差评: rate (opening 整改 for bad ratings), list and summarise. */
export function evaluationMethods(s: SqlContext, caller: Caller): Pick<LinliAdapter, 'submitEvaluation' | 'listEvaluations' | 'summarizeEvaluations'> {
  const { db, policy } = s;
  const evaluationView = (e: Evaluation) => (caller.isStaff ? e : publicEvaluationView(e));
  return {
    async submitEvaluation(raw, ctx: ServerRequestContext) {
      caller.enter(ctx);
      const input = parseInput(evaluationInput, raw, 'evaluation', ctx.locale);
      return idempotent<Evaluation>(db, 'evaluation', ctx, requestHash(input), 201, async (tx) => {
        let grievance: Grievance | undefined;
        let serviceCode: string | undefined;
        if (input.target.type === 'grievance') {
          const [row] = await tx.query<{ data: Grievance; hash: string | null }>(
            'SELECT g.data, a.hash FROM grievances g LEFT JOIN access_codes a ON a.grievance_id = g.id WHERE g.id = $1 FOR UPDATE OF g',
            [input.target.id],
          );
          const presented = input.accessCode ? await hashAccessCode(input.accessCode, row?.data.id ?? DUMMY_SALT) : '';
          if (!row?.hash || !safeEqual(row.hash, presented)) throw new NotFoundError('No grievance matches this id and access code.');
          grievance = row.data;
        } else if (input.target.type === 'service') {
          const [found] = await tx.query<{ code: string }>('SELECT code FROM services WHERE code = $1 OR id = $1', [input.target.id]);
          if (!found) throw new NotFoundError(`No service ${input.target.id}.`);
          serviceCode = found.code;
        }
        const ids = await allocateIds(tx, 3);
        const outcome = recordEvaluation(input, { actor: { role: 'resident' }, policy, now: s.nowIso(), newId: () => ids('e') }, grievance);
        if (serviceCode) outcome.evaluation.serviceCode = serviceCode;
        await save(tx, 'evaluations', outcome.evaluation);
        if (outcome.rectification) await save(tx, 'rectifications', outcome.rectification);
        if (outcome.grievance) await save(tx, 'grievances', outcome.grievance);
        return evaluationView(outcome.evaluation);
      });
    },
    async listEvaluations(raw, ctx) {
      caller.enter(ctx);
      const q = parseInput(evaluationQuery, raw, 'evaluation query', ctx.locale);
      const w = new Where();
      if (q.targetType) w.and(`target_type = ${w.p(q.targetType)}`);
      if (q.targetId) w.and(`target_id = ${w.p(q.targetId)}`);
      if (q.serviceCode) w.and(`service_code = ${w.p(q.serviceCode)}`);
      if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
      if (q.from) w.and(`created_at >= ${w.p(q.from)}::timestamptz`);
      if (q.to) w.and(`created_at <= ${w.p(q.to)}::timestamptz`);
      const result = await page<Evaluation>(db, { table: 'evaluations', where: w, keys: newestFirst, direction: 'desc', cursor: q.cursor }, q.limit);
      return { ...result, items: result.items.map(evaluationView) };
    },
    async summarizeEvaluations(raw, ctx) {
      caller.enter(ctx);
      const q = parseInput(summaryQuery, raw, 'summary query', ctx.locale);
      // Narrow in SQL to what can match; the metrics themselves are the SDK's `summarize`.
      const scope = (w: Where) => {
        if (q.serviceCode) w.and(`service_code = ${w.p(q.serviceCode)}`);
        if (q.orgUnitId) w.and(`org_unit_id = ${w.p(q.orgUnitId)}`);
        return w;
      };
      const ew = scope(new Where());
      if (q.targetType) ew.and(`target_type = ${ew.p(q.targetType)}`);
      const gw = scope(new Where()).and(`(data ? 'resolvedAt' OR data->'timeline' @> '[{"action":"resolve"}]'::jsonb)`);
      const evaluations = (await db.query<{ data: Evaluation }>(`SELECT data FROM evaluations ${ew}`, ew.params)).map((r) => r.data);
      const grievances = (await db.query<{ data: Grievance }>(`SELECT data FROM grievances ${gw}`, gw.params)).map((r) => r.data);
      const rectIds = evaluations.flatMap((e) => (e.rectificationId ? [e.rectificationId] : []));
      const rectifications = rectIds.length
        ? (await db.query<{ data: Rectification }>('SELECT data FROM rectifications WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(rectIds)])).map((r) => r.data)
        : [];
      return summarize({ evaluations, grievances, rectifications }, q);
    },
  };
}
