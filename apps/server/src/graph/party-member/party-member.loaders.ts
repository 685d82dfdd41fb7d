import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { PartyMember } from './party-member.entity.js';

export interface PartyMemberLoaders {
  byId: DataLoader<number, PartyMember | null>;
}

export function createPartyMemberLoaders(db: EntityManager): PartyMemberLoaders {
  return { byId: oneBy<PartyMember, number>(db, PartyMember, 'id') };
}
