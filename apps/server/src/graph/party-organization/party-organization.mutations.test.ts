import { addDays, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';
import { assertRefusal, type ExpectedRefusal } from '../../../test/refusals.js';
import { insertMutationFixture } from './party-mutations-fixture.js';

const { db, app } = useMutationTestApp(async (url) => {
  await insertPartyFixture(url);
  await insertMutationFixture(url);
});

const ORG = (id: number) => gid('Organization', id);
const PO = (id: number) => gid('PartyOrganization', id);
const TOMORROW = addDays(todayInShanghai(), 1);
const long = (n: number, ch = '党') => ch.repeat(n);

const SET_UP = /* GraphQL */ `
  mutation ($input: SetUpPartyOrganizationInput!) {
    setUpPartyOrganization(input: $input) {
      partyOrganization {
        id name kind formation anchor industry establishedOn dissolvedOn version
        area { code coverage { organizationCovered } }
        parent { id }
        anchoredOn { __typename ... on Organization { id } ... on Area { code } ... on Building { name } }
        coveredOrganizations { totalCount nodes { id partyOrganizations { totalCount } } }
      }
      startupFund { id kind entry amountFen year enteredOn version }
    }
  }`;
const DISSOLVE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $dissolvedOn: Date!, $reason: String) {
    dissolvePartyOrganization(id: $id, version: $version, dissolvedOn: $dissolvedOn, reason: $reason) {
      partyOrganization { id dissolvedOn version coveredOrganizations { totalCount } }
    }
  }`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UpdatePartyOrganizationInput!) {
    updatePartyOrganization(id: $id, version: $version, input: $input) {
      partyOrganization { id name version parent { id } secretary { id } }
    }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 20) { totalCount nodes { operation before after } } }`;

function standalone(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: '中共济南示例新设软件有限公司支部委员会', formation: 'STANDALONE', anchoredOn: ORG(12), establishedOn: '2022-01-01', ...overrides };
}

function joint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '中共解放路街道示例联合支部委员会',
    formation: 'JOINT',
    anchor: 'STREET',
    anchoredOn: gid('Area', 10),
    coveredOrganizations: [ORG(4), ORG(13)],
    establishedOn: '2023-03-01',
    ...overrides,
  };
}

type SetUpData = {
  setUpPartyOrganization: {
    partyOrganization: Record<string, unknown> & {
      id: string;
      area: { code: string; coverage: { organizationCovered: number } };
      coveredOrganizations: { totalCount: number; nodes: { id: string; partyOrganizations: { totalCount: number } }[] };
    };
    startupFund: Record<string, unknown> & { id: string };
  };
};

