import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the generator loaded (name, scale, seed, checksum): lets a second start know the data is there. */
@Entity({ name: 'dataset' })
export class Dataset {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'scale', type: 'double precision' })
  scale: number;

  @Column({ name: 'seed', type: 'integer' })
  seed: number;

  @Column({ name: 'checksum', type: 'text' })
  checksum: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;

  @Column({ name: 'row_counts', type: 'jsonb' })
  rowCounts: Record<string, number>;
}
