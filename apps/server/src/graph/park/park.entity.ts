import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { ParkLevel } from '../enums.js';
import { LocalDate } from '../scalars.js';

@ObjectType('Park', {
  implements: Node,
  description: 'Park (园区): an industrial or development park where two-new organizations cluster.',
})
@Entity({ name: 'park' })
export class Park extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (园区名称).' })
  @Column({ name: 'name', type: 'text', unique: true })
  name: string;

  @Field(() => ParkLevel, { description: 'Level (级别): national, provincial or municipal.' })
  @Column({ name: 'level', type: 'text' })
  level: ParkLevel;

  /** The district (or street) that administers the park; a park may span several streets. */
  @Column({ name: 'area_id', type: 'integer' })
  areaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Field(() => LocalDate, { description: 'Date established (设立日期).' })
  @Column({ name: 'established_on', type: 'date' })
  establishedOn: string;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;
}

registerNodeType(Park, 'Park');
