import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Park } from './park.entity.js';

export interface ParkLoaders {
  byId: RowLoader<number, Park>;
}

export function createParkLoaders(db: EntityManager): ParkLoaders {
  return { byId: oneBy<Park, number>(db, Park, 'id') };
}
