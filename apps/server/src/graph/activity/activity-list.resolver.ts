import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { rootPage, type ListKind, relationLister } from '../list.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { Activity } from './activity.entity.js';
import { ActivityConnection, ActivityFilter, ActivityOrder, activityConditions, activityOrder } from './activity.input.js';

/** Lists of activities: the root list and a Party organization's. */

const filterArg = () => Arg('filter', () => ActivityFilter, { nullable: true, description: 'Conditions on the activities.' });
const orderArg = () => Arg('orderBy', () => ActivityOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = ActivityFilter | null | undefined;
type Order = ActivityOrder | null | undefined;

const activityKind: ListKind<Activity, NonNullable<Filter>, NonNullable<Order>> = { entity: Activity, alias: 'ac', conditions: activityConditions, order: activityOrder };

@Resolver(() => Activity)
export class ActivityListResolver {
  @Query(() => ActivityConnection, { description: 'Activities of Party organizations (党组织活动), all of them or under a filter.' })
  activities(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Activity>> {
    return rootPage(activityKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => PartyOrganization)
export class PartyOrganizationActivitiesResolver {
  @FieldResolver(() => ActivityConnection, {
    description: 'Activities this Party organization held (开展的活动), not those of the ones beneath it (use `activities(filter: { scope })` for those).',
  })
  activities(
    @Root() partyOrganization: PartyOrganization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Activity>> {
    return relationLister(activityKind)(ctx, 'PartyOrganization.activities', (id) => sql`ac.party_organization_id = ${id}`, partyOrganization.id, filter, orderBy, page, info);
  }
}
