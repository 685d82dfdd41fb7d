import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { Node, registerNodeType } from '../node.js';
import { LocalDate } from '../scalars.js';

@ObjectType('WorkGroupMember', {
  implements: Node,
  description:
    'Street work-group member (街道工作组成员): one of the about ten people of a street who each look after (专包) a share of its two-new organizations; the contact number is public by design.',
})
@Entity({ name: 'work_group_member' })
export class WorkGroupMember extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'street_id', type: 'integer' })
  streetId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Area>;

  @Field(() => String, { description: 'Name (姓名).' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  /** Public contact number: the seed asks for it to be published to the organizations. */
  @Field(() => String, { description: 'Public contact number (公开联系电话), published to the organizations the member looks after.' })
  @Column({ name: 'phone', type: 'varchar', length: 20 })
  phone: string;

  @Field(() => String, { nullable: true, description: 'Post or title (职务), if recorded.' })
  @Column({ name: 'title', type: 'text', nullable: true })
  title: string | null;

  @Field(() => LocalDate, { description: 'Date joined the work group (加入日期).' })
  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date left the work group (离开日期); null while serving.' })
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => Boolean, { description: 'Still serving (在岗): no leaving date is recorded.' })
  get isCurrent(): boolean {
    return this.leftOn === null;
  }
}

registerNodeType(WorkGroupMember, 'WorkGroupMember');
