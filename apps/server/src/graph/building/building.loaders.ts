import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { Building } from './building.entity.js';

export interface BuildingLoaders {
  byId: DataLoader<number, Building | null>;
}

export function createBuildingLoaders(db: EntityManager): BuildingLoaders {
  return { byId: oneBy<Building, number>(db, Building, 'id') };
}
