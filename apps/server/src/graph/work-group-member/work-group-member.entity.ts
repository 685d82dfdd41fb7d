import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';

/** 街道工作组成员: one of the about ten people of a street's work group. */
@Entity({ name: 'work_group_member' })
export class WorkGroupMember {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'street_id', type: 'integer' })
  streetId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Area>;

  @Column({ name: 'name', type: 'text' })
  name: string;

  /** Public contact number: the seed asks for it to be published to the organizations. */
  @Column({ name: 'phone', type: 'varchar', length: 20 })
  phone: string;

  @Column({ name: 'title', type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;
}
