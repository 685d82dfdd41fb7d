import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { findPage } from '../list.js';
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
  ): Promise<ConnectionValue<WorkGroupMember>> {
    return findPage(
      db,
      { entity: WorkGroupMember, alias: 'wg', where: workGroupMemberConditions(filter, ['filter']), order: workGroupMemberOrder(orderBy) },
      page,
      loaders.primeNodes,
    );
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
  ): Promise<ConnectionValue<WorkGroupMember>> {
    return ctx.loaders.pages.load(
      {
        key: `Area.workGroupMembers|${JSON.stringify(filter ?? null)}`,
        entity: WorkGroupMember,
        alias: 'wg',
        parent: (id) => inAreaSubtree(raw('wg.street_id'), id),
        where: workGroupMemberConditions(filter, ['filter']),
        order: workGroupMemberOrder(orderBy),
      },
      page,
      area.id,
    );
  }
}
