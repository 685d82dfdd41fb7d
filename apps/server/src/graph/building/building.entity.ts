import { Node, registerNodeType } from '../node.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { Park } from '../park/park.entity.js';
import { LocalDate, SafeInt } from '../scalars.js';

/** 亿元楼宇: a building paying at least 100 million CNY (10,000,000,000 fen) of tax a year. */
export const HUNDRED_MILLION_CNY_IN_FEN = 10_000_000_000;

@ObjectType('Building', {
  implements: Node,
  description:
    'Building (楼宇): a commercial office building. One paying 100 million CNY or more in tax a year is a 亿元楼宇.',
})
@Entity({ name: 'building' })
export class Building extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (楼宇名称).' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'street_id', type: 'integer' })
  streetId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Area>;

  @Column({ name: 'park_id', type: 'integer', nullable: true })
  parkId: number | null;

  @ManyToOne(() => Park, { nullable: true })
  @JoinColumn({ name: 'park_id' })
  park?: Relation<Park> | null;

  @Field(() => String, { nullable: true, description: 'Address (地址).' })
  @Column({ name: 'address', type: 'text', nullable: true })
  address: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of floors (楼层数).' })
  @Column({ name: 'floors', type: 'integer', nullable: true })
  floors: number | null;

  @Field(() => SafeInt, { description: 'Annual tax revenue in fen (年纳税额, 分; 1 CNY = 100 fen).' })
  @Column({ name: 'annual_tax_fen', type: 'bigint', default: 0 })
  annualTaxFen: number;

  @Field(() => Float, { description: 'Annual tax revenue in CNY (年纳税额, 元): annualTaxFen / 100.' })
  get annualTaxYuan(): number {
    return this.annualTaxFen / 100;
  }

  @Field(() => Boolean, {
    description: 'Whether this is a 亿元楼宇: annual tax revenue of 100 million CNY (10,000,000,000 fen) or more.',
  })
  get isHundredMillionTaxBuilding(): boolean {
    return this.annualTaxFen >= HUNDRED_MILLION_CNY_IN_FEN;
  }

  @Field(() => LocalDate, { description: 'Date opened (启用日期).' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;
}

registerNodeType(Building, 'Building');
