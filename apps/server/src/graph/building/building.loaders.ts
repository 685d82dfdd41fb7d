import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Building } from './building.entity.js';

export interface BuildingLoaders {
  byId: RowLoader<number, Building>;
}

export function createBuildingLoaders(db: EntityManager): BuildingLoaders {
  return { byId: oneBy<Building, number>(db, Building, 'id') };
}
