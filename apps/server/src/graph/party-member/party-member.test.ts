import type { TestDatabase } from '@liangxin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDatabase, type TestApp } from '../../../test/helpers.js';
import { expectPageSizeRefused, globalId, ids, rowId, walkBothWays } from '../../../test/pagination.js';
import { insertPartyFixture, PARTY_CODES, PERSONAL_DATA } from '../../../test/party-fixture.js';
import { maskIdNumber, maskName, maskPhone } from './personal-data.js';

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

const PM = (id: number) => globalId('PartyMember', id);

describe('masking', () => {
  it.each([
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812341234', '138****1234'],
    ['0531-86001001', '053******1001'],
    ['82345678', '****5678'],
    ['12345', '****5'],
  ])('phone %s → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['370102199001010011', '3701**********0011'],
    ['37010219990909009X', '3701**********009X'],
  ])('identity number %s → %s', (idNumber, masked) => expect(maskIdNumber(idNumber)).toBe(masked));

  it('keeps a missing phone missing', () => expect(maskPhone(null)).toBeNull());
});

describe('partyMembers', () => {
  it('pages forward and backward by id without duplicates or gaps', async () => {
    expect(await walkBothWays(app, 'partyMembers', '', 3)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('pages by application date, ties (1 and 10) broken by id in both directions', async () => {
    expect(await walkBothWays(app, 'partyMembers', 'orderBy: { field: APPLIED_ON }')).toEqual([1, 10, 4, 5, 2, 6, 3, 9, 7, 8]);
    expect(await walkBothWays(app, 'partyMembers', 'orderBy: { field: APPLIED_ON, direction: DESC }', 3)).toEqual([8, 7, 9, 3, 6, 2, 5, 4, 10, 1]);
  });

  it('refuses first > 100 with BAD_USER_INPUT at the argument', async () => {
    await expectPageSizeRefused(app, 'partyMembers');
  });

  it.each([
    ['scope: "370102"', [1, 2, 4, 6, 7, 8, 9, 10]],
    ['scope: "370103"', [3, 5]],
    [`scope: "${globalId('Park', 1)}"`, [1, 2, 7, 8, 9]],
    [`scope: "${globalId('Building', 1)}"`, [1, 2, 7, 8, 9]],
    [`scope: "${globalId('BusinessDistrict', 1)}"`, [4]],
    [`scope: "${globalId('PartyOrganization', 2)}"`, [1, 2, 10]],
    [`scope: "${globalId('PartyOrganization', 7)}"`, [3]],
    ['stage: [FULL]', [1, 2, 4, 5, 6, 10]],
    ['stage: [APPLICANT, ACTIVIST]', [7, 8]],
    ['relationHolder: [PARTY_ORGANIZATION]', [1, 2, 3, 10]],
    ['relationHolder: [NONE]', [7, 8, 9]],
    ['ledger: [COMMUNITY]', [3, 6]],
    ['ledger: [PERSONNEL_AGENCY, TALENT_CENTER]', [1, 4, 5, 10]],
    ['ledgerArea: "370102"', [1, 3, 4, 6]],
    ['ledgerArea: "370102001001"', [3, 6]],
    ['inLedger: true', [4, 5, 6]],
    ['inLedger: false', [1, 2, 3, 7, 8, 9, 10]],
    ['transferred: true', [1, 3, 10]],
    ['transferred: false', [2, 4, 5, 6, 7, 8, 9]],
    ['transferredOn: { from: "2020-01-01" }', [1, 3]],
    ['identityRevealed: true', [1, 3, 6]],
    ['identityRevealed: false', [2, 4, 5, 7, 8, 9, 10]],
    ['revealedOn: { to: "2021-12-31" }', [1, 6]],
    ['appliedOn: { from: "2020-01-01" }', [3, 7, 8, 9]],
    ['fullOn: { from: "2013-01-01" }', [2, 5, 6]],
    ['or: [{ ledger: [COMMUNITY] }, { stage: [APPLICANT] }]', [3, 6, 8]],
    ['not: { stage: [FULL] }', [3, 7, 8, 9]],
    ['and: [{ scope: "370102" }, { transferred: true }]', [1, 10]],
    ['not: { ledgerArea: "370102" }', [2, 5, 7, 8, 9, 10]],
  ])('filter { %s }', async (filter, expected) => {
    expect(await ids(app, 'partyMembers', `filter: { ${filter} }`)).toEqual(expected);
  });

  it('cannot be searched or ordered by name, phone, identity number or address', async () => {
    const { body } = await app.gql<{ filter: { inputFields: { name: string }[] }; order: { enumValues: { name: string }[] } }>(`{
      filter: __type(name: "PartyMemberFilter") { inputFields { name } }
      order: __type(name: "PartyMemberOrderField") { enumValues { name } }
    }`);
    const fields = body.data!.filter.inputFields.map((f) => f.name);
    expect(fields.filter((f) => /name|phone|id_?number|address|text/i.test(f))).toEqual([]);
    expect(body.data!.order.enumValues.map((v) => v.name)).toEqual(['ID', 'APPLIED_ON']);
  });
});

describe('personal data', () => {
  const PERSONAL = `{
      a: node(id: "${PM(1)}") { ... on PartyMember { name phone idNumber address } }
      b: node(id: "${PM(3)}") { ... on PartyMember { name phone idNumber address } }
      c: node(id: "${PM(9)}") { ... on PartyMember { name idNumber } }
      d: node(id: "${PM(10)}") { ... on PartyMember { name phone } }
    }`;
  // The city analyst and a machine may not read personal data (auth/permissions.ts).
  const analyst = () => app.authorizationAs({ role: 'CITY_ANALYST' });

  it('is shown as recorded to a role that may read it (here the city administrator)', async () => {
    const { body } = await app.gql<Record<string, Record<string, string | null>>>(PERSONAL);
    expect(body.errors).toBeUndefined();
    expect(body.data!.a).toEqual({ name: PERSONAL_DATA.names[0], phone: PERSONAL_DATA.phones[0], idNumber: PERSONAL_DATA.idNumbers[0], address: PERSONAL_DATA.addresses[0] });
  });

  it('is masked in every field for the analyst', async () => {
    const { body } = await app.gql(PERSONAL, {}, { authorization: await analyst() });
    expect(body).toEqual({
      data: {
        a: { name: '张**', phone: '138****1234', idNumber: '3701**********0011', address: null },
        b: { name: '王*', phone: null, idNumber: '3701**********0033', address: null },
        c: { name: '郑**', idNumber: '3701**********009X' },
        d: { name: '欧***', phone: '137****2222' },
      },
    });
  });

  it('never appears unmasked to the analyst, whichever way the members are reached', async () => {
    const member = 'id name phone idNumber address stage';
    const { body } = await app.gql(`{
      partyMembers(first: 100) { nodes { ${member} } }
      organizations { nodes { members { nodes { ${member} } } } }
      partyOrganizations { nodes { secretary { ${member} } members { nodes { ${member} } } } }
      nodes(ids: [${PERSONAL_DATA.names.map((_, i) => `"${PM(i + 1)}"`).join(', ')}]) { ... on PartyMember { ${member} } }
      instructors { nodes { name phone } }
    }`, {}, { authorization: await analyst() });
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body);
    const everything = [...PERSONAL_DATA.names, ...PERSONAL_DATA.phones, ...PERSONAL_DATA.idNumbers, ...PERSONAL_DATA.addresses];
    expect(everything.filter((value) => text.includes(value))).toEqual([]);
    // Not even a full name's given-name part, nor an identity number's middle digits.
    expect(text).not.toMatch(/三丰|娜娜|19900101/);
  });
});

describe('Party member relations', () => {
  it('answers employer, Party organization and ledger area', async () => {
    const { body } = await app.gql(`{
      a: node(id: "${PM(1)}") { ... on PartyMember {
        stage relationHolder ledger ledgerSince transferredOn identityRevealed revealedOn appliedOn fullOn employedSince
        organization { creditCode } partyOrganization { id } ledgerArea { code } secretaryOf { nodes { id } }
      } }
      b: node(id: "${PM(5)}") { ... on PartyMember { relationHolder ledger organization { creditCode } partyOrganization { id } ledgerArea { code } } }
      c: node(id: "${PM(6)}") { ... on PartyMember { ledgerArea { code } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: {
        stage: 'FULL',
        relationHolder: 'PARTY_ORGANIZATION',
        ledger: 'TALENT_CENTER',
        ledgerSince: '2018-01-01',
        transferredOn: '2020-03-01',
        identityRevealed: true,
        revealedOn: '2020-04-01',
        appliedOn: '2010-01-01',
        fullOn: '2012-06-01',
        employedSince: '2019-03-15',
        organization: { creditCode: PARTY_CODES.software },
        partyOrganization: { id: globalId('PartyOrganization', 3) },
        ledgerArea: { code: '370102' },
        secretaryOf: { nodes: [{ id: globalId('PartyOrganization', 3) }] },
      },
      b: {
        relationHolder: 'PERSONNEL_AGENCY',
        ledger: 'PERSONNEL_AGENCY',
        organization: { creditCode: PARTY_CODES.foundation },
        partyOrganization: null,
        ledgerArea: null,
      },
      c: { ledgerArea: { code: '370102001001' } },
    });
  });

  it("is reached from organizations (employees) and areas (their ledgers)", async () => {
    const { body } = await app.gql<{
      organizations: { nodes: { members: { nodes: { id: string }[] } }[] };
      area: { all: { nodes: { id: string }[] }; stock: { nodes: { id: string }[] } };
    }>(`{
      organizations { nodes { members { nodes { id } } } }
      area(code: "370102") {
        all: ledgerMembers { nodes { id } }
        stock: ledgerMembers(filter: { inLedger: true }) { nodes { id } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const list = (c: { nodes: { id: string }[] }) => c.nodes.map((n) => rowId(n.id));
    expect(body.data!.organizations.nodes.map((o) => list(o.members))).toEqual([[1, 2, 9], [3], [6, 10], [4], [5], [7, 8]]);
    expect(list(body.data!.area.all)).toEqual([1, 3, 4, 6]);
    expect(list(body.data!.area.stock)).toEqual([4, 6]);
  });

  it('answers node(id) for a member', async () => {
    const { body } = await app.gql(`{ node(id: "${PM(2)}") { __typename id } }`);
    expect(body).toEqual({ data: { node: { __typename: 'PartyMember', id: PM(2) } } });
  });

  it('reads the members of all organizations in one statement, and each relation of theirs in one more', async () => {
    const { result, statements } = await app.server.statements.capture(() =>
      app.gql(`{
        organizations { nodes { members { totalCount nodes { name partyOrganization { name } organization { name } } } } }
      }`),
    );
    expect(result.body.errors).toBeUndefined();
    // organizations page, members page with count, Party organizations by id; the members'
    // organizations were primed by the organizations page.
    expect(statements).toHaveLength(3);
  });
});
