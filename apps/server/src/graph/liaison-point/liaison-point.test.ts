import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, rowId, walkBothWays } from '../../../test/pagination.js';
import { insertPartyFixture, PARTY_CODES } from '../../../test/party-fixture.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertPartyFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const L = (id: number) => globalId('LiaisonPoint', id);
type Nodes = { nodes: { id: string }[] };
const list = (c: Nodes) => c.nodes.map((n) => rowId(n.id));

describe('liaisonPoints', () => {
  it('pages forward and backward without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'liaisonPoints', '', 3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await walkBothWays(app, 'liaisonPoints', 'orderBy: { field: ID, direction: DESC }')).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'liaisonPoints');
  });

  it.each([
    ['scope: "370102"', [1, 3, 5, 6, 8]],
    ['scope: "370103"', [2, 4, 7]],
    [`scope: "${globalId('Park', 1)}"`, [1, 8]],
    [`scope: "${globalId('Building', 1)}"`, [1, 8]],
    [`scope: "${globalId('BusinessDistrict', 1)}"`, [3, 5]],
    [`scope: "${globalId('PartyOrganization', 4)}"`, [1, 8]],
    ['kind: [INSTRUCTOR]', [5, 6, 7, 8]],
    ['kind: [DIRECT, MEMBER_UNIT]', [1, 2]],
    [`responsible: "${globalId('WorkingCommittee', 2)}"`, [1]],
    [`responsible: "${globalId('MemberUnit', 1)}"`, [2]],
    [`responsible: "${globalId('WorkGroupMember', 1)}"`, [3]],
    [`responsible: "${globalId('Instructor', 1)}"`, [5, 6, 8]],
    ['current: true', [1, 2, 3, 5, 7, 8]],
    ['current: false', [4, 6]],
    ['since: { from: "2023-01-01" }', [2, 7, 8]],
    ['until: { to: "2023-06-30" }', [6]],
    ['hasVisits: true', [1, 2, 3, 5, 7]],
    ['hasVisits: false', [4, 6, 8]],
    ['visitedOn: { from: "2025-08-30" }', [2, 3, 5, 7]],
    ['visits: { min: 2 }', [3]],
    ['not: { current: true }', [4, 6]],
    ['or: [{ kind: [DIRECT] }, { hasVisits: false }]', [1, 4, 6, 8]],
    ['and: [{ scope: "370102" }, { kind: [INSTRUCTOR] }, { current: true }]', [5, 8]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'liaisonPoints', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('refuses a responsible id of another type, at its path', async () => {
    const { body } = await app.gql(`{ liaisonPoints(filter: { or: [{ responsible: "${globalId('Area', 1)}" }] }) { totalCount } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'or', 0, 'responsible'], reason: 'RESPONSIBLE' });
  });
});

describe('liaison point relations', () => {
  it('answers its organization, responsible body (by kind) and visits', async () => {
    const { body } = await app.gql<{ liaisonPoints: { nodes: Record<string, unknown>[] } }>(`{
      liaisonPoints(filter: { kind: [DIRECT, MEMBER_UNIT, WORK_GROUP] }) { nodes {
        kind since until current organization { id }
        responsible {
          __typename
          ... on WorkingCommittee { name }
          ... on MemberUnit { name }
          ... on WorkGroupMember { name }
          ... on Instructor { name }
        }
        visits { nodes { id } }
      } }
      instructorPoint: node(id: "${L(5)}") { ... on LiaisonPoint { responsible { __typename ... on Instructor { name } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const rows = body.data!.liaisonPoints.nodes.map((n) => ({ ...n, organization: rowId((n.organization as { id: string }).id), visits: list(n.visits as Nodes) }));
    expect(rows).toEqual([
      { kind: 'DIRECT', since: '2022-01-01', until: null, current: true, organization: 1, responsible: { __typename: 'WorkingCommittee', name: '中共历下区两新组织工作委员会' }, visits: [6] },
      { kind: 'MEMBER_UNIT', since: '2023-01-01', until: null, current: true, organization: 5, responsible: { __typename: 'MemberUnit', name: '市民政局' }, visits: [3] },
      { kind: 'WORK_GROUP', since: '2021-06-01', until: null, current: true, organization: 4, responsible: { __typename: 'WorkGroupMember', name: '陈工作组' }, visits: [1, 2] },
      { kind: 'WORK_GROUP', since: '2021-06-01', until: '2023-12-31', current: false, organization: 5, responsible: { __typename: 'WorkGroupMember', name: '刘工作组' }, visits: [] },
    ]);
    expect((body.data as Record<string, unknown>).instructorPoint).toEqual({ responsible: { __typename: 'Instructor', name: '王指导' } });
  });

  it('is reached from organizations and from every kind of responsible body', async () => {
    const { body } = await app.gql<Record<string, Record<string, Nodes> & { nodes?: { liaisonPoints: Nodes }[] }>>(`{
      organizations { nodes { liaisonPoints { nodes { id } } } }
      committee: node(id: "${globalId('WorkingCommittee', 2)}") { ... on WorkingCommittee { directLiaisonPoints { nodes { id } } } }
      city: node(id: "${globalId('WorkingCommittee', 1)}") { ... on WorkingCommittee { directLiaisonPoints { nodes { id } } } }
      unit: node(id: "${globalId('MemberUnit', 1)}") { ... on MemberUnit { liaisonPoints { nodes { id } } } }
      worker: node(id: "${globalId('WorkGroupMember', 2)}") { ... on WorkGroupMember { liaisonPoints { nodes { id } } } }
      instructor: node(id: "${globalId('Instructor', 3)}") { ... on Instructor { assignments { nodes { id } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const d = body.data!;
    expect(d.organizations!.nodes!.map((o) => list(o.liaisonPoints))).toEqual([[1], [], [6], [3, 5], [2, 4, 7], [8]]);
    expect(list(d.committee!.directLiaisonPoints!)).toEqual([1]);
    expect(list(d.city!.directLiaisonPoints!)).toEqual([]);
    expect(list(d.unit!.liaisonPoints!)).toEqual([2]);
    expect(list(d.worker!.liaisonPoints!)).toEqual([4]);
    expect(list(d.instructor!.assignments!)).toEqual([7]);
  });

  it('answers node(id) for a liaison point', async () => {
    const { body } = await app.gql(`{ node(id: "${L(2)}") { __typename id ... on LiaisonPoint { organization { creditCode } } } }`);
    expect(body).toEqual({ data: { node: { __typename: 'LiaisonPoint', id: L(2), organization: { creditCode: PARTY_CODES.foundation } } } });
  });

  it('sends one statement per level and per kind of responsible body, whatever the number of parents', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{
        liaisonPoints { nodes {
          organization { name }
          responsible { __typename ... on WorkingCommittee { name } ... on MemberUnit { name } ... on WorkGroupMember { name } ... on Instructor { name } }
          visits { totalCount nodes { visitedOn } }
        } }
      }`),
    );
    expect(result.body.errors).toBeUndefined();
    // liaison points; organizations; committees, member units, work-group members, instructors; visits page with count.
    expect(statements).toHaveLength(7);
  });
});
