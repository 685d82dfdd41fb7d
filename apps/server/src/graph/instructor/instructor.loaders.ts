import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { Instructor } from './instructor.entity.js';

export interface InstructorLoaders {
  byId: DataLoader<number, Instructor | null>;
}

export function createInstructorLoaders(db: EntityManager): InstructorLoaders {
  return { byId: oneBy<Instructor, number>(db, Instructor, 'id') };
}
