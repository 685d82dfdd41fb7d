/**
 * The closed vocabularies of the domain (see shared/DOMAIN.md). Each is a const object plus
 * a union type so that the server (GraphQL enums), the database (CHECK constraints) and the
 * generator all spell the values the same way. The database migration repeats these lists
 * in CHECK constraints; `packages/db/src/enums-in-step.test.ts` keeps the two in step.
 */

/** 行政区划层级: city → district/county → street/town → community. */
export const AreaLevel = {
  CITY: 'CITY',
  DISTRICT: 'DISTRICT',
  STREET: 'STREET',
  COMMUNITY: 'COMMUNITY',
} as const;
export type AreaLevel = (typeof AreaLevel)[keyof typeof AreaLevel];

/** 园区级别. */
export const ParkLevel = {
  NATIONAL: 'NATIONAL',
  PROVINCIAL: 'PROVINCIAL',
  MUNICIPAL: 'MUNICIPAL',
} as const;
export type ParkLevel = (typeof ParkLevel)[keyof typeof ParkLevel];

/** 商圈 or 市场. */
export const BusinessDistrictKind = {
  BUSINESS_DISTRICT: 'BUSINESS_DISTRICT',
  MARKET: 'MARKET',
} as const;
export type BusinessDistrictKind = (typeof BusinessDistrictKind)[keyof typeof BusinessDistrictKind];

/** "两新"组织类别: 非公有制经济组织 or 社会组织. */
export const OrganizationCategory = {
  NON_PUBLIC_ECONOMIC: 'NON_PUBLIC_ECONOMIC',
  SOCIAL: 'SOCIAL',
} as const;
export type OrganizationCategory = (typeof OrganizationCategory)[keyof typeof OrganizationCategory];

/** 组织状态. Only DEREGISTERED leaves the scope of the coverage measures. */
export const OrganizationStatus = {
  ACTIVE: 'ACTIVE',
  DEREGISTERED: 'DEREGISTERED',
} as const;
export type OrganizationStatus = (typeof OrganizationStatus)[keyof typeof OrganizationStatus];

/** 党组织类型: 党委 / 党总支 / 党支部. */
export const PartyOrganizationKind = {
  COMMITTEE: 'COMMITTEE',
  GENERAL_BRANCH: 'GENERAL_BRANCH',
  BRANCH: 'BRANCH',
} as const;
export type PartyOrganizationKind = (typeof PartyOrganizationKind)[keyof typeof PartyOrganizationKind];

/** 组建方式: 单独组建 or 联合组建. */
export const PartyOrganizationFormation = {
  STANDALONE: 'STANDALONE',
  JOINT: 'JOINT',
} as const;
export type PartyOrganizationFormation =
  (typeof PartyOrganizationFormation)[keyof typeof PartyOrganizationFormation];

/**
 * What a Party organization is anchored on. ORGANIZATION: set up inside one organization;
 * PARK / BUILDING / BUSINESS_DISTRICT: a container Party organization (园区/楼宇/商圈党组织);
 * STREET: a street's comprehensive Party committee (街道综合党委); INDUSTRY: an industry
 * Party committee (行业党委); AREA: a district- or city-level committee such as the
 * 非公有制经济组织党委 or 社会组织综合党委.
 */
export const PartyOrganizationAnchor = {
  ORGANIZATION: 'ORGANIZATION',
  PARK: 'PARK',
  BUILDING: 'BUILDING',
  BUSINESS_DISTRICT: 'BUSINESS_DISTRICT',
  STREET: 'STREET',
  INDUSTRY: 'INDUSTRY',
  AREA: 'AREA',
} as const;
export type PartyOrganizationAnchor = (typeof PartyOrganizationAnchor)[keyof typeof PartyOrganizationAnchor];

/** 党员发展阶段: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员. */
export const MemberStage = {
  APPLICANT: 'APPLICANT',
  ACTIVIST: 'ACTIVIST',
  CANDIDATE: 'CANDIDATE',
  PROBATIONARY: 'PROBATIONARY',
  FULL: 'FULL',
} as const;
export type MemberStage = (typeof MemberStage)[keyof typeof MemberStage];

/** The stages in their order, for "moves forward only" checks. */
export const MEMBER_STAGE_ORDER: readonly MemberStage[] = [
  MemberStage.APPLICANT,
  MemberStage.ACTIVIST,
  MemberStage.CANDIDATE,
  MemberStage.PROBATIONARY,
  MemberStage.FULL,
];

/**
 * Where a member's organizational relation (组织关系) is held. PARTY_ORGANIZATION: transferred
 * into a two-new Party organization. The other three are the seed's 三个台账: the city
 * personnel-agency Party committee (市人事代理党委), a district talent service centre
 * (区县人才服务中心) and a community (社区). NONE: not a Party member yet (applicants,
 * activists, candidates).
 */
