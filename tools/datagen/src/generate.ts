import { createHash } from 'node:crypto';
import type { IsoDate } from '@liangxin/domain';
import { isoToDay } from './days.js';
import { buildModelBase, completeModel } from './model.js';
import { validateOptions, type DatasetOptions } from './options.js';
import { tableWriters, type GeneratedTable, type TableName } from './tables.js';

export type { GeneratedTable, TableName };

export interface Generated {
  readonly scale: number;
  readonly seed: number;
  readonly asOf: IsoDate;
  /** In load order (parents before children); the checksum runs over them in this order. */
  readonly tables: readonly GeneratedTable[];
  /**
   * sha256 (hex) over every table's COPY text in table order. Reading it (or rowCounts)
   * generates all the text once, which takes seconds at large scales.
   */
  readonly checksum: string;
  readonly rowCounts: Readonly<Record<TableName, number>>;
}

/** Incremental checksum over the tables' COPY text, shared by generateDataset and the loader. */
export class DatasetHash {
  private readonly hash = createHash('sha256');

  update(chunk: Buffer | string): void {
    this.hash.update(chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The data set for (scale, seed, asOf), without a database. Builds the model in memory (a few
 * seconds and a few hundred MB at scale 20); the COPY text of each table is produced lazily
 * and identically every time it is iterated.
 */
export function generateDataset(options: DatasetOptions): Generated {
  const prepared = prepareDataset(options);
  prepared.complete();
  return prepared.generated;
}

/**
 * For the loader: the data set with only its first tables (the map, containers and
 * organizations) ready; `complete()` must run before any other table is iterated. It lets the
 * loader build the rest of the model while the server checks the organizations.
 */
export function prepareDataset(options: DatasetOptions): { generated: Generated; firstTables: ReadonlySet<TableName>; complete(): void } {
  const { scale, seed, asOf } = validateOptions(options);
  const model = buildModelBase({ scale, seed, asOf: isoToDay(asOf) });
  const tables = tableWriters(model);
  let summary: { checksum: string; rowCounts: Record<TableName, number> } | undefined;
  const summarize = () => {
    if (summary) return summary;
    const hash = new DatasetHash();
    const rowCounts = {} as Record<TableName, number>;
    for (const table of tables) {
      const it = table.chunks();
      for (let r = it.next(); ; r = it.next()) {
        if (r.done) {
          rowCounts[table.name] = r.value;
          break;
        }
        hash.update(r.value);
      }
    }
    summary = { checksum: hash.digest(), rowCounts };
    return summary;
  };
  const generated: Generated = {
    scale,
    seed,
    asOf,
    tables,
    get checksum() {
      completeModel(model);
      return summarize().checksum;
    },
    get rowCounts() {
      completeModel(model);
      return summarize().rowCounts;
    },
  };
  return {
    generated,
    firstTables: new Set<TableName>(['area', 'working_committee', 'member_unit', 'park', 'building', 'business_district', 'organization']),
    complete: () => completeModel(model),
  };
}
