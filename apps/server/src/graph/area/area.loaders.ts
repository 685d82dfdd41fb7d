import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { manyBy, oneBy, type RowLoader } from '../../db/batch.js';
import { Area } from './area.entity.js';

export interface AreaLoaders {
  byId: RowLoader<number, Area>;
  /** By administrative division code (行政区划代码). */
  byCode: DataLoader<string, Area | null>;
  /** The areas one level down, by parent id, in code order. */
  children: DataLoader<number, Area[]>;
  /** Puts rows loaded elsewhere (a list query) into the caches. */
  prime(area: Area): void;
}

export function createAreaLoaders(db: EntityManager): AreaLoaders {
  const prime = (area: Area) => {
    byId.prime(area.id, area);
    byCode.prime(area.code, area);
  };
  const byId: RowLoader<number, Area> = oneBy<Area, number>(db, Area, 'id', { prime: (a) => byCode.prime(a.code, a) });
  const byCode: DataLoader<string, Area | null> = oneBy<Area, string>(db, Area, 'code', { prime: (a) => byId.prime(a.id, a) });
  const children = manyBy<Area, number>(db, Area, 'parentId', { orderBy: { code: 'ASC' }, prime });
  return { byId, byCode, children, prime };
}
