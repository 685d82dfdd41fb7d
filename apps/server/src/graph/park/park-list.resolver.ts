import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { inAreaSubtree } from '../scope.js';
import { Park } from './park.entity.js';
import { ParkConnection, ParkFilter, ParkOrder, parkConditions, parkOrder } from './park.input.js';

/** Lists of parks: the root list and every relation that leads to parks. */

const filterArg = () => Arg('filter', () => ParkFilter, { nullable: true, description: 'Conditions on the parks.' });
const orderArg = () => Arg('orderBy', () => ParkOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = ParkFilter | null | undefined;
type Order = ParkOrder | null | undefined;

const parkKind: ListKind<Park, NonNullable<Filter>, NonNullable<Order>> = { entity: Park, alias: 'p', conditions: parkConditions, order: parkOrder };
const parkRelation = relationLister(parkKind);

@Resolver(() => Park)
export class ParkListResolver {
  @Query(() => ParkConnection, { description: 'Industrial parks (园区), all of them or under a filter.' })
  parks(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Park>> {
    return rootPage(parkKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Area)
export class AreaParksResolver {
  @FieldResolver(() => ParkConnection, {
    description:
      'Parks administered by this area or by an area beneath it (管理的园区: for the city all, for a district those of the district and its streets).',
  })
  parks(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Park>> {
    return parkRelation(ctx, 'Area.parks', (id) => inAreaSubtree(raw('p.area_id'), id), area.id, filter, orderBy, page, info);
  }
}
