import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { findPage } from '../list.js';
import { required } from '../required.js';
import { WorkingCommittee } from './working-committee.entity.js';
import {
  WorkingCommitteeConnection,
  WorkingCommitteeFilter,
  WorkingCommitteeOrder,
  workingCommitteeConditions,
  workingCommitteeOrder,
} from './working-committee.input.js';

@Resolver(() => WorkingCommittee)
export class WorkingCommitteeResolver {
  @Query(() => WorkingCommitteeConnection, {
    description: 'Two-new working committees (两新工委): the city\'s and the districts\', all of them or under a filter.',
  })
  async workingCommittees(
    @Arg('filter', () => WorkingCommitteeFilter, { nullable: true, description: 'Conditions on the committees.' })
    filter: WorkingCommitteeFilter | null | undefined,
    @Arg('orderBy', () => WorkingCommitteeOrder, { nullable: true, description: 'Order (default: by id).' })
    orderBy: WorkingCommitteeOrder | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
  ): Promise<ConnectionValue<WorkingCommittee>> {
    const connection = await findPage(
      db,
      { entity: WorkingCommittee, alias: 'wc', where: workingCommitteeConditions(filter, ['filter']), order: workingCommitteeOrder(orderBy) },
      page,
    );
    for (const committee of connection.nodes) loaders.workingCommittee.prime(committee);
    return connection;
  }

  @FieldResolver(() => Area, { description: 'The city or district (市 / 区县) the committee answers for.' })
  async area(@Root() committee: WorkingCommittee, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(committee.areaId), 'Area', committee.areaId);
  }
}

@Resolver(() => Area)
export class AreaWorkingCommitteeResolver {
  @FieldResolver(() => WorkingCommittee, {
    nullable: true,
    description:
      "The area's own two-new working committee (本级两新工委): the city's or a district's; null for streets and communities (their district's committee answers for them: ask `parent`).",
  })
  workingCommittee(@Root() area: Area, @Ctx() { loaders }: Context): Promise<WorkingCommittee | null> {
    return loaders.workingCommittee.byAreaId.load(area.id);
  }
}
