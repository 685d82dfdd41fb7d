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

const V = (id: number) => globalId('Visit', id);
type Nodes = { nodes: { id: string }[] };
const list = (c: Nodes) => c.nodes.map((n) => rowId(n.id));

describe('visits', () => {
  it('pages forward and backward by id without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'visits', '', 4)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pages by visit date, ties broken by id in both directions', async () => {
    expect(await walkBothWays(app, 'visits', 'orderBy: { field: VISITED_ON }')).toEqual([6, 1, 3, 2, 5, 4]);
    expect(await walkBothWays(app, 'visits', 'orderBy: { field: VISITED_ON, direction: DESC }', 3)).toEqual([4, 5, 2, 3, 1, 6]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'visits');
  });

  it.each([
    ['scope: "370102"', [1, 2, 4, 6]],
    ['scope: "370103"', [3, 5]],
    [`scope: "${globalId('BusinessDistrict', 1)}"`, [1, 2, 4]],
    [`scope: "${globalId('Park', 1)}"`, [6]],
    [`scope: "${globalId('PartyOrganization', 3)}"`, [6]],
    [`scope: "${globalId('PartyOrganization', 8)}"`, []],
    ['visitedOn: { from: "2025-09-01", to: "2025-10-14" }', [1, 3]],
    ['ownerIntention: [WILLING]', [1, 2, 6]],
    ['ownerIntention: [UNDECIDED, UNWILLING]', [3, 5]],
    ['membersIntention: [WILLING]', [2, 4]],
    ['liaisonKind: [INSTRUCTOR]', [4, 5]],
    ['liaisonKind: [WORK_GROUP]', [1, 2]],
    [`responsible: "${globalId('WorkGroupMember', 1)}"`, [1, 2]],
    [`responsible: "${globalId('Instructor', 3)}"`, [5]],
    [`responsible: "${globalId('MemberUnit', 1)}"`, [3]],
    ['hasProblems: true', [1, 3]],
    ['hasProblems: false', [2, 4, 5, 6]],
    ['text: "场地"', [1]],
    ['text: "指导"', [4, 5]],
    ['text: "转接"', [4]],
    ['not: { ownerIntention: [WILLING] }', [3, 4, 5]],
    ['or: [{ liaisonKind: [DIRECT] }, { hasProblems: true }]', [1, 3, 6]],
    ['and: [{ scope: "370102" }, { visitedOn: { from: "2025-08-30" } }]', [1, 2, 4]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'visits', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('refuses a range that ends before it starts, at its path', async () => {
    const { body } = await app.gql('{ visits(filter: { visitedOn: { from: "2025-10-01", to: "2025-09-01" } }) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'visitedOn', 'to'], reason: 'RANGE_ORDER' });
  });
});

describe('visit relations', () => {
  it('answers its fields, liaison point and organization', async () => {
    const { body } = await app.gql(`{ node(id: "${V(1)}") { id ... on Visit {
      visitedOn visitor ownerIntention membersIntention problems helpGiven
      liaisonPoint { id kind } organization { creditCode }
    } } }`);
    expect(body).toEqual({
      data: {
        node: {
          id: V(1),
          visitedOn: '2025-09-01',
          visitor: '陈工作组',
          ownerIntention: 'WILLING',
          membersIntention: 'UNDECIDED',
          problems: '缺少活动场地',
          helpGiven: '协调楼宇党群服务中心',
          liaisonPoint: { id: globalId('LiaisonPoint', 3), kind: 'WORK_GROUP' },
          organization: { creditCode: PARTY_CODES.store },
        },
      },
    });
  });

  it('is reached from organizations and liaison points', async () => {
    const { body } = await app.gql<{ organizations: { nodes: { visits: Nodes; latest: Nodes }[] } }>(`{
      organizations { nodes {
        visits { nodes { id } }
        latest: visits(first: 2, orderBy: { field: VISITED_ON, direction: DESC }) { nodes { id } }
      } }
    }`);
    expect(body.errors).toBeUndefined();
    const orgs = body.data!.organizations.nodes;
    expect(orgs.map((o) => list(o.visits))).toEqual([[6], [], [], [1, 2, 4], [3, 5], []]);
    expect(orgs.map((o) => list(o.latest))).toEqual([[6], [], [], [4, 2], [5, 3], []]);
  });

  it('answers node(id) for a visit', async () => {
    const { body } = await app.gql(`{ node(id: "${V(6)}") { __typename id } }`);
    expect(body).toEqual({ data: { node: { __typename: 'Visit', id: V(6) } } });
  });

  it('reads the visits of all organizations in one statement, whatever their number', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{
        organizations { nodes { visits { totalCount nodes { liaisonPoint { kind } organization { name } } } } }
      }`),
    );
    expect(result.body.errors).toBeUndefined();
    // organizations; visits page with count; liaison points by id (the organizations are primed).
    expect(statements).toHaveLength(3);
  });
});
