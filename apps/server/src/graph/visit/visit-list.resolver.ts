import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { sql } from '../../sql/fragment.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { relationLister, rootPage, type ListKind } from '../list.js';
import { Organization } from '../organization/organization.entity.js';
import { Visit } from './visit.entity.js';
import { VisitConnection, VisitFilter, VisitOrder, visitConditions, visitOrder } from './visit.input.js';

/**
 * Lists of visits: the root list, an organization's and a liaison point's. Fields returning
 * visits live here, whichever type they hang on.
 */

const filterArg = () => Arg('filter', () => VisitFilter, { nullable: true, description: 'Conditions on the visits.' });
const orderArg = () => Arg('orderBy', () => VisitOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = VisitFilter | null | undefined;
type Order = VisitOrder | null | undefined;

const visitKind: ListKind<Visit, NonNullable<Filter>, NonNullable<Order>> = { entity: Visit, alias: 'v', conditions: visitConditions, order: visitOrder };
const relation = relationLister(visitKind);

@Resolver(() => Visit)
export class VisitListResolver {
  @Query(() => VisitConnection, { description: 'Visits (走访) to organizations on liaison points, all of them or under a filter.' })
  visits(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Visit>> {
    return rootPage(visitKind, { db, loaders }, filter, orderBy, page, info);
  }
}

@Resolver(() => Organization)
export class OrganizationVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: 'Visits to this organization (走访记录), on any of its liaison points.' })
  visits(
    @Root() organization: Organization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Organization.visits', (id) => sql`v.organization_id = ${id}`, organization.id, filter, orderBy, page, info);
  }
}

@Resolver(() => LiaisonPoint)
export class LiaisonPointVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: 'Visits made on this liaison point (走访记录).' })
  visits(
    @Root() point: LiaisonPoint,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'LiaisonPoint.visits', (id) => sql`v.liaison_point_id = ${id}`, point.id, filter, orderBy, page, info);
  }
}
