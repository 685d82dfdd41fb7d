import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { runMigrations } from '@liangxin/db';
import type { IsoDate } from '@liangxin/domain';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DatasetExistsError } from './errors.js';
import { DatasetHash, prepareDataset, type GeneratedTable, type TableName } from './generate.js';
import { validateOptions, type DatasetOptions } from './options.js';

export interface Progress {
  phase: 'check' | 'migrate' | 'generate' | 'copy' | 'constraints' | 'tally' | 'indexes' | 'done';
  /** The table being copied (phase 'copy'). */
  table?: TableName;
  /** Rows copied into `table` so far. */
  rows?: number;
  rowsPerSecond?: number;
  /** True on the last report for a table or phase. */
  finished: boolean;
  /** Milliseconds since loadDataset started. */
  elapsedMs: number;
}

export interface LoadOptions extends DatasetOptions {
  /** Empty every data table first instead of refusing a database that holds data. */
  replace?: boolean;
  /**
   * Load all data in one transaction rather than two (the indexes are still rebuilt after the
   * commit). Slower at large scales — about 7 s at scale 20 here — for nothing a caller can
   * observe, since a failed load is undone either way; kept for comparison.
   */
  singleTransaction?: boolean;
  onProgress?: (progress: Progress) => void;
}

export interface LoadReport {
  scale: number;
  seed: number;
  asOf: IsoDate;
  checksum: string;
  rowCounts: Record<TableName, number>;
  millis: number;
  /** Milliseconds per phase (copy and constraints add up both transactions). */
  phaseMillis: Partial<Record<Progress['phase'], number>>;
}

/** Every table the data set fills, plus the record of the load; TRUNCATE empties them all. */
export const DATA_TABLES = [
  'area',
  'working_committee',
  'member_unit',
  'park',
  'building',
  'business_district',
  'organization',
  'party_organization',
  'party_organization_coverage',
  'party_member',
  'instructor',
  'work_group_member',
  'liaison_point',
  'visit',
  'activity',
  'fund_budget',
  'fund_entry',
  'dataset',
] as const;

/**
 * The data transactions, in order. The first loads the map and the organizations; the indexes
 * of those tables (above all the trigram index on 1.2 million names, ~18 s on its own) are then
 * built on a second connection while the first loads everything else.
 */
const FIRST_STAGE = ['area', 'working_committee', 'member_unit', 'park', 'building', 'business_district', 'organization'];
const TWO_STAGES: ReadonlySet<string>[] = [new Set(FIRST_STAGE), new Set(DATA_TABLES.filter((t) => !FIRST_STAGE.includes(t)))];
const ONE_STAGE: ReadonlySet<string>[] = [new Set(DATA_TABLES)];

/**
 * The dataset row's checksum while a load is under way. Its row_counts then list every schema
 * object the loader dropped and has still to put back, so that a load interrupted at any point
 * is completed by the next one (hasDataset is false meanwhile).
 */
const LOADING = 'LOADING';

/**
 * Row triggers of the foundation migration whose invariant the loader checks set-wise instead
 * (verifyTriggerInvariants). Run per row they query the table being loaded, whose statistics
 * say "empty" for the whole COPY, and at scale 20 cost over a minute. The coverage tally's
 * triggers (coverage_tally_*) are off during the load too, and the tally is rebuilt once from the
 * loaded rows after the last commit (in parts, on both connections). Other triggers stay on.
 */
const BULK_CHECKED_TRIGGERS = [
  { table: 'party_organization', trigger: 'party_organization_no_cycle' },
  { table: 'liaison_point', trigger: 'liaison_point_direct_limit' },
] as const;

/** A schema object the loader takes away during a load, with what puts it back. */
interface Ddl {
  kind: 'key' | 'uniqueIndex' | 'foreignKey' | 'index' | 'trigger';
  table: string;
  name: string;
  /** The constraint or index definition as the catalog prints it (empty for a trigger). */
  def: string;
  /** For a foreign key: the referenced table. */
  references?: string;
}

const RESTORE_ORDER: Ddl['kind'][] = ['key', 'uniqueIndex', 'foreignKey', 'index', 'trigger'];

