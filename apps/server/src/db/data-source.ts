import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DbLogger } from './db-logger.js';
import { ENTITIES } from './entities.js';
import { liangxinPgTypes } from './pg-types.js';
import { StatementCounter } from './statement-counter.js';

export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export interface DataSourceOptions {
  url: string;
  logger: Logger;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Statements slower than this are logged at warn (default 1000 ms). */
  slowQueryMs?: number;
  /** statement_timeout of every connection (default 15 s). */
  statementTimeoutMs?: number;
  /** Counter fed by every statement; one is made when not given. */
  statements?: StatementCounter;
}

/**
 * The server's TypeORM DataSource. The schema belongs to the migrations in @liangxin/db, run
 * explicitly before the server starts: never `synchronize`, never `migrationsRun`, no
 * migrations here at all, so this DataSource cannot change the schema.
 */
export function createDataSource(options: DataSourceOptions): { dataSource: DataSource; statements: StatementCounter } {
  const statements = options.statements ?? new StatementCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: [...ENTITIES],
    migrations: [],
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    applicationName: 'liangxin-server',
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 10_000,
    maxQueryExecutionTime: options.slowQueryMs ?? 1000,
    logger: new DbLogger(options.logger.child({ component: 'db' }), statements),
    extra: {
      types: liangxinPgTypes,
      // A statement that runs away must not hold a pool connection for ever (LIANGXIN_STATEMENT_TIMEOUT_MS).
      // The importer raises it inside its own transaction (SET LOCAL).
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      // The API's statements are short and planned per request; PostgreSQL's JIT compiler,
      // set off by cost estimates on aggregate statements, spent seconds compiling queries that
      // run in a fraction of that (measured on the coverage statements at scale 1).
      options: '-c jit=off',
      idle_in_transaction_session_timeout: 60_000,
    },
  });
  return { dataSource, statements };
}
