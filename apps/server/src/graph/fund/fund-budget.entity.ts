import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { SafeInt } from '../scalars.js';

/**
 * The city's budget for two-new Party-building funds in one year, in fen. A plain object type,
 * not a Node: one row per year, reached through `fundBudgets`, identified by its year.
 */
@ObjectType('FundBudget', {
  description: "The city's budget (经费预算) for two-new Party-building funds in one year, with what the fund entries of that year add up to; amounts in fen.",
})
@Entity({ name: 'fund_budget' })
export class FundBudget {
  @Field(() => Int, { description: 'Budget year (年度).' })
  @PrimaryColumn({ name: 'year', type: 'integer' })
  year: number;

  @Column({ name: 'area_id', type: 'integer' })
  areaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Field(() => SafeInt, { description: 'Budgeted amount in fen (预算金额, 分; 1 CNY = 100 fen).' })
  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;
}
