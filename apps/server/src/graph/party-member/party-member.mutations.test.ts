import { addDays, todayInShanghai } from '@liangxin/domain';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../test/helpers.js';
import { useMutationTestApp } from '../../../test/mutation-app.js';
import { globalId as gid, rowId } from '../../../test/pagination.js';
import { insertPartyFixture, PERSONAL_DATA } from '../../../test/party-fixture.js';
import { assertRefusal, type ExpectedRefusal } from '../../../test/refusals.js';
import { identityNumber, insertMutationFixture } from '../party-organization/party-mutations-fixture.js';

const { db, app } = useMutationTestApp(async (url) => {
  await insertPartyFixture(url);
  await insertMutationFixture(url);
  // A candidate of org 1 for the admission cases of the corpus.
  await sql(
    url,
    `INSERT INTO party_member (id, name, gender, birth_date, id_number, organization_id, employed_since, stage, applied_on, activist_on, candidate_on, relation_holder)
     VALUES (120, '测试发展对象', 'F', '1996-01-01', '${identityNumber('19960101', 120)}', 1, '2020-01-01', 'CANDIDATE', '2020-01-01', '2021-01-01', '2022-01-01', 'NONE')`,
  );
});

const ORG = (id: number) => gid('Organization', id);
const PO = (id: number) => gid('PartyOrganization', id);
const PM = (id: number) => gid('PartyMember', id);
const TOMORROW = addDays(todayInShanghai(), 1);

const MEMBER_FIELDS = `id version name phone idNumber address stage appliedOn activistOn candidateOn probationaryOn fullOn
  relationHolder ledger ledgerSince transferredOn identityRevealed revealedOn
  organization { id } partyOrganization { id } ledgerArea { code }`;
const ADD = `mutation ($input: AddPartyMemberInput!) { addPartyMember(input: $input) { partyMember { ${MEMBER_FIELDS} } } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) { updatePartyMember(id: $id, version: $version, input: $input) { partyMember { ${MEMBER_FIELDS} } } }`;
const ADVANCE = `mutation ($id: ID!, $version: Int!, $stage: MemberStage!, $on: Date!, $partyOrganization: ID, $ledger: Ledger, $ledgerArea: ID) {
  advancePartyMemberStage(id: $id, version: $version, stage: $stage, on: $on, partyOrganization: $partyOrganization, ledger: $ledger, ledgerArea: $ledgerArea) { partyMember { ${MEMBER_FIELDS} } } }`;
const REVEAL = `mutation ($id: ID!, $version: Int!, $on: Date!) { recordIdentityRevealed(id: $id, version: $version, on: $on) { partyMember { ${MEMBER_FIELDS} } } }`;
const TRANSFER = `mutation ($id: ID!, $version: Int!, $partyOrganizationId: ID!, $transferredOn: Date!) {
  transferPartyMember(id: $id, version: $version, partyOrganizationId: $partyOrganizationId, transferredOn: $transferredOn) {
    partyMember { ${MEMBER_FIELDS} partyOrganization { id members { totalCount } } } } }`;

type Member = Record<string, unknown> & { id: string; version: number };

let sequence = 500;
function applicant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    name: '测试申请人',
    gender: 'FEMALE',
    birthDate: '1995-03-15',
    idNumber: identityNumber('19950315', sequence),
    organization: ORG(11),
    employedSince: '2020-01-01',
    stage: 'APPLICANT',
    appliedOn: '2024-01-01',
    ...overrides,
  };
}

/** A full member whose relation sits in a district talent centre's ledger. */
function fullInLedger(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return applicant({
    stage: 'FULL',
    appliedOn: '2015-01-01',
    activistOn: '2015-06-01',
    candidateOn: '2016-01-01',
    probationaryOn: '2016-06-01',
    fullOn: '2017-06-01',
    ledger: 'TALENT_CENTER',
    ledgerArea: gid('Area', 2),
    ledgerSince: '2020-01-01',
    ...overrides,
  });
}

async function add(input: Record<string, unknown>): Promise<Member> {
  const { body } = await app.gql<{ addPartyMember: { partyMember: Member } }>(ADD, { input });
  expect(body.errors).toBeUndefined();
  return body.data!.addPartyMember.partyMember;
}

