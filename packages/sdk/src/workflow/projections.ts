import type { Grievance, PublicGrievance } from '../schemas/grievance.js';

/** The resident's view: no contact details, no internal notes, no staff identities. */
export function toPublicGrievance(g: Grievance): PublicGrievance {
  const { reporter, ...rest } = g;
  return {
    ...rest,
    reporter: { anonymous: reporter.anonymous },
    assignee: g.assignee ? { id: g.assignee.id, name: g.assignee.name } : undefined,
    timeline: g.timeline.filter((e) => e.visibility === 'public').map((e) => ({ ...e, actor: { role: e.actor.role } })),
  };
}
