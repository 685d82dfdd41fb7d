import { addDays, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture } from '../../../test/party-fixture.js';
import { assertRefusal, type RefusalCase } from '../../../test/refusals.js';
import { snapshotDatabase } from '../../../test/snapshot.js';

/*
 * The party fixture's funds: Party organization 3's startup fund allocated (2,000 CNY, 2019) and
 * 1,500 CNY of it disbursed; 300 CNY of working funds allocated to Party organization 8 for
 * 2025; city budgets 5,000,000 CNY for 2019 and 10,000,000 CNY for 2025.
 */
const { db, app } = useMutationTestApp(insertPartyFixture);

const SELECTION = `fund { id kind entry year amountFen enteredOn note version } allocatedFen disbursedFen outstandingFen area { code } partyOrganization { id }`;
const ALLOCATE = /* GraphQL */ `
  mutation ($input: FundMovementInput!) { allocateFunds(input: $input) { ${SELECTION} } }`;
const DISBURSE = /* GraphQL */ `
  mutation ($input: FundMovementInput!) { disburseFunds(input: $input) { ${SELECTION} } }`;
const AUDIT = /* GraphQL */ `
  query ($nodeId: ID!) { auditLog(nodeId: $nodeId, first: 5) { totalCount nodes { operation before after } } }`;

const TOMORROW = addDays(todayInShanghai(), 1);
const PARTY = (id: number) => gid('PartyOrganization', id);

function working(overrides: Record<string, unknown> = {}) {
  return { input: { kind: 'WORKING', area: '370102', year: 2025, amountFen: 100_000, enteredOn: '2025-03-01', ...overrides } };
}
function startup(overrides: Record<string, unknown> = {}) {
  return { input: { kind: 'STARTUP', partyOrganization: PARTY(3), year: 2019, amountFen: 1, enteredOn: '2019-10-01', ...overrides } };
}

interface Movement {
  fund: Record<string, unknown> & { id: string };
  allocatedFen: number;
  disbursedFen: number;
  outstandingFen: number;
  area: { code: string };
  partyOrganization: { id: string } | null;
}

