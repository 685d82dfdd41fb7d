import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city-wide audit log (`auditEntries`) is read newest first by actor or by operation. Without
 * these indexes each such page, and its total, scanned the whole table: on 2,000,000 entries a
 * rare actor's page took 0.32–0.60 s and one operation's 94–124 ms; with them 2 ms and 5–8 ms
 * (docs/benchmarks.md, "The audit log at 2,000,000 entries"). `(…, id)`: pages are ordered by id.
 * Days are answered by the index on (at, id) that audit-and-versions made.
 */
export class AuditLogIndexes1765094400000 implements MigrationInterface {
  name = 'AuditLogIndexes1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor, id)`);
    await q.query(`CREATE INDEX audit_log_operation_idx ON audit_log (operation, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_operation_idx`);
    await q.query(`DROP INDEX audit_log_actor_idx`);
  }
}
