import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, walkBothWays } from '../../../test/pagination.js';
import { insertPlacesFixture, PLACE_CODES } from '../../../test/places-fixture.js';

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await testDatabase();
  await insertPlacesFixture(db.url);
  app = await startTestApp(db.url);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function measured(query: string) {
  const { result, statements } = await app.server.statements.capture(() => app.gql(query));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Record<string, any>, statements };
}

describe('memberUnits', () => {
  it('pages forward and backward in every order, stable under ties on the date', async () => {
    expect(await walkBothWays(app, 'memberUnits', '', 4)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await walkBothWays(app, 'memberUnits', 'orderBy: { field: JOINED_ON }', 1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await walkBothWays(app, 'memberUnits', 'orderBy: { field: JOINED_ON, direction: DESC }', 2)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await walkBothWays(app, 'memberUnits', 'orderBy: { field: NAME }', 4)).toEqual([4, 5, 6, 1, 3, 2]);
  });

  it('refuses first > 100', async () => {
    await expectPageSizeRefused(app, 'memberUnits');
  });

  it('narrows by each filter field', async () => {
    expect(await ids(app, 'memberUnits', 'filter: { scope: "370102" }')).toEqual([4, 5]);
    expect(await ids(app, 'memberUnits', 'filter: { scope: "370100" }')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await ids(app, 'memberUnits', 'filter: { committeeLevel: [CITY] }')).toEqual([1, 2, 3]);
    expect(await ids(app, 'memberUnits', 'filter: { domain: [CIVIL_AFFAIRS] }')).toEqual([2, 5]);
    expect(await ids(app, 'memberUnits', 'filter: { joinedOn: { from: "2018-01-01", to: "2018-12-31" } }')).toEqual([3, 4, 5]);
    expect(await ids(app, 'memberUnits', 'filter: { text: "民政" }')).toEqual([2, 5]);
    expect(await ids(app, 'memberUnits', 'filter: { supervisedOrganizationCount: { min: 1 } }')).toEqual([2, 5]);
    expect(await ids(app, 'memberUnits', 'filter: { supervisedOrganizationCount: { min: 2 } }')).toEqual([5]);
    expect(await ids(app, 'memberUnits', 'filter: { hasLiaisonPoint: true }')).toEqual([1]);
    expect(await ids(app, 'memberUnits', 'filter: { hasLiaisonPoint: false, committeeLevel: [CITY] }')).toEqual([2, 3]);
  });

  it('combines with and / or / not', async () => {
    expect(await ids(app, 'memberUnits', 'filter: { or: [{ domain: [EDUCATION] }, { domain: [PROPAGANDA] }] }')).toEqual([1, 6]);
    expect(await ids(app, 'memberUnits', 'filter: { domain: [CIVIL_AFFAIRS], not: { committeeLevel: [CITY] } }')).toEqual([5]);
  });
});

describe('member unit relations', () => {
  it('WorkingCommittee.memberUnits and MemberUnit.committee', async () => {
    const { data } = await measured(`{
      area(code: "370102") { workingCommittee { memberUnits { totalCount nodes { name domain joinedOn committee { level } } } } }
    }`);
    expect(data.area.workingCommittee.memberUnits).toEqual({
      totalCount: 2,
      nodes: [
        { name: '历下区委统战部', domain: 'UNITED_FRONT', joinedOn: '2018-03-01', committee: { level: 'DISTRICT' } },
        { name: '历下区民政局', domain: 'CIVIL_AFFAIRS', joinedOn: '2018-03-01', committee: { level: 'DISTRICT' } },
      ],
    });
  });

  it('MemberUnit.supervisedOrganizations and Organization.supervisoryUnit', async () => {
    const { data } = await measured(`{
      unit: node(id: "${globalId('MemberUnit', 5)}") {
        ... on MemberUnit { supervisedOrganizations { totalCount nodes { name supervisoryUnit { name } } } }
      }
      filtered: node(id: "${globalId('MemberUnit', 5)}") {
        ... on MemberUnit { supervisedOrganizations(filter: { text: "基金会" }) { nodes { name } } }
      }
      social: organization(creditCode: "${PLACE_CODES.association}") { supervisoryUnit { name domain } }
      enterprise: organization(creditCode: "${PLACE_CODES.software}") { supervisoryUnit { name } }
    }`);
    expect(data.unit.supervisedOrganizations).toEqual({
      totalCount: 2,
      nodes: [
        { name: '历下区慈善基金会', supervisoryUnit: { name: '历下区民政局' } },
        { name: '历下区青年创业协会', supervisoryUnit: { name: '历下区民政局' } },
      ],
    });
    expect(data.filtered.supervisedOrganizations.nodes).toEqual([{ name: '历下区慈善基金会' }]);
    expect(data.social.supervisoryUnit).toEqual({ name: '市民政局', domain: 'CIVIL_AFFAIRS' });
    expect(data.enterprise.supervisoryUnit).toBeNull();
  });

  it('is reachable by node(id)', async () => {
    const { data } = await measured(`{ node(id: "${globalId('MemberUnit', 1)}") { __typename ... on MemberUnit { name } } }`);
    expect(data.node).toEqual({ __typename: 'MemberUnit', name: '市委宣传部' });
  });
});
