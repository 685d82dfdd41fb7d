import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { CommitteeLevel } from '../enums.js';
import { Node, registerNodeType } from '../node.js';
import { LocalDate } from '../scalars.js';

@ObjectType('WorkingCommittee', {
  implements: Node,
  description:
    'Two-new working committee (两新工委 / 党工委): the city\'s or a district\'s committee that leads Party building in two-new organizations, with its member units (委员单位).',
})
@Entity({ name: 'working_committee' })
export class WorkingCommittee extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (名称), e.g. 中共济南市历下区两新组织工作委员会.' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => CommitteeLevel, { description: 'City or district level (层级).' })
  @Column({ name: 'level', type: 'text' })
  level: CommitteeLevel;

  /** The city or the district the committee answers for; one committee per area. */
  @Column({ name: 'area_id', type: 'integer', unique: true })
  areaId: number;

  @OneToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Field(() => LocalDate, { description: 'Date established (成立日期).' })
  @Column({ name: 'established_on', type: 'date' })
  establishedOn: string;
}

registerNodeType(WorkingCommittee, 'WorkingCommittee');
