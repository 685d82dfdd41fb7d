import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { Instructor } from '../instructor/instructor.entity.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { WorkGroupMember } from '../work-group-member/work-group-member.entity.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';
import { LiaisonPoint } from './liaison-point.entity.js';
import {
  LiaisonPointConnection,
  LiaisonPointFilter,
  LiaisonPointOrder,
  liaisonPointConditions,
  liaisonPointOrder,
} from './liaison-point.input.js';

/**
 * Lists of liaison points: the root list and every relation that leads to liaison points (an
 * organization's, an instructor's assignments, each responsible body's). Fields returning
 * liaison points live here, whichever type they hang on.
 */

const filterArg = () => Arg('filter', () => LiaisonPointFilter, { nullable: true, description: 'Conditions on the liaison points.' });
const orderArg = () => Arg('orderBy', () => LiaisonPointOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = LiaisonPointFilter | null | undefined;
type Order = LiaisonPointOrder | null | undefined;

const liaisonPointKind: ListKind<LiaisonPoint, NonNullable<Filter>, NonNullable<Order>> = { entity: LiaisonPoint, alias: 'l', conditions: liaisonPointConditions, order: liaisonPointOrder };
const relation = relationLister(liaisonPointKind);

@Resolver(() => LiaisonPoint)
export class LiaisonPointListResolver {
  @Query(() => LiaisonPointConnection, {
    description: 'Liaison points (联系点), all of them or under a filter; current and ended unless `current` says otherwise.',
  })
  liaisonPoints(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<LiaisonPoint>> {
    return rootPage(liaisonPointKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationLiaisonPointsResolver {
  @FieldResolver(() => LiaisonPointConnection, {
    description: 'The liaison points tying this organization to the bodies responsible for it (联系点), current and ended; of every kind.',
  })
  liaisonPoints(
    @Root() organization: Organization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Organization.liaisonPoints', (id) => sql`l.organization_id = ${id}`, organization.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Instructor)
export class InstructorAssignmentsResolver {
  @FieldResolver(() => LiaisonPointConnection, {
    description: "The instructor's assignments to organizations (指导的组织), current and ended: liaison points of kind INSTRUCTOR.",
  })
  assignments(
    @Root() instructor: Instructor,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Instructor.assignments', (id) => sql`l.instructor_id = ${id}`, instructor.id, filter, orderBy, page, info);
  }
}

@Resolver(() => WorkingCommittee)
export class WorkingCommitteeLiaisonPointsResolver {
  @FieldResolver(() => LiaisonPointConnection, {
    description: "The committee's direct liaison points (直接联系点, 6–10 at a time), current and ended.",
  })
  directLiaisonPoints(
    @Root() committee: WorkingCommittee,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'WorkingCommittee.directLiaisonPoints', (id) => sql`l.committee_id = ${id}`, committee.id, filter, orderBy, page, info);
  }
}

@Resolver(() => MemberUnit)
export class MemberUnitLiaisonPointsResolver {
  @FieldResolver(() => LiaisonPointConnection, {
    description: 'The organizations this member unit looks after (包挂联系点), current and ended.',
  })
  liaisonPoints(
    @Root() unit: MemberUnit,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'MemberUnit.liaisonPoints', (id) => sql`l.member_unit_id = ${id}`, unit.id, filter, orderBy, page, info);
  }
}

@Resolver(() => WorkGroupMember)
export class WorkGroupMemberLiaisonPointsResolver {
  @FieldResolver(() => LiaisonPointConnection, {
    description: 'The organizations this work-group member is responsible for (专包联系点), current and ended.',
  })
  liaisonPoints(
    @Root() member: WorkGroupMember,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'WorkGroupMember.liaisonPoints', (id) => sql`l.work_group_member_id = ${id}`, member.id, filter, orderBy, page, info);
  }
}
