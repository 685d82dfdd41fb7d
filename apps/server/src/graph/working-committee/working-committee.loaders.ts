import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { WorkingCommittee } from './working-committee.entity.js';

export interface WorkingCommitteeLoaders {
  byId: RowLoader<number, WorkingCommittee>;
  /** The committee of an area (the city or a district); null for other areas. */
  byAreaId: DataLoader<number, WorkingCommittee | null>;
  /** Puts rows loaded elsewhere (a list query) into both caches. */
  prime(committee: WorkingCommittee): void;
}

export function createWorkingCommitteeLoaders(db: EntityManager): WorkingCommitteeLoaders {
  const byId: RowLoader<number, WorkingCommittee> = oneBy<WorkingCommittee, number>(db, WorkingCommittee, 'id', {
    prime: (c) => byAreaId.prime(c.areaId, c),
  });
  const byAreaId: DataLoader<number, WorkingCommittee | null> = oneBy<WorkingCommittee, number>(db, WorkingCommittee, 'areaId', {
    prime: (c) => byId.prime(c.id, c),
  });
  return {
    byId,
    byAreaId,
    prime: (c) => {
      byId.prime(c.id, c);
      byAreaId.prime(c.areaId, c);
    },
  };
}
