import { addDays, makeCreditCode, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';
import { assertRefusal, type RefusalCase } from '../../../test/refusals.js';
import { snapshotDatabase } from '../../../test/snapshot.js';

const code = (i: number) => makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: `MB${String(i).padStart(6, '0')}` });

/*
 * The party fixture (test/party-fixture.ts) and: organizations 11–20 in 千佛山街道, of which
 * 11–19 are direct liaison points of the 历下区 committee (2), which with organization 1 makes
 * its 10; organization 21, deregistered; two more work-group members (3 in street 10, 4 in 11).
 */
const { db, app } = useMutationTestApp(async (url) => {
  await insertPartyFixture(url);
  const orgs = Array.from({ length: 10 }, (_, k) => k + 11)
    .map((i) => `(${i}, '${code(i)}', '千佛山示例企业${i}', 'NON_PUBLIC_ECONOMIC', 'F', 10, '2018-01-01', 11, 'GENERATED')`)
    .join(',\n');
  const directs = Array.from({ length: 9 }, (_, k) => `(${101 + k}, 'DIRECT', ${11 + k}, 2, '2023-01-01')`).join(',\n');
  await sql(
    url,
    `INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, street_id, source) VALUES ${orgs};
     INSERT INTO organization (id, credit_code, name, category, industry, employees, registered_on, deregistered_on, status, street_id, source)
       VALUES (21, '${code(21)}', '已注销示例企业', 'NON_PUBLIC_ECONOMIC', 'F', 3, '2016-01-01', '2020-01-01', 'DEREGISTERED', 10, 'GENERATED');
     INSERT INTO liaison_point (id, kind, organization_id, committee_id, since) VALUES ${directs};
     INSERT INTO work_group_member (id, street_id, name, phone, joined_on) VALUES
       (3, 10, '孙工作组', '0531-86003003', '2020-01-01'), (4, 11, '周工作组', '0531-86004004', '2020-01-01');`,
  );
});

const DESIGNATE = /* GraphQL */ `
  mutation ($input: DesignateLiaisonPointInput!) {
    designateLiaisonPoint(input: $input) {
      liaisonPoint { id kind since until current version
        responsible { __typename ... on WorkingCommittee { name } ... on MemberUnit { name } ... on WorkGroupMember { name } } }
      organization { id name liaisonPoints { totalCount } }
    }
  }`;
