import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy } from '../../db/batch.js';
import { WorkGroupMember } from './work-group-member.entity.js';

export interface WorkGroupMemberLoaders {
  byId: DataLoader<number, WorkGroupMember | null>;
}

export function createWorkGroupMemberLoaders(db: EntityManager): WorkGroupMemberLoaders {
  return { byId: oneBy<WorkGroupMember, number>(db, WorkGroupMember, 'id') };
}
