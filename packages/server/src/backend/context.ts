import { AbortedError, AuthError, NotFoundError, hashAccessCode, normalizeCode, safeEqual, type Actor, type Grievance, type Policy } from '@linli/sdk';
import type { Db } from '../db/db.js';
import type { ServerRequestContext } from './idempotency.js';

/** What every resource of the SQL backend shares, whoever calls. */
export interface SqlContext {
  db: Db;
  policy: Policy;
  /** Now, as an ISO instant, from the injected clock. */
  nowIso(): string;
  /** The `data` of the first row, or undefined. */
  one<T>(sql: string, params: unknown[], tx?: Db): Promise<T | undefined>;
  /** Locks a grievance row for the rest of the transaction. */
  grievanceForUpdate(tx: Db, id: string): Promise<Grievance>;
  /** The grievance behind a tracking code + access code; the same answer for an unknown code and a wrong one. */
  authorise(tx: Db, trackingCode: string, accessCode: string, lock: boolean): Promise<Grievance>;
}

/** Who is calling, with the guards every resource applies. */
export interface Caller {
  actor?: Actor;
  isStaff: boolean;
  enter(ctx: ServerRequestContext): void;
  staffOnly(): Actor;
}

const NO_MATCH = 'No grievance matches this tracking code and access code.';
/** Hashed when the tracking code is unknown, so an unknown code and a wrong access code take as long. */
export const DUMMY_SALT = 'linli:no-such-grievance';

export const isStaffActor = (actor?: Actor) => actor?.role === 'staff' || actor?.role === 'admin';

/** `%` and `_` in a search term are literal characters, not LIKE wildcards. */
export const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const newestFirst = [
  { expr: 'created_at', type: 'timestamptz' },
  { expr: 'seq', type: 'bigint' },
] as const;
export const inSeedOrder = [{ expr: 'seq', type: 'bigint' }] as const;

export function createSqlContext(db: Db, policy: Policy, now?: () => Date): SqlContext {
  const c: SqlContext = {
    db,
    policy,
    nowIso: () => (now?.() ?? new Date()).toISOString(),
    async one<T>(sql: string, params: unknown[], tx: Db = db) {
      const [row] = await tx.query<{ data: T }>(sql, params);
      return row?.data;
    },
    async grievanceForUpdate(tx, id) {
      const g = await c.one<Grievance>('SELECT data FROM grievances WHERE id = $1 FOR UPDATE', [id], tx);
      if (!g) throw new NotFoundError(`No grievance ${id}.`);
      return g;
    },
    async authorise(tx, trackingCode, accessCode, lock) {
      const [row] = await tx.query<{ data: Grievance; hash: string | null }>(
        `SELECT g.data, a.hash FROM grievances g LEFT JOIN access_codes a ON a.grievance_id = g.id
          WHERE g.tracking_key = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
        [normalizeCode(trackingCode)],
      );
      const presented = await hashAccessCode(accessCode, row?.data.id ?? DUMMY_SALT);
      if (!row?.hash || !safeEqual(row.hash, presented)) throw new NotFoundError(NO_MATCH);
      return row.data;
    },
  };
  return c;
}

export function callerFor(actor?: Actor): Caller {
  const isStaff = isStaffActor(actor);
  return {
    actor,
    isStaff,
    enter(ctx) {
      if (ctx.signal?.aborted) throw new AbortedError();
    },
    staffOnly() {
      if (!actor || !isStaff) throw new AuthError('unauthorized', 'This needs a staff account.');
      return actor;
    },
  };
}
