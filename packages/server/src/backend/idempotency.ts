import { createHash } from 'node:crypto';
import { ConflictError, type RequestContext } from '@linli/sdk';
import type { Db } from '../db/db.js';

/** What the HTTP layer adds to a call: told when a stored result is replayed, to say so in a header. */
export interface ServerRequestContext extends RequestContext {
  onReplay?: () => void;
}

/** Same parsed request → same hash; key order follows the zod schemas, so it is stable. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Runs a write once per (scope, key). The key is claimed by inserting its row first, in the same
 * transaction as the write, and the result is stored there too, so "acknowledged ⇒ committed" and a
 * crash leaves either both or neither. A concurrent duplicate blocks on the unique key until the
 * first commits, then replays its result; if the first rolled back, the duplicate runs instead.
 * Failed calls store nothing: they changed nothing, and a retry may succeed.
 */
export async function idempotent<T>(
  db: Db,
  scope: string,
  ctx: ServerRequestContext,
  hash: string,
  status: number,
  run: (tx: Db) => Promise<T>,
): Promise<T> {
  const key = ctx.idempotencyKey;
  if (!key) return db.transaction(run);
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (!claimed.length) {
      const [stored] = await tx.query<{ request_hash: string; body: T }>('SELECT request_hash, body FROM idempotency WHERE scope = $1 AND key = $2', [scope, key]);
      if (!stored || stored.request_hash !== hash) {
        throw new ConflictError('This Idempotency-Key was already used for a different request.');
      }
      ctx.onReplay?.();
      return stored.body;
    }
    const result = await run(tx);
    await tx.query('UPDATE idempotency SET status = $3, body = $4::jsonb WHERE scope = $1 AND key = $2', [scope, key, status, JSON.stringify(result)]);
    return result;
  });
}

/** Forgets keys older than the retention period (default 30 days: an offline outbox may retry late). */
export async function purgeIdempotencyKeys(db: Db, olderThanMs = 30 * 24 * 3600_000): Promise<number> {
  const rows = await db.query(`DELETE FROM idempotency WHERE created_at < now() - ($1::bigint * interval '1 millisecond') RETURNING key`, [olderThanMs]);
  return rows.length;
}
