import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { LiaisonPoint } from './liaison-point.entity.js';

export interface LiaisonPointLoaders {
  byId: DataLoader<number, LiaisonPoint | null>;
}

export function createLiaisonPointLoaders(db: EntityManager): LiaisonPointLoaders {
  return { byId: oneBy<LiaisonPoint, number>(db, LiaisonPoint, 'id') };
}
