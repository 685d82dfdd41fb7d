import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { relationLister } from '../list.js';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationConnection, OrganizationFilter, OrganizationOrder, organizationKind } from './organization.input.js';

/** MemberUnit.supervisedOrganizations: returns organizations, so it lives in this folder. */
@Resolver(() => MemberUnit)
export class MemberUnitOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, {
    description:
      'Organizations this member unit is the business supervisory unit (业务主管单位) of, mostly social organizations; active and deregistered unless `filter.status` says otherwise.',
  })
  supervisedOrganizations(
    @Root() unit: MemberUnit,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Conditions on the organizations.' }) filter: OrganizationFilter | null | undefined,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: "Order (default: by id; a street worker's 专包 organizations first)." }) orderBy: OrganizationOrder | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Organization>> {
    return relationLister(organizationKind)(ctx, 'MemberUnit.supervisedOrganizations', (id) => sql`o.supervisory_unit_id = ${id}`, unit.id, filter, orderBy, page, info);
  }
}