const END = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $until: Date!) {
    endLiaisonPoint(id: $id, version: $version, until: $until) {
      liaisonPoint { id until current version }
      organization { id }
    }
  }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 5) { totalCount nodes { operation nodeId before after } } }`;

const TODAY = todayInShanghai();
const TOMORROW = addDays(TODAY, 1);
const ORG = (id: number) => gid('Organization', id);
const COMMITTEE = (id: number) => gid('WorkingCommittee', id);

function designation(overrides: Record<string, unknown>) {
  return { input: { kind: 'DIRECT', organization: ORG(3), responsible: COMMITTEE(1), since: '2024-01-01', ...overrides } };
}

describe('designateLiaisonPoint', () => {
  it('designates a direct liaison point of the city committee, at version 1, with an audit entry', async () => {
    const before = await app.gql<{ organization: { liaisonPoints: { totalCount: number } } }>(`{ organization: node(id: "${ORG(3)}") { ... on Organization { liaisonPoints { totalCount } } } }`);
    const { body } = await app.gql<{ designateLiaisonPoint: { liaisonPoint: Record<string, unknown>; organization: { liaisonPoints: { totalCount: number } } } }>(
      DESIGNATE,
      designation({ since: '2024-02-01' }),
    );
    expect(body.errors).toBeUndefined();
    const { liaisonPoint, organization } = body.data!.designateLiaisonPoint;
    expect(liaisonPoint).toMatchObject({
      kind: 'DIRECT',
      since: '2024-02-01',
      until: null,
      current: true,
      version: 1,
      responsible: { __typename: 'WorkingCommittee', name: '中共济南市两新组织工作委员会' },
    });
    // Read-own-writes: the organization in the payload already lists it.
    expect(organization.liaisonPoints.totalCount).toBe(before.body.data!.organization.liaisonPoints.totalCount + 1);
    const audit = await app.gql<{ auditLog: { totalCount: number; nodes: { operation: string; before: unknown; after: Record<string, unknown> }[] } }>(AUDIT, {
      nodeId: liaisonPoint.id,
    });
    expect(audit.body.data!.auditLog.totalCount).toBe(1);
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({
      operation: 'designateLiaisonPoint',
      before: null,
      after: { kind: 'DIRECT', organization_id: 3, committee_id: 1, since: '2024-02-01', until: null, version: 1 },
    });
  });

  it('designates a work-group member 专包 of the organization’s street and a member unit for an organization without a Party organization', async () => {
    const wg = await app.gql<{ designateLiaisonPoint: { liaisonPoint: Record<string, unknown> } }>(DESIGNATE, {
      input: { kind: 'WORK_GROUP', organization: ORG(1), responsible: gid('WorkGroupMember', 3), since: '2025-01-01' },
    });
    expect(wg.body.errors).toBeUndefined();
    expect(wg.body.data!.designateLiaisonPoint.liaisonPoint).toMatchObject({ kind: 'WORK_GROUP', responsible: { __typename: 'WorkGroupMember', name: '孙工作组' } });
    // Organization 4's Party organization (6) was dissolved in 2024: a member unit may take it on.
    const mu = await app.gql<{ designateLiaisonPoint: { liaisonPoint: Record<string, unknown> } }>(DESIGNATE, {
      input: { kind: 'MEMBER_UNIT', organization: ORG(4), responsible: gid('MemberUnit', 1), since: '2025-01-01' },
    });
    expect(mu.body.errors).toBeUndefined();
    expect(mu.body.data!.designateLiaisonPoint.liaisonPoint).toMatchObject({ kind: 'MEMBER_UNIT', responsible: { name: '市民政局' } });
  });

  it('lets exactly one of two concurrent designations of the same tie through', async () => {
    const input = { kind: 'WORK_GROUP', organization: ORG(20), responsible: gid('WorkGroupMember', 4), since: '2025-05-01' };
    const results = await Promise.all([app.gql(DESIGNATE, { input }), app.gql(DESIGNATE, { input })]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const { rows } = await sql(db.url, "SELECT count(*)::int AS n FROM liaison_point WHERE organization_id = 20 AND kind = 'WORK_GROUP'");
    expect(rows[0].n).toBe(1);
  });
});

describe('endLiaisonPoint', () => {
  it('ends a liaison point after its last visit, raises the version, audits before and after', async () => {
    const { body } = await app.gql<{ endLiaisonPoint: { liaisonPoint: Record<string, unknown> } }>(END, { id: gid('LiaisonPoint', 2), version: 1, until: '2025-09-02' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.endLiaisonPoint.liaisonPoint).toMatchObject({ until: '2025-09-02', current: false, version: 2 });
    const audit = await app.gql<{ auditLog: { nodes: { operation: string; before: Record<string, unknown>; after: Record<string, unknown> }[] } }>(AUDIT, {
      nodeId: gid('LiaisonPoint', 2),
    });
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({ operation: 'endLiaisonPoint', before: { until: null, version: 1 }, after: { until: '2025-09-02', version: 2 } });
  });

  it('frees the committee’s place: after ending one of its 10, the committee may designate another', async () => {
    const before = await snapshotDatabase(db.url);
    const full = await app.gql(DESIGNATE, designation({ organization: ORG(20), responsible: COMMITTEE(2) }));
    expect(full.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED', limit: 10 });
    expect(await snapshotDatabase(db.url)).toEqual(before);
    await app.gql(END, { id: gid('LiaisonPoint', 109), version: 1, until: '2025-06-30' });
    const again = await app.gql<{ designateLiaisonPoint: { liaisonPoint: { id: string } } }>(DESIGNATE, designation({ organization: ORG(19), responsible: COMMITTEE(2), since: '2025-07-01' }));
    expect(again.body.errors).toBeUndefined();
    // Back to 10 current: the 11th is refused again (the case in the corpus below relies on it).
    const { rows } = await sql(db.url, "SELECT count(*)::int AS n FROM liaison_point WHERE committee_id = 2 AND kind = 'DIRECT' AND until IS NULL");
    expect(rows[0].n).toBe(10);
    expect(rowId(again.body.data!.designateLiaisonPoint.liaisonPoint.id)).toBeGreaterThan(109);
  });
});

const LONG_ID = 'A'.repeat(10_000);

const CASES: RefusalCase[] = [
  // The committee's limit and the one-专包 rule.
  {
    title: 'an 11th direct liaison point of a committee',
    query: DESIGNATE,
    variables: designation({ organization: ORG(20), responsible: COMMITTEE(2) }),
    code: 'CONFLICT',
    field: ['input', 'responsible'],
    reason: 'LIMIT_REACHED',
    message: /already has 10 direct liaison points, the most a working committee may hold \(6 to 10\)/,
    zh: /已有10个直接联系点/,
    extensions: { limit: 10, current: 10, constraint: 'liaison_point_direct_limit' },
  },
  {
    title: 'the same direct liaison point again',
    query: DESIGNATE,
    variables: designation({ organization: ORG(1), responsible: COMMITTEE(2) }),
    code: 'CONFLICT',
    field: ['input', 'responsible'],
    reason: 'DUPLICATE',
    message: /already a liaison point of this kind for "济南示例软件有限公司" \(/,
    extensions: { existingId: gid('LiaisonPoint', 1) },
  },
  {
    title: 'a second work-group member 专包 for one organization',
    query: DESIGNATE,
    variables: designation({ kind: 'WORK_GROUP', organization: ORG(4), responsible: gid('WorkGroupMember', 3) }),
    code: 'CONFLICT',
    field: ['input', 'responsible'],
    reason: 'ONE_WORK_GROUP_MEMBER',
    message: /already has a work-group member 专包 .*each organization has one/,
    extensions: { existingId: gid('LiaisonPoint', 3) },
  },
  // Who answers for it.
  {
    title: 'a work-group member of another street',
    query: DESIGNATE,
    variables: designation({ kind: 'WORK_GROUP', organization: ORG(6), responsible: gid('WorkGroupMember', 2) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'responsible'],
    reason: 'NOT_IN_STREET',
    message: /"刘工作组" is a member of the work group of 大观园街道/,
  },
  {
    title: 'a district committee naming an organization of another district',
    query: DESIGNATE,
    variables: designation({ organization: ORG(2), responsible: COMMITTEE(2) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'responsible'],
    reason: 'NOT_IN_AREA',
    message: /may name only organizations of its own area, 历下区/,
  },
  {
    title: 'a member unit for an organization that has a Party organization',
    query: DESIGNATE,
    variables: designation({ kind: 'MEMBER_UNIT', organization: ORG(1), responsible: gid('MemberUnit', 1) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'organization'],
    reason: 'HAS_PARTY_ORGANIZATION',
    message: /already covered by a Party organization/,
  },
  {
    title: 'a member unit’s id for a DIRECT liaison point',
    query: DESIGNATE,
    variables: designation({ responsible: gid('MemberUnit', 1) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'responsible'],
    reason: 'WRONG_TYPE',
    message: /id of a MemberUnit, not of a working committee/,
  },
  {
    title: 'an unknown working committee',
    query: DESIGNATE,
    variables: designation({ responsible: COMMITTEE(99) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'responsible'],
    reason: 'UNKNOWN_REFERENCE',
    message: /no working committee with the id/,
  },
  {
    title: 'SQL as the responsible id',
    query: DESIGNATE,
    variables: designation({ responsible: "1' OR '1'='1" }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'responsible'],
    reason: 'INVALID_ID',
    message: /not a valid working committee id/,
  },
  // The organization.
  {
    title: 'an unknown organization',
    query: DESIGNATE,
    variables: designation({ organization: ORG(9999) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'organization'],
    reason: 'UNKNOWN_REFERENCE',
    message: /no organization with the id/,
  },
  {
    title: 'a 10,000-character organization id',
    query: DESIGNATE,
    variables: designation({ organization: LONG_ID }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'organization'],
    reason: 'INVALID_ID',
    message: /not a valid organization id/,
  },
  {
    title: 'a deregistered organization',
    query: DESIGNATE,
    variables: designation({ organization: ORG(21) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'organization'],
    reason: 'DEREGISTERED',
    message: /was deregistered on 2020-01-01/,
  },
  // Dates.
  {
    title: 'a start date in the future',
    query: DESIGNATE,
    variables: designation({ since: TOMORROW }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'since'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'a start date before the organization was registered',
    query: DESIGNATE,
    variables: designation({ organization: ORG(1), since: '2019-01-01' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'since'],
    reason: 'BEFORE_REGISTRATION',
    message: /before the organization was registered \(2019-03-15\)/,
  },
  {
    title: 'a start date before the committee was established',
    query: DESIGNATE,
    variables: designation({ since: '2016-01-01' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'since'],
    reason: 'BEFORE_RESPONSIBLE',
    message: /was established \(2017-05-01\)/,
  },
  {
    title: 'a start date in 1989',
    query: DESIGNATE,
    variables: designation({ since: '1989-12-31' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'since'],
    reason: 'TOO_EARLY',
    message: /check the year/,
  },
  // Ending.
  {
    title: 'end: a stale version',
    query: END,
    variables: { id: gid('LiaisonPoint', 1), version: 3, until: '2025-01-01' },
    code: 'CONFLICT',
    reason: 'STALE_VERSION',
    message: /you edited version 3, it is now at version 1/,
    extensions: { currentVersion: 1 },
  },
  {
    title: 'end: an end date before the start',
    query: END,
    variables: { id: gid('LiaisonPoint', 1), version: 1, until: '2021-12-31' },
    code: 'BAD_USER_INPUT',
    field: ['until'],
    reason: 'DATES_OUT_OF_ORDER',
    message: /before the start date \(2022-01-01\)/,
  },
  {
    title: 'end: an end date in the future',
    query: END,
    variables: { id: gid('LiaisonPoint', 1), version: 1, until: TOMORROW },
    code: 'BAD_USER_INPUT',
    field: ['until'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'end: before its last visit',
    query: END,
    variables: { id: gid('LiaisonPoint', 3), version: 1, until: '2025-10-01' },
    code: 'BAD_USER_INPUT',
    field: ['until'],
    reason: 'VISITS_AFTER_END',
    message: /A visit on 2025-10-15 .* can end on 2025-10-16 at the earliest/,
  },
  {
    title: 'end: already ended',
    query: END,
    variables: { id: gid('LiaisonPoint', 4), version: 1, until: '2024-01-01' },
    code: 'CONFLICT',
    reason: 'ALREADY_ENDED',
    message: /already ended on 2023-12-31/,
  },
  {
    title: 'end: an unknown liaison point',
    query: END,
    variables: { id: gid('LiaisonPoint', 9999), version: 1, until: '2024-01-01' },
    code: 'NOT_FOUND',
    message: /No LiaisonPoint has this id/,
  },
  {
    title: 'end: an organization’s id',
    query: END,
    variables: { id: ORG(1), version: 1, until: '2024-01-01' },
    code: 'BAD_USER_INPUT',
    field: ['id'],
    reason: 'WRONG_TYPE',
    message: /id is the id of a Organization, not of a LiaisonPoint/,
  },
];

describe('the bad-input corpus of liaison points: refused with code, path and message, and nothing changed', () => {
  it.each(CASES)('$title', (c) => assertRefusal(app, db.url, c));

  it('refuses a kind that is not a LiaisonKind before any resolver runs', async () => {
    const before = await snapshotDatabase(db.url);
    const { body } = await app.gql(DESIGNATE, designation({ kind: 'FRIEND' }));
    expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/at "input.kind"/);
    expect(await snapshotDatabase(db.url)).toEqual(before);
  });

  it('reports every problem of one input at once', async () => {
    const { body } = await app.gql(DESIGNATE, designation({ organization: ORG(9999), responsible: 'x', since: TOMORROW }));
    const issues = body.errors![0]!.extensions!.issues as { path: string[]; reason: string }[];
    expect(issues.map((i) => `${i.path.join('.')}:${i.reason}`)).toEqual(['input.since:FUTURE_DATE', 'input.organization:UNKNOWN_REFERENCE', 'input.responsible:INVALID_ID']);
  });
});
