/**
 * Public surface of @liangxin/domain. Named re-exports only, so that what other packages can
 * depend on is visible in one file and nothing internal leaks by accident. An enum-like name
 * (e.g. AreaLevel) is both a const object and a type; one export carries both.
 */

export {
  AreaLevel,
  ParkLevel,
  BusinessDistrictKind,
  OrganizationCategory,
  OrganizationStatus,
  PartyOrganizationKind,
  PartyOrganizationFormation,
  PartyOrganizationAnchor,
  MemberStage,
  MEMBER_STAGE_ORDER,
  RelationHolder,
  LEDGER_HOLDERS,
  LiaisonKind,
  ActivityKind,
  CommitteeLevel,
  MemberUnitDomain,
  FundKind,
  FundEntryKind,
  Intention,
  RegistrationAuthority,
  RegistrationSource,
} from './enums.js';

export {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_LENGTH,
  CREDIT_CODE_WEIGHTS,
  ORGANIZATION_CODE_WEIGHTS,
  CreditCodeEntityType,
  CREDIT_CODE_ENTITY_TYPE_LABELS,
  parseCreditCode,
  isValidCreditCode,
  computeCreditCodeCheckChar,
  computeOrganizationCodeCheckChar,
  makeCreditCode,
  categoryFromCreditCode,
} from './credit-code.js';
export type {
  ParsedCreditCode,
  CreditCodeErrorReason,
  CreditCodeError,
  CreditCodeResult,
  CreditCodeParts,
} from './credit-code.js';

export {
  FULL_MEMBERS_FOR_ORGANIZATION,
  FULL_MEMBERS_FOR_BRANCH_COMMITTEE,
  MAX_BRANCH_MEMBERS,
  MIN_COMMITTEE_MEMBERS,
  STARTUP_FUND_FEN,
  WORKING_FUND_PER_MEMBER_FEN,
  CITY_BUDGET_FEN,
  canFormStandalone,
  recommendedKind,
  allowedKinds,
  checkKindForSize,
  electsBranchCommittee,
  entitledFundsFen,
  nextStage,
  isStageForward,
  isPartyMember,
  isLedger,
} from './party-rules.js';
export type { KindCheck } from './party-rules.js';

export {
  CoverageStatus,
  DEFAULT_WINDOW_DAYS,
  EMPTY_COVERAGE_COUNTS,
  rate,
  roundRate,
  coverageRates,
  addCounts,
  tallyCoverage,
  windowStart,
  isWithinWindow,
  classifyCoverage,
  isWeakPartyOrganization,
} from './coverage.js';
export type { CoverageCounts, CoverageRates, CoverageFacts } from './coverage.js';

export {
  FormationRecommendation,
  FormationLevel,
  FORMATION_LEVEL_ORDER,
  planFormation,
} from './formation-plan.js';
export type { PlannerOrganization, FormationProposal } from './formation-plan.js';

export {
  Period,
  isPeriod,
  isIsoDate,
  todayInShanghai,
  addDays,
  daysBetween,
  isoWeekday,
  isoWeek,
  periodRange,
  previousPeriod,
  periodLabel,
} from './dates.js';
export type { IsoDate, DateRange } from './dates.js';

export {
  issue,
  checkText,
  checkDate,
  checkInteger,
  normalizeText,
  codePointLength,
  ORGANIZATION_NAME_MAX,
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_EMPLOYEES_MAX,
  EARLIEST_REGISTRATION,
  INDUSTRY_SECTIONS,
  normalizeOrganizationFields,
  validateOrganizationFields,
} from './validation.js';
export type {
  Issue,
  IssuePath,
  FieldLabel,
  TextRule,
  DateRule,
  IntegerRule,
  OrganizationFields,
  OrganizationValidationOptions,
} from './validation.js';

export {
  EARLIEST_BIRTH,
  identityNumberCheckChar,
  checkIdentityNumber,
  validatePartyMemberFields,
  validateInstructorFields,
  validateVisitFields,
} from './validation-rows.js';
export type { PartyMemberFields, InstructorFields, VisitFields } from './validation-rows.js';

export type {
  Fen,
  LocalizedMessage,
  Area,
  Park,
  Building,
  BusinessDistrict,
  Organization,
  PartyOrganization,
  PartyOrganizationCover,
  PartyMember,
  Instructor,
  InstructorAssignment,
  WorkingCommittee,
  MemberUnit,
  WorkGroupMember,
  LiaisonPoint,
  Visit,
  Activity,
  FundEntry,
} from './types.js';
