import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Intention } from '../enums.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { DateTime, LocalDate } from '../scalars.js';

/**
 * 走访 on a liaison point. `organizationId` repeats the liaison point's organization (the
 * database checks it with a composite foreign key) so "visits of an organization" needs no join.
 */
@ObjectType('Visit', {
  implements: Node,
  description:
    "Visit (走访) to an organization on a liaison point: when, by whom, and what was found — the owner's and the members' intentions, problems raised, help given.",
})
@Entity({ name: 'visit' })
export class Visit extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'liaison_point_id', type: 'integer' })
  liaisonPointId: number;

  // Mapped on liaison_point_id alone: the composite key (liaison_point_id, organization_id) is
  // the database's consistency check, and TypeORM needs no more to join.
  @ManyToOne(() => LiaisonPoint)
  @JoinColumn({ name: 'liaison_point_id' })
  liaisonPoint?: Relation<LiaisonPoint>;

  @Column({ name: 'organization_id', type: 'integer' })
  organizationId: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field(() => LocalDate, { description: 'Date of the visit (走访日期).' })
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field(() => String, { description: 'Who visited (走访人), as recorded.' })
  @Column({ name: 'visitor', type: 'text' })
  visitor: string;

  @Field(() => Intention, {
    nullable: true,
    description: "The owner's intention to set up a Party organization (出资人/负责人建立党组织意向), if recorded.",
  })
  @Column({ name: 'owner_intention', type: 'text', nullable: true })
  ownerIntention: Intention | null;

  @Field(() => Intention, {
    nullable: true,
    description: "The members' intention to transfer their organizational relations here (党员转入组织关系意向), if recorded.",
  })
  @Column({ name: 'members_intention', type: 'text', nullable: true })
  membersIntention: Intention | null;

  @Field(() => String, { nullable: true, description: 'Problems raised by the organization (反映的问题), if any.' })
  @Column({ name: 'problems', type: 'text', nullable: true })
  problems: string | null;

  @Field(() => String, { nullable: true, description: 'Help given (帮助解决的事项), if any.' })
  @Column({ name: 'help_given', type: 'text', nullable: true })
  helpGiven: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTime, { description: 'When the record was created (创建时间).' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

registerNodeType(Visit, 'Visit');
