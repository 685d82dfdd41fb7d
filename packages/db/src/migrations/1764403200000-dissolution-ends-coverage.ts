import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dissolved Party organization covers nothing after its dissolution. Whoever dissolves one
 * (the API, psql, an import), the covering edges still open are ended on that date, so "covered
 * now" is simply "an edge with no end" everywhere, and no reader needs to re-check dissolution.
 */
export class DissolutionEndsCoverage1764403200000 implements MigrationInterface {
  name = 'DissolutionEndsCoverage1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      CREATE FUNCTION party_organization_dissolution_ends_coverage() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.dissolved_on IS NOT NULL THEN
          UPDATE party_organization_coverage
             SET until = GREATEST(since, NEW.dissolved_on)
           WHERE party_organization_id = NEW.id AND (until IS NULL OR until > NEW.dissolved_on);
        END IF;
        RETURN NEW;
      END
      $fn$;
      CREATE TRIGGER party_organization_dissolution_ends_coverage
        AFTER INSERT OR UPDATE OF dissolved_on ON party_organization
        FOR EACH ROW WHEN (NEW.dissolved_on IS NOT NULL)
        EXECUTE FUNCTION party_organization_dissolution_ends_coverage();
      -- Rows written before this migration.
      UPDATE party_organization_coverage c
         SET until = GREATEST(c.since, p.dissolved_on)
        FROM party_organization p
       WHERE p.id = c.party_organization_id AND p.dissolved_on IS NOT NULL
         AND (c.until IS NULL OR c.until > p.dissolved_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      DROP TRIGGER IF EXISTS party_organization_dissolution_ends_coverage ON party_organization;
      DROP FUNCTION IF EXISTS party_organization_dissolution_ends_coverage();
    `);
  }
}
