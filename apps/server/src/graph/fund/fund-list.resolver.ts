import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { and, raw, sql } from '../../sql/fragment.js';
import { Area } from '../area/area.entity.js';
import { PageArgs, type ConnectionValue } from '../connection.js';
import { IntRange, intRange } from '../filters.js';
import { runQuery, tableShape, relationLister, rootPage, type ListKind } from '../list.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { inAreaSubtree } from '../scope.js';
import { FundBudget } from './fund-budget.entity.js';
import { FundEntry } from './fund-entry.entity.js';
import { FundConnection, FundFilter, FundOrder, fundConditions, fundOrder } from './fund.input.js';

/** Lists of fund entries (the root list, an area's, a Party organization's) and the budgets. */

const filterArg = () => Arg('filter', () => FundFilter, { nullable: true, description: 'Conditions on the fund entries.' });
const orderArg = () => Arg('orderBy', () => FundOrder, { nullable: true, description: 'Order (default: by id).' });

type Filter = FundFilter | null | undefined;
type Order = FundOrder | null | undefined;

const fundEntryKind: ListKind<FundEntry, NonNullable<Filter>, NonNullable<Order>> = { entity: FundEntry, alias: 'f', conditions: fundConditions, order: fundOrder };
const relation = relationLister(fundEntryKind);

@Resolver(() => FundEntry)
export class FundListResolver {
  @Query(() => FundConnection, {
    description:
      'Fund entries (经费记录): entitlements, allocations and disbursements of working and startup funds, all of them or under a filter. Amounts in fen (1 CNY = 100 fen).',
  })
  funds(
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<FundEntry>> {
    return rootPage(fundEntryKind, { db, loaders }, filter, orderBy, page, info);
  }

  @Query(() => [FundBudget], { description: "The city's yearly budgets for Party-building funds (经费预算), by year ascending." })
  async fundBudgets(
    @Arg('year', () => IntRange, { nullable: true, description: 'Only these years (年度范围).' }) year: IntRange | null | undefined,
    @Ctx() { db }: Context,
  ): Promise<FundBudget[]> {
    const shape = tableShape(db, FundBudget);
    const where = and(intRange(raw('b.year'), year, ['year']));
    const rows = await runQuery(db, sql`SELECT ${shape.select('b')} FROM fund_budget b WHERE ${where} ORDER BY b.year`);
    return rows.map((row) => shape.hydrate(row));
  }
}

@Resolver(() => Area)
export class AreaFundsResolver {
  @FieldResolver(() => FundConnection, {
    description: 'Fund entries for this area or any area beneath it (本区划及下级的经费记录). Amounts in fen.',
  })
  funds(
    @Root() area: Area,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'Area.funds', (id) => inAreaSubtree(raw('f.area_id'), id), area.id, filter, orderBy, page, info);
  }
}

@Resolver(() => PartyOrganization)
export class PartyOrganizationFundsResolver {
  @FieldResolver(() => FundConnection, {
    description: 'Startup fund entries (启动经费记录) for this Party organization: entitled, allocated, disbursed. Amounts in fen.',
  })
  funds(
    @Root() partyOrganization: PartyOrganization,
    @filterArg() filter: Filter,
    @orderArg() orderBy: Order,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relation(ctx, 'PartyOrganization.funds', (id) => sql`f.party_organization_id = ${id}`, partyOrganization.id, filter, orderBy, page, info);
  }
}
