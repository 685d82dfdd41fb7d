import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security (issue 6): the one mechanism that scopes what a district officer, a street
 * worker or an area-bound integration token can read and write.
 *
 * - The server connects as the database owner, which row-level security does not restrict; the
 *   city roles are served that way. For a principal bound to areas it takes a connection of its
 *   own for the request and switches it to the role `liangxin_scoped` with two settings:
 *   `liangxin.reach` (the ids of the areas in the subtrees of the principal's areas: a district
 *   and its streets and communities) and `liangxin.visible_areas` (the reach plus its ancestors,
 *   so a street worker sees the district and the city as places, with counts of their own part
 *   only); `liangxin.place_areas` adds the talent pools of instructors assigned in the reach,
 *   shown as areas only. `liangxin.account_id` lets an account read its own `account` row (`me`).
 * - Every table a scoped principal may touch gets a policy below; tables it must not touch (other
 *   accounts, tokens, the session key, the coverage tally and its timelines) get no grant at all.
 *   A missing setting means an empty reach: a scoped connection without its settings sees nothing.
 * - The triggers that keep derived data whole (coverage tally, direct liaison-point limit, Party
 *   organization cycles, dissolution) must see every row, not the writer's part: they become
 *   SECURITY DEFINER, running as the owner.
 *
 * The role is cluster-wide (roles are not per database): it is made when missing and left in
 * place by `down`, since other databases of the cluster may use it.
 */
export class RowLevelSecurity1764748800000 implements MigrationInterface {
  name = 'RowLevelSecurity1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(/* sql */ `
      DO $do$
      BEGIN
        CREATE ROLE liangxin_scoped NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
      EXCEPTION
        -- Another database of the cluster made it first (or at the same time: unique_violation).
        WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $do$;
    `);
    // A non-superuser owner needs membership to SET ROLE; a superuser has it anyway.
    await q.query(`DO $do$ BEGIN EXECUTE format('GRANT liangxin_scoped TO %I', current_user); EXCEPTION WHEN OTHERS THEN NULL; END $do$`);

    await q.query(/* sql */ `
      CREATE FUNCTION liangxin_reach() RETURNS integer[] LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT coalesce(nullif(current_setting('liangxin.reach', true), ''), '{}')::integer[]
      $fn$;
      CREATE FUNCTION liangxin_visible_areas() RETURNS integer[] LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT coalesce(nullif(current_setting('liangxin.visible_areas', true), ''), '{}')::integer[]
      $fn$;
      CREATE FUNCTION liangxin_place_areas() RETURNS integer[] LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT coalesce(nullif(current_setting('liangxin.place_areas', true), ''), '{}')::integer[]
      $fn$;

