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

const F = (id: number) => globalId('Fund', id);
type Nodes = { nodes: { id: string }[] };
const list = (c: Nodes) => c.nodes.map((n) => rowId(n.id));

describe('funds', () => {
  it('pages forward and backward by id without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'funds', '', 3)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('pages by year, ties broken by id in both directions', async () => {
    expect(await walkBothWays(app, 'funds', 'orderBy: { field: YEAR }')).toEqual([6, 1, 2, 3, 4, 5, 7]);
    expect(await walkBothWays(app, 'funds', 'orderBy: { field: YEAR, direction: DESC }', 3)).toEqual([7, 5, 4, 3, 2, 1, 6]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'funds');
  });

  it.each([
    ['scope: "370102"', [1, 2, 3, 4]],
    ['scope: "370103"', [5, 6, 7]],
    ['scope: "370102001"', [1, 2, 3]],
    [`scope: "${globalId('PartyOrganization', 2)}"`, [1, 2, 3]],
    [`scope: "${globalId('PartyOrganization', 7)}"`, [5, 6]],
    ['kind: [STARTUP]', [1, 2, 3, 6]],
    ['kind: [WORKING]', [4, 5, 7]],
    ['entry: [ENTITLED]', [1, 4, 6, 7]],
    ['entry: [ALLOCATED, DISBURSED]', [2, 3, 5]],
    ['year: { min: 2020 }', [3, 4, 5, 7]],
    ['year: { max: 2019 }', [1, 2, 6]],
    ['enteredOn: { from: "2025-01-01", to: "2025-02-28" }', [4, 7]],
    ['amountFen: { min: 200000 }', [1, 2, 6, 7]],
    ['amountFen: { min: 10000000000 }', [7]],
    ['amountFen: { max: 60000 }', [4, 5]],
    ['text: "经费"', [7]],
    ['text: "设备"', [3]],
    ['not: { kind: [STARTUP] }', [4, 5, 7]],
    ['or: [{ entry: [DISBURSED] }, { year: { max: 2016 } }]', [3, 6]],
    ['and: [{ scope: "370103" }, { entry: [ENTITLED] }]', [6, 7]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'funds', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('refuses a container scope: funds belong to areas and Party organizations only', async () => {
    const { body } = await app.gql(`{ funds(filter: { scope: "${globalId('Park', 1)}" }) { totalCount } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'scope'], reason: 'SCOPE' });
  });
});

describe('fund relations and budgets', () => {
  it('answers its fields in fen (beyond 32 bits), its area and Party organization', async () => {
    const { body } = await app.gql(`{
      a: node(id: "${F(7)}") { ... on Fund { kind entry year amountFen enteredOn note area { code } partyOrganization { id } } }
      b: node(id: "${F(1)}") { ... on Fund { kind amountFen partyOrganization { id } } }
    }`);
    expect(body).toEqual({
      data: {
        a: { kind: 'WORKING', entry: 'ENTITLED', year: 2025, amountFen: 30000000000, enteredOn: '2025-02-01', note: '市中区年度工作经费', area: { code: '370103' }, partyOrganization: null },
        b: { kind: 'STARTUP', amountFen: 200000, partyOrganization: { id: globalId('PartyOrganization', 3) } },
      },
    });
  });

  it('is reached from areas (and beneath) and Party organizations', async () => {
    const { body } = await app.gql<{ district: { funds: Nodes }; city: { funds: { totalCount: number } }; po: { funds: Nodes } }>(`{
      district: area(code: "370102") { funds { nodes { id } } }
      city: area(code: "370100") { funds { totalCount } }
      po: node(id: "${globalId('PartyOrganization', 8)}") { ... on PartyOrganization { funds { nodes { id } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(list(body.data!.district.funds)).toEqual([1, 2, 3, 4]);
    expect(body.data!.city.funds.totalCount).toBe(7);
    expect(list(body.data!.po.funds)).toEqual([5, 6]);
  });

  it("answers the budgets with their year's totals, in two more statements whatever the years", async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql('{ fundBudgets { year amountFen entitledFen allocatedFen disbursedFen area { code } } }'),
    );
    expect(result.body).toEqual({
      data: {
        fundBudgets: [
          { year: 2019, amountFen: 500000000, entitledFen: 200000, allocatedFen: 200000, disbursedFen: 0, area: { code: '370100' } },
          { year: 2025, amountFen: 1000000000, entitledFen: 30000060000, allocatedFen: 30000, disbursedFen: 0, area: { code: '370100' } },
        ],
      },
    });
    expect(statements).toHaveLength(3);
    const { body } = await app.gql('{ fundBudgets(year: { min: 2020 }) { year } }');
    expect(body).toEqual({ data: { fundBudgets: [{ year: 2025 }] } });
  });

  it('answers node(id) for a fund entry', async () => {
    const { body } = await app.gql(`{ node(id: "${F(2)}") { __typename id } }`);
    expect(body).toEqual({ data: { node: { __typename: 'Fund', id: F(2) } } });
  });

  it('reads the funds of all areas in one statement, whatever their number', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql('{ areas(level: DISTRICT) { nodes { funds { totalCount nodes { amountFen partyOrganization { name } } } } } }'),
    );
    expect(result.body.errors).toBeUndefined();
    // districts; funds page with count; Party organizations by id.
    expect(statements).toHaveLength(3);
  });
});