interface Found {
  organizations: number;
  areas: number;
  /** Completed loads. */
  datasets: number;
  /** Objects an interrupted load left to put back. */
  pending: Ddl[];
}

const quote = (name: string) => pg.escapeIdentifier(name);

/** What already sits in the database; nothing when the schema is not there yet. */
async function findData(client: pg.Client): Promise<Found> {
  const { rows } = await client.query<{ ready: boolean }>(
    `SELECT to_regclass('organization') IS NOT NULL AND to_regclass('area') IS NOT NULL AND to_regclass('dataset') IS NOT NULL AS ready`,
  );
  if (!rows[0].ready) return { organizations: 0, areas: 0, datasets: 0, pending: [] };
  const counts = await client.query<{ organizations: number; areas: number; datasets: number }>(
    `SELECT (SELECT count(*) FROM organization)::int AS organizations, (SELECT count(*) FROM area)::int AS areas,
            (SELECT count(*) FROM dataset WHERE checksum <> $1)::int AS datasets`,
    [LOADING],
  );
  const unfinished = await client.query<{ row_counts: { pending?: Ddl[] } }>(`SELECT row_counts FROM dataset WHERE checksum = $1`, [LOADING]);
  return { ...counts.rows[0], pending: unfinished.rows.flatMap((r) => r.row_counts.pending ?? []) };
}

/**
 * Data that loading must not overwrite without `replace`: a completed data set, or rows
 * entered any other way. What an interrupted load left behind is not such data.
 */
function holdsData(f: Found): boolean {
  const unfinished = f.pending.length > 0;
  return f.datasets > 0 || (!unfinished && (f.organizations > 0 || f.areas > 0));
}

/**
 * Whether the database already holds data: a loaded data set, or organizations or areas entered
 * any other way — exactly when loadDataset would refuse without `replace`. False for a database
 * whose schema has not been migrated yet, and for one whose last load was interrupted (loading
 * again completes it).
 */
export async function hasDataset(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return holdsData(await findData(client));
  } finally {
    await client.end();
  }
}

/**
 * Generates the data set and loads it with COPY.
 *
 * Indexes and primary-key, unique and foreign-key constraints of the data tables are read from
 * the catalog, dropped, and re-created from the same definitions after the COPY, so the
 * migrations stay the only source of the schema and every row is still checked: CHECK and NOT
 * NULL during the COPY, keys and foreign keys when re-added, the two bulk-checked triggers'
 * invariants by a query each. Built by sorting once, they cost a fraction of maintaining them
 * row by row.
 *
 * One transaction would be simplest, but one PostgreSQL backend does all its work on one core:
 * at scale 20 that took 173 s here. So the load runs as two transactions (map and
 * organizations; then the rest), each committing complete, constrained data, while a second
 * connection builds the non-unique indexes of what has committed. From the first commit until
 * the end the dataset row says LOADING and lists what is still to be put back. If the load
 * fails, the tables are emptied and the schema restored before the error is rethrown; if the
 * process dies, the next load (the server's next start) finds the list and does the same.
 */
