import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { LiaisonPoint } from './liaison-point.entity.js';

export interface LiaisonPointLoaders {
  byId: RowLoader<number, LiaisonPoint>;
}

export function createLiaisonPointLoaders(db: EntityManager): LiaisonPointLoaders {
  return { byId: oneBy<LiaisonPoint, number>(db, LiaisonPoint, 'id') };
}
