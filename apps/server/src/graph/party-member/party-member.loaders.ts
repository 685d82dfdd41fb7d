import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { PartyMember } from './party-member.entity.js';

export interface PartyMemberLoaders {
  byId: RowLoader<number, PartyMember>;
}

export function createPartyMemberLoaders(db: EntityManager): PartyMemberLoaders {
  return { byId: oneBy<PartyMember, number>(db, PartyMember, 'id') };
}
