import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { Organization } from '../organization/organization.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { inAreaSubtree } from '../scope.js';
import { PartyMember } from './party-member.entity.js';
import { PartyMemberConnection, PartyMemberFilter, PartyMemberOrder, partyMemberConditions, partyMemberOrder } from './party-member.input.js';

/**
 * Lists of Party members: the root list and every relation that leads to members (an
 * organization's employees, a Party organization's members, an area's ledger). Fields returning
 * members live here, whichever type they hang on.
 */

const filterArg = () => Arg('filter', () => PartyMemberFilter, { nullable: true, description: 'Conditions on the members.' });
const orderArg = () => Arg('orderBy', () => PartyMemberOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = PartyMemberFilter | null | undefined;
type Order = PartyMemberOrder | null | undefined;

const partyMemberKind: ListKind<PartyMember, NonNullable<Filter>, NonNullable<Order>> = { entity: PartyMember, alias: 'm', conditions: partyMemberConditions, order: partyMemberOrder };
const relation = relationLister(partyMemberKind);

@Resolver(() => PartyMember)
export class PartyMemberListResolver {
  @Query(() => PartyMemberConnection, {
    description:
      'Party members (党员) and people being developed, working in two-new organizations, all of them or under a filter. Personal data is masked.',
  })
  partyMembers(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PartyMember>> {
    return rootPage(partyMemberKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationMembersResolver {
  @FieldResolver(() => PartyMemberConnection, {
    description:
      'Party members and people being developed who work in this organization (本组织的党员), wherever their relation is held.',
  })
  members(
    @Root() organization: Organization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Organization.members', (id) => sql`m.organization_id = ${id}`, organization.id, filter, orderBy, page, info);
  }
}

@Resolver(() => PartyOrganization)
export class PartyOrganizationMembersResolver {
  @FieldResolver(() => PartyMemberConnection, {
    description: 'Members whose organizational relation is held in this Party organization (组织关系在本党组织的党员), not those of the ones beneath it.',
  })
  members(
    @Root() partyOrganization: PartyOrganization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'PartyOrganization.members', (id) => sql`m.party_organization_id = ${id}`, partyOrganization.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Area)
export class AreaLedgerMembersResolver {
  @FieldResolver(() => PartyMemberConnection, {
    description:
      'Members whose relation sits, or sat before it was transferred, in a ledger (台账) of this area or an area beneath it: a district talent centre or a community. Add `filter: { inLedger: true }` for those still there.',
  })
  ledgerMembers(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Area.ledgerMembers', (id) => inAreaSubtree(raw('m.ledger_area_id'), id), area.id, filter, orderBy, page, info);
  }
}
