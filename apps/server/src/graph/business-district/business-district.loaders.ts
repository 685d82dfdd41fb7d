import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { BusinessDistrict } from './business-district.entity.js';

export interface BusinessDistrictLoaders {
  byId: RowLoader<number, BusinessDistrict>;
}

export function createBusinessDistrictLoaders(db: EntityManager): BusinessDistrictLoaders {
  return { byId: oneBy<BusinessDistrict, number>(db, BusinessDistrict, 'id') };
}
