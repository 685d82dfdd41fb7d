import { Activity } from '../graph/activity/activity.entity.js';
import { Area } from '../graph/area/area.entity.js';
import { AuditEntry } from '../graph/audit/audit-entry.entity.js';
import { Building } from '../graph/building/building.entity.js';
import { BusinessDistrict } from '../graph/business-district/business-district.entity.js';
import { FundBudget } from '../graph/fund/fund-budget.entity.js';
import { FundEntry } from '../graph/fund/fund-entry.entity.js';
import { Instructor } from '../graph/instructor/instructor.entity.js';
import { LiaisonPoint } from '../graph/liaison-point/liaison-point.entity.js';
import { MemberUnit } from '../graph/member-unit/member-unit.entity.js';
import { Organization } from '../graph/organization/organization.entity.js';
import { Park } from '../graph/park/park.entity.js';
import { PartyMember } from '../graph/party-member/party-member.entity.js';
import { PartyOrganizationCoverage } from '../graph/party-organization/party-organization-coverage.entity.js';
import { PartyOrganization } from '../graph/party-organization/party-organization.entity.js';
import { Visit } from '../graph/visit/visit.entity.js';
import { WorkGroupMember } from '../graph/work-group-member/work-group-member.entity.js';
import { WorkingCommittee } from '../graph/working-committee/working-committee.entity.js';
import { Dataset } from './dataset.entity.js';
import { Account } from '../graph/account/account.entity.js';
import { IntegrationToken, SessionKey } from '../auth/integration-token.entity.js';

/**
 * Every table of the migration, mapped. The mapping follows the migration (the schema's only
 * source); `entities.test.ts` compares the two column by column so they cannot drift apart.
 */
export const ENTITIES = [
  Area,
  WorkingCommittee,
  MemberUnit,
  Park,
  Building,
  BusinessDistrict,
  Organization,
  PartyOrganization,
  PartyOrganizationCoverage,
  PartyMember,
  Instructor,
  WorkGroupMember,
  LiaisonPoint,
  Visit,
  Activity,
  FundEntry,
  FundBudget,
  Dataset,
  AuditEntry,
  Account,
  IntegrationToken,
  SessionKey,
] as const;
