import { describe, it, expect } from 'vitest';
import * as enums from './enums.js';
import {
  ActivityKind,
  AreaLevel,
  BusinessDistrictKind,
  CommitteeLevel,
  FundEntryKind,
  FundKind,
  Intention,
  LEDGER_HOLDERS,
  LiaisonKind,
  MEMBER_STAGE_ORDER,
  MemberStage,
  MemberUnitDomain,
  OrganizationCategory,
  OrganizationStatus,
  ParkLevel,
  PartyOrganizationAnchor,
  PartyOrganizationFormation,
  PartyOrganizationKind,
  RegistrationAuthority,
  RegistrationSource,
  RelationHolder,
} from './enums.js';

/*
 * The exact value lists. The database's CHECK constraints and the GraphQL enums repeat
 * them; changing one here fails this test on purpose, as a reminder to change them too.
 */
const EXPECTED: Record<string, readonly string[]> = {
  AreaLevel: ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'],
  ParkLevel: ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'],
  BusinessDistrictKind: ['BUSINESS_DISTRICT', 'MARKET'],
  OrganizationCategory: ['NON_PUBLIC_ECONOMIC', 'SOCIAL'],
  OrganizationStatus: ['ACTIVE', 'DEREGISTERED'],
  PartyOrganizationKind: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'],
  PartyOrganizationFormation: ['STANDALONE', 'JOINT'],
  PartyOrganizationAnchor: ['ORGANIZATION', 'PARK', 'BUILDING', 'BUSINESS_DISTRICT', 'STREET', 'INDUSTRY', 'AREA'],
  MemberStage: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'],
  RelationHolder: ['PARTY_ORGANIZATION', 'PERSONNEL_AGENCY', 'TALENT_CENTER', 'COMMUNITY', 'NONE'],
  LiaisonKind: ['DIRECT', 'MEMBER_UNIT', 'WORK_GROUP', 'INSTRUCTOR'],
  ActivityKind: ['RED_COLLAR_SALON', 'TRAINING', 'LECTURE', 'REGULAR_MEETING', 'THEMED_PARTY_DAY', 'VOLUNTEER_SERVICE'],
  CommitteeLevel: ['CITY', 'DISTRICT'],
  MemberUnitDomain: [
    'PROPAGANDA',
    'UNITED_FRONT',
    'EDUCATION',
    'JUSTICE',
    'CIVIL_AFFAIRS',
    'INDUSTRY_AND_COMMERCE',
    'MARKET_REGULATION',
    'HUMAN_RESOURCES',
    'HEALTH',
    'OTHER',
  ],
  FundKind: ['WORKING', 'STARTUP'],
  FundEntryKind: ['ENTITLED', 'ALLOCATED', 'DISBURSED'],
  Intention: ['WILLING', 'UNDECIDED', 'UNWILLING'],
  RegistrationAuthority: ['INSTITUTIONAL', 'CIVIL_AFFAIRS', 'MARKET_REGULATION', 'OTHER'],
  RegistrationSource: ['REGISTRATION', 'ANNUAL_REVIEW', 'EVALUATION', 'IMPORT', 'MANUAL', 'GENERATED'],
};

const ENUMS: Record<string, Record<string, string>> = {
  AreaLevel,
  ParkLevel,
  BusinessDistrictKind,
  OrganizationCategory,
  OrganizationStatus,
  PartyOrganizationKind,
  PartyOrganizationFormation,
  PartyOrganizationAnchor,
  MemberStage,
  RelationHolder,
  LiaisonKind,
  ActivityKind,
  CommitteeLevel,
  MemberUnitDomain,
  FundKind,
  FundEntryKind,
  Intention,
  RegistrationAuthority,
  RegistrationSource,
};

describe('enums', () => {
  it('covers every enum object the module exports', () => {
    const objects = Object.entries(enums)
      .filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v))
      .map(([k]) => k)
      .sort();
    expect(objects).toEqual(Object.keys(ENUMS).sort());
  });

  it.each(Object.entries(ENUMS))('%s: every value equals its key', (_name, e) => {
    for (const [key, value] of Object.entries(e)) expect(value).toBe(key);
  });

  it.each(Object.entries(ENUMS))('%s: has exactly the expected values', (name, e) => {
    expect(Object.values(e)).toEqual(EXPECTED[name]);
  });

  it('orders every member stage once', () => {
    expect([...MEMBER_STAGE_ORDER]).toEqual(Object.values(MemberStage));
  });

  it('takes the ledgers from RelationHolder', () => {
    const holders: readonly string[] = Object.values(RelationHolder);
    for (const h of LEDGER_HOLDERS) expect(holders).toContain(h);
    expect(LEDGER_HOLDERS).not.toContain(RelationHolder.PARTY_ORGANIZATION);
    expect(LEDGER_HOLDERS).not.toContain(RelationHolder.NONE);
  });
});
