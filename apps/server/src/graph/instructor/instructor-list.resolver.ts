import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { Organization } from '../organization/organization.entity.js';
import { inAreaSubtree } from '../scope.js';
import { Instructor } from './instructor.entity.js';
import { InstructorConnection, InstructorFilter, InstructorOrder, instructorConditions, instructorOrder } from './instructor.input.js';

/**
 * Lists of instructors: the root list and every relation that leads to instructors (an
 * organization's current ones, an area's talent pool). Fields returning instructors live here.
 */

const filterArg = () => Arg('filter', () => InstructorFilter, { nullable: true, description: 'Conditions on the instructors.' });
const orderArg = () => Arg('orderBy', () => InstructorOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = InstructorFilter | null | undefined;
type Order = InstructorOrder | null | undefined;

const instructorKind: ListKind<Instructor, NonNullable<Filter>, NonNullable<Order>> = { entity: Instructor, alias: 'i', conditions: instructorConditions, order: instructorOrder };
const relation = relationLister(instructorKind);

@Resolver(() => Instructor)
export class InstructorListResolver {
  @Query(() => InstructorConnection, {
    description: 'Party-building instructors (党建工作指导员), all of them or under a filter; in the pool and gone unless `inPool` says otherwise.',
  })
  instructors(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Instructor>> {
    return rootPage(instructorKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationInstructorsResolver {
  @FieldResolver(() => InstructorConnection, {
    description: 'The instructors assigned to this organization now (当前党建工作指导员): current liaison points of kind INSTRUCTOR.',
  })
  instructors(
    @Root() organization: Organization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(
      ctx,
      'Organization.instructors',
      (id) =>
        sql`i.id IN (SELECT __l.instructor_id FROM liaison_point __l WHERE __l.organization_id = ${id} AND __l.kind = 'INSTRUCTOR' AND __l.until IS NULL)`,
      organization.id,
      filter,
      orderBy,
      page,
      info,
    );
  }
}

@Resolver(() => Area)
export class AreaInstructorsResolver {
  @FieldResolver(() => InstructorConnection, {
    description: "Instructors of this area's talent pool (人才库) or of the pools of areas beneath it (the city: every pool).",
  })
  instructors(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Area.instructors', (id) => inAreaSubtree(raw('i.pool_area_id'), id), area.id, filter, orderBy, page, info);
  }
}
