import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Visit } from './visit.entity.js';

export interface VisitLoaders {
  byId: RowLoader<number, Visit>;
}

export function createVisitLoaders(db: EntityManager): VisitLoaders {
  return { byId: oneBy<Visit, number>(db, Visit, 'id') };
}
