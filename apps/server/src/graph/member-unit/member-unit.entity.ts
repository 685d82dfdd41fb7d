import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { MemberUnitDomain } from '../enums.js';
import { WorkingCommittee } from '../working-committee/working-committee.entity.js';

/** 委员单位: a member unit of a working committee, answering for its supervisory domain. */
@Entity({ name: 'member_unit' })
export class MemberUnit {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'committee_id', type: 'integer' })
  committeeId: number;

  @ManyToOne(() => WorkingCommittee)
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<WorkingCommittee>;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'domain', type: 'text' })
  domain: MemberUnitDomain;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;
}
