import { describe, it, expect } from 'vitest';
import {
  CITY_BUDGET_FEN,
  FULL_MEMBERS_FOR_ORGANIZATION,
  STARTUP_FUND_FEN,
  WORKING_FUND_PER_MEMBER_FEN,
  allowedKinds,
  canFormStandalone,
  checkKindForSize,
  electsBranchCommittee,
  entitledFundsFen,
  isLedger,
  isPartyMember,
  isStageForward,
  nextStage,
  recommendedKind,
} from './party-rules.js';
import { MemberStage, PartyOrganizationKind, RelationHolder } from './enums.js';

const { BRANCH, GENERAL_BRANCH, COMMITTEE } = PartyOrganizationKind;

describe('forming a Party organization', () => {
  it('needs 3 full members to stand alone', () => {
    expect(FULL_MEMBERS_FOR_ORGANIZATION).toBe(3);
    expect(canFormStandalone(0)).toBe(false);
    expect(canFormStandalone(2)).toBe(false);
    expect(canFormStandalone(3)).toBe(true);
    expect(() => canFormStandalone(-1)).toThrow(RangeError);
    expect(() => canFormStandalone(2.5)).toThrow(RangeError);
  });

  it('recommends a kind by size, with the edges at 3, 50/51 and 99/100', () => {
    expect(recommendedKind(2)).toBeNull();
    expect(recommendedKind(3)).toBe(BRANCH);
    expect(recommendedKind(50)).toBe(BRANCH);
    expect(recommendedKind(51)).toBe(GENERAL_BRANCH);
    expect(recommendedKind(99)).toBe(GENERAL_BRANCH);
    expect(recommendedKind(100)).toBe(COMMITTEE);
  });

  it('allows the kinds the size permits', () => {
    expect(allowedKinds(2)).toEqual([]);
    expect(allowedKinds(3)).toEqual([BRANCH]);
    expect(allowedKinds(50)).toEqual([BRANCH]);
    expect(allowedKinds(51)).toEqual([GENERAL_BRANCH]);
    expect(allowedKinds(99)).toEqual([GENERAL_BRANCH]);
    expect(allowedKinds(100)).toEqual([COMMITTEE, GENERAL_BRANCH]);
    for (let n = 3; n <= 200; n++) expect(allowedKinds(n)).toContain(recommendedKind(n));
  });

  it('checks a kind against the size with a message that names the right kind', () => {
    expect(checkKindForSize(BRANCH, 12)).toEqual({ ok: true });
    expect(checkKindForSize(GENERAL_BRANCH, 120)).toEqual({ ok: true });

    const tooBig = checkKindForSize(BRANCH, 60);
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) {
      expect(tooBig.message.zh).toContain('应成立党总支');
      expect(tooBig.message.en).toContain('set up a general branch');
    }

    const smallCommittee = checkKindForSize(COMMITTEE, 80);
    expect(!smallCommittee.ok && smallCommittee.message.zh).toContain('100');

    const tooSmall = checkKindForSize(BRANCH, 2);
    expect(!tooSmall.ok && tooSmall.message.zh).toContain('联合组建');
  });

  it('elects a branch committee from 7 full members', () => {
    expect(electsBranchCommittee(6)).toBe(false);
    expect(electsBranchCommittee(7)).toBe(true);
  });
});

describe('funds', () => {
  it('holds the seed figures in fen', () => {
    expect(STARTUP_FUND_FEN).toBe(2_000 * 100);
    expect(WORKING_FUND_PER_MEMBER_FEN).toBe(300 * 100);
    expect(CITY_BUDGET_FEN).toBe(10_000_000 * 100);
  });

  it('computes entitlement', () => {
    // 300 new organizations (the seed's figure) and 10 transferred members.
    expect(entitledFundsFen(10, 300)).toBe(10 * 30_000 + 300 * 200_000);
    expect(entitledFundsFen(0, 0)).toBe(0);
    expect(() => entitledFundsFen(-1, 0)).toThrow(RangeError);
  });
});

describe('member stages', () => {
  it('steps forward one stage at a time', () => {
    expect(nextStage(MemberStage.APPLICANT)).toBe(MemberStage.ACTIVIST);
    expect(nextStage(MemberStage.CANDIDATE)).toBe(MemberStage.PROBATIONARY);
    expect(nextStage(MemberStage.PROBATIONARY)).toBe(MemberStage.FULL);
    expect(nextStage(MemberStage.FULL)).toBeNull();
  });

  it('only moves forward', () => {
    expect(isStageForward(MemberStage.APPLICANT, MemberStage.ACTIVIST)).toBe(true);
    expect(isStageForward(MemberStage.APPLICANT, MemberStage.CANDIDATE)).toBe(true);
    expect(isStageForward(MemberStage.FULL, MemberStage.FULL)).toBe(false);
    expect(isStageForward(MemberStage.FULL, MemberStage.PROBATIONARY)).toBe(false);
    expect(() => isStageForward('MEMBER' as MemberStage, MemberStage.FULL)).toThrow(RangeError);
  });

  it('counts probationary and full members as Party members', () => {
    expect(isPartyMember(MemberStage.APPLICANT)).toBe(false);
    expect(isPartyMember(MemberStage.ACTIVIST)).toBe(false);
    expect(isPartyMember(MemberStage.CANDIDATE)).toBe(false);
    expect(isPartyMember(MemberStage.PROBATIONARY)).toBe(true);
    expect(isPartyMember(MemberStage.FULL)).toBe(true);
  });

  it('recognises the three ledgers', () => {
    expect(isLedger(RelationHolder.PERSONNEL_AGENCY)).toBe(true);
    expect(isLedger(RelationHolder.TALENT_CENTER)).toBe(true);
    expect(isLedger(RelationHolder.COMMUNITY)).toBe(true);
    expect(isLedger(RelationHolder.PARTY_ORGANIZATION)).toBe(false);
    expect(isLedger(RelationHolder.NONE)).toBe(false);
  });
});
