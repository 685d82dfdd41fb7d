import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { StatementCounter } from './statement-counter.js';
import { describeError } from '../errors/describe-error.js';

/**
 * TypeORM's logger, pointed at pino and the statement counter. Parameters are never logged:
 * they carry personal data (names, phone and identity numbers of Party members).
 */
export class DbLogger implements TypeOrmLogger {
  constructor(
    private readonly pino: PinoLogger,
    private readonly counter: StatementCounter,
  ) {}

  logQuery(query: string): void {
    this.counter.record(query);
    if (this.pino.isLevelEnabled('trace')) this.pino.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    // Failures reach the client's request as an error and are logged there, masked; here at
    // debug only, to see the statement next to the failure when chasing one.
    this.pino.debug({ sql: query, error: typeof error === 'string' ? { message: error } : describeError(error) }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ sql: query, ms: time }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.pino.debug({ typeorm: 'schema' }, message);
  }

  logMigration(message: string): void {
    this.pino.info({ typeorm: 'migration' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : String(message);
    if (level === 'warn') this.pino.warn({ typeorm: true }, text);
    else this.pino.debug({ typeorm: true }, text);
  }
}
