import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';

/**
 * 党建工作指导员 from a city or district talent pool (党务工作人才库). Assignments to
 * organizations are liaison points of kind INSTRUCTOR.
 */
@Entity({ name: 'instructor' })
export class Instructor {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'phone', type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** The area whose talent pool dispatched the instructor: the city or a district. */
  @Column({ name: 'pool_area_id', type: 'integer' })
  poolAreaId: number;

  @ManyToOne(() => Area)
  @JoinColumn({ name: 'pool_area_id' })
  poolArea?: Relation<Area>;

  @Column({ name: 'employer', type: 'text', nullable: true })
  employer: string | null;

  @Column({ name: 'joined_pool_on', type: 'date' })
  joinedPoolOn: string;

  @Column({ name: 'left_pool_on', type: 'date', nullable: true })
  leftPoolOn: string | null;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;
}
