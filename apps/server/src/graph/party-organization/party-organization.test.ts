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

const PO = (id: number) => globalId('PartyOrganization', id);

describe('partyOrganizations', () => {
  it('pages forward and backward by id without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'partyOrganizations')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('pages by establishment date, ties (7 and 8) broken by id in both directions', async () => {
    expect(await walkBothWays(app, 'partyOrganizations', 'orderBy: { field: ESTABLISHED_ON }')).toEqual([1, 2, 5, 7, 8, 6, 3, 4]);
    expect(await walkBothWays(app, 'partyOrganizations', 'orderBy: { field: ESTABLISHED_ON, direction: DESC }', 3)).toEqual([4, 3, 6, 8, 7, 5, 2, 1]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'partyOrganizations');
  });

  it.each([
    ['scope: "370102"', [1, 2, 3, 4, 5, 6]],
    ['scope: "370103"', [7, 8]],
    ['scope: "370102001"', [2, 3, 4, 6]],
    [`scope: "${globalId('Park', 1)}"`, [3, 4, 5]],
    [`scope: "${globalId('Building', 1)}"`, [3, 4]],
    [`scope: "${globalId('BusinessDistrict', 1)}"`, [6]],
    [`scope: "${PO(2)}"`, [2, 3, 4, 6]],
    [`scope: "${PO(7)}"`, [7, 8]],
    ['kind: [BRANCH]', [3, 4, 8]],
    ['kind: [GENERAL_BRANCH, COMMITTEE]', [1, 2, 5, 6, 7]],
    ['formation: [STANDALONE]', [3, 8]],
    ['anchor: [BUILDING, PARK]', [4, 5]],
    ['industry: ["I"]', [7]],
    ['establishedOn: { from: "2016-01-01", to: "2019-12-31" }', [3, 6, 7, 8]],
    ['dissolvedOn: { from: "2024-01-01" }', [6]],
    ['dissolved: true', [6]],
    ['dissolved: false', [1, 2, 3, 4, 5, 7, 8]],
    ['hasParent: false', [1, 7]],
    ['hasSecretary: true', [3, 8]],
    ['members: { min: 2 }', [3]],
    ['members: { min: 1 }', [2, 3, 8]],
    ['members: { max: 0 }', [1, 4, 5, 6, 7]],
    ['coveredOrganizations: { min: 2 }', [4]],
    ['coveredOrganizations: { min: 1 }', [2, 3, 4, 5, 8]],
    ['activityHeldOn: { from: "2025-08-30" }', [2, 3]],
    ['not: { activityHeldOn: { from: "2025-08-30" } }', [1, 4, 5, 6, 7, 8]],
    ['text: "软件"', [3, 4, 7]],
    ['or: [{ kind: [GENERAL_BRANCH] }, { industry: ["I"] }]', [6, 7]],
    ['and: [{ scope: "370102" }, { kind: [COMMITTEE] }]', [1, 2, 5]],
    ['not: { scope: "370102" }', [7, 8]],
    ['scope: "370102", not: { or: [{ dissolved: true }, { hasParent: false }] }', [2, 3, 4, 5]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'partyOrganizations', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('refuses a scope that is neither an area code nor a container id, at its path', async () => {
    const { body } = await app.gql('{ partyOrganizations(filter: { and: [{ scope: "nowhere" }] }) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'and', 0, 'scope'], reason: 'SCOPE' });
  });

  it('counts under the filter whatever the page', async () => {
    const { body } = await app.gql<{ partyOrganizations: { totalCount: number; nodes: unknown[] } }>(
      '{ partyOrganizations(first: 1, filter: { kind: [BRANCH] }) { totalCount nodes { id } } }',
    );
    expect(body.data!.partyOrganizations).toMatchObject({ totalCount: 3, nodes: [{ id: PO(3) }] });
  });
});

describe('Party organization relations', () => {
  it('answers its own fields and to-one relations', async () => {
    const { body } = await app.gql(
      `query ($id: ID!) { node(id: $id) { id ... on PartyOrganization {
        name kind formation anchor industry establishedOn dissolvedOn
        area { code } parent { id } organization { creditCode } secretary { name }
        anchoredOn { __typename ... on Organization { creditCode } }
      } } }`,
      { id: PO(3) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      node: {
        id: PO(3),
        name: '中共济南示例软件有限公司支部委员会',
        kind: 'BRANCH',
        formation: 'STANDALONE',
        anchor: 'ORGANIZATION',
        industry: null,
        establishedOn: '2019-07-01',
        dissolvedOn: null,
        area: { code: '370102001' },
        parent: { id: PO(2) },
        organization: { creditCode: PARTY_CODES.software },
        secretary: { name: '张三丰' },
        anchoredOn: { __typename: 'Organization', creditCode: PARTY_CODES.software },
      },
    });
  });

  it('tells what each Party organization is anchored on', async () => {
    const { body } = await app.gql<{ partyOrganizations: { nodes: { anchor: string; anchoredOn: Record<string, string> | null }[] } }>(`{
      partyOrganizations { nodes { anchor anchoredOn {
        __typename
        ... on Area { code }
        ... on Organization { creditCode }
        ... on Park { name }
        ... on Building { name }
        ... on BusinessDistrict { name }
      } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.partyOrganizations.nodes).toEqual([
      { anchor: 'AREA', anchoredOn: { __typename: 'Area', code: '370102' } },
      { anchor: 'STREET', anchoredOn: { __typename: 'Area', code: '370102001' } },
      { anchor: 'ORGANIZATION', anchoredOn: { __typename: 'Organization', creditCode: PARTY_CODES.software } },
      { anchor: 'BUILDING', anchoredOn: { __typename: 'Building', name: '齐鲁软件大厦' } },
      { anchor: 'PARK', anchoredOn: { __typename: 'Park', name: '济南高新技术产业开发区' } },
      { anchor: 'BUSINESS_DISTRICT', anchoredOn: { __typename: 'BusinessDistrict', name: '泉城路商圈' } },
      { anchor: 'INDUSTRY', anchoredOn: null },
      { anchor: 'ORGANIZATION', anchoredOn: { __typename: 'Organization', creditCode: PARTY_CODES.association } },
    ]);
  });

  it('lists children, members, activities, funds and covered organizations', async () => {
    const { body } = await app.gql<{ list: { nodes: Record<string, { nodes: { id: string }[] }>[] } }>(`{
      list: partyOrganizations(filter: { scope: "${PO(2)}" }) { nodes {
        children { nodes { id } } members { nodes { id } } activities { nodes { id } } funds { nodes { id } }
        coveredOrganizations { nodes { id } }
      } }
    }`);
    expect(body.errors).toBeUndefined();
    const rows = body.data!.list.nodes.map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, v.nodes.map((x) => rowId(x.id))])));
    // Party organizations 2, 3, 4, 6 in that order.
    expect(rows).toEqual([
      { children: [3, 4, 6], members: [10], activities: [4], funds: [], coveredOrganizations: [3] },
      { children: [], members: [1, 2], activities: [1, 2], funds: [1, 2, 3], coveredOrganizations: [1] },
      { children: [], members: [], activities: [3], funds: [], coveredOrganizations: [1, 6] },
      { children: [], members: [], activities: [6], funds: [], coveredOrganizations: [] },
    ]);
  });

  it('is reached from organizations (covering now), areas (and beneath), containers (anchored) and secretaries', async () => {
    const { body } = await app.gql<Record<string, unknown>>(`{
      organizations { nodes { partyOrganizations { nodes { id } } } }
      district: area(code: "370102") { partyOrganizations { totalCount } }
      street: area(code: "370103001") { partyOrganizations { nodes { id } } }
      park: node(id: "${globalId('Park', 1)}") { ... on Park { partyOrganizations { nodes { id } } } }
      building: node(id: "${globalId('Building', 1)}") { ... on Building { partyOrganizations { nodes { id } } } }
      businessDistrict: node(id: "${globalId('BusinessDistrict', 1)}") { ... on BusinessDistrict { partyOrganizations { nodes { id } } } }
      secretary: node(id: "${globalId('PartyMember', 3)}") { ... on PartyMember { secretaryOf { nodes { id } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const list = (v: unknown) => (v as { nodes: { id: string }[] }).nodes.map((n) => rowId(n.id));
    const data = body.data!;
    const orgs = (data.organizations as { nodes: { partyOrganizations: unknown }[] }).nodes.map((n) => list(n.partyOrganizations));
    // Organization 4 was covered by the business-district branch until it was dissolved.
    expect(orgs).toEqual([[3, 4], [8], [2], [], [], [4, 5]]);
    expect(data.district).toEqual({ partyOrganizations: { totalCount: 6 } });
    expect(list((data.street as Record<string, unknown>).partyOrganizations)).toEqual([8]);
    expect(list((data.park as Record<string, unknown>).partyOrganizations)).toEqual([5]);
    expect(list((data.building as Record<string, unknown>).partyOrganizations)).toEqual([4]);
    expect(list((data.businessDistrict as Record<string, unknown>).partyOrganizations)).toEqual([6]);
    expect(list((data.secretary as Record<string, unknown>).secretaryOf)).toEqual([8]);
  });

  it('answers node(id) for a Party organization, null for an unknown one', async () => {
    const { body } = await app.gql(`{ a: node(id: "${PO(5)}") { __typename id } b: node(id: "${PO(99)}") { id } }`);
    expect(body).toEqual({ data: { a: { __typename: 'PartyOrganization', id: PO(5) }, b: null } });
  });

  it('sends one statement per level and one count per level, whatever the number of parents', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql<{ partyOrganizations: { totalCount: number } }>(`{
        partyOrganizations(filter: { hasParent: false }) { totalCount nodes {
          children { totalCount nodes {
            children { totalCount nodes {
              members { totalCount nodes { id stage } }
            } }
          } }
        } }
      }`),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.partyOrganizations.totalCount).toBe(2);
    // 4 levels (roots, children, grandchildren, members), each page with its count.
    expect(statements).toHaveLength(4);
  });
});