describe('setUpPartyOrganization', () => {
  it('sets up a standalone branch with its coverage edge and startup entitlement, audited, and the payload reads the new coverage', async () => {
    const coveredBefore = await app.gql<{ area: { coverage: { organizationCovered: number } } }>('{ area(code: "370102001") { coverage { organizationCovered } } }');
    const before = coveredBefore.body.data!.area.coverage.organizationCovered;

    const { body } = await app.gql<SetUpData>(SET_UP, { input: standalone({ name: '  中共济南示例新设软件有限公司支部委员会 ' }) });
    expect(body.errors).toBeUndefined();
    const { partyOrganization: po, startupFund } = body.data!.setUpPartyOrganization;
    expect(po).toMatchObject({
      name: '中共济南示例新设软件有限公司支部委员会',
      kind: 'BRANCH', // 3 members: the recommended kind
      formation: 'STANDALONE',
      anchor: 'ORGANIZATION',
      establishedOn: '2022-01-01',
      dissolvedOn: null,
      version: 1,
      parent: null,
      anchoredOn: { __typename: 'Organization', id: ORG(12) },
      area: { code: '370102001' },
    });
    // Read-own-writes: the organization is covered now, in the same response.
    expect(po.coveredOrganizations.totalCount).toBe(1);
    expect(po.coveredOrganizations.nodes[0]).toEqual({ id: ORG(12), partyOrganizations: { totalCount: 1 } });
    expect(po.area.coverage.organizationCovered).toBe(before + 1);
    expect(startupFund).toMatchObject({ kind: 'STARTUP', entry: 'ENTITLED', amountFen: 200_000, year: 2022, enteredOn: '2022-01-01', version: 1 });

    const id = rowId(po.id);
    const edges = await sql(db.url, 'SELECT organization_id, since::text, until FROM party_organization_coverage WHERE party_organization_id = $1', [id]);
    expect(edges.rows).toEqual([{ organization_id: 12, since: '2022-01-01', until: null }]);
    const funds = await sql(db.url, 'SELECT fund, entry, area_id, amount_fen FROM fund_entry WHERE party_organization_id = $1', [id]);
    expect(funds.rows).toEqual([{ fund: 'STARTUP', entry: 'ENTITLED', area_id: 10, amount_fen: '200000' }]);
    const audit = await sql(db.url, "SELECT node_type, node_id, before, after FROM audit_log WHERE operation = 'setUpPartyOrganization' AND (node_id = $1 OR node_id = $2) ORDER BY id", [
      id,
      rowId(startupFund.id),
    ]);
    expect(audit.rows.map((r) => r.node_type)).toEqual(['PartyOrganization', 'PartyOrganizationCoverage', 'Fund']);
    expect(audit.rows[0].after).toMatchObject({ id, kind: 'BRANCH', organization_id: 12, version: 1, _covered_organization_ids: [12] });
    expect(audit.rows[1].after).toEqual({ party_organization_id: id, organization_id: 12, since: '2022-01-01', until: null });
    expect(audit.rows[2].after).toMatchObject({ fund: 'STARTUP', amount_fen: 200000, party_organization_id: id });
    const trail = await app.gql<{ auditLog: { totalCount: number } }>(AUDIT, { nodeId: po.id });
    expect(trail.body.data!.auditLog.totalCount).toBe(1);
  });

  it('sets up a joint branch over two organizations of one street, under a parent, with an edge each', async () => {
    const { body } = await app.gql<SetUpData>(SET_UP, { input: joint({ kind: 'BRANCH', parent: PO(2) }) });
    expect(body.errors).toBeUndefined();
    const po = body.data!.setUpPartyOrganization.partyOrganization;
    expect(po).toMatchObject({ formation: 'JOINT', anchor: 'STREET', kind: 'BRANCH', parent: { id: PO(2) }, anchoredOn: { __typename: 'Area', code: '370102001' } });
    expect(po.coveredOrganizations.nodes.map((n) => n.id).sort()).toEqual([ORG(4), ORG(13)].sort());
    const { rows } = await sql(db.url, "SELECT count(*)::int AS n FROM audit_log WHERE operation = 'setUpPartyOrganization' AND node_type = 'PartyOrganizationCoverage' AND node_id = $1", [
      rowId(po.id),
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('sets up an industry committee by its industry and area', async () => {
    const { body } = await app.gql<SetUpData>(SET_UP, {
      input: joint({ name: '中共历下区软件行业联合支部', anchor: 'INDUSTRY', anchoredOn: null, industry: 'i', area: gid('Area', 2), coveredOrganizations: [ORG(11), ORG(6)] }),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.setUpPartyOrganization.partyOrganization).toMatchObject({ anchor: 'INDUSTRY', industry: 'I', anchoredOn: null, area: { code: '370102' } });
  });

  it('stores SQL and formula text in the name verbatim', async () => {
    const name = "Robert'); DROP TABLE party_organization;--";
    const { body } = await app.gql<SetUpData>(SET_UP, {
      input: joint({ name, anchor: 'BUILDING', anchoredOn: gid('Building', 1), coveredOrganizations: [ORG(11), ORG(12)], establishedOn: '2024-01-01' }),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.setUpPartyOrganization.partyOrganization.name).toBe(name);
    const formula = await app.gql<SetUpData>(SET_UP, {
      input: joint({ name: "=cmd|' /C calc'!A0", anchor: 'AREA', anchoredOn: gid('Area', 1), coveredOrganizations: [ORG(11), ORG(15)], establishedOn: '2024-01-01' }),
    });
    expect(formula.body.errors).toBeUndefined();
    expect(formula.body.data!.setUpPartyOrganization.partyOrganization.name).toBe("=cmd|' /C calc'!A0");
  });
});

describe('dissolvePartyOrganization', () => {
  it('dissolves, ends the coverage edges through the trigger, and audits the Party organization (with the reason) and each edge', async () => {
    const { body } = await app.gql<{ dissolvePartyOrganization: { partyOrganization: Record<string, unknown> } }>(DISSOLVE, {
      id: PO(8),
      version: 2, // the fixture named its secretary
      dissolvedOn: '2025-01-01',
      reason: '协会合并',
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.dissolvePartyOrganization.partyOrganization).toEqual({ id: PO(8), dissolvedOn: '2025-01-01', version: 3, coveredOrganizations: { totalCount: 0 } });
    const edges = await sql(db.url, 'SELECT organization_id, until::text FROM party_organization_coverage WHERE party_organization_id = 8');
    expect(edges.rows).toEqual([{ organization_id: 2, until: '2025-01-01' }]);
    const audit = await sql(db.url, "SELECT node_type, before, after FROM audit_log WHERE operation = 'dissolvePartyOrganization' AND node_id = 8 ORDER BY id");
    expect(audit.rows.map((r) => r.node_type)).toEqual(['PartyOrganization', 'PartyOrganizationCoverage']);
    expect(audit.rows[0].before).toMatchObject({ dissolved_on: null, version: 2 });
    expect(audit.rows[0].after).toMatchObject({ dissolved_on: '2025-01-01', version: 3, _reason: '协会合并' });
    expect(audit.rows[1].before).toMatchObject({ organization_id: 2, until: null });
    expect(audit.rows[1].after).toMatchObject({ organization_id: 2, until: '2025-01-01' });
  });

  it('refuses a stale version after a change, with the current version, changing nothing', async () => {
    await app.gql(UPDATE, { id: PO(5), version: 1, input: { name: '中共济南高新区园区委员会（更名）' } });
    await assertRefusal(app, db.url, {
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      message: /version 1, it is now at version 2/,
      extensions: { currentVersion: 2 },
      query: DISSOLVE,
      variables: { id: PO(5), version: 1, dissolvedOn: '2025-01-01' },
    });
  });
});

describe('updatePartyOrganization', () => {
  it('renames, moves under another parent, names a secretary; a change to nothing writes nothing', async () => {
    const { body } = await app.gql<{ updatePartyOrganization: { partyOrganization: Record<string, unknown> } }>(UPDATE, {
      id: PO(4),
      version: 1,
      input: { name: '中共齐鲁软件大厦联合党支部', parent: PO(5), secretary: gid('PartyMember', 2) },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updatePartyOrganization.partyOrganization).toEqual({
      id: PO(4),
      name: '中共齐鲁软件大厦联合党支部',
      version: 2,
      parent: { id: PO(5) },
      secretary: { id: gid('PartyMember', 2) },
    });
    const same = await app.gql<{ updatePartyOrganization: { partyOrganization: { version: number } } }>(UPDATE, { id: PO(4), version: 2, input: { parent: PO(5) } });
    expect(same.body.data!.updatePartyOrganization.partyOrganization.version).toBe(2);
    const { rows } = await sql(db.url, "SELECT count(*)::int AS n FROM audit_log WHERE node_type = 'PartyOrganization' AND node_id = 4");
    expect(rows[0].n).toBe(1);
  });
});

/*
 * The bad-input corpus: each case refused with its code, path, reason and message (English and
 * Chinese), and the database — every table, the audit trail included — exactly as it was.
 */

type SetUpCase = ExpectedRefusal & { title: string; input: Record<string, unknown> };

const SET_UP_CASES: SetUpCase[] = [
  // The Party Constitution's threshold and the kind for the size.
  { title: 'a standalone Party organization for 2 full members', input: standalone({ anchoredOn: ORG(13) }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'TOO_FEW_MEMBERS', message: /needs 3 or more full Party members \(Party Constitution, art\. 30\); on 2022-01-01 "济南示例小微商贸有限公司" has 2\. Set up a joint/, zh: /须有3名以上正式党员.*只有2名/ },
  { title: 'members counted on establishedOn: none yet full', input: standalone({ anchoredOn: ORG(11), establishedOn: '2019-01-01' }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'TOO_FEW_MEMBERS', message: /on 2019-01-01 "济南示例七号科技有限公司" has 0/ },
  { title: 'members counted on establishedOn: not yet employed', input: standalone({ establishedOn: '2021-01-15' }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'TOO_FEW_MEMBERS', message: /has 0/ },
  { title: 'a joint Party organization with too few members together', input: joint({ coveredOrganizations: [ORG(4), ORG(6)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'TOO_FEW_MEMBERS', message: /the 2 organizations listed have 1\. Join more units/, zh: /共有1名正式党员/ },
  { title: 'a JOINT with 1 organization', input: joint({ coveredOrganizations: [ORG(4)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'JOINT_NEEDS_TWO', message: /two or more organizations; 1 given/ },
  { title: 'a JOINT with no organizations', input: joint({ coveredOrganizations: null }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'JOINT_NEEDS_TWO', message: /0 given/ },
  { title: 'kind COMMITTEE for 5 members', input: standalone({ anchoredOn: ORG(11), kind: 'COMMITTEE' }), code: 'BAD_USER_INPUT', field: ['input', 'kind'], reason: 'KIND_FOR_SIZE', message: /With 5 members, a committee is not suitable \(a committee is usually set up from 100 members\); set up a branch/, zh: /不宜成立党委/ },
  { title: 'kind GENERAL_BRANCH for 5 members', input: standalone({ anchoredOn: ORG(11), kind: 'GENERAL_BRANCH' }), code: 'BAD_USER_INPUT', field: ['input', 'kind'], reason: 'KIND_FOR_SIZE', message: /a general branch is not suitable/ },
  // Org 12's own branch is set up by the first happy path above.
  { title: 'a second standalone Party organization in one organization', input: standalone({ name: '中共济南示例新设软件有限公司第二支部' }), code: 'CONFLICT', field: ['input', 'anchoredOn'], reason: 'ALREADY_HAS_PARTY_ORGANIZATION', message: /"济南示例新设软件有限公司" already has its own Party organization, "中共济南示例新设软件有限公司支部委员会" \(UGFydHlPcmdhbml6YXRpb246/ },
  // Dates.
  { title: 'established tomorrow', input: standalone({ establishedOn: TOMORROW }), code: 'BAD_USER_INPUT', field: ['input', 'establishedOn'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'established in 2999', input: standalone({ establishedOn: '2999-01-01' }), code: 'BAD_USER_INPUT', field: ['input', 'establishedOn'], reason: 'FUTURE_DATE', message: /after today/ },
  { title: 'established in 1999 (before any startup fund year)', input: standalone({ establishedOn: '1999-12-31' }), code: 'BAD_USER_INPUT', field: ['input', 'establishedOn'], reason: 'TOO_EARLY', message: /before 2000-01-01/ },
  { title: 'established before a covered organization was registered', input: joint({ anchor: 'BUILDING', anchoredOn: gid('Building', 1), coveredOrganizations: [ORG(11), ORG(12)], establishedOn: '2020-12-31' }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 1], reason: 'NOT_YET_REGISTERED', message: /registered on 2021-01-01, after the date of establishment/ },
  // Text.
  { title: 'a 10,000-character name', input: standalone({ name: long(10_000) }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'TOO_LONG', message: /at most 200 characters; this one has 10000/ },
  { title: 'a blank name', input: standalone({ name: '   ' }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'EMPTY', message: /cannot be empty/ },
  { title: 'a line break in the name', input: standalone({ name: '中共\n支部' }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+000A/ },
  { title: 'a right-to-left override in the name', input: standalone({ name: '中共\u202E支部' }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'CONTROL_CHARACTER', message: /U\+202E/ },
  // Anchors.
  { title: 'a standalone anchored on a building', input: standalone({ anchor: 'BUILDING', anchoredOn: gid('Building', 1) }), code: 'BAD_USER_INPUT', field: ['input', 'anchor'], reason: 'STANDALONE_ANCHOR', message: /its anchor is ORGANIZATION/ },
  { title: 'a joint without an anchor', input: joint({ anchor: null }), code: 'BAD_USER_INPUT', field: ['input', 'anchor'], reason: 'REQUIRED', message: /choose a park, building/ },
  { title: 'a joint anchored on nothing', input: joint({ anchoredOn: null }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'REQUIRED', message: /Name the street/ },
  { title: 'a street committee anchored on a district', input: joint({ anchoredOn: gid('Area', 2) }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'NOT_A_STREET', message: /"历下区" is not a street/ },
  { title: 'an area committee anchored on a street', input: joint({ anchor: 'AREA' }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'NOT_A_DISTRICT', message: /not a district or the city/ },
  { title: 'an industry committee without its industry', input: joint({ anchor: 'INDUSTRY', anchoredOn: null, area: gid('Area', 2) }), code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'REQUIRED', message: /needs its industry section/ },
  { title: 'an industry committee of industry Z', input: joint({ anchor: 'INDUSTRY', anchoredOn: null, industry: 'Z', area: gid('Area', 2) }), code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'UNKNOWN_INDUSTRY', message: /letter from A to T/ },
  { title: 'an industry on a street committee', input: joint({ industry: 'I' }), code: 'BAD_USER_INPUT', field: ['input', 'industry'], reason: 'NOT_APPLICABLE', message: /Only an industry committee/ },
  { title: 'a covered organization outside the building', input: joint({ anchor: 'BUILDING', anchoredOn: gid('Building', 1), coveredOrganizations: [ORG(11), ORG(13)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 1], reason: 'NOT_IN_ANCHOR', message: /"济南示例小微商贸有限公司" is not in "齐鲁软件大厦"/ },
  { title: 'a covered organization in another street', input: joint({ coveredOrganizations: [ORG(4), ORG(15)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 1], reason: 'NOT_IN_ANCHOR', message: /is not in "解放路街道"/ },
  { title: 'an area that does not contain the anchor', input: standalone({ area: gid('Area', 3) }), code: 'BAD_USER_INPUT', field: ['input', 'area'], reason: 'NOT_CONTAINING', message: /"市中区" does not contain the organization/ },
  { title: 'a standalone covering another organization', input: standalone({ coveredOrganizations: [ORG(11)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations'], reason: 'STANDALONE_COVERS_OWN', message: /covers its own organization only/ },
  // References.
  { title: 'an unknown organization as anchor', input: standalone({ anchoredOn: ORG(99_999) }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'UNKNOWN_REFERENCE', message: /no organization with the id/ },
  { title: 'a park’s id as the organization', input: standalone({ anchoredOn: gid('Park', 1) }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'WRONG_TYPE', message: /id of a Park, not of a organization/ },
  { title: 'garbage as the anchor', input: standalone({ anchoredOn: "1' OR '1'='1" }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'INVALID_ID', message: /is not a valid organization id/ },
  { title: 'a 10,000-character id', input: standalone({ anchoredOn: long(10_000, 'A') }), code: 'BAD_USER_INPUT', field: ['input', 'anchoredOn'], reason: 'INVALID_ID', message: /AAAA…" is not a valid/ },
  { title: 'the same organization twice', input: joint({ coveredOrganizations: [ORG(4), ORG(13), ORG(4)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 2], reason: 'DUPLICATE', message: /"泉城示例商店" is listed twice \(also item 1\)/ },
  { title: 'a deregistered organization', input: joint({ coveredOrganizations: [ORG(4), ORG(13), ORG(14)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 2], reason: 'DEREGISTERED', message: /deregistered on 2020-01-01/ },
  { title: 'a building’s id among the organizations', input: joint({ coveredOrganizations: [ORG(4), gid('Building', 1)] }), code: 'BAD_USER_INPUT', field: ['input', 'coveredOrganizations', 1], reason: 'WRONG_TYPE', message: /id of a Building/ },
  { title: 'a dissolved parent', input: standalone({ parent: PO(6), establishedOn: '2025-01-01' }), code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'DISSOLVED', message: /dissolved on 2024-06-30; it no longer stood on 2025-01-01/ },
  { title: 'a parent not yet established', input: joint({ parent: PO(4), establishedOn: '2020-01-01', coveredOrganizations: [ORG(4), ORG(13)] }), code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'NOT_YET_ESTABLISHED', message: /established on 2020-05-01/ },
  { title: 'an organization’s id as parent', input: standalone({ parent: ORG(1) }), code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'WRONG_TYPE', message: /not of a parent Party organization/ },
  { title: 'an unknown parent', input: standalone({ parent: PO(4242) }), code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'UNKNOWN_REFERENCE', message: /no parent Party organization/ },
  { title: 'an activist as secretary', input: standalone({ secretary: gid('PartyMember', 7) }), code: 'BAD_USER_INPUT', field: ['input', 'secretary'], reason: 'NOT_FULL_MEMBER', message: /must be a full Party member/ },
  { title: 'a secretary from another organization', input: standalone({ secretary: gid('PartyMember', 1) }), code: 'BAD_USER_INPUT', field: ['input', 'secretary'], reason: 'NOT_IN_COVERED_ORGANIZATION', message: /works elsewhere/ },
];

const DISSOLVE_CASES: (ExpectedRefusal & { title: string; id?: string; version?: number; dissolvedOn: string; reason_?: string })[] = [
  { title: 'dissolved before it was established', id: PO(3), dissolvedOn: '2019-06-30', code: 'BAD_USER_INPUT', field: ['dissolvedOn'], reason: 'DATES_OUT_OF_ORDER', message: /\(2019-06-30\) is before the date of establishment \(2019-07-01\)/ },
  { title: 'dissolved tomorrow', id: PO(3), dissolvedOn: TOMORROW, code: 'BAD_USER_INPUT', field: ['dissolvedOn'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'a 501-character reason', id: PO(3), dissolvedOn: '2025-01-01', reason_: long(501), code: 'BAD_USER_INPUT', field: ['reason'], reason: 'TOO_LONG', message: /at most 500/ },
  { title: 'a stale version', id: PO(3), version: 1, dissolvedOn: '2025-01-01', code: 'CONFLICT', reason: 'STALE_VERSION', message: /you edited version 1, it is now at version 2/ },
  { title: 'already dissolved', id: PO(6), dissolvedOn: '2025-01-01', code: 'CONFLICT', reason: 'ALREADY_DISSOLVED', message: /already dissolved on 2024-06-30/ },
  { title: 'Party organizations still under it', id: PO(2), dissolvedOn: '2025-01-01', code: 'CONFLICT', reason: 'HAS_STANDING_CHILDREN', message: /still stand under this one, e\.g\. "中共济南示例软件有限公司支部委员会"/ },
  { title: 'an unknown Party organization', id: PO(999), dissolvedOn: '2025-01-01', code: 'NOT_FOUND', message: /No PartyOrganization has this id/ },
  { title: 'an organization’s id', id: ORG(1), dissolvedOn: '2025-01-01', code: 'BAD_USER_INPUT', field: ['id'], reason: 'WRONG_TYPE', message: /id of a Organization, not of a Party organization/ },
  { title: 'a malformed id', id: 'DROP TABLE party_organization', dissolvedOn: '2025-01-01', code: 'BAD_USER_INPUT', field: ['id'], reason: 'INVALID_ID', message: /not a valid Party organization id/ },
];

const UPDATE_CASES: (ExpectedRefusal & { title: string; id: string; version?: number; input: Record<string, unknown> })[] = [
  { title: 'a Party organization made its own ancestor via parent', id: PO(1), input: { parent: PO(3) }, code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'CYCLE', message: /"中共济南示例软件有限公司支部委员会" lies beneath this Party organization; making it the parent would make this Party organization its own ancestor/, zh: /成为自己的上级/ },
  { title: 'a Party organization made its own parent', id: PO(3), input: { parent: PO(3) }, code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'CYCLE', message: /cannot be its own parent/ },
  { title: 'a dissolved parent', id: PO(3), input: { parent: PO(6) }, code: 'BAD_USER_INPUT', field: ['input', 'parent'], reason: 'DISSOLVED', message: /was dissolved on 2024-06-30/ },
  { title: 'name cleared', id: PO(3), input: { name: null }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'REQUIRED', message: /cannot be cleared/ },
  { title: 'a stale version', id: PO(3), version: 1, input: { name: '新名称' }, code: 'CONFLICT', reason: 'STALE_VERSION', message: /version 1, it is now at version 2/ },
];

describe('the bad-input corpus: refused with code, path and message, and nothing changed', () => {
  it('has at least 45 cases across the Party organization mutations', () => {
    expect(SET_UP_CASES.length + DISSOLVE_CASES.length + UPDATE_CASES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(SET_UP_CASES)('setUpPartyOrganization: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: SET_UP, variables: { input: c.input } });
  });

  it.each(DISSOLVE_CASES)('dissolvePartyOrganization: $title', async (c) => {
    // Party organizations 3 and 8 are at version 2 in the fixture (their secretaries were set by an UPDATE).
    await assertRefusal(app, db.url, { ...c, query: DISSOLVE, variables: { id: c.id ?? PO(3), version: c.version ?? (c.id === PO(3) || c.id === undefined ? 2 : 1), dissolvedOn: c.dissolvedOn, reason: c.reason_ } });
  });

  it.each(UPDATE_CASES)('updatePartyOrganization: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: UPDATE, variables: { id: c.id, version: c.version ?? (c.id === PO(3) ? 2 : 1), input: c.input } });
  });

  it('reports every issue of one input at once, each at its path', async () => {
    const { body } = await app.gql(SET_UP, { input: joint({ name: '', establishedOn: TOMORROW, coveredOrganizations: [ORG(4), gid('Park', 1)], parent: 'x' }) });
    const issues = body.errors![0]!.extensions!.issues as { path: (string | number)[]; reason: string }[];
    expect(issues.map((i) => `${i.path.join('.')}:${i.reason}`)).toEqual([
      'input.name:EMPTY',
      'input.establishedOn:FUTURE_DATE',
      'input.coveredOrganizations.1:WRONG_TYPE',
      'input.parent:INVALID_ID',
    ]);
  });
});
