import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, rowId, walkBothWays } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';

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

const A = (id: number) => globalId('Activity', id);
type Nodes = { nodes: { id: string }[] };
const list = (c: Nodes) => c.nodes.map((n) => rowId(n.id));

describe('activities', () => {
  it('pages forward and backward by id without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'activities', '', 4)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pages by date held, ties (1 and 2) broken by id in both directions', async () => {
    expect(await walkBothWays(app, 'activities', 'orderBy: { field: HELD_ON }')).toEqual([6, 5, 3, 1, 2, 4]);
    expect(await walkBothWays(app, 'activities', 'orderBy: { field: HELD_ON, direction: DESC }', 4)).toEqual([4, 2, 1, 3, 5, 6]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'activities');
  });

  it.each([
    ['scope: "370102"', [1, 2, 3, 4, 6]],
    ['scope: "370103"', [5]],
    [`scope: "${globalId('PartyOrganization', 2)}"`, [1, 2, 3, 4, 6]],
    [`scope: "${globalId('PartyOrganization', 3)}"`, [1, 2]],
    [`scope: "${globalId('Building', 1)}"`, [1, 2, 3]],
    [`scope: "${globalId('Park', 1)}"`, [1, 2, 3]],
    [`scope: "${globalId('BusinessDistrict', 1)}"`, [6]],
    ['kind: [TRAINING, LECTURE]', [2, 3]],
    ['heldOn: { from: "2025-01-01" }', [1, 2, 3, 4]],
    ['participants: { min: 30 }', [3, 4, 6]],
    ['participants: { max: 15 }', [2, 5]],
    ['text: "红"', [1, 3]],
    ['not: { kind: [TRAINING] }', [1, 3, 4, 5, 6]],
    ['or: [{ kind: [LECTURE] }, { participants: { max: 12 } }]', [2, 3]],
    ['and: [{ scope: "370102" }, { heldOn: { to: "2024-12-31" } }]', [6]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'activities', `filter: { ${filter} }`)).toEqual(expected);
  });
});

describe('activity relations', () => {
  it('answers its fields and Party organization', async () => {
    const { body } = await app.gql(`{ node(id: "${A(3)}") { id ... on Activity { kind title heldOn participants partyOrganization { id } } } }`);
    expect(body).toEqual({
      data: {
        node: { id: A(3), kind: 'LECTURE', title: '红色大讲堂第一讲', heldOn: '2025-06-15', participants: 80, partyOrganization: { id: globalId('PartyOrganization', 4) } },
      },
    });
  });

  it("is reached from Party organizations, with the relation's own filter and order", async () => {
    const { body } = await app.gql<{ partyOrganizations: { nodes: { recent: Nodes }[] } }>(`{
      partyOrganizations { nodes { recent: activities(filter: { heldOn: { from: "2025-01-01" } }, orderBy: { field: HELD_ON, direction: DESC }) { nodes { id } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.partyOrganizations.nodes.map((p) => list(p.recent))).toEqual([[], [4], [2, 1], [3], [], [], [], []]);
  });

  it('answers node(id) for an activity', async () => {
    const { body } = await app.gql(`{ node(id: "${A(5)}") { __typename id } }`);
    expect(body).toEqual({ data: { node: { __typename: 'Activity', id: A(5) } } });
  });

  it('reads the activities of all Party organizations in one statement, whatever their number', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql('{ partyOrganizations { nodes { activities { totalCount nodes { title partyOrganization { name } } } } } }'),
    );
    expect(result.body.errors).toBeUndefined();
    // Party organizations (which primes the activities' Party organizations); activities page with
    // their count (one statement: the field selects totalCount).
    expect(statements).toHaveLength(2);
  });
});
