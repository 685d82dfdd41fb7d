import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { BusinessDistrictKind } from '../enums.js';
import { LocalDate } from '../scalars.js';

@ObjectType('BusinessDistrict', {
  implements: Node,
  description: 'Business district (商圈) or market (市场): a trading area where two-new organizations cluster.',
})
@Entity({ name: 'business_district' })
export class BusinessDistrict extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (名称).' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => BusinessDistrictKind, { description: 'Business district or market (商圈 / 市场).' })
  @Column({ name: 'kind', type: 'text' })
  kind: BusinessDistrictKind;

  @Column({ name: 'street_id', type: 'integer' })
  streetId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Area>;

  @Field(() => LocalDate, { description: 'Date opened (开业日期).' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;
}

registerNodeType(BusinessDistrict, 'BusinessDistrict');
