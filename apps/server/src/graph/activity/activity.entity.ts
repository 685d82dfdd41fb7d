import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ActivityKind } from '../enums.js';
import { PartyOrganization } from '../party-organization/party-organization.entity.js';

/** 党组织活动: what a Party organization did, when, with how many people. */
@Entity({ name: 'activity' })
export class Activity {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'party_organization_id', type: 'integer' })
  partyOrganizationId: number;

  @ManyToOne(() => PartyOrganization)
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization>;

  @Column({ name: 'kind', type: 'text' })
  kind: ActivityKind;

  @Column({ name: 'title', type: 'text' })
  title: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ name: 'participants', type: 'integer' })
  participants: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
