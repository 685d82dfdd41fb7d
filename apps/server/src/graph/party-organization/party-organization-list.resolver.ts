import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { Building } from '../building/building.entity.js';
import { BusinessDistrict } from '../business-district/business-district.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { Organization } from '../organization/organization.entity.js';
import { Park } from '../park/park.entity.js';
import { PartyMember } from '../party-member/party-member.entity.js';
import { inAreaSubtree } from '../scope.js';
import { PartyOrganization } from './party-organization.entity.js';
import {
  PartyOrganizationConnection,
  PartyOrganizationFilter,
  PartyOrganizationOrder,
  partyOrganizationConditions,
  partyOrganizationOrder,
} from './party-organization.input.js';
import { readsFromParent } from '../selected-columns.js';

/**
 * Lists of Party organizations: the root list and every relation that leads to Party
 * organizations (an organization's covering ones, an area's, a container's, a Party
 * organization's children, a member's as secretary). Fields returning Party organizations live
 * here, whichever type they hang on.
 */

const filterArg = () => Arg('filter', () => PartyOrganizationFilter, { nullable: true, description: 'Conditions on the Party organizations.' });
const orderArg = () => Arg('orderBy', () => PartyOrganizationOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = PartyOrganizationFilter | null | undefined;
type Order = PartyOrganizationOrder | null | undefined;

const partyOrganizationKind: ListKind<PartyOrganization, NonNullable<Filter>, NonNullable<Order>> = { entity: PartyOrganization, alias: 'p', conditions: partyOrganizationConditions, order: partyOrganizationOrder };
const relation = relationLister(partyOrganizationKind);

@Resolver(() => PartyOrganization)
export class PartyOrganizationListResolver {
  @Query(() => PartyOrganizationConnection, {
    description: 'Party organizations (党组织), all of them or under a filter; standing and dissolved unless `dissolved` says otherwise.',
  })
  partyOrganizations(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PartyOrganization>> {
    return rootPage(partyOrganizationKind, { db, loaders }, filter, orderBy, page, info);
  }

  @FieldResolver(() => PartyOrganizationConnection, { description: 'The Party organizations one level down (下级党组织).' })
  children(
    @Root() partyOrganization: PartyOrganization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'PartyOrganization.children', (id) => sql`p.parent_id = ${id}`, partyOrganization.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationPartyOrganizationsResolver {
  @FieldResolver(() => PartyOrganizationConnection, {
    description:
      'The Party organizations covering this organization now (覆盖本组织的党组织): its own, a joint one it belongs to, a park / building / business-district one that lists it.',
  })
  partyOrganizations(
    @Root() organization: Organization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(
      ctx,
      'Organization.partyOrganizations',
      (id) => sql`p.id IN (SELECT __c.party_organization_id FROM party_organization_coverage __c WHERE __c.organization_id = ${id} AND __c.until IS NULL)`,
      organization.id,
      filter,
      orderBy,
      page,
      info,
    );
  }
}

@Resolver(() => Area)
export class AreaPartyOrganizationsResolver {
  @FieldResolver(() => PartyOrganizationConnection, {
    description:
      'Party organizations belonging to this area or any area beneath it (a district: all its streets, its street committees and its own committees; the city: all).',
  })
  partyOrganizations(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Area.partyOrganizations', (id) => inAreaSubtree(raw('p.area_id'), id), area.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Park)
export class ParkPartyOrganizationsResolver {
  @FieldResolver(() => PartyOrganizationConnection, {
    description:
      'Party organizations anchored on this park (园区党组织). For those of its buildings and organizations too, filter `partyOrganizations` with this park as scope.',
  })
  partyOrganizations(
    @Root() park: Park,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Park.partyOrganizations', (id) => sql`p.park_id = ${id}`, park.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Building)
export class BuildingPartyOrganizationsResolver {
  @FieldResolver(() => PartyOrganizationConnection, {
    description:
      'Party organizations anchored on this building (楼宇党组织). For those of its organizations too, filter `partyOrganizations` with this building as scope.',
  })
  partyOrganizations(
    @Root() building: Building,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Building.partyOrganizations', (id) => sql`p.building_id = ${id}`, building.id, filter, orderBy, page, info);
  }
}

@Resolver(() => BusinessDistrict)
export class BusinessDistrictPartyOrganizationsResolver {
  @FieldResolver(() => PartyOrganizationConnection, {
    description:
      'Party organizations anchored on this business district or market (商圈/市场党组织). For those of its organizations too, filter `partyOrganizations` with it as scope.',
  })
  partyOrganizations(
    @Root() businessDistrict: BusinessDistrict,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'BusinessDistrict.partyOrganizations', (id) => sql`p.business_district_id = ${id}`, businessDistrict.id, filter, orderBy, page, info);
  }
}

@Resolver(() => PartyMember)
export class PartyMemberSecretaryOfResolver {
  @FieldResolver(() => PartyOrganizationConnection, { description: 'The Party organizations this member is the secretary (书记) of.' })
  secretaryOf(
    @Root() member: PartyMember,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'PartyMember.secretaryOf', (id) => sql`p.secretary_member_id = ${id}`, member.id, filter, orderBy, page, info);
  }
}

// The relations above read only the parent's id (graph/selected-columns.ts).
readsFromParent(PartyOrganization, { children: [] });
readsFromParent(Organization, { partyOrganizations: [] });
readsFromParent(Area, { partyOrganizations: [] });
readsFromParent(Park, { partyOrganizations: [] });
readsFromParent(Building, { partyOrganizations: [] });
readsFromParent(BusinessDistrict, { partyOrganizations: [] });
readsFromParent(PartyMember, { secretaryOf: [] });
