import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SafeInt } from '../scalars.js';

@ObjectType('FundsRow', { description: 'Funds of one area for one year (经费). Money in fen (分; 100 fen = 1 CNY).' })
export class FundsRow {
  @Field(() => String, { description: 'Division code of the area: a child of the scope, the scope itself for its own row, or the scope (totals).' })
  areaCode: string;

  @Field(() => String, { description: 'Name of the area.' })
  areaName: string;

  @Field(() => Int, {
    description:
      'Members whose relation sat in a standing two-new Party organization on 1 January of the year (the mid-year rule, docs/measures.md), counted at their employer organization (in scope that day).',
  })
  workingFundMembers: number;

  @Field(() => SafeInt, { description: 'Entitled working funds in fen: 30,000 fen (300 CNY) × workingFundMembers (工作经费应拨).' })
  entitledWorkingFen: number;

  @Field(() => Int, { description: 'Party organizations established in the year (established_on in the year), counted at the area they belong to.' })
  newPartyOrganizations: number;

  @Field(() => SafeInt, { description: 'Entitled startup funds in fen: 200,000 fen (2,000 CNY) × newPartyOrganizations (启动经费应拨).' })
  entitledStartupFen: number;

  @Field(() => SafeInt, { description: 'entitledWorkingFen + entitledStartupFen, in fen (应拨合计).' })
  entitledFen: number;

  @Field(() => SafeInt, { description: 'Sum of ALLOCATED fund entries of the year (both funds) on the area or beneath it, in fen (已下达).' })
  allocatedFen: number;

  @Field(() => SafeInt, { description: 'Sum of DISBURSED fund entries of the year (both funds) on the area or beneath it, in fen (已拨付).' })
  disbursedFen: number;

  @Field(() => SafeInt, { description: 'entitledFen − disbursedFen, in fen (待拨付); negative when more was paid than the rule entitles.' })
  outstandingFen: number;
}

@ObjectType('FundsSummary', {
  description: 'Working and startup funds of a scope for a year (经费统计), per child area, against the city budget. Money in fen. Definitions: docs/measures.md.',
})
export class FundsSummary {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => FundsRow, { description: 'The scope as a whole: the sum of the rows.' })
  totals: FundsRow;

  @Field(() => [FundsRow], {
    description:
      "One row per child area (districts of the city, streets of a district), plus the scope's own row (money and Party organizations booked on the scope itself) when it holds something; a street scope has one row, itself.",
  })
  rows: FundsRow[];

  @Field(() => SafeInt, { nullable: true, description: "The city's budget for the year in fen (fund_budget); null when none is recorded." })
  budgetFen: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'budgetFen − totals.entitledFen, in fen: what the budget leaves after the scope’s entitlement; null without a budget.' })
  budgetBalanceFen: number | null;

  @Field(() => Float, { nullable: true, description: 'totals.entitledFen / budgetFen (share of the city budget the scope is entitled to); null without a (non-zero) budget.' })
  entitledShareOfBudget: number | null;
}