async function auditRows(nodeId: number, operation: string) {
  return (await sql(db.url, "SELECT before, after FROM audit_log WHERE node_type = 'PartyMember' AND node_id = $1 AND operation = $2 ORDER BY id", [nodeId, operation])).rows as {
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  }[];
}

describe('addPartyMember', () => {
  it('adds a full member in a ledger; the response shows the administrator the stored personal data and the audit entry redacts it', async () => {
    const input = fullInLedger({ name: '欧阳测试', phone: '13912345678', address: '历下区测试路1号', idNumber: identityNumber('19950315', 42).toLowerCase() });
    const member = await add(input);
    const stored = identityNumber('19950315', 42);
    expect(member).toMatchObject({
      version: 1,
      name: '欧阳测试',
      phone: '13912345678',
      idNumber: stored,
      address: '历下区测试路1号',
      stage: 'FULL',
      fullOn: '2017-06-01',
      relationHolder: 'TALENT_CENTER',
      ledger: 'TALENT_CENTER',
      ledgerSince: '2020-01-01',
      ledgerArea: { code: '370102' },
      partyOrganization: null,
      organization: { id: ORG(11) },
      identityRevealed: false,
    });
    const { rows } = await sql(db.url, 'SELECT name, id_number, phone, address, gender FROM party_member WHERE id = $1', [rowId(member.id)]);
    expect(rows[0]).toEqual({ name: '欧阳测试', id_number: stored, phone: '13912345678', address: '历下区测试路1号', gender: 'F' });
    const [entry] = await auditRows(rowId(member.id), 'addPartyMember');
    expect(entry!.before).toBeNull();
    expect(entry!.after).toMatchObject({ name: '[redacted]', id_number: '[redacted]', phone: '[redacted]', address: '[redacted]', gender: '[redacted]', birth_date: '[redacted]', stage: 'FULL', version: 1 });
    expect(JSON.stringify(entry)).not.toContain(stored);
  });

  it('adds a full member whose relation is held by the Party organization covering the employer', async () => {
    const member = await add(fullInLedger({ organization: ORG(1), ledger: null, ledgerArea: null, ledgerSince: null, partyOrganization: PO(3), revealedOn: '2020-01-01' }));
    expect(member).toMatchObject({ relationHolder: 'PARTY_ORGANIZATION', partyOrganization: { id: PO(3) }, identityRevealed: true, revealedOn: '2020-01-01' });
  });

  it('stores SQL and formula text verbatim', async () => {
    for (const [i, address] of ["Robert'); DROP TABLE party_member;--", "=HYPERLINK(\"http://x\")", '@SUM(1+1)'].entries()) {
      const member = await add(applicant({ address, name: i === 0 ? "O'Brien; DELETE FROM audit_log" : '测试' }));
      const { rows } = await sql(db.url, 'SELECT name, address FROM party_member WHERE id = $1', [rowId(member.id)]);
      expect(rows[0].address).toBe(address);
      if (i === 0) expect(rows[0].name).toBe("O'Brien; DELETE FROM audit_log");
    }
  });
});

