import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { oneBy, type RowLoader } from '../../db/batch.js';
import { runQuery } from '../list.js';
import { sql } from '../../sql/fragment.js';
import { FundEntry } from './fund-entry.entity.js';

/** What the fund entries of one year add up to, in fen, by kind of entry. */
export interface FundYearTotals {
  entitledFen: number;
  allocatedFen: number;
  disbursedFen: number;
}

const NO_ENTRIES: FundYearTotals = { entitledFen: 0, allocatedFen: 0, disbursedFen: 0 };

export interface FundLoaders {
  byId: RowLoader<number, FundEntry>;
  /** Sums of a year's entries (one grouped statement for all years asked). */
  totalsByYear: DataLoader<number, FundYearTotals>;
}

export function createFundLoaders(db: EntityManager): FundLoaders {
  const totalsByYear = new DataLoader<number, FundYearTotals>(async (years) => {
    const rows = await runQuery(
      db,
      sql`SELECT year,
            coalesce(sum(amount_fen) FILTER (WHERE entry = 'ENTITLED'), 0) AS "entitledFen",
            coalesce(sum(amount_fen) FILTER (WHERE entry = 'ALLOCATED'), 0) AS "allocatedFen",
            coalesce(sum(amount_fen) FILTER (WHERE entry = 'DISBURSED'), 0) AS "disbursedFen"
          FROM fund_entry WHERE year = ANY(${[...years]}::int[]) GROUP BY year`,
    );
    // sum(bigint) is numeric, which pg hands over as text: the sums stay far below 2^53 (each
    // entry is at most 10^11 fen), so Number() is exact.
    const byYear = new Map(
      rows.map((r) => [
        Number(r.year),
        { entitledFen: Number(r.entitledFen), allocatedFen: Number(r.allocatedFen), disbursedFen: Number(r.disbursedFen) },
      ]),
    );
    return years.map((year) => byYear.get(year) ?? NO_ENTRIES);
  });
  return { byId: oneBy<FundEntry, number>(db, FundEntry, 'id'), totalsByYear };
}
