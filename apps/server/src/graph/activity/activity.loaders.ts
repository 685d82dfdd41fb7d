import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { Activity } from './activity.entity.js';

export interface ActivityLoaders {
  byId: DataLoader<number, Activity | null>;
}

export function createActivityLoaders(db: EntityManager): ActivityLoaders {
  return { byId: oneBy<Activity, number>(db, Activity, 'id') };
}