export const RelationHolder = {
  PARTY_ORGANIZATION: 'PARTY_ORGANIZATION',
  PERSONNEL_AGENCY: 'PERSONNEL_AGENCY',
  TALENT_CENTER: 'TALENT_CENTER',
  COMMUNITY: 'COMMUNITY',
  NONE: 'NONE',
} as const;
export type RelationHolder = (typeof RelationHolder)[keyof typeof RelationHolder];

/** The three ledgers (三个台账), a subset of RelationHolder. */
export const LEDGER_HOLDERS: readonly RelationHolder[] = [
  RelationHolder.PERSONNEL_AGENCY,
  RelationHolder.TALENT_CENTER,
  RelationHolder.COMMUNITY,
];

/** 联系点类型. */
export const LiaisonKind = {
  /** 党工委直接联系点: the city or a district working committee names 6–10 organizations. */
  DIRECT: 'DIRECT',
  /** 委员单位包挂: a member unit looks after a key organization without a Party organization. */
  MEMBER_UNIT: 'MEMBER_UNIT',
  /** 街道工作组成员专包: one work-group member per organization, contact public. */
  WORK_GROUP: 'WORK_GROUP',
  /** 党建工作指导员. */
  INSTRUCTOR: 'INSTRUCTOR',
} as const;
export type LiaisonKind = (typeof LiaisonKind)[keyof typeof LiaisonKind];

/** 党组织活动类型. */
export const ActivityKind = {
  RED_COLLAR_SALON: 'RED_COLLAR_SALON',
  TRAINING: 'TRAINING',
  LECTURE: 'LECTURE',
  REGULAR_MEETING: 'REGULAR_MEETING',
  THEMED_PARTY_DAY: 'THEMED_PARTY_DAY',
  VOLUNTEER_SERVICE: 'VOLUNTEER_SERVICE',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];

/** 党工委层级: city or district "two new" working committee. */
export const CommitteeLevel = {
  CITY: 'CITY',
  DISTRICT: 'DISTRICT',
} as const;
export type CommitteeLevel = (typeof CommitteeLevel)[keyof typeof CommitteeLevel];

/** 委员单位职能领域 (member units of a working committee). */
export const MemberUnitDomain = {
  PROPAGANDA: 'PROPAGANDA',
  UNITED_FRONT: 'UNITED_FRONT',
  EDUCATION: 'EDUCATION',
  JUSTICE: 'JUSTICE',
  CIVIL_AFFAIRS: 'CIVIL_AFFAIRS',
  INDUSTRY_AND_COMMERCE: 'INDUSTRY_AND_COMMERCE',
  MARKET_REGULATION: 'MARKET_REGULATION',
  HUMAN_RESOURCES: 'HUMAN_RESOURCES',
  HEALTH: 'HEALTH',
  OTHER: 'OTHER',
} as const;
export type MemberUnitDomain = (typeof MemberUnitDomain)[keyof typeof MemberUnitDomain];

/** 经费类型: 工作经费 (300 CNY per transferred member per year) or 启动经费 (2,000 CNY per new Party organization). */
export const FundKind = {
  WORKING: 'WORKING',
  STARTUP: 'STARTUP',
} as const;
export type FundKind = (typeof FundKind)[keyof typeof FundKind];

/** A fund movement: what is owed (entitled), granted (allocated) and paid out (disbursed). */
export const FundEntryKind = {
  ENTITLED: 'ENTITLED',
  ALLOCATED: 'ALLOCATED',
  DISBURSED: 'DISBURSED',
} as const;
export type FundEntryKind = (typeof FundEntryKind)[keyof typeof FundEntryKind];

/** 业主(出资人)建立党组织意向 recorded at a visit. */
export const Intention = {
  WILLING: 'WILLING',
  UNDECIDED: 'UNDECIDED',
  UNWILLING: 'UNWILLING',
} as const;
export type Intention = (typeof Intention)[keyof typeof Intention];

/** Registration authority, char 1 of the credit code (GB 32100-2015, 登记管理部门码). */
export const RegistrationAuthority = {
  INSTITUTIONAL: 'INSTITUTIONAL', // 1 机构编制
  CIVIL_AFFAIRS: 'CIVIL_AFFAIRS', // 5 民政
  MARKET_REGULATION: 'MARKET_REGULATION', // 9 工商 / 市场监管
  OTHER: 'OTHER', // Y 其他
} as const;
export type RegistrationAuthority = (typeof RegistrationAuthority)[keyof typeof RegistrationAuthority];

/** Where an organization came from: a registration gate of the 三个同步, an import, or a clerk. */
export const RegistrationSource = {
  REGISTRATION: 'REGISTRATION', // 注册关
  ANNUAL_REVIEW: 'ANNUAL_REVIEW', // 年审关
  EVALUATION: 'EVALUATION', // 评估关
  IMPORT: 'IMPORT',
  MANUAL: 'MANUAL',
  GENERATED: 'GENERATED',
} as const;
export type RegistrationSource = (typeof RegistrationSource)[keyof typeof RegistrationSource];
