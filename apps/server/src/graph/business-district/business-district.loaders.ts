import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { BusinessDistrict } from './business-district.entity.js';

export interface BusinessDistrictLoaders {
  byId: DataLoader<number, BusinessDistrict | null>;
}

export function createBusinessDistrictLoaders(db: EntityManager): BusinessDistrictLoaders {
  return { byId: oneBy<BusinessDistrict, number>(db, BusinessDistrict, 'id') };
}
