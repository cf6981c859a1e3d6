import { ValidationError, type PageData } from '@linli/sdk';
import type { Db } from '../db/db.js';

/** A WHERE clause under construction: `p(value)` adds a parameter and returns its placeholder. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  and(condition: string | false | undefined): this {
    if (condition) this.conditions.push(condition);
    return this;
  }
  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

export interface PageSpec {
  table: string;
  where: Where;
  /** Sort keys, most significant first, all in one direction; the last must be unique (`seq`). */
  keys: readonly { expr: string; type: 'bigint' | 'timestamptz' | 'boolean' }[];
  direction: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

const encode = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function decode(cursor: string, length: number): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) return values as string[];
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('Invalid cursor.', [{ path: 'cursor', message: 'not a cursor from this list', code: 'invalid_cursor' }]);
}

/**
 * Keyset pagination: the cursor holds the sort keys of the last row, so pages stay consistent while
 * rows are added. `total` counts every row that matches the filters.
 */
export async function page<T>(db: Db, spec: PageSpec, limit = 20): Promise<PageData<T>> {
  const where = spec.where;
  const keys = spec.keys.map((k, i) => ({ ...k, alias: `k${i}` }));
  let after = '';
  if (spec.cursor) {
    const values = decode(spec.cursor, keys.length);
    const tuple = keys.map((k, i) => `${where.p(values[i])}::${k.type}`).join(', ');
    after = `WHERE (${keys.map((k) => k.alias).join(', ')}) ${spec.direction === 'asc' ? '>' : '<'} (${tuple})`;
  }
  const order = keys.map((k) => `${k.alias} ${spec.direction.toUpperCase()}`).join(', ');
  const rows = await db.query<{ data: T; total: number } & Record<string, string>>(
    `SELECT * FROM (
       SELECT data, ${keys.map((k) => `${k.expr} AS ${k.alias}, (${k.expr})::text AS ${k.alias}_text`).join(', ')},
              (count(*) OVER ())::int AS total
         FROM ${spec.table} ${where}
     ) AS matching ${after}
     ORDER BY ${order} LIMIT ${where.p(limit + 1)}`,
    where.params,
  );
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  return {
    items: items.map((r) => r.data),
    nextCursor: last ? encode(keys.map((k) => last[`${k.alias}_text`]!)) : null,
    ...(rows.length ? { total: rows[0]!.total } : spec.cursor ? {} : { total: 0 }),
  };
}
