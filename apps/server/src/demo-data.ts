import type { Logger } from 'pino';
import pg from 'pg';

/** The part of @liangxin/datagen the server uses (a parameter so tests can stand in for it). */
export type Datagen = Pick<typeof import('@liangxin/datagen'), 'hasDataset' | 'loadDataset'>;

/**
 * Imported only when an empty database is to be filled: a server that reuses its data (every
 * start after the first, and production) never loads the generator.
 */
export async function importDatagen(): Promise<Datagen> {
  try {
    return await import('@liangxin/datagen');
  } catch (error) {
    throw new Error(
      'demo data is on but @liangxin/datagen cannot be loaded (is it built? npm run build); set LIANGXIN_DEMO_DATA=off to start without it',
      { cause: error },
    );
  }
}

export type DemoDataOutcome =
  | { loaded: true; checksum: string; millis: number; rowCounts: Record<string, number> }
  | { loaded: false; reason: 'dataset present' | 'database holds other data' };

/**
 * Loads the demo data set into a database that has none. A database holding rows the generator
 * did not write (a real city's data behind DATABASE_URL) is left alone: datagen's `hasDataset`
 * is true for it, and fictitious rows are never mixed in.
 */
export async function ensureDemoData(
  url: string,
  options: { scale: number; seed: number; log: Logger; datagen?: Datagen },
): Promise<DemoDataOutcome> {
  if (await hasLoadRecord(url)) return { loaded: false, reason: 'dataset present' };
  const datagen = options.datagen ?? (await importDatagen());
  // True also for areas or organizations entered another way; false after an interrupted load,
  // which loading again completes.
  if (await datagen.hasDataset(url)) return { loaded: false, reason: 'database holds other data' };
  options.log.info({ scale: options.scale, seed: options.seed }, 'loading the demo data set (first start)');
  const report = await datagen.loadDataset(url, {
    scale: options.scale,
    seed: options.seed,
    onProgress: (progress) => {
      if (progress.finished) options.log.info({ progress }, 'demo data');
    },
  });
  return { loaded: true, checksum: report.checksum, millis: report.millis, rowCounts: report.rowCounts };
}

/** The generator's record of a finished load (table `dataset`), read without loading the generator. */
async function hasLoadRecord(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The generator marks a load under way with checksum 'LOADING' until it completes; such a row
    // is an interrupted first start, which loading again completes.
    const { rows } = await client.query<{ loaded: boolean }>(`SELECT EXISTS (SELECT 1 FROM dataset WHERE checksum <> 'LOADING') AS loaded`);
    return rows[0]?.loaded === true;
  } finally {
    await client.end();
  }
}
