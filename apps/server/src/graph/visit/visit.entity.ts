import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Intention } from '../enums.js';
import { LiaisonPoint } from '../liaison-point/liaison-point.entity.js';
import { Organization } from '../organization/organization.entity.js';

/**
 * 走访 on a liaison point. `organizationId` repeats the liaison point's organization (the
 * database checks it with a composite foreign key) so "visits of an organization" needs no join.
 */
@Entity({ name: 'visit' })
export class Visit {
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

  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Column({ name: 'visitor', type: 'text' })
  visitor: string;

  @Column({ name: 'owner_intention', type: 'text', nullable: true })
  ownerIntention: Intention | null;

  @Column({ name: 'members_intention', type: 'text', nullable: true })
  membersIntention: Intention | null;

  @Column({ name: 'problems', type: 'text', nullable: true })
  problems: string | null;

  @Column({ name: 'help_given', type: 'text', nullable: true })
  helpGiven: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
