import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ActivityKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';
import { DateTime, LocalDate } from '../scalars.js';

/** 党组织活动: what a Party organization did, when, with how many people. */
@ObjectType('Activity', {
  implements: Node,
  description:
    'Activity (党组织活动) of a Party organization: a red-collar salon, training, lecture, regular meeting, themed Party day or volunteer service; its date and participants.',
})
@Entity({ name: 'activity' })
export class Activity extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'party_organization_id', type: 'integer' })
  partyOrganizationId: number;

  @ManyToOne(() => PartyOrganization)
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization>;

  @Field(() => ActivityKind, { description: 'Kind of activity (活动类型).' })
  @Column({ name: 'kind', type: 'text' })
  kind: ActivityKind;

  @Field(() => String, { description: 'Title (活动名称).' })
  @Column({ name: 'title', type: 'text' })
  title: string;

  @Field(() => LocalDate, { description: 'Date held (活动日期).' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Number of participants (参加人数).' })
  @Column({ name: 'participants', type: 'integer' })
  participants: number;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTime, { description: 'When the record was created (创建时间).' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

registerNodeType(Activity, 'Activity');
