import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { runQuery } from '../list.js';
import { sql } from '../../sql/fragment.js';
import {
  coverageStatement,
  fullMembersAt,
  lastVisitOnAt,
  liaisonPointAt,
  placeGrouping,
  tallied,
  tallyPlacesStatement,
  toCountsRow,
  dates,
  type CountsRow,
  type CoveragePlace,
  type CoverageAt,
} from './coverage.sql.js';

/** What a blind spot lacks, read for a page of organizations at once. */
export interface OrganizationCoverageFacts {
  fullMembers: number;
  lastVisitOn: string | null;
  hasWorkGroupContact: boolean;
  hasLiaisonPoint: boolean;
}

/**
 * Coverage loaders, made per request with the others. One DataLoader per (place type, asOf,
 * window): the `coverage` of every street in a response is one statement, whatever the number
 * of streets — an index probe per street in the tally for the default window.
 */
export function createCoverageLoaders(db: EntityManager, useTally: boolean) {
  const stats = new Map<string, DataLoader<number, CountsRow | undefined>>();
  const facts = new Map<string, DataLoader<number, OrganizationCoverageFacts>>();
  return {
    stats(place: CoveragePlace, at: CoverageAt): DataLoader<number, CountsRow | undefined> {
      const key = `${place}|${at.asOf}|${at.window}`;
      let loader = stats.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          // The tally's probes are one fixed text per place type: prepared (db/prepared.ts).
          const fromTally = useTally && tallied(at);
          const rows = await runQuery(db, fromTally ? tallyPlacesStatement(place, ids, at) : coverageStatement(placeGrouping(place, ids), at), fromTally);
          const byId = new Map(rows.map((r) => [Number(r.key), toCountsRow(r)]));
          return ids.map((id) => byId.get(id));
        });
        stats.set(key, loader);
      }
      return loader;
    },
    facts(at: CoverageAt): DataLoader<number, OrganizationCoverageFacts> {
      const key = `${at.asOf}`;
      let loader = facts.get(key);
      if (!loader) {
        const { d } = dates(at);
        loader = new DataLoader(async (ids) => {
          const rows = await runQuery(
            db,
            sql`SELECT o.id, ${fullMembersAt('o', d)} AS "fullMembers", ${lastVisitOnAt('o', d)} AS "lastVisitOn",
              ${liaisonPointAt('o', d, 'WORK_GROUP')} AS "hasWorkGroupContact", ${liaisonPointAt('o', d)} AS "hasLiaisonPoint"
              FROM organization o WHERE o.id = ANY(${[...ids]}::int[])`,
          );
          const byId = new Map(
            rows.map((r) => [
              Number(r.id),
              {
                fullMembers: Number(r.fullMembers),
                lastVisitOn: (r.lastVisitOn as string | null) ?? null,
                hasWorkGroupContact: Boolean(r.hasWorkGroupContact),
                hasLiaisonPoint: Boolean(r.hasLiaisonPoint),
              },
            ]),
          );
          return ids.map((id) => byId.get(id) ?? { fullMembers: 0, lastVisitOn: null, hasWorkGroupContact: false, hasLiaisonPoint: false });
        });
        facts.set(key, loader);
      }
      return loader;
    },
    /** Forgets every figure (a mutation changed what they count): see loaders.ts clearAfterWrite. */
    clearAll(): void {
      stats.clear();
      facts.clear();
    },
  };
}

export type CoverageLoaders = ReturnType<typeof createCoverageLoaders>;