describe('advancePartyMemberStage', () => {
  it('moves an applicant to activist', async () => {
    const { body } = await app.gql<{ advancePartyMemberStage: { partyMember: Member } }>(ADVANCE, { id: PM(8), version: 1, stage: 'ACTIVIST', on: '2025-06-01' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.advancePartyMemberStage.partyMember).toMatchObject({ stage: 'ACTIVIST', activistOn: '2025-06-01', version: 2 });
    const [entry] = await auditRows(8, 'advancePartyMemberStage');
    expect(entry!.before).toMatchObject({ stage: 'APPLICANT', activist_on: null, version: 1, id_number: '[redacted]' });
    expect(entry!.after).toMatchObject({ stage: 'ACTIVIST', activist_on: '2025-06-01', version: 2 });
  });

  it('admits a candidate as probationary member into a Party organization, then makes the member full a year later', async () => {
    const admitted = await app.gql<{ advancePartyMemberStage: { partyMember: Member } }>(ADVANCE, {
      id: PM(9),
      version: 1,
      stage: 'PROBATIONARY',
      on: '2024-06-01',
      partyOrganization: PO(3),
    });
    expect(admitted.body.errors).toBeUndefined();
    expect(admitted.body.data!.advancePartyMemberStage.partyMember).toMatchObject({
      stage: 'PROBATIONARY',
      probationaryOn: '2024-06-01',
      relationHolder: 'PARTY_ORGANIZATION',
      partyOrganization: { id: PO(3) },
      version: 2,
    });
    const full = await app.gql<{ advancePartyMemberStage: { partyMember: Member } }>(ADVANCE, { id: PM(9), version: 2, stage: 'FULL', on: '2025-06-01' });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data!.advancePartyMemberStage.partyMember).toMatchObject({ stage: 'FULL', fullOn: '2025-06-01', version: 3 });
  });

  it('admits a probationary member into a community ledger', async () => {
    const member = await add(applicant({ stage: 'CANDIDATE', appliedOn: '2022-01-01', activistOn: '2022-06-01', candidateOn: '2023-01-01' }));
    const { body } = await app.gql<{ advancePartyMemberStage: { partyMember: Member } }>(ADVANCE, {
      id: member.id,
      version: 1,
      stage: 'PROBATIONARY',
      on: '2023-07-01',
      ledger: 'COMMUNITY',
      ledgerArea: gid('Area', 100),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.advancePartyMemberStage.partyMember).toMatchObject({ relationHolder: 'COMMUNITY', ledger: 'COMMUNITY', ledgerSince: '2023-07-01', ledgerArea: { code: '370102001001' } });
  });
});

describe('recordIdentityRevealed and transferPartyMember', () => {
  it('records the identity revealed', async () => {
    const { body } = await app.gql<{ recordIdentityRevealed: { partyMember: Member } }>(REVEAL, { id: PM(2), version: 1, on: '2024-01-01' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordIdentityRevealed.partyMember).toMatchObject({ identityRevealed: true, revealedOn: '2024-01-01', version: 2 });
  });

  it('transfers a member from a community ledger into the street committee covering the employer; the ledger is kept as history', async () => {
    const { rows } = await sql(db.url, 'SELECT count(*)::int AS n FROM party_member WHERE party_organization_id = 2');
    const { body } = await app.gql<{ transferPartyMember: { partyMember: Member & { partyOrganization: { id: string; members: { totalCount: number } } } } }>(TRANSFER, {
      id: PM(6),
      version: 1,
      partyOrganizationId: PO(2),
      transferredOn: '2024-01-01',
    });
    expect(body.errors).toBeUndefined();
    const member = body.data!.transferPartyMember.partyMember;
    expect(member).toMatchObject({ relationHolder: 'PARTY_ORGANIZATION', ledger: 'COMMUNITY', ledgerSince: '2020-02-02', transferredOn: '2024-01-01', version: 2 });
    // Read-own-writes: the Party organization's members include the member in the same response.
    expect(member.partyOrganization).toEqual({ id: PO(2), members: { totalCount: rows[0].n + 1 } });
    const [entry] = await auditRows(6, 'transferPartyMember');
    expect(entry!.after).toMatchObject({ relation_holder: 'PARTY_ORGANIZATION', party_organization_id: 2, transferred_on: '2024-01-01', name: '[redacted]' });
  });
});

describe('updatePartyMember', () => {
  it('changes contact data, shown to the administrator and redacted in the audit entry; a change to nothing writes nothing', async () => {
    const member = await add(applicant({ phone: '13800000000' }));
    const { body } = await app.gql<{ updatePartyMember: { partyMember: Member } }>(UPDATE, { id: member.id, version: 1, input: { phone: '0531-88888888', address: '新地址' } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updatePartyMember.partyMember).toMatchObject({ phone: '0531-88888888', address: '新地址', version: 2 });
    const [entry] = await auditRows(rowId(member.id), 'updatePartyMember');
    expect(entry!.before).toMatchObject({ phone: '[redacted]', address: null });
    expect(entry!.after).toMatchObject({ phone: '[redacted]', address: '[redacted]', version: 2 });
    const same = await app.gql<{ updatePartyMember: { partyMember: Member } }>(UPDATE, { id: member.id, version: 2, input: { phone: '0531-88888888' } });
    expect(same.body.data!.updatePartyMember.partyMember.version).toBe(2);
    expect(await auditRows(rowId(member.id), 'updatePartyMember')).toHaveLength(1);
  });

  it('never writes personal data into an error message', async () => {
    const { body } = await app.gql(ADD, { input: applicant({ idNumber: PERSONAL_DATA.idNumbers[0], birthDate: '1990-01-01', name: PERSONAL_DATA.names[0] }) });
    expect(JSON.stringify(body)).not.toContain(PERSONAL_DATA.idNumbers[0]);
    expect(JSON.stringify(body)).not.toContain(PERSONAL_DATA.names[0]);
  });
});

/*
 * The bad-input corpus. Members changed by the happy paths above (2, 6, 8, 9) are left out;
 * every case names a fixture member at version 1.
 */

const ADD_CASES: (ExpectedRefusal & { title: string; input: Record<string, unknown> })[] = [
  { title: 'an identity number of 17 characters', input: applicant({ idNumber: '37010219950315001' }), code: 'BAD_USER_INPUT', field: ['input', 'idNumber'], reason: 'ID_NUMBER_FORMAT', message: /18 characters/ },
  { title: 'an identity number with a wrong check character', input: applicant({ idNumber: `${identityNumber('19950315', 7).slice(0, 17)}${identityNumber('19950315', 7).endsWith('0') ? '1' : '0'}` }), code: 'BAD_USER_INPUT', field: ['input', 'idNumber'], reason: 'CHECK_DIGIT', message: /check character, is wrong/ },
  { title: 'an identity number with 30 February', input: applicant({ idNumber: '370102199502300011' }), code: 'BAD_USER_INPUT', field: ['input', 'idNumber'], reason: 'ID_NUMBER_BIRTH_DATE', message: /not a valid date of birth/ },
  { title: 'an identity number with SQL', input: applicant({ idNumber: "1' OR '1'='1" }), code: 'BAD_USER_INPUT', field: ['input', 'idNumber'], reason: 'ID_NUMBER_FORMAT', message: /17 digits, then a digit or X/ },
  { title: 'a birth date not matching the identity number', input: applicant({ birthDate: '1995-03-16' }), code: 'BAD_USER_INPUT', field: ['input', 'birthDate'], reason: 'BIRTH_DATE_MISMATCH', message: /does not match characters 7 to 14/ },
  { title: 'an identity number already recorded', input: applicant({ idNumber: identityNumber('19850101', 101), birthDate: '1985-01-01' }), code: 'CONFLICT', field: ['input', 'idNumber'], reason: 'DUPLICATE', message: new RegExp(`A member with this identity number is already recorded \\(${PM(101)}\\)`) },
  { title: 'a 10,000-character name', input: applicant({ name: '张'.repeat(10_000) }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'TOO_LONG', message: /at most 100 characters; this one has 10000/ },
  { title: 'a blank name', input: applicant({ name: ' ' }), code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'EMPTY', message: /cannot be empty/ },
  { title: 'a phone with letters', input: applicant({ phone: '138-CALL-ME' }), code: 'BAD_USER_INPUT', field: ['input', 'phone'], reason: 'PHONE', message: /5 to 20 digits/ },
  { title: 'an applicant under 18', input: applicant({ birthDate: '2010-03-15', idNumber: identityNumber('20100315', 1), appliedOn: '2025-01-01', employedSince: '2025-01-01' }), code: 'BAD_USER_INPUT', field: ['input', 'appliedOn'], reason: 'TOO_YOUNG', message: /at least 18 years old/ },
  { title: 'an application date in the future', input: applicant({ appliedOn: TOMORROW }), code: 'BAD_USER_INPUT', field: ['input', 'appliedOn'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'stage dates out of order', input: applicant({ stage: 'ACTIVIST', appliedOn: '2024-01-01', activistOn: '2023-12-31' }), code: 'BAD_USER_INPUT', field: ['input', 'activistOn'], reason: 'DATES_OUT_OF_ORDER', message: /\(2023-12-31\) is before the application date \(2024-01-01\)/ },
  { title: 'a full member without the date of full membership', input: fullInLedger({ fullOn: null }), code: 'BAD_USER_INPUT', field: ['input', 'fullOn'], reason: 'STAGE_DATE_REQUIRED', message: /date of full membership is required/ },
  { title: 'a full member with no relation holder', input: fullInLedger({ ledger: null, ledgerArea: null, ledgerSince: null }), code: 'BAD_USER_INPUT', field: ['input', 'relationHolder'], reason: 'RELATION_REQUIRED', message: /say who holds it/ },
  { title: 'a talent-centre ledger in a street', input: fullInLedger({ ledgerArea: gid('Area', 10) }), code: 'BAD_USER_INPUT', field: ['input', 'ledgerArea'], reason: 'WRONG_LEVEL', message: /"解放路街道" is not a district or county/ },
  { title: 'a relation held by a dissolved Party organization', input: fullInLedger({ organization: ORG(4), ledger: null, ledgerArea: null, ledgerSince: null, partyOrganization: PO(6) }), code: 'BAD_USER_INPUT', field: ['input', 'partyOrganization'], reason: 'DISSOLVED', message: /was dissolved on 2024-06-30/ },
  { title: 'a relation held by a Party organization not covering the employer', input: fullInLedger({ ledger: null, ledgerArea: null, ledgerSince: null, partyOrganization: PO(8) }), code: 'BAD_USER_INPUT', field: ['input', 'partyOrganization'], reason: 'NOT_COVERING', message: /does not cover the member's organization/ },
  { title: 'an unknown employer', input: applicant({ organization: ORG(9999) }), code: 'BAD_USER_INPUT', field: ['input', 'organization'], reason: 'UNKNOWN_REFERENCE', message: /no organization with the id/ },
  { title: 'a Party organization’s id as employer', input: applicant({ organization: PO(3) }), code: 'BAD_USER_INPUT', field: ['input', 'organization'], reason: 'WRONG_TYPE', message: /id of a PartyOrganization, not of a organization/ },
  { title: 'a deregistered employer', input: applicant({ organization: ORG(14) }), code: 'BAD_USER_INPUT', field: ['input', 'organization'], reason: 'DEREGISTERED', message: /deregistered on 2020-01-01/ },
  { title: 'an applicant revealing a Party identity', input: applicant({ revealedOn: '2024-02-01' }), code: 'BAD_USER_INPUT', field: ['input', 'revealedOn'], reason: 'NOT_A_MEMBER', message: /Only probationary and full members/ },
];

const ADVANCE_CASES: (ExpectedRefusal & { title: string; id: number; version?: number; stage: string; on: string; partyOrganization?: string; ledger?: string })[] = [
  { title: 'a member stage skipped', id: 7, stage: 'PROBATIONARY', on: '2025-01-01', code: 'BAD_USER_INPUT', field: ['stage'], reason: 'STAGE_SKIPPED', message: /from ACTIVIST the next stage is CANDIDATE, not PROBATIONARY/, zh: /须逐级推进/ },
  { title: 'a stage going back', id: 7, stage: 'APPLICANT', on: '2025-01-01', code: 'BAD_USER_INPUT', field: ['stage'], reason: 'NOT_FORWARD', message: /only move forward/ },
  { title: 'the same stage again', id: 7, stage: 'ACTIVIST', on: '2025-01-01', code: 'BAD_USER_INPUT', field: ['stage'], reason: 'NOT_FORWARD', message: /at ACTIVIST already/ },
  { title: 'a stage date before the previous stage', id: 7, stage: 'CANDIDATE', on: '2024-05-31', code: 'BAD_USER_INPUT', field: ['on'], reason: 'DATES_OUT_OF_ORDER', message: /\(2024-05-31\) is before the date of the previous stage, ACTIVIST \(2024-06-01\)/ },
  { title: 'a stage date in the future', id: 7, stage: 'CANDIDATE', on: TOMORROW, code: 'BAD_USER_INPUT', field: ['on'], reason: 'FUTURE_DATE', message: /cannot be in the future/ },
  { title: 'a full member advanced', id: 1, stage: 'FULL', on: '2025-01-01', code: 'BAD_USER_INPUT', field: ['stage'], reason: 'ALREADY_FULL', message: /full member already/ },
  { title: 'full membership before a year of probation', id: 3, stage: 'FULL', on: '2026-05-31', code: 'BAD_USER_INPUT', field: ['on'], reason: 'PROBATION_NOT_OVER', message: /on 2026-06-01 at the earliest/ },
  { title: 'admission without a relation holder', id: 120, stage: 'PROBATIONARY', on: '2025-01-01', code: 'BAD_USER_INPUT', field: ['partyOrganization'], reason: 'REQUIRED', message: /names who holds the relation/ },
  { title: 'admission into a Party organization and a ledger at once', id: 120, stage: 'PROBATIONARY', on: '2025-01-01', partyOrganization: PO(3), ledger: 'PERSONNEL_AGENCY', code: 'BAD_USER_INPUT', field: ['ledger'], reason: 'EITHER_OR', message: /held in one place/ },
  { title: 'admission into a Party organization not covering the employer', id: 120, stage: 'PROBATIONARY', on: '2025-01-01', partyOrganization: PO(8), code: 'BAD_USER_INPUT', field: ['partyOrganization'], reason: 'NOT_COVERING', message: /does not cover the member's organization on 2025-01-01/ },
  { title: 'admission into a talent centre without its district', id: 120, stage: 'PROBATIONARY', on: '2025-01-01', ledger: 'TALENT_CENTER', code: 'BAD_USER_INPUT', field: ['ledgerArea'], reason: 'REQUIRED', message: /needs its area/ },
  { title: 'a relation holder given outside admission', id: 7, stage: 'CANDIDATE', on: '2025-01-01', partyOrganization: PO(4), code: 'BAD_USER_INPUT', field: ['partyOrganization'], reason: 'NOT_APPLICABLE', message: /only on admission/ },
  { title: 'a stale version', id: 7, version: 5, stage: 'CANDIDATE', on: '2025-01-01', code: 'CONFLICT', reason: 'STALE_VERSION', message: /version 5, it is now at version 1/ },
  { title: 'an unknown member', id: 424_242, stage: 'CANDIDATE', on: '2025-01-01', code: 'NOT_FOUND', message: /No PartyMember has this id/ },
];

const REVEAL_CASES: (ExpectedRefusal & { title: string; id: number; version?: number; on: string })[] = [
  { title: 'already revealed', id: 1, on: '2024-01-01', code: 'CONFLICT', reason: 'ALREADY_REVEALED', message: /revealed on 2020-04-01 already/ },
  { title: 'not a Party member', id: 7, on: '2024-07-01', code: 'CONFLICT', reason: 'NOT_A_MEMBER', message: /this person is at stage ACTIVIST/ },
  { title: 'revealed before admission', id: 5, on: '2012-05-31', code: 'BAD_USER_INPUT', field: ['on'], reason: 'DATES_OUT_OF_ORDER', message: /before the date admitted as probationary member \(2012-06-01\)/ },
  { title: 'revealed tomorrow', id: 5, on: TOMORROW, code: 'BAD_USER_INPUT', field: ['on'], reason: 'FUTURE_DATE', message: /future/ },
];

const TRANSFER_CASES: (ExpectedRefusal & { title: string; id: string; version?: number; partyOrganizationId: string; transferredOn: string })[] = [
  // Member 2 is at version 2 after the happy path that records the identity revealed.
  { title: 'a transfer of a member not in a ledger', id: PM(2), version: 2, partyOrganizationId: PO(3), transferredOn: '2024-01-01', code: 'CONFLICT', reason: 'NOT_IN_LEDGER', message: /not in one of the three ledgers/ },
  { title: 'a member transferred already', id: PM(10), partyOrganizationId: PO(2), transferredOn: '2024-01-01', code: 'CONFLICT', reason: 'ALREADY_TRANSFERRED', message: /transferred from the ledger on 2016-01-01 already/ },
  { title: 'an activist (no relation at all)', id: PM(7), partyOrganizationId: PO(4), transferredOn: '2024-01-01', code: 'CONFLICT', reason: 'NOT_IN_LEDGER', message: /not in one of the three ledgers/, zh: /不在三个台账/ },
  { title: 'transfer into a dissolved Party organization', id: PM(4), partyOrganizationId: PO(6), transferredOn: '2025-01-01', code: 'BAD_USER_INPUT', field: ['partyOrganizationId'], reason: 'DISSOLVED', message: /dissolved on 2024-06-30; it no longer stood on 2025-01-01/ },
  { title: 'transfer into a Party organization not covering the employer', id: PM(5), partyOrganizationId: PO(3), transferredOn: '2024-01-01', code: 'BAD_USER_INPUT', field: ['partyOrganizationId'], reason: 'NOT_COVERING', message: /does not cover the member's organization on 2024-01-01/ },
  { title: 'transfer dated before the ledger', id: PM(4), partyOrganizationId: PO(6), transferredOn: '2020-12-31', code: 'BAD_USER_INPUT', field: ['transferredOn'], reason: 'DATES_OUT_OF_ORDER', message: /\(2020-12-31\) is before the date entered in the ledger \(2021-01-01\)/ },
  { title: 'transfer dated tomorrow', id: PM(4), partyOrganizationId: PO(6), transferredOn: TOMORROW, code: 'BAD_USER_INPUT', field: ['transferredOn'], reason: 'FUTURE_DATE', message: /future/ },
  { title: 'an organization’s id as the Party organization', id: PM(4), partyOrganizationId: ORG(4), transferredOn: '2023-01-01', code: 'BAD_USER_INPUT', field: ['partyOrganizationId'], reason: 'WRONG_TYPE', message: /id of a Organization, not of a Party organization/ },
  { title: 'an unknown Party organization', id: PM(4), partyOrganizationId: PO(77), transferredOn: '2023-01-01', code: 'BAD_USER_INPUT', field: ['partyOrganizationId'], reason: 'UNKNOWN_REFERENCE', message: /no Party organization with the id/ },
  { title: 'a Party organization’s id as the member', id: PO(3), partyOrganizationId: PO(3), transferredOn: '2023-01-01', code: 'BAD_USER_INPUT', field: ['id'], reason: 'WRONG_TYPE', message: /id is the id of a PartyOrganization, not of a Party member/ },
  { title: 'a stale version', id: PM(4), version: 2, partyOrganizationId: PO(6), transferredOn: '2023-01-01', code: 'CONFLICT', reason: 'STALE_VERSION', message: /version 2, it is now at version 1/ },
];

const UPDATE_CASES: (ExpectedRefusal & { title: string; id: number; version?: number; input: Record<string, unknown> })[] = [
  { title: 'name cleared', id: 4, input: { name: null }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'REQUIRED', message: /cannot be cleared/ },
  { title: 'a 101-character name', id: 4, input: { name: '王'.repeat(101) }, code: 'BAD_USER_INPUT', field: ['input', 'name'], reason: 'TOO_LONG', message: /at most 100/ },
  { title: 'a phone with a line break', id: 4, input: { phone: '138\n0000' }, code: 'BAD_USER_INPUT', field: ['input', 'phone'], reason: 'PHONE', message: /5 to 20 digits/ },
  { title: 'an address with a NUL byte', id: 4, input: { address: '地址\u0000' }, code: 'BAD_USER_INPUT', field: ['input', 'address'], reason: 'CONTROL_CHARACTER', message: /U\+0000/ },
  { title: 'a stale version', id: 4, version: 9, input: { phone: '13800000000' }, code: 'CONFLICT', reason: 'STALE_VERSION', message: /version 9, it is now at version 1/ },
];

describe('the bad-input corpus: refused with code, path and message, and nothing changed', () => {
  it('has at least 45 cases across the Party member mutations', () => {
    expect(ADD_CASES.length + ADVANCE_CASES.length + REVEAL_CASES.length + TRANSFER_CASES.length + UPDATE_CASES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(ADD_CASES)('addPartyMember: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: ADD, variables: { input: c.input } });
  });

  it.each(ADVANCE_CASES)('advancePartyMemberStage: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: ADVANCE, variables: { id: PM(c.id), version: c.version ?? 1, stage: c.stage, on: c.on, partyOrganization: c.partyOrganization, ledger: c.ledger } });
  });

  it.each(REVEAL_CASES)('recordIdentityRevealed: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: REVEAL, variables: { id: PM(c.id), version: c.version ?? 1, on: c.on } });
  });

  it.each(TRANSFER_CASES)('transferPartyMember: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: TRANSFER, variables: { id: c.id, version: c.version ?? 1, partyOrganizationId: c.partyOrganizationId, transferredOn: c.transferredOn } });
  });

  it.each(UPDATE_CASES)('updatePartyMember: $title', async (c) => {
    await assertRefusal(app, db.url, { ...c, query: UPDATE, variables: { id: PM(c.id), version: c.version ?? 1, input: c.input } });
  });
});
