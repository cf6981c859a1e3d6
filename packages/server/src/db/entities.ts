import {
  normalizeCode,
  serviceSearchText,
  type Evaluation,
  type Grievance,
  type Household,
  type Notice,
  type OrgUnit,
  type Rectification,
  type Resident,
  type Service,
} from '@linli/sdk';
import type { Db } from './db.js';

type SqlType = 'text' | 'boolean' | 'timestamptz';
type Column<E> = readonly [name: string, type: SqlType, value: (e: E) => string | boolean | null | undefined];

/** Which indexed column comes from which field of the domain object; `data` always holds all of it. */
const tables = {
  org_units: [
    ['parent_id', 'text', (u: OrgUnit) => u.parentId],
    ['level', 'text', (u: OrgUnit) => u.level],
  ],
  services: [
    ['code', 'text', (s: Service) => s.code],
    ['service_group', 'text', (s: Service) => s.group],
    ['audience', 'text', (s: Service) => s.audience],
    ['requestable', 'boolean', (s: Service) => s.requestable],
    ['search_text', 'text', (s: Service) => serviceSearchText(s)],
  ],
  notices: [
    ['org_unit_id', 'text', (n: Notice) => n.orgUnitId],
    ['category', 'text', (n: Notice) => n.category],
    ['pinned', 'boolean', (n: Notice) => n.pinned],
    ['publish_at', 'timestamptz', (n: Notice) => n.publishAt],
    ['expires_at', 'timestamptz', (n: Notice) => n.expiresAt],
  ],
  grievances: [
    ['tracking_key', 'text', (g: Grievance) => normalizeCode(g.trackingCode)],
    ['status', 'text', (g: Grievance) => g.status],
    ['service_code', 'text', (g: Grievance) => g.serviceCode],
    ['org_unit_id', 'text', (g: Grievance) => g.orgUnitId],
    ['created_at', 'timestamptz', (g: Grievance) => g.createdAt],
  ],
  evaluations: [
    ['target_type', 'text', (e: Evaluation) => e.target.type],
    ['target_id', 'text', (e: Evaluation) => e.target.id],
    ['service_code', 'text', (e: Evaluation) => e.serviceCode],
    ['org_unit_id', 'text', (e: Evaluation) => e.orgUnitId],
    ['created_at', 'timestamptz', (e: Evaluation) => e.createdAt],
  ],
  rectifications: [
    ['evaluation_id', 'text', (r: Rectification) => r.evaluationId],
    ['grievance_id', 'text', (r: Rectification) => r.grievanceId],
    ['status', 'text', (r: Rectification) => r.status],
    ['created_at', 'timestamptz', (r: Rectification) => r.createdAt],
  ],
  households: [['org_unit_id', 'text', (h: Household) => h.orgUnitId]],
  residents: [
    ['org_unit_id', 'text', (r: Resident) => r.orgUnitId],
    ['name', 'text', (r: Resident) => r.name],
  ],
} as const satisfies Record<string, readonly Column<never>[]>;

export type Table = keyof typeof tables;
export interface EntityOf {
  org_units: OrgUnit;
  services: Service;
  notices: Notice;
  grievances: Grievance;
  evaluations: Evaluation;
  rectifications: Rectification;
  households: Household;
  residents: Resident;
}

/**
 * Inserts or replaces entities (by id) in one statement, in the order given. The rows travel as one
 * JSON array, so a whole seed is a handful of queries and a single save is the same code path.
 */
export async function saveAll<T extends Table>(db: Db, table: T, entities: readonly EntityOf[T][]): Promise<void> {
  if (!entities.length) return;
  const columns = tables[table] as unknown as readonly Column<EntityOf[T]>[];
  const rows = entities.map((e) => {
    const row: Record<string, unknown> = { id: (e as { id: string }).id, data: e };
    for (const [name, , value] of columns) row[name] = value(e) ?? null;
    return row;
  });
  const names = columns.map(([name]) => name);
  const selects = columns.map(([name, type]) => `(r.value->>'${name}')::${type}`);
  await db.query(
    `INSERT INTO ${table} (id, ${names.join(', ')}, data)
     SELECT r.value->>'id', ${selects.join(', ')}, r.value->'data'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(value, n) ORDER BY r.n
     ON CONFLICT (id) DO UPDATE SET ${[...names, 'data'].map((n) => `${n} = EXCLUDED.${n}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
}

export const save = <T extends Table>(db: Db, table: T, entity: EntityOf[T]) => saveAll(db, table, [entity]);

/**
 * Fresh ids from the shared sequence, e.g. `g-100042`, fetched up front because the workflow's
 * `newId` is synchronous. Call the returned function with the prefix for each id.
 */
export async function allocateIds(db: Db, count: number): Promise<(prefix: string) => string> {
  const rows = await db.query<{ n: string }>(`SELECT nextval('linli_ids')::text AS n FROM generate_series(1, $1::int)`, [count]);
  const numbers = rows.map((r) => r.n);
  return (prefix) => {
    const n = numbers.shift();
    if (!n) throw new Error(`allocateIds: more than ${count} ids were needed`);
    return `${prefix}-${n}`;
  };
}
