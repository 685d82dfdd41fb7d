import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { nodeTypeName } from './graph/node.js';
import { RelationPages } from './graph/list.js';
import { createAreaLoaders } from './graph/area/area.loaders.js';
import { createBuildingLoaders } from './graph/building/building.loaders.js';
import { createBusinessDistrictLoaders } from './graph/business-district/business-district.loaders.js';
import { createOrganizationLoaders } from './graph/organization/organization.loaders.js';
import { createParkLoaders } from './graph/park/park.loaders.js';
import { createPartyOrganizationLoaders } from './graph/party-organization/party-organization.loaders.js';
import { createMemberUnitLoaders } from './graph/member-unit/member-unit.loaders.js';
import { createWorkGroupMemberLoaders } from './graph/work-group-member/work-group-member.loaders.js';
import { createWorkingCommitteeLoaders } from './graph/working-committee/working-committee.loaders.js';
import { createActivityLoaders } from './graph/activity/activity.loaders.js';
import { createFundLoaders } from './graph/fund/fund.loaders.js';
import { createInstructorLoaders } from './graph/instructor/instructor.loaders.js';
import { createLiaisonPointLoaders } from './graph/liaison-point/liaison-point.loaders.js';
import { createPartyMemberLoaders } from './graph/party-member/party-member.loaders.js';
import { createVisitLoaders } from './graph/visit/visit.loaders.js';
import { createCoverageLoaders } from './graph/coverage/coverage.loaders.js';
import { createResponsibilityLoaders } from './graph/responsibility/responsibility.loaders.js';

/**
 * Every DataLoader, grouped by node type. Made afresh for each request by the context factory
 * so that no two requests (no two users) ever share a cache, and a cache never outlives the
 * request that filled it. Never create a loader at module scope.
 */
export interface LoaderOptions {
  /**
   * Answer the default window's coverage from the city-wide tally (default true). False under
   * row-level security: the tally counts every organization, the caller may see only some.
   */
  coverageTally?: boolean;
}

export function createLoaders(db: EntityManager, options: LoaderOptions = {}) {
  const loaders = {
    area: createAreaLoaders(db),
    park: createParkLoaders(db),
    building: createBuildingLoaders(db),
    businessDistrict: createBusinessDistrictLoaders(db),
    organization: createOrganizationLoaders(db),
    partyOrganization: createPartyOrganizationLoaders(db),
    workingCommittee: createWorkingCommitteeLoaders(db),
    memberUnit: createMemberUnitLoaders(db),
    workGroupMember: createWorkGroupMemberLoaders(db),
    partyMember: createPartyMemberLoaders(db),
    instructor: createInstructorLoaders(db),
    liaisonPoint: createLiaisonPointLoaders(db),
    visit: createVisitLoaders(db),
    activity: createActivityLoaders(db),
    fund: createFundLoaders(db),
    /** Coverage figures per (place type, asOf, window), and blind-spot facts per asOf. */
    coverage: createCoverageLoaders(db, options.coverageTally ?? true),
    /** Responsibility chains of organizations, per asOf. */
    responsibility: createResponsibilityLoaders(db),
    /** Paginated to-many relations: one statement per relation, arguments and level. */
    pages: new RelationPages(db, (nodes) => primeNodes(loaders, nodes)),
    /** Puts rows a list fetched into the by-id loaders, so they are not fetched again. */
    primeNodes: (nodes: readonly object[]) => primeNodes(loaders, nodes),
    /**
     * Forgets everything cached in this request, after a mutation committed: its payload (and a
     * later mutation in the same request) then reads its own writes. Everything, not only the
     * changed nodes' by-id entries: one changed organization moves lists, counts and coverage
     * figures of every place above it, and working out which is more code than a reload costs.
     */
    clearAfterWrite: () => clearAfterWrite(loaders),
  };
  return loaders;
}

/**
 * Clears every DataLoader reachable from the groups: those held directly (byId, byCode …) with
 * clearAll(), and groups that make loaders on demand and keep them in a map (coverage,
 * responsibility, RelationPages) through their own clearAll() / clear(). A new group that keeps
 * loaders in a map must expose clearAll(); loaders.test.ts checks that each group is one or the other.
 */
function clearAfterWrite(loaders: Loaders): void {
  for (const group of Object.values(loaders)) {
    if (group === null || typeof group !== 'object') continue;
    if (group instanceof DataLoader) {
      group.clearAll();
    } else if (group instanceof RelationPages) {
      group.clear();
    } else if (typeof (group as { clearAll?: unknown }).clearAll === 'function') {
      (group as { clearAll: () => void }).clearAll();
    } else {
      for (const value of Object.values(group)) if (value instanceof DataLoader) value.clearAll();
    }
  }
}

function primeNodes(loaders: Loaders, nodes: readonly object[]): void {
  for (const node of nodes) {
    const typeName = nodeTypeName(node);
    const loader = typeName ? nodeLoader(loaders, typeName) : undefined;
    loader?.prime((node as { id: number }).id, node);
  }
}

export type Loaders = ReturnType<typeof createLoaders>;


/**
 * The by-id loader of each node type, by GraphQL type name, for `node(id)` / `nodes(ids)`.
 * A node type is reachable by id once it has an entry here.
 */
export function nodeLoader(loaders: Loaders, typeName: string): DataLoader<number, any> | undefined {
  switch (typeName) {
    case 'Area':
      return loaders.area.byId;
    case 'Park':
      return loaders.park.byId;
    case 'Building':
      return loaders.building.byId;
    case 'BusinessDistrict':
      return loaders.businessDistrict.byId;
    case 'Organization':
      return loaders.organization.byId;
    case 'PartyOrganization':
      return loaders.partyOrganization.byId;
    case 'WorkingCommittee':
      return loaders.workingCommittee.byId;
    case 'MemberUnit':
      return loaders.memberUnit.byId;
    case 'WorkGroupMember':
      return loaders.workGroupMember.byId;
    case 'PartyMember':
      return loaders.partyMember.byId;
    case 'Instructor':
      return loaders.instructor.byId;
    case 'LiaisonPoint':
      return loaders.liaisonPoint.byId;
    case 'Visit':
      return loaders.visit.byId;
    case 'Activity':
      return loaders.activity.byId;
    case 'Fund':
      return loaders.fund.byId;
    default:
      return undefined;
  }
}
