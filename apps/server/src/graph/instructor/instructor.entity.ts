import { Node, registerNodeType } from '../node.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import { LocalDate } from '../scalars.js';

/**
 * 党建工作指导员 from a city or district talent pool (党务工作人才库). Assignments to
 * organizations are liaison points of kind INSTRUCTOR. The phone number is personal data: its
 * GraphQL field is resolved, masked, in instructor.resolver.ts.
 */
@ObjectType('Instructor', {
  implements: Node,
  description:
    'Party-building instructor (党建工作指导员) from the talent pool (党务工作人才库) of the city or a district, dispatched to organizations; each assignment is a liaison point of kind INSTRUCTOR.',
})
@Entity({ name: 'instructor' })
export class Instructor extends Node {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Field(() => String, { description: 'Name (姓名).' })
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

  @Field(() => String, { nullable: true, description: 'Where the instructor works (工作单位), if recorded.' })
  @Column({ name: 'employer', type: 'text', nullable: true })
  employer: string | null;

  @Field(() => LocalDate, { description: 'Date the instructor joined the talent pool (入库日期).' })
  @Column({ name: 'joined_pool_on', type: 'date' })
  joinedPoolOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date the instructor left the talent pool (出库日期), if so.' })
  @Column({ name: 'left_pool_on', type: 'date', nullable: true })
  leftPoolOn: string | null;

  @Field(() => Int, {
    description: 'Version of this record (版本号), raised on every change. Pass it to an update: a stale version is refused with CONFLICT.',
  })
  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Field(() => Boolean, { description: 'Whether the instructor is in the talent pool today (在库): has not left it.' })
  get inPool(): boolean {
    return this.leftPoolOn === null;
  }
}

registerNodeType(Instructor, 'Instructor');
