import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';

/** The city's budget for two-new Party-building funds in one year, in fen. */
@Entity({ name: 'fund_budget' })
export class FundBudget {
  @PrimaryColumn({ name: 'year', type: 'integer' })
  year: number;

  @Column({ name: 'area_id', type: 'integer' })
  areaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: number;
}
