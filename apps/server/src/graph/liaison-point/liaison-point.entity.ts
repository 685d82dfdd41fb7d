import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { LiaisonKind } from '../enums.js';
import { Instructor } from '../instructor/instructor.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { LocalDate } from '../scalars.js';
import { WorkGroupMember } from '../work-group-member/work-group-member.entity.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';

/**
 * 联系点: a standing tie between a responsible body and an organization. Exactly one of
 * committee, member unit, work-group member and instructor is set, the one `kind` names.
 */
@ObjectType('LiaisonPoint', {
  implements: Node,
  description:
    'Liaison point (联系点): a standing tie between a responsible body (a working committee, a member unit, a street work-group member or an instructor) and one organization, from `since` until `until`.',
})
@Entity({ name: 'liaison_point' })
export class LiaisonPoint extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => LiaisonKind, { description: 'Kind (联系点类型): who is responsible.' })
  @Column({ name: 'kind', type: 'text' })
  kind: LiaisonKind;

  @Column({ name: 'organization_id', type: 'integer' })
  organizationId: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ name: 'committee_id', type: 'integer', nullable: true })
  committeeId: number | null;

  @ManyToOne(() => WorkingCommittee, { nullable: true })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<WorkingCommittee> | null;

  @Column({ name: 'member_unit_id', type: 'integer', nullable: true })
  memberUnitId: number | null;

  @ManyToOne(() => MemberUnit, { nullable: true })
  @JoinColumn({ name: 'member_unit_id' })
  memberUnit?: Relation<MemberUnit> | null;

  @Column({ name: 'work_group_member_id', type: 'integer', nullable: true })
  workGroupMemberId: number | null;

  @ManyToOne(() => WorkGroupMember, { nullable: true })
  @JoinColumn({ name: 'work_group_member_id' })
  workGroupMember?: Relation<WorkGroupMember> | null;

  @Column({ name: 'instructor_id', type: 'integer', nullable: true })
  instructorId: number | null;

  @ManyToOne(() => Instructor, { nullable: true })
  @JoinColumn({ name: 'instructor_id' })
  instructor?: Relation<Instructor> | null;

  @Field(() => LocalDate, { description: 'Date the tie began (建立联系日期).' })
  @Column({ name: 'since', type: 'date' })
  since: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date the tie ended (结束日期); null while it holds.' })
  @Column({ name: 'until', type: 'date', nullable: true })
  until: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => Boolean, { description: 'Whether the tie holds today (当前有效): it has not ended.' })
  get current(): boolean {
    return this.until === null;
  }
}

registerNodeType(LiaisonPoint, 'LiaisonPoint');
