import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Activity } from './activity.entity.js';

export interface ActivityLoaders {
  byId: RowLoader<number, Activity>;
}

export function createActivityLoaders(db: EntityManager): ActivityLoaders {
  return { byId: oneBy<Activity, number>(db, Activity, 'id') };
}