export async function loadDataset(url: string, options: LoadOptions): Promise<LoadReport> {
  const started = Date.now();
  const valid = validateOptions(options);
  const phaseMillis: LoadReport['phaseMillis'] = {};
  const report = (p: Omit<Progress, 'elapsedMs'>) => options.onProgress?.({ ...p, elapsedMs: Date.now() - started });
  const timed = async <T>(phase: Progress['phase'], fn: () => Promise<T> | T): Promise<T> => {
    const t0 = Date.now();
    report({ phase, finished: false });
    try {
      return await fn();
    } finally {
      phaseMillis[phase] = (phaseMillis[phase] ?? 0) + Date.now() - t0;
      report({ phase, finished: true });
    }
  };

  // Refuse before migrating or generating anything.
  await timed('check', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const found = await findData(client);
      if (holdsData(found) && !options.replace) throw new DatasetExistsError(found);
    } finally {
      await client.end();
    }
  });
  await timed('migrate', () => runMigrations(url));
  const prepared = await timed('generate', () => prepareDataset(valid));
  const generated = prepared.generated;
  // Two connections build indexes at once; together they stay within about 1 GB.
  const memoryMb = Math.min(512, Math.max(64, Math.round(32 * valid.scale)));

  const main = new pg.Client({ connectionString: url });
  const side = new pg.Client({ connectionString: url });
  await main.connect();
  let sideWork: Promise<void> | undefined;
  let tallied: Promise<void> | undefined;
  let sideRest: Promise<void> | undefined;
  let ddl: Ddl[] = [];
  let datasetId = 0;
  let committed = false;
  const builder = new IndexBuilder(memoryMb);
  try {
    // One loader at a time (two servers starting together), for the whole load.
    await main.query(`SELECT pg_advisory_lock(hashtext('liangxin.datagen'))`);
    const hash = new DatasetHash();
    const rowCounts = {} as Record<TableName, number>;
    const stages = (options.singleTransaction ? ONE_STAGE : TWO_STAGES).map((names) => generated.tables.filter((t) => names.has(t.name))).filter((g) => g.length > 0);
    const loaded = new Set<string>();
    for (const [index, tables] of stages.entries()) {
      const names = new Set<string>(tables.map((t) => t.name));
      await main.query('BEGIN');
      await main.query(`SET LOCAL maintenance_work_mem = '${memoryMb}MB'`);
      // The coverage tally is rebuilt once at the end (below) instead of row set by row set.
      await main.query(`SET LOCAL liangxin.coverage_tally = 'deferred'`);
      if (index === 0) {
        // Empty everything and record what will be dropped, in the same transaction.
        const found = await findData(main);
        if (holdsData(found) && !options.replace) throw new DatasetExistsError(found);
        await main.query(`TRUNCATE ${DATA_TABLES.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
        ddl = mergeDdl(await readDdl(main), found.pending);
        const inserted = await main.query<{ id: number }>(
          `INSERT INTO dataset (name, scale, seed, checksum, as_of, row_counts) VALUES ('jinan', $1, $2, $3, $4, $5) RETURNING id`,
          [valid.scale, valid.seed, LOADING, valid.asOf, JSON.stringify({ pending: ddl })],
        );
        datasetId = inserted.rows[0].id;
      } else {
        // Empty again in this transaction, which COPY FREEZE requires.
        await main.query(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')}`);
      }
      // This stage's objects, and foreign keys from anywhere into its tables (they depend on
      // the keys being dropped).
      await dropAll(main, ddl.filter((d) => names.has(d.table) || (d.kind === 'foreignKey' && names.has(d.references ?? ''))));
      const t0 = Date.now();
      for (const table of tables) {
        if (!prepared.firstTables.has(table.name)) prepared.complete();
        rowCounts[table.name] = await copyTable(main, table, hash, (rows, since, done) =>
          report({ phase: 'copy', table: table.name, rows, rowsPerSecond: Math.round(rows / Math.max(0.001, (Date.now() - since) / 1000)), finished: done }),
        );
        loaded.add(table.name);
      }
      phaseMillis.copy = (phaseMillis.copy ?? 0) + Date.now() - t0;
      await timed('constraints', async () => {
        // Keys, then foreign keys among loaded tables: those into earlier stages last, since the
        // side connection may still be indexing those tables. Sent as one batch, so that the
        // rest of the model is built here while the server checks them.
        const fkReady = (d: Ddl) => d.kind === 'foreignKey' && loaded.has(d.table) && loaded.has(d.references ?? '');
        const intoEarlier = (d: Ddl) => !names.has(d.references ?? '');
        const sql = await restoreSql(main, ddl.filter((d) => (names.has(d.table) && (d.kind === 'key' || d.kind === 'uniqueIndex')) || (fkReady(d) && !intoEarlier(d))));
        // pg writes the query to the socket at once; completing the model blocks this thread
        // only, not the server.
        const batch = sql ? main.query(sql) : Promise.resolve();
        batch.catch(() => {});
        prepared.complete();
        await batch;
        await restoreAll(main, ddl.filter((d) => fkReady(d) && intoEarlier(d)));
        await verifyTriggerInvariants(main);
        await restoreAll(main, ddl.filter((d) => names.has(d.table) && d.kind === 'trigger'));
      });
      const last = index === stages.length - 1;
      // The tally is rebuilt after the commit, in parts on both connections (below); until then
      // it is empty, and the dataset row still says LOADING.
      if (last) await main.query('TRUNCATE organization_coverage_timeline, party_organization_weak_timeline, coverage_tally');
      await resetSequences(main, [...names]);
      await main.query('COMMIT');
      committed = true;
      builder.add(ddl.filter((d) => names.has(d.table) && d.kind === 'index'), [...names], rowCounts);
      // The tally first, on whichever connection is free: the timelines (organizations in two
      // id ranges, Party organizations), then the tally's grains once all of them are done;
      // ahead of the indexes, which do not need them and fill the gaps.
      if (last) {
        const timelines = builder.addFront(await tallyTimelineJobs(main));
        tallied = builder.addAfter(timelines, TALLY_JOBS);
      }
      if (!sideWork) {
        await side.connect();
        sideWork = builder.run(side);
        // Handled here so that a failure on the side is no unhandled rejection while the next
        // stage loads; it is awaited (and rethrown) below.
        sideWork.catch(() => {});
      }
    }

    const checksum = hash.digest();
    // The side connection joins again once it has drained what it had.
    sideRest = sideWork!.then(() => builder.run(side));
    sideRest.catch(() => {});
    // Both connections drain the queue: the tally's parts as soon as they may run, index builds
    // meanwhile. 'tally' is the time until the tally is complete, 'indexes' what remains after.
    const t0 = Date.now();
    report({ phase: 'tally', finished: false });
    const mainWork = builder.run(main);
    mainWork.catch(() => {});
    const indexesFrom = await Promise.race([tallied!.then(() => Date.now()), Promise.all([sideRest, mainWork]).then(() => Date.now())]);
    await tallied;
    phaseMillis.tally = indexesFrom - t0;
    report({ phase: 'tally', finished: true });
    await timed('indexes', () => Promise.all([sideRest, mainWork]));
    await main.query(`UPDATE dataset SET checksum = $1, row_counts = $2 WHERE id = $3`, [checksum, JSON.stringify(rowCounts), datasetId]);
    await main.query(`SELECT pg_advisory_unlock(hashtext('liangxin.datagen'))`);
    report({ phase: 'done', finished: true });
    return { scale: valid.scale, seed: valid.seed, asOf: valid.asOf, checksum, rowCounts, millis: Date.now() - started, phaseMillis };
  } catch (error) {
    await main.query('ROLLBACK').catch(() => {});
    builder.stop();
    await sideWork?.catch(() => {});
    await sideRest?.catch(() => {});
    // A stage (and the dataset row) may have committed: leave nothing.
    if (committed) await emptyAndRestore(main, ddl).catch(() => {});
    throw error;
  } finally {
    await Promise.all([main.end().catch(() => {}), side.end().catch(() => {})]);
  }
}

