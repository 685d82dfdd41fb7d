import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage } from '../list.js';
import { Park } from '../park/park.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { inAreaSubtree } from '../scope.js';
import { Organization } from './organization.entity.js';
import {
  OrganizationConnection,
  OrganizationFilter,
  OrganizationOrder,
  organizationKind,
} from './organization.input.js';
import { readsFromParent } from '../selected-columns.js';

/**
 * Lists of organizations: the root list and every relation that leads to organizations (an
 * area's, a container's, a Party organization's). Fields returning organizations live here, in
 * the organization folder, whichever type they hang on.
 */

const filterArg = () => Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Conditions on the organizations.' });
const orderArg = () => Arg('orderBy', () => OrganizationOrder, { nullable: true, description: "Order (default: by id; a street worker's 专包 organizations first)." });

type Filter = OrganizationFilter | null | undefined;
type Order = OrganizationOrder | null | undefined;

const relation = relationLister(organizationKind);

@Resolver(() => Organization)
export class OrganizationListResolver {
  @Query(() => OrganizationConnection, {
    description: 'Organizations (两新组织), all of them or under a filter; active and deregistered unless `status` says otherwise.',
  })
  organizations(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders, principal }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Organization>> {
    return rootPage(organizationKind, { db, loaders, principal }, filter, orderBy, page, info);
  }
}

@Resolver(() => Area)
export class AreaOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, {
    description: 'Organizations located in this area or any area beneath it (a district: all its streets; the city: all).',
  })
  organizations(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Area.organizations', (id) => inAreaSubtree(raw('o.street_id'), id), area.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Park)
export class ParkOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, { description: 'Organizations located in this park (园区内的两新组织).' })
  organizations(
    @Root() park: Park,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Park.organizations', (id) => sql`o.park_id = ${id}`, park.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Building)
export class BuildingOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, { description: 'Organizations located in this building (楼宇内的两新组织).' })
  organizations(
    @Root() building: Building,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Building.organizations', (id) => sql`o.building_id = ${id}`, building.id, filter, orderBy, page, info);
  }
}

@Resolver(() => BusinessDistrict)
export class BusinessDistrictOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, { description: 'Organizations located in this business district or market (商圈/市场内的两新组织).' })
  organizations(
    @Root() businessDistrict: BusinessDistrict,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'BusinessDistrict.organizations', (id) => sql`o.business_district_id = ${id}`, businessDistrict.id, filter, orderBy, page, info);
  }
}

@Resolver(() => PartyOrganization)
export class PartyOrganizationCoveredResolver {
  @FieldResolver(() => OrganizationConnection, {
    description:
      'Organizations this Party organization covers now (覆盖的两新组织): its own organization, the members of a joint one, the organizations a container Party organization lists.',
  })
  coveredOrganizations(
    @Root() partyOrganization: PartyOrganization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(
      ctx,
      'PartyOrganization.coveredOrganizations',
      (id) => sql`o.id IN (SELECT organization_id FROM party_organization_coverage WHERE party_organization_id = ${id} AND until IS NULL)`,
      partyOrganization.id,
      filter,
      orderBy,
      page,
      info,
    );
  }
}

// The relations above read only the parent's id (graph/selected-columns.ts).
readsFromParent(Area, { organizations: [] });
readsFromParent(Park, { organizations: [] });
readsFromParent(Building, { organizations: [] });
readsFromParent(BusinessDistrict, { organizations: [] });
readsFromParent(PartyOrganization, { coveredOrganizations: [] });
