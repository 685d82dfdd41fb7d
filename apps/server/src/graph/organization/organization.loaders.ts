import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { Organization } from './organization.entity.js';

export interface OrganizationLoaders {
  byId: RowLoader<number, Organization>;
  /** By normalized unified social credit code (parseCreditCode(...).code). */
  byCreditCode: DataLoader<string, Organization | null>;
}

export function createOrganizationLoaders(db: EntityManager): OrganizationLoaders {
  const byId: RowLoader<number, Organization> = oneBy<Organization, number>(db, Organization, 'id', {
    prime: (o) => byCreditCode.prime(o.creditCode, o),
  });
  const byCreditCode: DataLoader<string, Organization | null> = oneBy<Organization, string>(db, Organization, 'creditCode', {
    prime: (o) => byId.prime(o.id, o),
  });
  return { byId, byCreditCode };
}
