import {
  apply,
  applyRectification,
  recordEvaluation,
  submissionEntry,
  type Evaluation,
  type Grievance,
  type Policy,
  type Rectification,
} from '@linli/sdk';
import { opensRectification, ratingInput } from '../evaluations.js';
import { idQueue, type IdFactory, type IdLookup } from '../ids.js';
import type { GrievancePlan } from './plan.js';

/** Ids decided up front, so that numbering follows time rather than the order cases are played. */
export interface RunIds {
  grievance: IdLookup<GrievancePlan>;
  evaluation: IdLookup<GrievancePlan>;
  rectification: IdLookup<GrievancePlan>;
  trackingCode: IdLookup<GrievancePlan>;
}

/**
 * Plays each planned story through the SDK's pure workflow functions — `submissionEntry`, `apply`,
 * `recordEvaluation`, `applyRectification` — so every timeline is one the real system could produce.
 */
export function runGrievances(plans: GrievancePlan[], ids: RunIds, policy: Policy, idf: IdFactory) {
  const grievances: Grievance[] = [];
  const evaluations: Evaluation[] = [];
  const rectifications: Rectification[] = [];

  for (const plan of plans) {
    const id = ids.grievance.get(plan)!;
    const ctx = (actor: Grievance['timeline'][number]['actor'], at: string) => ({ actor, now: at, newId: idf.timeline, policy });
    let g: Grievance = {
      id,
      createdAt: plan.submittedAt,
      updatedAt: plan.submittedAt,
      serviceCode: plan.service.code,
      orgUnitId: plan.community.id,
      description: plan.description,
      attributes: plan.attributes,
      location: plan.location,
      media: plan.media,
      channel: plan.channel,
      reporter: plan.reporter,
      contactConsent: plan.contactConsent,
      status: 'submitted',
      timeline: [submissionEntry(ctx(plan.submitter, plan.submittedAt), plan.submitNote)],
      expectedAt: plan.expectedAt,
      trackingCode: ids.trackingCode.get(plan)!,
    };
    for (const step of plan.steps) {
      const command = step.command.action === 'mark_duplicate' ? { ...step.command, duplicateOf: ids.grievance.get(plan.duplicateOf!)! } : step.command;
      g = apply(g, command, ctx(step.actor, step.at));
    }

    if (plan.rating) {
      const r = plan.rating;
      const input = ratingInput({ target: { type: 'grievance', id }, mode: 'per-matter', level: r.level!, choice: r.choice!, channel: r.channel, rater: r.rater, contactConsent: r.contactConsent });
      const queued = [ids.evaluation.get(plan)!, ...(opensRectification(policy, r.level!, r.choice!.reasons) ? [ids.rectification.get(plan)!] : []), idf.timeline()];
      const outcome = recordEvaluation(input, { actor: { role: 'resident' }, now: r.at, newId: idQueue(queued), policy }, g);
      g = outcome.grievance!;
      evaluations.push(outcome.evaluation);
      let rect = outcome.rectification;
      if (rect && plan.rectify) {
        const { at, actor, note, disposal } = plan.rectify;
        ({ rectification: rect, grievance: g } = withGrievance(applyRectification(rect, { action: 'rectify', note, disposal }, ctx(actor, at), g)));
      }
      if (rect && plan.revisit) {
        const { at, actor, method, outcome: said, newLevel } = plan.revisit;
        ({ rectification: rect, grievance: g } = withGrievance(applyRectification(rect, { action: 'revisit', method, outcome: said, newLevel }, ctx(actor, at), g)));
      }
      if (rect) rectifications.push(rect);
    }
    if (plan.expireAt) g = apply(g, { action: 'expire_evaluation' }, ctx({ role: 'system' }, plan.expireAt));
    grievances.push(g);
  }
  return { grievances, evaluations, rectifications };
}

function withGrievance<T extends { grievance?: Grievance }>(o: T): T & { grievance: Grievance } {
  if (!o.grievance) throw new Error('expected the rectification to move its grievance on');
  return o as T & { grievance: Grievance };
}
