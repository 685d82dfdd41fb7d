import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Area } from '../area/area.entity.js';
import type { CommitteeLevel } from '../enums.js';

/** 两新工委: the city's or a district's two-new working committee (GraphQL type: next issue). */
@Entity({ name: 'working_committee' })
export class WorkingCommittee {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'level', type: 'text' })
  level: CommitteeLevel;

  @Column({ name: 'area_id', type: 'integer', unique: true })
  areaId: number;

  @OneToOne(() => Area)
  @JoinColumn({ name: 'area_id' })
  area?: Relation<Area>;

  @Column({ name: 'established_on', type: 'date' })
  establishedOn: string;
}
