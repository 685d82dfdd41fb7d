import { printSchema, type GraphQLSchema } from 'graphql';
import { useLeanResolvers } from './execution/lean-resolvers.js';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from './graph/area/area.resolver.js';
import { BuildingResolver } from './graph/building/building.resolver.js';
import { BusinessDistrictResolver } from './graph/business-district/business-district.resolver.js';
import { OrganizationResolver } from './graph/organization/organization.resolver.js';
import { OrganizationMutations } from './graph/organization/organization.mutations.js';
import { InstructorMutations } from './graph/instructor/instructor.mutations.js';
import { LiaisonPointMutations } from './graph/liaison-point/liaison-point.mutations.js';
import { VisitMutations } from './graph/visit/visit.mutations.js';
import { ActivityMutations } from './graph/activity/activity.mutations.js';
import { FundMutations } from './graph/fund/fund.mutations.js';
import { PartyOrganizationMutations } from './graph/party-organization/party-organization.mutations.js';
import { PartyMemberMutations } from './graph/party-member/party-member.mutations.js';
import { AuditLogResolver } from './graph/audit/audit.resolver.js';
import { AccountAdminResolver } from './graph/account/account-admin.resolver.js';
import { AccountResolver, ViewerResolver } from './graph/account/account.resolver.js';
import { IntegrationTokenResolver } from './graph/account/integration-token.resolver.js';
import {
  AreaOrganizationsResolver,
  BuildingOrganizationsResolver,
  BusinessDistrictOrganizationsResolver,
  OrganizationListResolver,
  ParkOrganizationsResolver,
  PartyOrganizationCoveredResolver,
} from './graph/organization/organization-list.resolver.js';
import { NodeResolver } from './graph/node.resolver.js';
import { ParkResolver } from './graph/park/park.resolver.js';
import { PartyOrganizationResolver } from './graph/party-organization/party-organization.resolver.js';
import { DateTime } from './graph/scalars.js';
import { AreaBuildingsResolver, BuildingListResolver, ParkBuildingsResolver } from './graph/building/building-list.resolver.js';
import { AreaBusinessDistrictsResolver, BusinessDistrictListResolver } from './graph/business-district/business-district-list.resolver.js';
import { MemberUnitResolver, OrganizationSupervisoryUnitResolver, WorkingCommitteeMemberUnitsResolver } from './graph/member-unit/member-unit.resolver.js';
import { MemberUnitOrganizationsResolver } from './graph/organization/member-unit-organizations.resolver.js';
import { AreaParksResolver, ParkListResolver } from './graph/park/park-list.resolver.js';
import { SearchResolver } from './graph/search/search.resolver.js';
import { AreaWorkGroupMembersResolver, WorkGroupMemberResolver } from './graph/work-group-member/work-group-member.resolver.js';
import { AreaWorkingCommitteeResolver, WorkingCommitteeResolver } from './graph/working-committee/working-committee.resolver.js';
import { ActivityListResolver, PartyOrganizationActivitiesResolver } from './graph/activity/activity-list.resolver.js';
import { ActivityResolver } from './graph/activity/activity.resolver.js';
import { AreaFundsResolver, FundListResolver, PartyOrganizationFundsResolver } from './graph/fund/fund-list.resolver.js';
import { FundBudgetResolver, FundResolver } from './graph/fund/fund.resolver.js';
import { AreaInstructorsResolver, InstructorListResolver, OrganizationInstructorsResolver } from './graph/instructor/instructor-list.resolver.js';
import { InstructorResolver } from './graph/instructor/instructor.resolver.js';
import {
  InstructorAssignmentsResolver,
  LiaisonPointListResolver,
  MemberUnitLiaisonPointsResolver,
  OrganizationLiaisonPointsResolver,
  WorkGroupMemberLiaisonPointsResolver,
  WorkingCommitteeLiaisonPointsResolver,
} from './graph/liaison-point/liaison-point-list.resolver.js';
import { LiaisonPointResolver } from './graph/liaison-point/liaison-point.resolver.js';
import { InstructorOrganizationsResolver } from './graph/organization/instructor-organizations.resolver.js';
import {
  AreaLedgerMembersResolver,
  OrganizationMembersResolver,
  PartyMemberListResolver,
  PartyOrganizationMembersResolver,
} from './graph/party-member/party-member-list.resolver.js';
import { PartyMemberResolver } from './graph/party-member/party-member.resolver.js';
import { PartyMemberPersonalDataResolver } from './graph/party-member/personal-data.js';
import {
  AreaPartyOrganizationsResolver,
  BuildingPartyOrganizationsResolver,
  BusinessDistrictPartyOrganizationsResolver,
  OrganizationPartyOrganizationsResolver,
  ParkPartyOrganizationsResolver,
  PartyMemberSecretaryOfResolver,
  PartyOrganizationListResolver,
} from './graph/party-organization/party-organization-list.resolver.js';
import { OrganizationVisitsResolver, LiaisonPointVisitsResolver, VisitListResolver } from './graph/visit/visit-list.resolver.js';
import { VisitResolver } from './graph/visit/visit.resolver.js';
import {
  AreaCoverageResolver,
  BuildingCoverageResolver,
  BusinessDistrictCoverageResolver,
  CoverageResolver,
  ParkCoverageResolver,
} from './graph/coverage/coverage.resolver.js';
import { FundsSummaryResolver } from './graph/funds-summary/funds-summary.resolver.js';
import { LedgersResolver } from './graph/ledgers/ledgers.resolver.js';
import { ReportResolver } from './graph/reports/report.resolver.js';
import { FormationPlanResolver } from './graph/formation-plan/formation-plan.resolver.js';
import { OrganizationResponsibilityResolver } from './graph/responsibility/responsibility.resolver.js';