      -- The audit trail of a node is visible when the node is (policies of the node's table apply,
      -- since this runs as the caller).
      CREATE FUNCTION liangxin_node_visible(node_type text, node_id bigint) RETURNS boolean LANGUAGE plpgsql STABLE AS $fn$
      BEGIN
        RETURN CASE node_type
          WHEN 'Organization' THEN EXISTS (SELECT 1 FROM organization WHERE id = node_id)
          WHEN 'PartyOrganization' THEN EXISTS (SELECT 1 FROM party_organization WHERE id = node_id)
          WHEN 'PartyOrganizationCoverage' THEN EXISTS (SELECT 1 FROM party_organization WHERE id = node_id)
          WHEN 'PartyMember' THEN EXISTS (SELECT 1 FROM party_member WHERE id = node_id)
          WHEN 'LiaisonPoint' THEN EXISTS (SELECT 1 FROM liaison_point WHERE id = node_id)
          WHEN 'Visit' THEN EXISTS (SELECT 1 FROM visit WHERE id = node_id)
          WHEN 'Activity' THEN EXISTS (SELECT 1 FROM activity WHERE id = node_id)
          WHEN 'Instructor' THEN EXISTS (SELECT 1 FROM instructor WHERE id = node_id)
          WHEN 'Fund' THEN EXISTS (SELECT 1 FROM fund_entry WHERE id = node_id)
          ELSE false
        END;
      END
      $fn$;
    `);

    // Credit codes are unique city-wide: an import from one street must be able to say that a code
    // is registered elsewhere (rather than fail on the unique key) without seeing that organization.
    await q.query(/* sql */ `
      CREATE FUNCTION liangxin_credit_codes_registered(codes text[]) RETURNS SETOF text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        SELECT credit_code::text FROM organization WHERE credit_code = ANY (codes)
      $fn$;
    `);

    // What a scoped principal may do with each table. Geography is read-only through the API.
    const grants: [table: string, privileges: string][] = [
      ['area', 'SELECT'],
      ['park', 'SELECT'],
      ['building', 'SELECT'],
      ['business_district', 'SELECT'],
      ['working_committee', 'SELECT, UPDATE'], // UPDATE: designating a direct liaison point locks its committee row (FOR UPDATE)
      ['member_unit', 'SELECT'],
      ['work_group_member', 'SELECT'],
      ['fund_budget', 'SELECT'],
      ['dataset', 'SELECT'],
      ['account', 'SELECT'],
      ['organization', 'SELECT, INSERT, UPDATE'],
      ['party_organization', 'SELECT, INSERT, UPDATE'],
      ['party_organization_coverage', 'SELECT, INSERT, UPDATE'],
      ['party_member', 'SELECT, INSERT, UPDATE'],
      ['liaison_point', 'SELECT, INSERT, UPDATE'],
      ['instructor', 'SELECT, INSERT, UPDATE'],
      ['visit', 'SELECT, INSERT, UPDATE'],
      ['activity', 'SELECT, INSERT, UPDATE'],
      ['fund_entry', 'SELECT, INSERT, UPDATE'],
      ['audit_log', 'SELECT, INSERT'],
    ];
    for (const [table, privileges] of grants) await q.query(`GRANT ${privileges} ON ${table} TO liangxin_scoped`);
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO liangxin_scoped`);

    // The rows each table shows a scoped principal. `IN (SELECT id FROM t)` applies t's own
    // policy and plans as one hashed set per statement, not a probe per row.
    const policies: [table: string, visible: string][] = [
      ['area', `id = ANY ((SELECT liangxin_place_areas())::integer[])`],
      ['park', `area_id = ANY ((SELECT liangxin_visible_areas())::integer[])`],
      ['building', `street_id = ANY ((SELECT liangxin_reach())::integer[])`],
      ['business_district', `street_id = ANY ((SELECT liangxin_reach())::integer[])`],
      ['working_committee', `area_id = ANY ((SELECT liangxin_visible_areas())::integer[])`],
      ['member_unit', `committee_id IN (SELECT id FROM working_committee)`],
      ['work_group_member', `street_id = ANY ((SELECT liangxin_reach())::integer[])`],
      ['fund_budget', `area_id = ANY ((SELECT liangxin_visible_areas())::integer[])`],
      ['account', `id = (SELECT nullif(current_setting('liangxin.account_id', true), '')::integer)`],
      ['organization', `street_id = ANY ((SELECT liangxin_reach())::integer[])`],
      // Its own area in the reach, or covering a visible organization: a park's or a district's
      // Party organization covering an organization of the street counts in the street's coverage.
      ['party_organization', `area_id = ANY ((SELECT liangxin_reach())::integer[]) OR id IN (SELECT party_organization_id FROM party_organization_coverage)`],
      ['party_organization_coverage', `organization_id IN (SELECT id FROM organization)`],
      // Members are seen where they work: every member has an employer (PartyMember.organization is
      // never null), and the ledgers count members by their employer's area.
      ['party_member', `organization_id IN (SELECT id FROM organization)`],
      ['liaison_point', `organization_id IN (SELECT id FROM organization)`],
      ['instructor', `pool_area_id = ANY ((SELECT liangxin_visible_areas())::integer[]) OR id IN (SELECT instructor_id FROM liaison_point WHERE instructor_id IS NOT NULL)`],
      ['visit', `organization_id IN (SELECT id FROM organization)`],
      ['activity', `party_organization_id IN (SELECT id FROM party_organization)`],
      ['fund_entry', `area_id = ANY ((SELECT liangxin_reach())::integer[])`],
    ];
    for (const [table, visible] of policies) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_reach ON ${table} FOR ALL TO liangxin_scoped USING (${visible}) WITH CHECK (${visible})`);
    }
    await q.query(`ALTER TABLE dataset ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY dataset_reach ON dataset FOR SELECT TO liangxin_scoped USING (true)`);
    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY audit_log_read ON audit_log FOR SELECT TO liangxin_scoped USING (liangxin_node_visible(node_type, node_id))`);
    // Whoever may change a node writes its audit row; the mutation has checked the node already.
    await q.query(`CREATE POLICY audit_log_write ON audit_log FOR INSERT TO liangxin_scoped WITH CHECK (true)`);

    for (const fn of DEFINER_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = public, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of DEFINER_FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path`);
    const tables = [
      'area', 'park', 'building', 'business_district', 'working_committee', 'member_unit', 'work_group_member', 'fund_budget', 'dataset',
      'account', 'organization', 'party_organization', 'party_organization_coverage', 'party_member', 'liaison_point', 'instructor',
      'visit', 'activity', 'fund_entry', 'audit_log',
    ];
    for (const table of tables) {
      await q.query(`DROP POLICY IF EXISTS ${table}_reach ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM liangxin_scoped`);
    }
    await q.query(`DROP POLICY IF EXISTS audit_log_read ON audit_log`);
    await q.query(`DROP POLICY IF EXISTS audit_log_write ON audit_log`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM liangxin_scoped`);
    await q.query(`DROP FUNCTION liangxin_credit_codes_registered(text[]), liangxin_node_visible(text, bigint), liangxin_place_areas(), liangxin_visible_areas(), liangxin_reach()`);
  }
}

/** Trigger functions and what they call that must see every row, whoever writes. */
const DEFINER_FUNCTIONS = [
  'coverage_tally_on_write()',
  'coverage_tally_on_truncate()',
  'coverage_refresh(integer[], integer[])',
  'coverage_rebuild()',
  'liaison_point_direct_limit()',
  'party_organization_no_cycle()',
  'party_organization_dissolution_ends_coverage()',
];
