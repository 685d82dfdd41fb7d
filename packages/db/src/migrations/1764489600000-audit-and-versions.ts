import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of nodes that people edit: each row carries a version for optimistic concurrency. */
const VERSIONED = [
  'park',
  'building',
  'business_district',
  'organization',
  'party_organization',
  'party_member',
  'instructor',
  'work_group_member',
  'liaison_point',
  'visit',
  'activity',
  'fund_entry',
] as const;

/** The foundation gave the first nine a version column already; these three gain one here. */
const GAIN_VERSION = new Set<string>(['visit', 'activity', 'fund_entry']);

/**
 * The audit trail and optimistic concurrency.
 *
 * - `audit_log`: one row per changed node, written by the writer in the same transaction as the
 *   change (who, when, which operation, which node, before and after as JSON). Append-only:
 *   a trigger refuses UPDATE and DELETE, whoever tries.
 * - `version` on every edited table (visits, activities and fund entries gain one here), starting
 *   at 1 and raised by a trigger on every UPDATE,
 *   whoever writes (API, import, psql), so a client holding version n can be told its copy is
 *   stale.
 */
export class AuditAndVersions1764489600000 implements MigrationInterface {
  name = 'AuditAndVersions1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        -- Who: an account or token id once sign-in exists; 'anonymous' or 'cli:<user>' before.
        actor       text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
        request_id  text,
        -- The mutation's name ('registerOrganization') or 'import:<kind>'.
        operation   text NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
        -- The GraphQL type name and the row id of the node changed.
        node_type   text NOT NULL,
        node_id     integer NOT NULL,
        before      jsonb,
        after       jsonb,
        CHECK (before IS NOT NULL OR after IS NOT NULL)
      );
      CREATE INDEX audit_log_node_idx ON audit_log (node_type, node_id, id);
      CREATE INDEX audit_log_at_idx ON audit_log (at, id);

      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

      CREATE FUNCTION raise_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END
      $fn$;
    `);
    for (const table of VERSIONED) {
      if (GAIN_VERSION.has(table)) await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0)`);
      await q.query(`CREATE TRIGGER ${table}_raise_version BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION raise_version()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...VERSIONED].reverse()) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_raise_version ON ${table}`);
      if (GAIN_VERSION.has(table)) await q.query(`ALTER TABLE ${table} DROP COLUMN version`);
    }
    await q.query(/* sql */ `
      DROP FUNCTION IF EXISTS raise_version();
      DROP TABLE IF EXISTS audit_log;
      DROP FUNCTION IF EXISTS audit_log_append_only();
    `);
  }
}
