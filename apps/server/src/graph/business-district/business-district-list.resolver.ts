import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { raw } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { inAreaSubtree } from '../scope.js';
import { BusinessDistrict } from './business-district.entity.js';
import {
  BusinessDistrictConnection,
  BusinessDistrictFilter,
  BusinessDistrictOrder,
  businessDistrictConditions,
  businessDistrictOrder,
} from './business-district.input.js';

/** Lists of business districts and markets: the root list and every relation that leads to them. */

const filterArg = () =>
  Arg('filter', () => BusinessDistrictFilter, { nullable: true, description: 'Conditions on the business districts and markets.' });
const orderArg = () => Arg('orderBy', () => BusinessDistrictOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = BusinessDistrictFilter | null | undefined;
type Order = BusinessDistrictOrder | null | undefined;

const businessDistrictKind: ListKind<BusinessDistrict, NonNullable<Filter>, NonNullable<Order>> = { entity: BusinessDistrict, alias: 'bd', conditions: businessDistrictConditions, order: businessDistrictOrder };
const businessDistrictRelation = relationLister(businessDistrictKind);

@Resolver(() => BusinessDistrict)
export class BusinessDistrictListResolver {
  @Query(() => BusinessDistrictConnection, { description: 'Business districts and markets (商圈 / 市场), all of them or under a filter.' })
  businessDistricts(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<BusinessDistrict>> {
    return rootPage(businessDistrictKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Area)
export class AreaBusinessDistrictsResolver {
  @FieldResolver(() => BusinessDistrictConnection, {
    description:
      'Business districts and markets lying in this area or any area beneath it (辖区内商圈 / 市场: a district, all its streets; the city, all).',
  })
  businessDistricts(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<BusinessDistrict>> {
    return businessDistrictRelation(ctx, 'Area.businessDistricts', (id) => inAreaSubtree(raw('bd.street_id'), id), area.id, filter, orderBy, page, info);
  }
}