/** Every resolver class, one per node folder. A new node type adds its resolver here. */
export const RESOLVERS = [
  AreaResolver,
  ParkResolver,
  BuildingResolver,
  BusinessDistrictResolver,
  OrganizationResolver,
  PartyOrganizationResolver,
  OrganizationListResolver,
  AreaOrganizationsResolver,
  ParkOrganizationsResolver,
  BuildingOrganizationsResolver,
  BusinessDistrictOrganizationsResolver,
  PartyOrganizationCoveredResolver,
  // Places and committees: root lists and the relations that lead to each type.
  ParkListResolver,
  AreaParksResolver,
  BuildingListResolver,
  AreaBuildingsResolver,
  ParkBuildingsResolver,
  BusinessDistrictListResolver,
  AreaBusinessDistrictsResolver,
  WorkingCommitteeResolver,
  AreaWorkingCommitteeResolver,
  MemberUnitResolver,
  WorkingCommitteeMemberUnitsResolver,
  OrganizationSupervisoryUnitResolver,
  MemberUnitOrganizationsResolver,
  WorkGroupMemberResolver,
  AreaWorkGroupMembersResolver,
  SearchResolver,
  // The Party side: root lists, to-one fields, and the relations that lead to each type.
  PartyOrganizationListResolver,
  OrganizationPartyOrganizationsResolver,
  AreaPartyOrganizationsResolver,
  ParkPartyOrganizationsResolver,
  BuildingPartyOrganizationsResolver,
  BusinessDistrictPartyOrganizationsResolver,
  PartyMemberSecretaryOfResolver,
  PartyMemberResolver,
  PartyMemberPersonalDataResolver,
  PartyMemberListResolver,
  OrganizationMembersResolver,
  PartyOrganizationMembersResolver,
  AreaLedgerMembersResolver,
  InstructorResolver,
  InstructorListResolver,
  OrganizationInstructorsResolver,
  AreaInstructorsResolver,
  InstructorOrganizationsResolver,
  LiaisonPointResolver,
  LiaisonPointListResolver,
  OrganizationLiaisonPointsResolver,
  InstructorAssignmentsResolver,
  WorkingCommitteeLiaisonPointsResolver,
  MemberUnitLiaisonPointsResolver,
  WorkGroupMemberLiaisonPointsResolver,
  VisitResolver,
  VisitListResolver,
  OrganizationVisitsResolver,
  LiaisonPointVisitsResolver,
  ActivityResolver,
  ActivityListResolver,
  PartyOrganizationActivitiesResolver,
  FundResolver,
  FundBudgetResolver,
  FundListResolver,
  AreaFundsResolver,
  PartyOrganizationFundsResolver,
  // Coverage measures (docs/measures.md).
  CoverageResolver,
  AreaCoverageResolver,
  ParkCoverageResolver,
  BuildingCoverageResolver,
  BusinessDistrictCoverageResolver,
  // Ledgers, funds and cadence reports (docs/measures.md).
  LedgersResolver,
  FundsSummaryResolver,
  ReportResolver,
  // Formation planner and responsibility chain (issue 4, "beyond").
  FormationPlanResolver,
  OrganizationResponsibilityResolver,
  // Mutations (issue 5; docs/mutations.md) and the audit trail they write.
  OrganizationMutations,
  InstructorMutations,
  LiaisonPointMutations,
  VisitMutations,
  ActivityMutations,
  FundMutations,
  PartyOrganizationMutations,
  PartyMemberMutations,
  AuditLogResolver,
  AccountResolver,
  AccountAdminResolver,
  IntegrationTokenResolver,
  ViewerResolver,
  NodeResolver,
] as const;

/** Types no field reaches (each would be reachable only through `node`); none at present. */
const ORPHANED_TYPES: Function[] = [];

let schema: Promise<GraphQLSchema> | undefined;

/**
 * The GraphQL schema, built once per process from the decorator metadata (it is immutable, so
 * every server in the process can share it).
 */
export function buildLiangxinSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: ORPHANED_TYPES,
    scalarsMap: [{ type: Date, scalar: DateTime }],
    // Arguments are checked by hand where the domain has a rule (credit code, area code), with
    // messages that say why; class-validator is not used.
    validate: false,
  }).then((built) => {
    // Resolver methods are called directly where type-graphql's per-call conversion would do
    // nothing (execution/lean-resolvers.ts). The SDL is unchanged: only resolve functions are.
    useLeanResolvers(built);
    return built;
  });
  return schema;
}

/**
 * The SDL as committed in apps/server/schema.graphql. Not sorted: fields and enum values keep
 * the order of the source (code, name, level; CITY → COMMUNITY), which is deterministic.
 */
export async function printLiangxinSchema(): Promise<string> {
  return `${printSchema(await buildLiangxinSchema())}\n`;
}
