import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { PartyOrganization } from './party-organization.entity.js';

export interface PartyOrganizationLoaders {
  byId: RowLoader<number, PartyOrganization>;
}

export function createPartyOrganizationLoaders(db: EntityManager): PartyOrganizationLoaders {
  return { byId: oneBy<PartyOrganization, number>(db, PartyOrganization, 'id') };
}
