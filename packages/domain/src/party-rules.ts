/**
 * Rules from the Party Constitution (art. 30) and the regulations on branch work, plus the
 * seed's Jinan funding figures. They decide what the work groups are told ("this unit can
 * set up a branch on its own", "this one must join with neighbours") and what the fund
 * ledger owes, so they are encoded once here.
 *
 * Counts are numbers of people: they must be non-negative integers, and anything else throws
 * a RangeError, because a fractional or negative head count is a bug upstream and silently
 * answering false would hide it.
 */

import {
  LEDGER_HOLDERS,
  MEMBER_STAGE_ORDER,
  MemberStage,
  PartyOrganizationKind,
  type RelationHolder,
} from './enums.js';
import type { LocalizedMessage } from './types.js';

/** Full (正式) members needed to set up a basic-level Party organization (Constitution art. 30). */
export const FULL_MEMBERS_FOR_ORGANIZATION = 3;

/** Full members from which a branch elects a branch committee (支部委员会) instead of a lone secretary. */
export const FULL_MEMBERS_FOR_BRANCH_COMMITTEE = 7;

/** A branch has at most this many members; beyond it a general branch is set up. */
export const MAX_BRANCH_MEMBERS = 50;

/** Members from which a basic-level committee (党委) is usually set up. */
export const MIN_COMMITTEE_MEMBERS = 100;

/** 启动经费: 2,000 CNY per newly established Party organization, in fen. */
export const STARTUP_FUND_FEN = 200_000;

/** 工作经费: 300 CNY per transferred member per year, in fen. */
export const WORKING_FUND_PER_MEMBER_FEN = 30_000;

/** The seed's city budget for the year: 10,000,000 CNY, in fen. */
export const CITY_BUDGET_FEN = 1_000_000_000;

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * Whether a unit can set up its own Party organization (单独组建). Below 3 full members it
 * must form a JOINT one with neighbouring units in the same building, park, business
 * district or street. Probationary members do not count.
 */
export function canFormStandalone(fullMembers: number): boolean {
  assertCount(fullMembers, 'fullMembers');
  return fullMembers >= FULL_MEMBERS_FOR_ORGANIZATION;
}

/**
 * The usual kind for a Party organization of `memberCount` members (probationary and full):
 * BRANCH for 3–50, GENERAL_BRANCH for 51–99, COMMITTEE from 100; null below 3, where no
 * organization can be set up at all. Callers decide standalone vs joint with
 * `canFormStandalone` on full members first.
 */
export function recommendedKind(memberCount: number): PartyOrganizationKind | null {
  assertCount(memberCount, 'memberCount');
  if (memberCount < FULL_MEMBERS_FOR_ORGANIZATION) return null;
  if (memberCount <= MAX_BRANCH_MEMBERS) return PartyOrganizationKind.BRANCH;
  if (memberCount < MIN_COMMITTEE_MEMBERS) return PartyOrganizationKind.GENERAL_BRANCH;
  return PartyOrganizationKind.COMMITTEE;
}

/**
 * Every kind acceptable for the size, broadest first: BRANCH for 3–50; GENERAL_BRANCH from
 * 51; COMMITTEE from 100 (so 100+ may be a committee or a general branch, since "usually
 * from 100" permits but does not require a committee). Below 3: none.
 *
 * Not modelled: a committee under 100 members set up with the superior's approval "for
 * work needs". A caller that records such an approval should skip `checkKindForSize`.
 */
export function allowedKinds(memberCount: number): readonly PartyOrganizationKind[] {
  assertCount(memberCount, 'memberCount');
  const kinds: PartyOrganizationKind[] = [];
  if (memberCount >= MIN_COMMITTEE_MEMBERS) kinds.push(PartyOrganizationKind.COMMITTEE);
  if (memberCount > MAX_BRANCH_MEMBERS) kinds.push(PartyOrganizationKind.GENERAL_BRANCH);
  if (memberCount >= FULL_MEMBERS_FOR_ORGANIZATION && memberCount <= MAX_BRANCH_MEMBERS) {
    kinds.push(PartyOrganizationKind.BRANCH);
  }
  return kinds;
}

const KIND_ZH: Readonly<Record<PartyOrganizationKind, string>> = {
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
};

