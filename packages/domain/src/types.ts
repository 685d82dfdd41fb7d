/**
 * Plain shapes of the graph's nodes (shared/DOMAIN.md), shared by the server, the web app
 * and the tools so that a field means the same everywhere. They are data, not classes:
 * the server's entities and GraphQL types map to them, they do not extend them.
 *
 * Conventions: ids are strings (database keys are opaque to clients); dates are IsoDate in
 * China Standard Time; money is an integer number of fen (分), so sums are exact. Facts that
 * change carry the date they became true (`…On`), and those that end carry an end date or
 * null while current, because every measure is asked "as of" a date.
 */

import type {
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
} from './enums.js';
import type { IsoDate } from './dates.js';

/** An amount of money in fen (1 CNY = 100 fen), always an integer. */
export type Fen = number;

/** A user-facing message in both languages of the platform. */
export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

/** 市 / 区县 / 街道(镇) / 社区. */
export interface Area {
  id: string;
  name: string;
  level: AreaLevel;
  /** null for the city. */
  parentId: string | null;
  /** 行政区划代码: 6 digits for city and districts (370102), longer for streets and communities. */
  divisionCode: string;
}

/** 园区. */
export interface Park {
  id: string;
  name: string;
  level: ParkLevel;
  /** The district or county it lies in. */
  areaId: string;
}

/** 楼宇. 亿元楼宇: annualTaxFen ≥ 10,000,000,000 (100 million CNY). */
export interface Building {
  id: string;
  name: string;
  /** The street it stands in. */
  areaId: string;
  parkId: string | null;
  annualTaxFen: Fen;
  address: string | null;
}

/** 商圈 / 市场. */
export interface BusinessDistrict {
  id: string;
  name: string;
  kind: BusinessDistrictKind;
  /** The street or district it belongs to. */
  areaId: string;
}

/** A "two new" organization (两新组织). */
export interface Organization {
  id: string;
  name: string;
  category: OrganizationCategory;
  /** 统一社会信用代码, normalized as parseCreditCode returns it. */
  creditCode: string;
  employees: number;
  industry: string;
  registeredOn: IsoDate;
  /** The street (街道 / 镇) it is located in. */
  areaId: string;
  parkId: string | null;
  buildingId: string | null;
  businessDistrictId: string | null;
  /** 业务主管单位, for social organizations; null for enterprises. */
  supervisoryUnit: string | null;
  status: OrganizationStatus;
  /** Set when status is DEREGISTERED; from that day it is out of scope. */
  deregisteredOn: IsoDate | null;
  /** 重点 organization (e.g. above a size, or named by a working committee). */
  isKey: boolean;
  source: RegistrationSource;
}

/** 党组织. */
export interface PartyOrganization {
  id: string;
  name: string;
  kind: PartyOrganizationKind;
  formation: PartyOrganizationFormation;
  anchor: PartyOrganizationAnchor;
  /**
   * The id of the anchoring node, read according to `anchor`: an organization, park,
   * building, business district or area (street / district); for INDUSTRY, null (the
   * industry is named in `industry`).
   */
  anchorId: string | null;
  industry: string | null;
  parentId: string | null;
  establishedOn: IsoDate;
  dissolvedOn: IsoDate | null;
  /** Name only: the secretary is a Party member, whose personal data stays in PartyMember. */
  secretaryName: string | null;
}

/** The link "Party organization covers organization", dated because coverage is asked as of a date. */
export interface PartyOrganizationCover {
  partyOrganizationId: string;
  organizationId: string;
  since: IsoDate;
  until: IsoDate | null;
}

/**
 * 党员 (or a person on the way: applicant, activist, candidate). Personal data: keep to
 * what the measures need; no identity number, phone or address here.
 */
export interface PartyMember {
  id: string;
  name: string;
  /** The two-new organization they work in. */
  employerId: string | null;
  stage: MemberStage;
  /** When the current stage was reached. */
  stageSince: IsoDate;
  /** Where the organizational relation (组织关系) is held; NONE before PROBATIONARY. */
  relationHolder: RelationHolder;
  /** Set when relationHolder is PARTY_ORGANIZATION. */
  partyOrganizationId: string | null;
  /** 亮明身份. */
  identityRevealed: boolean;
  /** When the relation was transferred into a two-new Party organization. */
  transferredOn: IsoDate | null;
}

/** 党建工作指导员, from the talent pool (党务工作人才库). */
export interface Instructor {
  id: string;
  name: string;
  /** The district or street that dispatched them. */
  areaId: string;
  /** Public work contact. */
  phone: string | null;
  joinedPoolOn: IsoDate;
}

export interface InstructorAssignment {
  id: string;
  instructorId: string;
  organizationId: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** 党工委: the city's or a district's "two new" working committee. */
export interface WorkingCommittee {
  id: string;
  name: string;
  level: CommitteeLevel;
  areaId: string;
}

/** 委员单位: answers for the organizations in its supervisory domain. */
export interface MemberUnit {
  id: string;
  name: string;
  domain: MemberUnitDomain;
  workingCommitteeId: string;
}

/** A member of a street work group (街道工作组, about 10 per street). */
export interface WorkGroupMember {
  id: string;
  name: string;
  /** The street. */
  areaId: string;
  /** Published so that organizations can reach them. */
  phone: string | null;
}

/**
 * 联系点: a standing tie between a responsible body and an organization. Exactly one of
 * the responsible-body ids is set, chosen by `kind`: DIRECT → workingCommitteeId,
 * MEMBER_UNIT → memberUnitId, WORK_GROUP → workGroupMemberId, INSTRUCTOR → instructorId.
 */
export interface LiaisonPoint {
  id: string;
  kind: LiaisonKind;
  organizationId: string;
  workingCommitteeId: string | null;
  memberUnitId: string | null;
  workGroupMemberId: string | null;
  instructorId: string | null;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** 走访, on a liaison point. */
export interface Visit {
  id: string;
  liaisonPointId: string;
  visitedOn: IsoDate;
  visitorName: string;
  /** The owner's intention to set up a Party organization. */
  ownerIntention: Intention | null;
  /** Members who said they would transfer their relation. */
  membersWillingToTransfer: number;
  problemsRaised: string | null;
  helpGiven: string | null;
}

/** 活动 of a Party organization. */
export interface Activity {
  id: string;
  partyOrganizationId: string;
  kind: ActivityKind;
  title: string;
  heldOn: IsoDate;
  participants: number;
}

/**
 * One movement of a fund. Entitled, allocated and disbursed are separate entries so that
 * what is owed and what was paid can be compared per district and year.
 */
export interface FundEntry {
  id: string;
  fund: FundKind;
  entry: FundEntryKind;
  amountFen: Fen;
  /** The budget year. */
  year: number;
  /** The district or county the money goes to. */
  areaId: string;
  /** The new Party organization, for STARTUP funds. */
  partyOrganizationId: string | null;
  recordedOn: IsoDate;
  note: string | null;
}