/** The loader-managed objects of the data tables, as the catalog defines them now. */
async function readDdl(client: pg.Client): Promise<Ddl[]> {
  const tables = [...DATA_TABLES];
  const out: Ddl[] = [];
  const indexes = await client.query<{ table: string; name: string; def: string; is_unique: boolean }>(
    `SELECT tablename AS table, indexname AS name, indexdef AS def, indexdef LIKE 'CREATE UNIQUE %' AS is_unique FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                         WHERE k.conindid = format('%I.%I', schemaname, indexname)::regclass AND k.contype IN ('p', 'u', 'x'))
      ORDER BY tablename, indexname`,
    [tables],
  );
  for (const r of indexes.rows) out.push({ kind: r.is_unique ? 'uniqueIndex' : 'index', table: r.table, name: r.name, def: r.def });
  const constraints = await client.query<{ table: string; name: string; contype: string; def: string; references: string | null }>(
    `SELECT c.relname AS table, k.conname AS name, k.contype, pg_get_constraintdef(k.oid) AS def, f.relname AS references
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class f ON f.oid = k.confrelid
      WHERE k.contype IN ('p', 'u', 'f') AND n.nspname = current_schema() AND c.relname = ANY($1::text[])
      ORDER BY c.relname, k.conname`,
    [tables],
  );
  for (const r of constraints.rows) {
    out.push(r.contype === 'f' ? { kind: 'foreignKey', table: r.table, name: r.name, def: r.def, references: r.references ?? '' } : { kind: 'key', table: r.table, name: r.name, def: r.def });
  }
  const triggers = await client.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, t.tgname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal
        AND ((c.relname, t.tgname) IN (${BULK_CHECKED_TRIGGERS.map((b) => `('${b.table}', '${b.trigger}')`).join(', ')})
          OR t.tgname LIKE 'coverage\\_tally\\_%')`,
  );
  for (const r of triggers.rows) out.push({ kind: 'trigger', table: r.table, name: r.name, def: '' });
  return out;
}

/** The catalog's objects plus those an interrupted load had not put back yet. */
function mergeDdl(current: Ddl[], pending: Ddl[]): Ddl[] {
  const key = (d: Ddl) => `${d.kind === 'uniqueIndex' ? 'index' : d.kind}:${d.table}:${d.name}`;
  const seen = new Set(current.map(key));
  const out = [...current];
  for (const d of pending) {
    if (seen.has(key(d))) continue;
    seen.add(key(d));
    out.push(d);
  }
  return out;
}

async function exists(client: pg.Client, d: Ddl): Promise<boolean> {
  if (d.kind === 'index' || d.kind === 'uniqueIndex') {
    const { rows } = await client.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [quote(d.name)]);
    return rows[0].ok;
  }
  if (d.kind === 'trigger') {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                       WHERE c.relname = $1 AND t.tgname = $2 AND t.tgenabled <> 'D') AS ok`,
      [d.table, d.name],
    );
    return rows[0].ok;
  }
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relname = $1 AND k.conname = $2) AS ok`,
    [d.table, d.name],
  );
  return rows[0].ok;
}

/** Drops (or disables) what exists: foreign keys first, since they depend on the keys. */
async function dropAll(client: pg.Client, list: Ddl[]): Promise<void> {
  for (const kind of ['foreignKey', 'key', 'uniqueIndex', 'index', 'trigger'] as const) {
    for (const d of list.filter((x) => x.kind === kind)) {
      if (!(await exists(client, d))) continue;
      if (kind === 'index' || kind === 'uniqueIndex') await client.query(`DROP INDEX ${quote(d.name)}`);
      else if (kind === 'trigger') await client.query(`ALTER TABLE ${quote(d.table)} DISABLE TRIGGER ${quote(d.name)}`);
      else await client.query(`ALTER TABLE ${quote(d.table)} DROP CONSTRAINT ${quote(d.name)}`);
    }
  }
}

function ddlSql(d: Ddl): string {
  if (d.kind === 'index' || d.kind === 'uniqueIndex') return d.def;
  if (d.kind === 'trigger') return `ALTER TABLE ${quote(d.table)} ENABLE TRIGGER ${quote(d.name)}`;
  return `ALTER TABLE ${quote(d.table)} ADD CONSTRAINT ${quote(d.name)} ${d.def}`;
}

async function restore(client: pg.Client, d: Ddl): Promise<void> {
  await client.query(ddlSql(d));
}

/** Puts back what is missing, keys before the foreign keys that need them. */
async function restoreAll(client: pg.Client, list: Ddl[]): Promise<void> {
  for (const kind of RESTORE_ORDER) {
    for (const d of list.filter((x) => x.kind === kind)) if (!(await exists(client, d))) await restore(client, d);
  }
}

/** What restoreAll would run, as one multi-statement query ('' when nothing is missing). */
async function restoreSql(client: pg.Client, list: Ddl[]): Promise<string> {
  const statements: string[] = [];
  for (const kind of RESTORE_ORDER) {
    for (const d of list.filter((x) => x.kind === kind)) if (!(await exists(client, d))) statements.push(ddlSql(d));
  }
  return statements.join(';\n');
}

/** After a failed load: no data, every object back, no dataset row. */
async function emptyAndRestore(client: pg.Client, ddl: Ddl[]): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`TRUNCATE ${DATA_TABLES.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
    await restoreAll(client, ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Writers set ids explicitly; the identity sequences continue after the largest. */
async function resetSequences(client: pg.Client, tables: string[]): Promise<void> {
  const identities = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attidentity <> '' AND NOT a.attisdropped AND n.nspname = current_schema() AND c.relname = ANY($1::text[])`,
    [tables],
  );
  for (const { table, column } of identities.rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), column],
    );
  }
}

/**
 * The statements that rebuild the coverage tally's timelines from the committed data
 * (coverage_rebuild() in parts, see the migration faster-coverage-rebuild): the organizations in
 * two id ranges, the Party organizations. Each is independent of the others; the tally itself
 * (TALLY_JOBS) comes after all of them.
 */
async function tallyTimelineJobs(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ lo: number | null; hi: number | null }>(`SELECT min(id) AS lo, max(id) AS hi FROM organization`);
  const { lo, hi } = rows[0];
  const organizations =
    lo === null || hi === null || hi - lo < 2
      ? [`SELECT coverage_rebuild_organization_timelines(NULL, NULL)`]
      : [
          `SELECT coverage_rebuild_organization_timelines(NULL, ${Math.floor((lo + hi) / 2)})`,
          `SELECT coverage_rebuild_organization_timelines(${Math.floor((lo + hi) / 2) + 1}, NULL)`,
        ];
  return [...organizations, `SELECT coverage_rebuild_party_organization_timelines()`];
}

/**
 * The tally from the timelines, by grain, largest first: the areas (about 60 % of the work, 15 s
 * at scale 20 here), then parks, buildings and business districts together (about 9 s). Each
 * writes its own rows of coverage_tally, so the two run at once on the two connections.
 */
const TALLY_JOBS = [`SELECT coverage_rebuild_tally('{A}')`, `SELECT coverage_rebuild_tally('{P,B,D}')`];

/** What a job waits for: other jobs, all of which must have run. */
interface Gate {
  open: boolean;
  /** Settles when `open` turns true or what it waits for failed (which stops the queue). */
  settled: Promise<void>;
}

/** A job of the queue: an index to build, a table to ANALYZE, or a statement to run. */
interface Job {
  ddl?: Ddl;
  analyze?: string;
  sql?: string;
  /** Not to be started before `gate.open` (the jobs it waits for have all run). */
  gate?: Gate;
  settle?: (error?: unknown) => void;
}

/**
 * A queue of index builds (largest first), ANALYZEs and other statements, drained by whichever
 * connections run it; a second connection can join while the first is busy. A connection takes
 * the first job that may start: one that waits for others (`addAfter`) is passed over while they
 * run, and the connection builds an index meanwhile.
 */
class IndexBuilder {
  private readonly queue: Job[] = [];
  private failure: unknown;
  private stopped = false;

  constructor(private readonly memoryMb: number) {}

  add(indexes: Ddl[], tables: string[], rowCounts: Record<string, number>): void {
    const cost = (d: Ddl) => (rowCounts[d.table] ?? 0) * (/USING gin/i.test(d.def) ? 10 : 1);
    this.queue.push(...[...indexes].sort((a, b) => cost(b) - cost(a) || a.name.localeCompare(b.name)).map((ddl) => ({ ddl })));
    // Statistics for the planner once a table's indexes are in the queue before them.
    this.queue.push(...tables.map((analyze) => ({ analyze })));
  }

  /** Statements to run before everything queued; resolves when all of them have run. */
  addFront(statements: string[]): Promise<void> {
    return this.insert(0, statements);
  }

  /**
   * Statements to run once `after` has resolved, before everything else queued then (right after
   * the statements queued before them); resolves when all of them have run.
   */
  addAfter(after: Promise<void>, statements: string[]): Promise<void> {
    const at = this.queue.findIndex((job) => job.sql === undefined);
    return this.insert(at < 0 ? this.queue.length : at, statements, after);
  }

  private insert(at: number, statements: string[], after?: Promise<void>): Promise<void> {
    let gate: Gate | undefined;
    if (after) {
      const g: Gate = { open: false, settled: Promise.resolve() };
      g.settled = after.then(
        () => void (g.open = true),
        (error: unknown) => void (this.failure ??= error),
      );
      gate = g;
    }
    const done = statements.map((sql) => {
      const job: Job = { sql, gate };
      const settled = new Promise<void>((resolve, reject) => (job.settle = (error) => (error === undefined ? resolve() : reject(error))));
      return { job, settled };
    });
    this.queue.splice(at, 0, ...done.map((d) => d.job));
    const all = Promise.all(done.map((d) => d.settled)).then(() => undefined);
    all.catch(() => {});
    return all;
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.queue.splice(0)) job.settle?.(new Error('load stopped'));
  }

  /** Runs jobs until none is left (waiting, if need be, for those that wait for others). */
  async run(client: pg.Client): Promise<void> {
    if (!this.configured.has(client)) {
      await client.query(`SET maintenance_work_mem = '${this.memoryMb}MB'`);
      this.configured.add(client);
    }
    while (this.queue.length > 0 && !this.stopped && !this.failure) {
      const at = this.queue.findIndex((job) => !job.gate || job.gate.open);
      if (at < 0) {
        // Only jobs waiting for others (running on another connection) are left.
        await Promise.race(this.queue.map((job) => job.gate!.settled));
        continue;
      }
      const [job] = this.queue.splice(at, 1);
      try {
        if (job.sql) await client.query(job.sql);
        else if (job.analyze) await client.query(`ANALYZE ${quote(job.analyze)}`);
        else if (job.ddl && !(await exists(client, job.ddl))) await restore(client, job.ddl);
        job.settle?.();
      } catch (error) {
        this.failure ??= error;
        job.settle?.(error);
      }
    }
    if (this.failure) throw this.failure;
  }

  private readonly configured = new WeakSet<pg.Client>();
}

/**
 * What the two bulk-checked triggers guard, asked of the whole table at once. Acyclic parents:
 * if every parent has a smaller id (the generator numbers parents first) there can be no cycle;
 * otherwise walk the chains. Direct liaison points: at most 10 current ones per committee.
 */
async function verifyTriggerInvariants(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM party_organization WHERE parent_id >= id`);
  if (rows[0].n > 0) {
    const cycle = await client.query<{ id: number }>(
      `WITH RECURSIVE walk(start, id, depth) AS (
         SELECT id, parent_id, 1 FROM party_organization WHERE parent_id IS NOT NULL
         UNION ALL
         SELECT w.start, p.parent_id, w.depth + 1 FROM walk w JOIN party_organization p ON p.id = w.id
          WHERE p.parent_id IS NOT NULL AND w.id <> w.start AND w.depth < 10000)
       SELECT start AS id FROM walk WHERE id = start LIMIT 1`,
    );
    if (cycle.rows.length > 0) {
      throw new Error(`party organization ${cycle.rows[0].id} would become its own ancestor (party_organization_no_cycle)`);
    }
  }
  const direct = await client.query<{ committee_id: number; n: number }>(
    `SELECT committee_id, count(*)::int AS n FROM liaison_point WHERE kind = 'DIRECT' AND until IS NULL
      GROUP BY committee_id HAVING count(*) > 10 LIMIT 1`,
  );
  if (direct.rows.length > 0) {
    throw new Error(`working committee ${direct.rows[0].committee_id} would hold ${direct.rows[0].n} direct liaison points (liaison_point_direct_limit)`);
  }
}

/** Streams one table's COPY text; returns its row count. */
async function copyTable(
  client: pg.Client,
  table: GeneratedTable,
  hash: DatasetHash,
  progress: (rows: number, started: number, done: boolean) => void,
): Promise<number> {
  const t0 = Date.now();
  // FREEZE: the table was emptied in this transaction, so rows can be written frozen and the
  // first queries need not set hint bits on every page.
  const stream = client.query(copyFrom(`COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) FROM STDIN WITH (FREEZE)`));
  // Listen from the start: the server may refuse a row while we are still generating.
  const done = finished(stream);
  let failure: unknown;
  done.catch((e: unknown) => (failure = e));
  const it = table.chunks();
  let rows = 0;
  let lastReport = t0;
  for (;;) {
    const r = it.next();
    if (r.done) {
      rows = r.value;
      break;
    }
    if (failure) break;
    const buf = Buffer.from(r.value, 'utf8');
    hash.update(buf);
    if (!stream.write(buf)) await once(stream, 'drain');
    const now = Date.now();
    if (now - lastReport >= 1000) {
      lastReport = now;
      progress(table.rowsWritten(), t0, false);
    }
  }
  stream.end();
  await done;
  progress(rows, t0, true);
  return rows;
}
