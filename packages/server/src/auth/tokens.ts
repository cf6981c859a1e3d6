import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@linli/sdk';
import type { Db } from '../db/db.js';

export const tokenRoles = ['staff', 'admin'] as const;
export type TokenRole = (typeof tokenRoles)[number];

/** Tokens are stored only as their SHA-256: a leaked table does not let anyone sign in. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Issues a new bearer token; the plain value is returned once and never stored. */
export async function createToken(db: Db, role: TokenRole, name: string): Promise<{ id: string; token: string }> {
  const token = `lnl_${randomBytes(32).toString('base64url')}`;
  const id = `tok-${randomBytes(6).toString('hex')}`;
  await db.query('INSERT INTO tokens (token_hash, id, role, name) VALUES ($1, $2, $3, $4)', [hashToken(token), id, role, name]);
  return { id, token };
}

/** Makes sure a token with this exact value exists (the demo's well-known staff token). */
export async function ensureToken(db: Db, token: string, role: TokenRole, name: string): Promise<void> {
  const id = `tok-${hashToken(token).slice(0, 12)}`;
  await db.query(
    `INSERT INTO tokens (token_hash, id, role, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (token_hash) DO UPDATE SET role = EXCLUDED.role, name = EXCLUDED.name, revoked_at = NULL`,
    [hashToken(token), id, role, name],
  );
}

export async function revokeToken(db: Db, id: string): Promise<boolean> {
  return (await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id])).length > 0;
}

/** The staff member behind a bearer token, or undefined for an unknown or revoked one. */
export async function actorForToken(db: Db, token: string): Promise<Actor | undefined> {
  const [row] = await db.query<{ id: string; role: TokenRole; name: string }>(
    'SELECT id, role, name FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return row ? { role: row.role, id: row.id, name: row.name } : undefined;
}
