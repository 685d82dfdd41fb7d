import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { MemberUnit } from './member-unit.entity.js';

export interface MemberUnitLoaders {
  byId: RowLoader<number, MemberUnit>;
}

export function createMemberUnitLoaders(db: EntityManager): MemberUnitLoaders {
  return { byId: oneBy<MemberUnit, number>(db, MemberUnit, 'id') };
}
