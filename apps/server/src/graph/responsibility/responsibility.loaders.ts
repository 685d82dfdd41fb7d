import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { runQuery } from '../list.js';
import { responsibilityStatement, toResponsibilityRow, type ResponsibilityRow } from './responsibility.sql.js';

/**
 * The responsibility chain per asOf: one DataLoader per date, so the `responsibility` of every
 * organization in a response on the same date is one statement.
 */
export function createResponsibilityLoaders(db: EntityManager) {
  const byDate = new Map<string, DataLoader<number, ResponsibilityRow[]>>();
  return {
    chain(asOf: string): DataLoader<number, ResponsibilityRow[]> {
      let loader = byDate.get(asOf);
      if (!loader) {
        loader = new DataLoader<number, ResponsibilityRow[]>(async (ids) => {
          const rows = (await runQuery(db, responsibilityStatement(ids, asOf))).map(toResponsibilityRow);
          const byOrganization = new Map<number, ResponsibilityRow[]>();
          for (const row of rows) {
            const list = byOrganization.get(row.organizationId);
            if (list) list.push(row);
            else byOrganization.set(row.organizationId, [row]);
          }
          return ids.map((id) => byOrganization.get(id) ?? []);
        });
        byDate.set(asOf, loader);
      }
      return loader;
    },
    /** Forgets every chain (a mutation changed what they read): see loaders.ts clearAfterWrite. */
    clearAll(): void {
      byDate.clear();
    },
  };
}

export type ResponsibilityLoaders = ReturnType<typeof createResponsibilityLoaders>;
