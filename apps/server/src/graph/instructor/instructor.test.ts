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

const I = (id: number) => globalId('Instructor', id);
type Nodes = { nodes: { id: string }[] };
const list = (c: Nodes) => c.nodes.map((n) => rowId(n.id));

describe('instructors', () => {
  it('pages forward and backward without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'instructors', '', 1)).toEqual([1, 2, 3]);
    expect(await walkBothWays(app, 'instructors', 'orderBy: { field: ID, direction: DESC }', 2)).toEqual([3, 2, 1]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'instructors');
  });

  it.each([
    ['scope: "370102"', [1]],
    ['scope: "370100"', [1, 2, 3]],
    ['scope: "370103"', [3]],
    ['assignedIn: "370102"', [1]],
    ['assignedIn: "370103"', [3]],
    [`assignedIn: "${globalId('Park', 1)}"`, [1]],
    [`assignedIn: "${globalId('Building', 1)}"`, [1]],
    [`assignedIn: "${globalId('BusinessDistrict', 1)}"`, [1]],
    [`assignedIn: "${globalId('PartyOrganization', 4)}"`, [1]],
    [`assignedIn: "${globalId('PartyOrganization', 8)}"`, []],
    ['inPool: true', [1, 3]],
    ['inPool: false', [2]],
    ['joinedPoolOn: { from: "2020-01-01" }', [1, 3]],
    ['leftPoolOn: { to: "2025-01-01" }', [2]],
    ['assignments: { min: 2 }', [1]],
    ['assignments: { max: 0 }', [2]],
    ['assignments: { min: 1, max: 1 }', [3]],
    ['text: "组织部"', [1, 2]],
    ['text: "赵"', [3]],
    ['not: { inPool: true }', [2]],
    ['or: [{ scope: "370103" }, { assignments: { min: 2 } }]', [1, 3]],
    ['and: [{ inPool: true }, { not: { scope: "370103" } }]', [1]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'instructors', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('refuses a container id as the pool scope', async () => {
    const { body } = await app.gql(`{ instructors(filter: { scope: "${globalId('Park', 1)}" }) { totalCount } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'scope'] });
  });
});

describe('instructor relations', () => {
  it('answers its fields, pool area, assignments and organizations; the phone masked', async () => {
    const { body } = await app.gql(`{
      a: node(id: "${I(1)}") { ... on Instructor {
        name phone employer joinedPoolOn leftPoolOn inPool poolArea { code }
        assignments { nodes { id } } current: assignments(filter: { current: true }) { nodes { id } }
        organizations { nodes { id } }
      } }
      b: node(id: "${I(2)}") { ... on Instructor { phone inPool leftPoolOn organizations { totalCount } } }
    }`);
    expect(body.errors).toBeUndefined();
    const a = (body.data as { a: Record<string, unknown> }).a;
    expect({ ...a, assignments: list(a.assignments as Nodes), current: list(a.current as Nodes), organizations: list(a.organizations as Nodes) }).toEqual({
      name: '王指导',
      phone: '13900001111',
      employer: '历下区委组织部',
      joinedPoolOn: '2020-01-01',
      leftPoolOn: null,
      inPool: true,
      poolArea: { code: '370102' },
      assignments: [5, 6, 8],
      current: [5, 8],
      organizations: [4, 6],
    });
    expect((body.data as { b: unknown }).b).toEqual({ phone: null, inPool: false, leftPoolOn: '2024-12-31', organizations: { totalCount: 0 } });
  });

  it('is reached from organizations (current instructors) and areas (their pools)', async () => {
    const { body } = await app.gql<{ organizations: { nodes: { instructors: Nodes }[] }; city: { instructors: Nodes }; district: { instructors: Nodes } }>(`{
      organizations { nodes { instructors { nodes { id } } } }
      city: area(code: "370100") { instructors { nodes { id } } }
      district: area(code: "370102") { instructors { nodes { id } } }
    }`);
    expect(body.errors).toBeUndefined();
    // Organization 3's instructor left it at the end of 2022.
    expect(body.data!.organizations.nodes.map((o) => list(o.instructors))).toEqual([[], [], [], [1], [3], [1]]);
    expect(list(body.data!.city.instructors)).toEqual([1, 2, 3]);
    expect(list(body.data!.district.instructors)).toEqual([1]);
  });

  it('answers node(id) for an instructor', async () => {
    const { body } = await app.gql(`{ node(id: "${I(3)}") { __typename id } }`);
    expect(body).toEqual({ data: { node: { __typename: 'Instructor', id: I(3) } } });
  });

  it('sends one statement per level and relation, whatever the number of parents', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{
        instructors { nodes {
          poolArea { code }
          organizations { totalCount nodes { instructors { totalCount nodes { id } } } }
          assignments { nodes { since } }
        } }
      }`),
    );
    expect(result.body.errors).toBeUndefined();
    // instructors; areas by id; organizations page with count; their instructors page with count; assignments.
    expect(statements).toHaveLength(5);
  });
});
