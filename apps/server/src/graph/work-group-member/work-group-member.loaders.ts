import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { WorkGroupMember } from './work-group-member.entity.js';

export interface WorkGroupMemberLoaders {
  byId: RowLoader<number, WorkGroupMember>;
}

export function createWorkGroupMemberLoaders(db: EntityManager): WorkGroupMemberLoaders {
  return { byId: oneBy<WorkGroupMember, number>(db, WorkGroupMember, 'id') };
}
