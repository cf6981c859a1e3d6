import { allCapabilities, apply, deadline, type Actor, type Capabilities, type LinliAdapter, type Policy } from '@linli/sdk';
import type { Db } from '../db/db.js';
import { allocateIds, save } from '../db/entities.js';
import { callerFor, createSqlContext } from './context.js';
import { evaluationMethods } from './resources/evaluations.js';
import { grievanceMethods } from './resources/grievances.js';
import { noticeMethods } from './resources/notices.js';
import { orgUnitMethods } from './resources/org-units.js';
import { rectificationMethods } from './resources/rectifications.js';
import { residentMethods } from './resources/residents.js';
import { serviceMethods } from './resources/services.js';

export interface SqlBackendOptions {
  /** The jurisdiction's rules: working-day deadlines, which ratings force 整改. */
  policy: Policy;
  /** Injected clock, for tests. */
  now?: () => Date;
}

/** One backend, many callers: `backendFor(actor)` is the adapter as that actor (anonymous when omitted). */
export interface SqlBackend {
  (actor?: Actor): LinliAdapter;
  /** resolved → closed (未评价) for cases whose evaluation window has passed; returns how many closed. */
  closeExpiredEvaluations(): Promise<number>;
  readonly db: Db;
}

export const sqlCapabilities: Capabilities = allCapabilities;

/**
 * The whole adapter contract on SQL (PGlite or PostgreSQL). The workflow, the 好差评 loop, intake
 * checks, projections and metrics are the SDK's pure functions; each resource in `resources/` only
 * loads and stores. Writes that read-modify-write a grievance or rectification lock its row
 * (`FOR UPDATE`) inside the transaction, so concurrent staff actions are serialised.
 */
export function createSqlBackend(db: Db, options: SqlBackendOptions): SqlBackend {
  const s = createSqlContext(db, options.policy, options.now);

  async function closeExpiredEvaluations(): Promise<number> {
    const now = s.nowIso();
    const resolved = await db.query<{ id: string; resolved_at: string | null }>(
      `SELECT id, data->>'resolvedAt' AS resolved_at FROM grievances WHERE status = 'resolved'`,
    );
    const due = resolved.filter((r) => r.resolved_at && Date.parse(deadline(s.policy, 'evaluationWindow', r.resolved_at)) < Date.parse(now));
    let closed = 0;
    for (const { id } of due) {
      closed += await db.transaction(async (tx) => {
        const g = await s.grievanceForUpdate(tx, id);
        if (g.status !== 'resolved') return 0;
        const ids = await allocateIds(tx, 1);
        await save(tx, 'grievances', apply(g, { action: 'expire_evaluation' }, { actor: { role: 'system' }, now, newId: () => ids('t') }));
        return 1;
      });
    }
    return closed;
  }

  function backendFor(actor?: Actor): LinliAdapter {
    const caller = callerFor(actor);
    return {
      name: 'sql',
      capabilities: sqlCapabilities,
      now: () => new Date(s.nowIso()),
      ...serviceMethods(s, caller),
      ...grievanceMethods(s, caller),
      ...evaluationMethods(s, caller),
      ...rectificationMethods(s, caller),
      ...noticeMethods(s, caller),
      ...orgUnitMethods(s, caller),
      ...residentMethods(s, caller),
    };
  }

  return Object.assign(backendFor, { closeExpiredEvaluations, db });
}
