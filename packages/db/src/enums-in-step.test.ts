import {
  ActivityKind, AreaLevel, BusinessDistrictKind, CommitteeLevel, FundEntryKind, FundKind, Intention, LiaisonKind,
  MemberStage, MemberUnitDomain, OrganizationCategory, OrganizationStatus, ParkLevel, PartyOrganizationAnchor,
  PartyOrganizationFormation, PartyOrganizationKind, RegistrationSource, RelationHolder,
} from '@liangxin/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.js';

/** The migration spells each closed vocabulary in a CHECK; the domain spells it as an enum. */
const COLUMNS: [table: string, column: string, values: Record<string, string>][] = [
  ['area', 'level', AreaLevel],
  ['park', 'level', ParkLevel],
  ['business_district', 'kind', BusinessDistrictKind],
  ['organization', 'category', OrganizationCategory],
  ['organization', 'status', OrganizationStatus],
  ['organization', 'source', RegistrationSource],
  ['party_organization', 'kind', PartyOrganizationKind],
  ['party_organization', 'formation', PartyOrganizationFormation],
  ['party_organization', 'anchor', PartyOrganizationAnchor],
  ['party_member', 'stage', MemberStage],
  ['party_member', 'relation_holder', RelationHolder],
  ['liaison_point', 'kind', LiaisonKind],
  ['visit', 'owner_intention', Intention],
  ['activity', 'kind', ActivityKind],
  ['working_committee', 'level', CommitteeLevel],
  ['member_unit', 'domain', MemberUnitDomain],
  ['fund_entry', 'fund', FundKind],
  ['fund_entry', 'entry', FundEntryKind],
];

describe('the database and the domain spell every enum alike', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it.each(COLUMNS)('%s.%s', async (table, column, values) => {
    const { rows } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.conrelid = $1::regclass AND c.contype = 'c' AND a.attname = $2 AND array_length(c.conkey, 1) = 1`,
      [table, column],
    );
    const lists = rows
      .map((r) => [...r.def.matchAll(/'([A-Z_]+)'::text/g)].map((m) => m[1]))
      .filter((list) => list.length > 0);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.slice().sort()).toEqual(Object.values(values).slice().sort());
  });
});
