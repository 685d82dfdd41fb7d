import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MemberUnitDomain } from '../enums.js';
import { Node, registerNodeType } from '../node.js';
import { LocalDate } from '../scalars.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';

@ObjectType('MemberUnit', {
  implements: Node,
  description:
    'Member unit (委员单位) of a two-new working committee: a department (propaganda, united front, education, civil affairs, …) that answers for the organizations of its supervisory domain and looks after key organizations (包挂).',
})
@Entity({ name: 'member_unit' })
export class MemberUnit extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'committee_id', type: 'integer' })
  committeeId: number;

  @ManyToOne(() => WorkingCommittee)
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<WorkingCommittee>;

  @Field(() => String, { description: 'Name (单位名称), e.g. 市委宣传部.' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @Field(() => MemberUnitDomain, { description: 'Supervisory domain (职能领域).' })
  @Column({ name: 'domain', type: 'text' })
  domain: MemberUnitDomain;

  @Field(() => LocalDate, { description: 'Date it joined the committee (加入日期).' })
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;
}

registerNodeType(MemberUnit, 'MemberUnit');
