import { describe, expect, it } from 'vitest';
import { checkIdentityNumber, identityNumberCheckChar, validateInstructorFields, validatePartyMemberFields, validateVisitFields } from './validation-rows.js';

const today = '2026-01-01';
const full = {
  idNumber: '11010519491231002X',
  name: '张三',
  gender: 'M',
  birthDate: '1949-12-31',
  employedSince: '2018-01-01',
  stage: 'FULL',
  appliedOn: '2012-03-01',
  activistOn: '2012-09-01',
  candidateOn: '2013-09-01',
  probationaryOn: '2014-07-01',
  fullOn: '2015-07-01',
  relationHolder: 'PERSONNEL_AGENCY',
  ledger: 'PERSONNEL_AGENCY',
  ledgerSince: '2016-01-01',
};

describe('validation-rows', () => {
  it('computes the GB 11643 check character', () => {
    expect(identityNumberCheckChar('11010519491231002')).toBe('X');
    expect(checkIdentityNumber(['id'], '110105194912310021')).toMatchObject([{ reason: 'CHECK_DIGIT', path: ['id'] }]);
    expect(checkIdentityNumber(['id'], '11010519491231002X')).toEqual([]);
  });

  it('accepts a full member held in a ledger and refuses what the database would', () => {
    expect(validatePartyMemberFields(full, today)).toEqual([]);
    expect(validatePartyMemberFields({ ...full, fullOn: null }, today).map((i) => i.reason)).toContain('STAGE_DATE_REQUIRED');
    expect(validatePartyMemberFields({ ...full, ledger: null }, today).map((i) => i.reason)).toContain('LEDGER_MISMATCH');
    expect(validatePartyMemberFields({ ...full, transferredOn: '2020-01-01' }, today).map((i) => i.reason)).toContain('TRANSFER_WITHOUT_LEDGER');
    expect(validatePartyMemberFields({ ...full, birthDate: '1950-01-01' }, today).map((i) => i.reason)).toContain('BIRTH_DATE_MISMATCH');
  });

  it('orders instructor dates and checks visits', () => {
    expect(validateInstructorFields({ name: '李四', phone: '13900000000', joinedPoolOn: '2021-01-01', leftPoolOn: '2020-01-01' }, today)).toMatchObject([
      { reason: 'DATES_OUT_OF_ORDER', path: ['leftPoolOn'] },
    ]);
    expect(validateVisitFields({ visitedOn: '2026-01-02', visitor: '王五', problems: '一\n二' }, today)).toMatchObject([{ reason: 'FUTURE_DATE' }]);
  });
});