const KIND_EN: Readonly<Record<PartyOrganizationKind, string>> = {
  COMMITTEE: 'a committee',
  GENERAL_BRANCH: 'a general branch',
  BRANCH: 'a branch',
};

export type KindCheck = { readonly ok: true } | { readonly ok: false; readonly message: LocalizedMessage };

/** Whether `kind` suits an organization of `memberCount` members, with a message for the clerk if not. */
export function checkKindForSize(kind: PartyOrganizationKind, memberCount: number): KindCheck {
  assertCount(memberCount, 'memberCount');
  if (!(kind in KIND_ZH)) throw new RangeError(`unknown Party organization kind ${JSON.stringify(kind)}`);
  if (allowedKinds(memberCount).includes(kind)) return { ok: true };
  if (memberCount < FULL_MEMBERS_FOR_ORGANIZATION) {
    return {
      ok: false,
      message: {
        zh: `党员只有${memberCount}名，不足3名，不能成立${KIND_ZH[kind]}；应与同一楼宇、园区、商圈或街道的单位联合组建党组织`,
        en: `With ${memberCount} members (fewer than 3) no Party organization can be set up; join with neighbouring units in the same building, park, business district or street.`,
      },
    };
  }
  const recommended = recommendedKind(memberCount) as PartyOrganizationKind;
  const rule: Record<PartyOrganizationKind, LocalizedMessage> = {
    BRANCH: { zh: '党支部党员一般不超过50名', en: 'a branch has at most 50 members' },
    GENERAL_BRANCH: { zh: '党总支一般在党员超过50名时成立', en: 'a general branch is set up for more than 50 members' },
    COMMITTEE: { zh: '党委一般在党员100名以上时成立', en: 'a committee is usually set up from 100 members' },
  };
  return {
    ok: false,
    message: {
      zh: `党员${memberCount}名，不宜成立${KIND_ZH[kind]}（${rule[kind].zh}），应成立${KIND_ZH[recommended]}`,
      en: `With ${memberCount} members, ${KIND_EN[kind]} is not suitable (${rule[kind].en}); set up ${KIND_EN[recommended]}.`,
    },
  };
}

/** A branch with 7 or more full members elects a branch committee; a smaller one elects a secretary. */
export function electsBranchCommittee(fullMembers: number): boolean {
  assertCount(fullMembers, 'fullMembers');
  return fullMembers >= FULL_MEMBERS_FOR_BRANCH_COMMITTEE;
}

/**
 * What a district is entitled to for a year: 300 CNY per transferred member plus 2,000 CNY
 * per newly established Party organization, in fen.
 */
export function entitledFundsFen(transferredMembers: number, newPartyOrganizations: number): number {
  assertCount(transferredMembers, 'transferredMembers');
  assertCount(newPartyOrganizations, 'newPartyOrganizations');
  return transferredMembers * WORKING_FUND_PER_MEMBER_FEN + newPartyOrganizations * STARTUP_FUND_FEN;
}

function stageIndex(stage: MemberStage): number {
  const i = MEMBER_STAGE_ORDER.indexOf(stage);
  if (i < 0) throw new RangeError(`unknown member stage ${JSON.stringify(stage)}`);
  return i;
}

/** The stage after `stage`, or null for FULL. */
export function nextStage(stage: MemberStage): MemberStage | null {
  return MEMBER_STAGE_ORDER[stageIndex(stage) + 1] ?? null;
}

/**
 * Whether moving from `from` to `to` goes strictly forward. Skipping stages counts as
 * forward (an import may only see the later stage); staying put or going back does not.
 */
export function isStageForward(from: MemberStage, to: MemberStage): boolean {
  return stageIndex(to) > stageIndex(from);
}

/** Probationary and full members are Party members; earlier stages are not yet. */
export function isPartyMember(stage: MemberStage): boolean {
  stageIndex(stage);
  return stage === MemberStage.PROBATIONARY || stage === MemberStage.FULL;
}

/** Whether the relation sits in one of the three ledgers (三个台账), i.e. is not yet transferred. */
export function isLedger(holder: RelationHolder): boolean {
  return LEDGER_HOLDERS.includes(holder);
}
