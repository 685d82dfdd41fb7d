import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { required } from '../required.js';
import { SafeInt } from '../scalars.js';
import { FundBudget } from './fund-budget.entity.js';
import { FundEntry } from './fund-entry.entity.js';

@Resolver(() => FundEntry)
export class FundResolver {
  @FieldResolver(() => Area, { description: 'The district or street the money is for (经费所属区划).' })
  async area(@Root() entry: FundEntry, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(entry.areaId), 'Area', entry.areaId);
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description: 'The newly established Party organization a startup fund is for (启动经费对应的党组织); null for working funds not tied to one.',
  })
  partyOrganization(@Root() entry: FundEntry, @Ctx() { loaders }: Context): Promise<PartyOrganization | null> | null {
    return entry.partyOrganizationId === null ? null : loaders.partyOrganization.byId.load(entry.partyOrganizationId);
  }
}

@Resolver(() => FundBudget)
export class FundBudgetResolver {
  @FieldResolver(() => Area, { description: 'The area whose budget it is (预算所属区划): the city.' })
  async area(@Root() budget: FundBudget, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(budget.areaId), 'Area', budget.areaId);
  }

  @FieldResolver(() => SafeInt, { description: "Sum of the year's entitlements (应拨合计), in fen (1 CNY = 100 fen), over all areas." })
  async entitledFen(@Root() budget: FundBudget, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.fund.totalsByYear.load(budget.year)).entitledFen;
  }

  @FieldResolver(() => SafeInt, { description: "Sum of the year's allocations (已拨合计), in fen, over all areas." })
  async allocatedFen(@Root() budget: FundBudget, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.fund.totalsByYear.load(budget.year)).allocatedFen;
  }

  @FieldResolver(() => SafeInt, { description: "Sum of the year's disbursements (已支出合计), in fen, over all areas." })
  async disbursedFen(@Root() budget: FundBudget, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.fund.totalsByYear.load(budget.year)).disbursedFen;
  }
}
