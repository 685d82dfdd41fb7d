import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { Instructor } from '../instructor/instructor.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationConnection, OrganizationFilter, OrganizationOrder, organizationKind } from './organization.input.js';
import { relationLister } from '../list.js';

/** Instructor.organizations: returns organizations, so it lives in this folder. */
@Resolver(() => Instructor)
export class InstructorOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, {
    description:
      'Organizations the instructor is assigned to now (当前指导的组织): current liaison points of kind INSTRUCTOR. For past assignments too, see `assignments`.',
  })
  organizations(
    @Root() instructor: Instructor,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Conditions on the organizations.' }) filter: OrganizationFilter | null | undefined,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: "Order (default: by id; a street worker's 专包 organizations first)." }) orderBy: OrganizationOrder | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Organization>> {
    return relationLister(organizationKind)(
      ctx,
      'Instructor.organizations',
      (id) =>
        sql`o.id IN (SELECT __l.organization_id FROM liaison_point __l WHERE __l.instructor_id = ${id} AND __l.kind = 'INSTRUCTOR' AND __l.until IS NULL)`,
      instructor.id,
      filter,
      orderBy,
      page,
      info,
    );
  }
}
