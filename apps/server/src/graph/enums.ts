import { registerEnumType } from 'type-graphql';
import {
  ActivityKind,
  AreaLevel,
  BusinessDistrictKind,
  CommitteeLevel,
  FundEntryKind,
  FundKind,
  Intention,
  LiaisonKind,
  MemberStage,
  MemberUnitDomain,
  OrganizationCategory,
  OrganizationStatus,
  ParkLevel,
  PartyOrganizationAnchor,
  PartyOrganizationFormation,
  PartyOrganizationKind,
  RegistrationSource,
  RelationHolder,
} from '@liangxin/domain';

/**
 * The domain's closed vocabularies as GraphQL enums. The values are the domain's own (and the
 * database's CHECK constraints'), so nothing is translated on the way. Entity files import the
 * enums from here, not from @liangxin/domain, so registration always precedes use.
 */

registerEnumType(AreaLevel, {
  name: 'AreaLevel',
  description: 'Level of an administrative area (行政区划层级).',
  valuesConfig: {
    CITY: { description: 'City (市).' },
    DISTRICT: { description: 'District or county (区县).' },
    STREET: { description: 'Street or town (街道 / 镇).' },
    COMMUNITY: { description: 'Community or village (社区 / 村).' },
  },
});

registerEnumType(ParkLevel, {
  name: 'ParkLevel',
  description: 'Level of an industrial park (园区级别).',
  valuesConfig: {
    NATIONAL: { description: 'National (国家级).' },
    PROVINCIAL: { description: 'Provincial (省级).' },
    MUNICIPAL: { description: 'Municipal (市级).' },
  },
});

registerEnumType(BusinessDistrictKind, {
  name: 'BusinessDistrictKind',
  description: 'Business district or market (商圈 / 市场).',
  valuesConfig: {
    BUSINESS_DISTRICT: { description: 'Business district (商圈).' },
    MARKET: { description: 'Market (市场).' },
  },
});

registerEnumType(OrganizationCategory, {
  name: 'OrganizationCategory',
  description: 'Category of a two-new organization ("两新"组织类别).',
  valuesConfig: {
    NON_PUBLIC_ECONOMIC: {
      description: 'Non-public economic organization (非公有制经济组织): private or foreign-invested enterprise, individual business.',
    },
    SOCIAL: { description: 'Social organization (社会组织): social group, social service agency, foundation.' },
  },
});

registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'Registration status of an organization (登记状态). Deregistered organizations leave the coverage measures.',
  valuesConfig: {
    ACTIVE: { description: 'Active (存续).' },
    DEREGISTERED: { description: 'Deregistered (注销).' },
  },
});

registerEnumType(PartyOrganizationKind, {
  name: 'PartyOrganizationKind',
  description: 'Kind of a Party organization (党组织类型).',
  valuesConfig: {
    COMMITTEE: { description: 'Party committee (党委), usually from 100 members.' },
    GENERAL_BRANCH: { description: 'General Party branch (党总支), over 50 members.' },
    BRANCH: { description: 'Party branch (党支部), 3 to 50 members.' },
  },
});

registerEnumType(PartyOrganizationFormation, {
  name: 'PartyOrganizationFormation',
  description: 'How a Party organization was formed (组建方式).',
  valuesConfig: {
    STANDALONE: { description: 'Set up within one organization (单独组建).' },
    JOINT: { description: 'Set up jointly with neighbouring organizations (联合组建).' },
  },
});

registerEnumType(PartyOrganizationAnchor, {
  name: 'PartyOrganizationAnchor',
  description: 'What a Party organization is anchored on (依托).',
  valuesConfig: {
    ORGANIZATION: { description: 'One organization (依托单个组织).' },
    PARK: { description: 'An industrial park (园区党组织).' },
    BUILDING: { description: 'A commercial building (楼宇党组织).' },
    BUSINESS_DISTRICT: { description: 'A business district or market (商圈 / 市场党组织).' },
    STREET: { description: "A street's comprehensive Party committee (街道综合党委)." },
    INDUSTRY: { description: 'An industry Party committee (行业党委).' },
    AREA: { description: 'A district- or city-level committee (区县 / 市级两新党委).' },
  },
});

registerEnumType(MemberStage, {
  name: 'MemberStage',
  description: 'Stage of Party membership development (党员发展阶段).',
  valuesConfig: {
    APPLICANT: { description: 'Applicant (入党申请人).' },
    ACTIVIST: { description: 'Activist (入党积极分子).' },
    CANDIDATE: { description: 'Candidate for development (发展对象).' },
    PROBATIONARY: { description: 'Probationary member (预备党员).' },
    FULL: { description: 'Full member (正式党员).' },
  },
});

registerEnumType(RelationHolder, {
  name: 'RelationHolder',
  description: "Where a member's organizational relation (组织关系) is held.",
  valuesConfig: {
    PARTY_ORGANIZATION: { description: 'Transferred into a two-new Party organization (已转入).' },
    PERSONNEL_AGENCY: { description: 'City personnel-agency Party committee (市人事代理党委), one of the three ledgers.' },
    TALENT_CENTER: { description: 'District talent service centre (区县人才服务中心), one of the three ledgers.' },
    COMMUNITY: { description: 'Community (社区), one of the three ledgers.' },
    NONE: { description: 'Not a Party member yet (尚无组织关系).' },
  },
});