describe('allocateFunds and disburseFunds', () => {
  it('allocates working funds to a district, then disburses part: the payload shows what remains', async () => {
    const allocated = await app.gql<{ allocateFunds: Movement }>(ALLOCATE, working({ note: '  第一批 ' }));
    expect(allocated.body.errors).toBeUndefined();
    expect(allocated.body.data!.allocateFunds).toMatchObject({
      fund: { kind: 'WORKING', entry: 'ALLOCATED', year: 2025, amountFen: 100_000, enteredOn: '2025-03-01', note: '第一批', version: 1 },
      allocatedFen: 100_000,
      disbursedFen: 0,
      outstandingFen: 100_000,
      area: { code: '370102' },
      partyOrganization: null,
    });
    const paid = await app.gql<{ disburseFunds: Movement }>(DISBURSE, working({ amountFen: 60_000, enteredOn: '2025-04-01' }));
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data!.disburseFunds).toMatchObject({ fund: { entry: 'DISBURSED', amountFen: 60_000 }, allocatedFen: 100_000, disbursedFen: 60_000, outstandingFen: 40_000 });
    const audit = await app.gql<{ auditLog: { nodes: { operation: string; before: unknown; after: Record<string, unknown> }[] } }>(AUDIT, {
      nodeId: paid.body.data!.disburseFunds.fund.id,
    });
    expect(audit.body.data!.auditLog.nodes[0]).toMatchObject({
      operation: 'disburseFunds',
      before: null,
      after: { id: rowId(paid.body.data!.disburseFunds.fund.id), fund: 'WORKING', entry: 'DISBURSED', area_id: 2, party_organization_id: null, amount_fen: 60_000, year: 2025 },
    });
  });

  it('disburses the rest of a startup fund, at the Party organization’s area by default, across the year boundary', async () => {
    const { body } = await app.gql<{ disburseFunds: Movement }>(DISBURSE, startup({ amountFen: 50_000, year: 2020, enteredOn: '2020-02-01' }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.disburseFunds).toMatchObject({ allocatedFen: 200_000, disbursedFen: 200_000, outstandingFen: 0, area: { code: '370102001' }, partyOrganization: { id: PARTY(3) } });
  });

  it('lets only one of two concurrent disbursements of the same money through', async () => {
    const input = { kind: 'WORKING', partyOrganization: PARTY(8), year: 2025, amountFen: 20_000, enteredOn: '2025-05-01' };
    const results = await Promise.all([app.gql(DISBURSE, { input }), app.gql(DISBURSE, { input })]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });
});

const CASES: RefusalCase[] = [
  {
    title: 'a disbursement larger than the allocation',
    query: DISBURSE,
    variables: { input: { kind: 'WORKING', partyOrganization: PARTY(8), year: 2025, amountFen: 10_001, enteredOn: '2025-06-01' } },
    code: 'CONFLICT',
    field: ['input', 'amountFen'],
    reason: 'EXCEEDS_ALLOCATION',
    // 300 CNY allocated, 200 CNY disbursed by the concurrency test above.
    message: /Only 100.00 CNY \(10000 fen\) allocated to "中共济南示例行业协会支部委员会" remains to be disbursed .* this disbursement is 100.01 CNY/,
    zh: /可支出余额仅 100.00 元/,
    extensions: { allocatedFen: 30_000, disbursedFen: 20_000, outstandingFen: 10_000 },
  },
  {
    title: 'a disbursement with nothing allocated',
    query: DISBURSE,
    variables: working({ area: '370103', amountFen: 100 }),
    code: 'CONFLICT',
    field: ['input', 'amountFen'],
    reason: 'EXCEEDS_ALLOCATION',
    message: /Only 0.00 CNY \(0 fen\) allocated to 市中区 in 2025/,
    extensions: { outstandingFen: 0 },
  },
  {
    title: 'a zero amount',
    query: ALLOCATE,
    variables: working({ amountFen: 0 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'amountFen'],
    reason: 'OUT_OF_RANGE',
    message: /amount in fen must be between 1 and 1,000,000,000; it is 0/,
  },
  {
    title: 'a negative amount',
    query: DISBURSE,
    variables: working({ amountFen: -5000 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'amountFen'],
    reason: 'OUT_OF_RANGE',
    message: /it is -5000/,
  },
  {
    title: 'an absurd amount (10 billion CNY)',
    query: ALLOCATE,
    variables: working({ amountFen: 1_000_000_000_000 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'amountFen'],
    reason: 'OUT_OF_RANGE',
    message: /it is 1000000000000/,
  },
  {
    title: 'a startup fund without a Party organization',
    query: ALLOCATE,
    variables: startup({ partyOrganization: null, area: '370102' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'REQUIRED',
    message: /startup fund is for one newly established Party organization/,
  },
  {
    title: 'a startup entry above 2,000 CNY',
    query: ALLOCATE,
    variables: startup({ partyOrganization: PARTY(8), year: 2016, enteredOn: '2016-08-01', amountFen: 200_001 }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'amountFen'],
    reason: 'ABOVE_STARTUP_FUND',
    message: /2,000.00 CNY \(200000 fen\) per Party organization; this entry is 2,000.01 CNY/,
  },
  {
    title: 'a startup fund allocated twice',
    query: ALLOCATE,
    variables: startup(),
    code: 'CONFLICT',
    field: ['input', 'amountFen'],
    reason: 'OVER_ENTITLEMENT',
    message: /of which 2,000.00 CNY is already allocated; at most 0.00 CNY/,
    extensions: { remainingFen: 0 },
  },
  {
    title: 'an allocation beyond the city’s budget for the year',
    query: ALLOCATE,
    variables: working({ year: 2019, enteredOn: '2019-05-01', amountFen: 499_900_001 }),
    code: 'CONFLICT',
    field: ['input', 'amountFen'],
    reason: 'OVER_BUDGET',
    message: /budget for 2019 is 5,000,000.00 CNY, of which 2,000.00 CNY is allocated; only 4,998,000.00 CNY/,
    extensions: { budgetFen: 500_000_000, remainingFen: 499_800_000 },
  },
  {
    title: 'entered tomorrow',
    query: ALLOCATE,
    variables: working({ enteredOn: TOMORROW }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'enteredOn'],
    reason: 'FUTURE_DATE',
    message: /cannot be in the future/,
  },
  {
    title: 'entered three years before its year',
    query: ALLOCATE,
    variables: working({ enteredOn: '2022-06-01' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'enteredOn'],
    reason: 'YEAR_MISMATCH',
    message: /does not fit the year 2025/,
  },
  {
    title: 'the year 1999',
    query: ALLOCATE,
    variables: working({ year: 1999, enteredOn: '2000-01-05' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'year'],
    reason: 'OUT_OF_RANGE',
    message: /year must be between 2000 and 2,100; it is 1999/,
  },
  {
    title: 'the city as the area',
    query: ALLOCATE,
    variables: working({ area: '370100' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'area'],
    reason: 'NOT_A_FUND_AREA',
    message: /"济南市" is not a district or street/,
  },
  {
    title: 'a park’s id as the area',
    query: ALLOCATE,
    variables: working({ area: gid('Park', 1) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'area'],
    reason: 'WRONG_TYPE',
    message: /id of a Park, not of a area/,
  },
  {
    title: 'working funds for nobody: no area, no Party organization',
    query: ALLOCATE,
    variables: working({ area: null }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'area'],
    reason: 'REQUIRED',
    message: /district or street the money is for is missing/,
  },
  {
    title: 'a Party organization outside the area given',
    query: ALLOCATE,
    variables: working({ partyOrganization: PARTY(8) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'area'],
    reason: 'NOT_IN_AREA',
    message: /"中共济南示例行业协会支部委员会" is not in 历下区/,
  },
  {
    title: 'funds for a dissolved Party organization',
    query: ALLOCATE,
    variables: working({ area: null, partyOrganization: PARTY(6), enteredOn: '2025-02-01' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'DISSOLVED',
    message: /was dissolved on 2024-06-30; no funds can be allocated to it/,
  },
  {
    title: 'a startup fund entered before the Party organization was established',
    query: ALLOCATE,
    variables: startup({ partyOrganization: PARTY(8), year: 2016, enteredOn: '2015-12-31' }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'enteredOn'],
    reason: 'BEFORE_ESTABLISHED',
    message: /before the Party organization "中共济南示例行业协会支部委员会" was established \(2016-01-01\)/,
  },
  {
    title: 'a 501-character note',
    query: ALLOCATE,
    variables: working({ note: '备'.repeat(501) }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'note'],
    reason: 'TOO_LONG',
    message: /at most 500 characters/,
  },
  {
    title: 'SQL as the Party organization id',
    query: DISBURSE,
    variables: startup({ partyOrganization: "3' OR 1=1 --" }),
    code: 'BAD_USER_INPUT',
    field: ['input', 'partyOrganization'],
    reason: 'INVALID_ID',
    message: /not a valid Party organization id/,
  },
];

describe('the bad-input corpus of funds: refused with code, path and message, and nothing changed', () => {
  it.each(CASES)('$title', (c) => assertRefusal(app, db.url, c));

  it('refuses amounts that are not safe integers before any resolver runs', async () => {
    for (const amountFen of [2 ** 53, 12.5, '100']) {
      const before = await snapshotDatabase(db.url);
      const { body } = await app.gql(ALLOCATE, working({ amountFen }));
      expect(body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.message).toContain('at "input.amountFen"');
      expect(await snapshotDatabase(db.url)).toEqual(before);
    }
  });
});
