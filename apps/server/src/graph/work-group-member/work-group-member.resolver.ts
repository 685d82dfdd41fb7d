import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { rootPage, type ListKind, relationLister } from '../list.js';
import { required } from '../required.js';
import { inAreaSubtree } from '../scope.js';
import { WorkGroupMember } from './work-group-member.entity.js';
import {
  WorkGroupMemberConnection,
  WorkGroupMemberFilter,
  WorkGroupMemberOrder,
  workGroupMemberConditions,
  workGroupMemberOrder,
} from './work-group-member.input.js';

const filterArg = () => Arg('filter', () => WorkGroupMemberFilter, { nullable: true, description: 'Conditions on the work-group members.' });
const orderArg = () => Arg('orderBy', () => WorkGroupMemberOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = WorkGroupMemberFilter | null | undefined;
type Order = WorkGroupMemberOrder | null | undefined;

const workGroupMemberKind: ListKind<WorkGroupMember, NonNullable<Filter>, NonNullable<Order>> = { entity: WorkGroupMember, alias: 'wg', conditions: workGroupMemberConditions, order: workGroupMemberOrder };

@Resolver(() => WorkGroupMember)
export class WorkGroupMemberResolver {
  @Query(() => WorkGroupMemberConnection, {
    description: 'Street work-group members (街道工作组成员), serving and former, all of them or under a filter.',
  })
  workGroupMembers(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<WorkGroupMember>> {
    return rootPage(workGroupMemberKind, { db, loaders }, filter, orderBy, page, info);
  }

  @FieldResolver(() => Area, { description: 'The street or town (街道 / 镇) whose work group this is.' })
  async street(@Root() member: WorkGroupMember, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(member.streetId), 'Area', member.streetId);
  }
}

@Resolver(() => Area)
export class AreaWorkGroupMembersResolver {
  @FieldResolver(() => WorkGroupMemberConnection, {
    description:
      'Work-group members (街道工作组成员) of this street, or of every street beneath this area (a district: all its streets\'); serving and former unless `filter.isCurrent` says otherwise.',
  })
  workGroupMembers(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<WorkGroupMember>> {
    return relationLister(workGroupMemberKind)(ctx, 'Area.workGroupMembers', (id) => inAreaSubtree(raw('wg.street_id'), id), area.id, filter, orderBy, page, info);
  }
}