registerEnumType(LiaisonKind, {
  name: 'LiaisonKind',
  description: 'Kind of liaison point (联系点类型).',
  valuesConfig: {
    DIRECT: { description: 'Direct liaison point of a working committee (党工委直接联系点).' },
    MEMBER_UNIT: { description: 'Looked after by a member unit (委员单位包挂).' },
    WORK_GROUP: { description: 'Looked after by a street work-group member (工作组成员专包).' },
    INSTRUCTOR: { description: 'Assigned Party-building instructor (党建工作指导员).' },
  },
});

registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'Kind of Party organization activity (党组织活动类型).',
  valuesConfig: {
    RED_COLLAR_SALON: { description: 'Red-collar salon (红领沙龙).' },
    TRAINING: { description: 'Training (培训).' },
    LECTURE: { description: 'Red lecture hall (红色大讲堂).' },
    REGULAR_MEETING: { description: 'Regular meeting (三会一课).' },
    THEMED_PARTY_DAY: { description: 'Themed Party day (主题党日).' },
    VOLUNTEER_SERVICE: { description: 'Volunteer service (志愿服务).' },
  },
});

registerEnumType(CommitteeLevel, {
  name: 'CommitteeLevel',
  description: 'Level of a two-new working committee (两新工委层级).',
  valuesConfig: {
    CITY: { description: 'City (市级).' },
    DISTRICT: { description: 'District or county (区县级).' },
  },
});

registerEnumType(MemberUnitDomain, {
  name: 'MemberUnitDomain',
  description: 'Supervisory domain of a member unit (委员单位职能领域).',
  valuesConfig: {
    PROPAGANDA: { description: 'Propaganda (宣传).' },
    UNITED_FRONT: { description: 'United front (统战).' },
    EDUCATION: { description: 'Education (教育).' },
    JUSTICE: { description: 'Justice (司法).' },
    CIVIL_AFFAIRS: { description: 'Civil affairs (民政).' },
    INDUSTRY_AND_COMMERCE: { description: 'Federation of industry and commerce (工商联).' },
    MARKET_REGULATION: { description: 'Market regulation (市场监管).' },
    HUMAN_RESOURCES: { description: 'Human resources and social security (人社).' },
    HEALTH: { description: 'Health (卫健).' },
    OTHER: { description: 'Other (其他).' },
  },
});

registerEnumType(FundKind, {
  name: 'FundKind',
  description: 'Kind of Party-building fund (经费类型).',
  valuesConfig: {
    WORKING: { description: 'Working fund (工作经费): 300 CNY per transferred member per year.' },
    STARTUP: { description: 'Startup fund (启动经费): 2,000 CNY per newly established Party organization.' },
  },
});

registerEnumType(FundEntryKind, {
  name: 'FundEntryKind',
  description: 'Kind of fund movement (经费记录类型).',
  valuesConfig: {
    ENTITLED: { description: 'Owed by the rules (应拨).' },
    ALLOCATED: { description: 'Granted (已拨).' },
    DISBURSED: { description: 'Paid out (已支出).' },
  },
});

registerEnumType(Intention, {
  name: 'Intention',
  description: 'Intention recorded at a visit (走访意向).',
  valuesConfig: {
    WILLING: { description: 'Willing (愿意).' },
    UNDECIDED: { description: 'Undecided (观望).' },
    UNWILLING: { description: 'Unwilling (不愿意).' },
  },
});

registerEnumType(RegistrationSource, {
  name: 'RegistrationSource',
  description: 'Where an organization record came from (数据来源).',
  valuesConfig: {
    REGISTRATION: { description: 'Registration gate of the three synchronizations (注册关, 三个同步).' },
    ANNUAL_REVIEW: { description: 'Annual review gate (年审关).' },
    EVALUATION: { description: 'Evaluation gate (评估关).' },
    IMPORT: { description: 'Bulk import (批量导入).' },
    MANUAL: { description: 'Entered by hand (手工录入).' },
    GENERATED: { description: 'Fictitious demo data (演示数据).' },
  },
});

/**
 * The three ledgers (三个台账): where a member's relation sat before it was transferred into a
 * two-new Party organization. The domain names them as a subset of RelationHolder
 * (LEDGER_HOLDERS); GraphQL needs them as an enum of their own for PartyMember.ledger.
 */
export const Ledger = {
  PERSONNEL_AGENCY: RelationHolder.PERSONNEL_AGENCY,
  TALENT_CENTER: RelationHolder.TALENT_CENTER,
  COMMUNITY: RelationHolder.COMMUNITY,
} as const;
export type Ledger = (typeof Ledger)[keyof typeof Ledger];

registerEnumType(Ledger, {
  name: 'Ledger',
  description: 'One of the three ledgers (三个台账) holding the relations of members not yet transferred.',
  valuesConfig: {
    PERSONNEL_AGENCY: { description: 'City personnel-agency Party committee (市人事代理党委).' },
    TALENT_CENTER: { description: 'District talent service centre (区县人才服务中心).' },
    COMMUNITY: { description: 'Community (社区).' },
  },
});

export {
  ActivityKind,
  AreaLevel,
  BusinessDistrictKind,
  CommitteeLevel,
  FundEntryKind,
  FundKind,
  Intention,
  LiaisonKind,
  MemberStage,
  MemberUnitDomain,
  OrganizationCategory,
  OrganizationStatus,
  ParkLevel,
  PartyOrganizationAnchor,
  PartyOrganizationFormation,
  PartyOrganizationKind,
  RegistrationSource,
  RelationHolder,
};
