import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { Park } from '../park/park.entity.js';
import { inAreaSubtree } from '../scope.js';
import { Building } from './building.entity.js';
import { BuildingConnection, BuildingFilter, BuildingOrder, buildingConditions, buildingOrder } from './building.input.js';
import { readsFromParent } from '../selected-columns.js';

/** Lists of buildings: the root list and every relation that leads to buildings. */

const filterArg = () => Arg('filter', () => BuildingFilter, { nullable: true, description: 'Conditions on the buildings.' });
const orderArg = () => Arg('orderBy', () => BuildingOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = BuildingFilter | null | undefined;
type Order = BuildingOrder | null | undefined;

const buildingKind: ListKind<Building, NonNullable<Filter>, NonNullable<Order>> = { entity: Building, alias: 'b', conditions: buildingConditions, order: buildingOrder };
const buildingRelation = relationLister(buildingKind);

@Resolver(() => Building)
export class BuildingListResolver {
  @Query(() => BuildingConnection, { description: 'Commercial buildings (楼宇), all of them or under a filter.' })
  buildings(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Building>> {
    return rootPage(buildingKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Area)
export class AreaBuildingsResolver {
  @FieldResolver(() => BuildingConnection, {
    description: 'Buildings standing in this area or any area beneath it (辖区内楼宇: a district, all its streets; the city, all).',
  })
  buildings(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Building>> {
    return buildingRelation(ctx, 'Area.buildings', (id) => inAreaSubtree(raw('b.street_id'), id), area.id, filter, orderBy, page, info);
  }
}

@Resolver(() => Park)
export class ParkBuildingsResolver {
  @FieldResolver(() => BuildingConnection, { description: 'Buildings standing in this park (园区内楼宇).' })
  buildings(
    @Root() park: Park,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Building>> {
    return buildingRelation(ctx, 'Park.buildings', (id) => sql`b.park_id = ${id}`, park.id, filter, orderBy, page, info);
  }
}

// The relations above read only the parent's id (graph/selected-columns.ts).
readsFromParent(Area, { buildings: [] });
readsFromParent(Park, { buildings: [] });
