import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Instructor } from './instructor.entity.js';

export interface InstructorLoaders {
  byId: RowLoader<number, Instructor>;
}

export function createInstructorLoaders(db: EntityManager): InstructorLoaders {
  return { byId: oneBy<Instructor, number>(db, Instructor, 'id') };
}
