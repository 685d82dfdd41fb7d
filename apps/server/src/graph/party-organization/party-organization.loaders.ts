import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { PartyOrganization } from './party-organization.entity.js';

export interface PartyOrganizationLoaders {
  byId: DataLoader<number, PartyOrganization | null>;
}

export function createPartyOrganizationLoaders(db: EntityManager): PartyOrganizationLoaders {
  return { byId: oneBy<PartyOrganization, number>(db, PartyOrganization, 'id') };
}
