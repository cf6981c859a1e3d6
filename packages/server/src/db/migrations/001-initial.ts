import type { Migration } from './migration.js';

/**
 * Each entity is kept whole as JSONB `data` (the zod-validated domain object), next to the columns
 * that are filtered or sorted on. `seq` gives every row a stable order for keyset pagination.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  statements: [
    `CREATE SEQUENCE linli_ids START 100001`,
    `CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL)`,
    `CREATE TABLE org_units (
       id text PRIMARY KEY, seq bigserial NOT NULL, parent_id text, level text NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX org_units_parent ON org_units (parent_id, seq)`,
    `CREATE TABLE services (
       id text PRIMARY KEY, seq bigserial NOT NULL, code text NOT NULL UNIQUE, service_group text NOT NULL,
       audience text NOT NULL, requestable boolean NOT NULL, search_text text NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX services_seq ON services (seq)`,
    `CREATE TABLE notices (
       id text PRIMARY KEY, seq bigserial NOT NULL, org_unit_id text NOT NULL, category text NOT NULL,
       pinned boolean NOT NULL, publish_at timestamptz NOT NULL, expires_at timestamptz, data jsonb NOT NULL)`,
    `CREATE INDEX notices_order ON notices (pinned DESC, publish_at DESC, seq DESC)`,
    `CREATE TABLE grievances (
       id text PRIMARY KEY, seq bigserial NOT NULL, tracking_key text NOT NULL UNIQUE, status text NOT NULL,
       service_code text NOT NULL, org_unit_id text, created_at timestamptz NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX grievances_created ON grievances (created_at DESC, seq DESC)`,
    `CREATE INDEX grievances_status ON grievances (status)`,
    `CREATE TABLE access_codes (
       grievance_id text PRIMARY KEY REFERENCES grievances (id) ON DELETE CASCADE, hash text NOT NULL)`,
    `CREATE TABLE evaluations (
       id text PRIMARY KEY, seq bigserial NOT NULL, target_type text NOT NULL, target_id text NOT NULL,
       service_code text, org_unit_id text, created_at timestamptz NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX evaluations_created ON evaluations (created_at DESC, seq DESC)`,
    `CREATE INDEX evaluations_target ON evaluations (target_type, target_id)`,
    `CREATE TABLE rectifications (
       id text PRIMARY KEY, seq bigserial NOT NULL, evaluation_id text NOT NULL, grievance_id text,
       status text NOT NULL, created_at timestamptz NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX rectifications_created ON rectifications (created_at DESC, seq DESC)`,
    `CREATE TABLE households (
       id text PRIMARY KEY, seq bigserial NOT NULL, org_unit_id text NOT NULL, data jsonb NOT NULL)`,
    `CREATE TABLE residents (
       id text PRIMARY KEY, seq bigserial NOT NULL, org_unit_id text NOT NULL, name text NOT NULL, data jsonb NOT NULL)`,
    `CREATE INDEX residents_org_unit ON residents (org_unit_id, seq)`,
    // A claimed key without a body never becomes visible: the row and the entity commit together.
    `CREATE TABLE idempotency (
       scope text NOT NULL, key text NOT NULL, request_hash text NOT NULL, status integer, body jsonb,
       created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, key))`,
    `CREATE INDEX idempotency_created ON idempotency (created_at)`,
    `CREATE TABLE tokens (
       token_hash text PRIMARY KEY, id text NOT NULL UNIQUE, role text NOT NULL CHECK (role IN ('staff', 'admin')),
       name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), revoked_at timestamptz)`,
  ],
};
