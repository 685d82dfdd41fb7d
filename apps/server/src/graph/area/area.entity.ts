import { Node, registerNodeType } from '../node.js';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AreaLevel } from '../enums.js';

@ObjectType('Area', {
  implements: Node,
  description:
    'Area (行政区划): the city (市), a district or county (区县), a street or town (街道 / 镇) or a community (社区), identified by its administrative division code.',
})
@Entity({ name: 'area' })
export class Area extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, {
    description: 'Administrative division code (行政区划代码): 6 digits for the city and districts (370102), 9 for streets, 12 for communities.',
  })
  @Column({ name: 'code', type: 'varchar', length: 12, unique: true })
  code: string;

  @Field(() => String, { description: 'Name (名称), e.g. 历下区.' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => AreaLevel, { description: 'Level (层级).' })
  @Column({ name: 'level', type: 'text' })
  level: AreaLevel;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Area, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Area> | null;

  /** Ancestor ids from the city down to this area itself; "beneath X" is `path @> ARRAY[X]`. */
  @Column({ name: 'path', type: 'integer', array: true })
  path: number[];
}

registerNodeType(Area, 'Area');
