import type { Context } from '../context.js';
import type { RowJson } from './rows.js';
import type { Tx } from './run-mutation.js';

export interface AuditChange {
  /** The mutation's name ('registerOrganization') or 'import:<kind>'. */
  readonly operation: string;
  /** The GraphQL type of the node changed ('Organization'). */
  readonly nodeType: string;
  /** Its row id. */
  readonly nodeId: number;
  /** The row before the change as readRow/lockVersioned return it (snake_case); null for a creation. */
  readonly before: RowJson | null;
  /** The row after the change; null for a deletion. */
  readonly after: RowJson | null;
  /**
   * Columns whose values must not be copied into the trail (personal data the trail's readers
   * may not see): kept as the key with the value '[redacted]', so the trail still shows it changed.
   */
  readonly redact?: readonly string[];
}

/**
 * Writes one row of the audit trail (audit_log) in the mutation's transaction, so the change and
 * its record commit or vanish together. Who is `ctx.actor`, when is the transaction's now().
 */
export async function audit(tx: Tx, ctx: Pick<Context, 'actor' | 'requestId'>, change: AuditChange): Promise<void> {
  const redact = (row: RowJson | null) => {
    if (!row || !change.redact?.length) return row;
    const copy = { ...row };
    for (const column of change.redact) if (column in copy && copy[column] !== null) copy[column] = '[redacted]';
    return copy;
  };
  await tx.query(
    `INSERT INTO audit_log (actor, request_id, operation, node_type, node_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      ctx.actor,
      ctx.requestId,
      change.operation,
      change.nodeType,
      change.nodeId,
      change.before === null ? null : JSON.stringify(redact(change.before)),
      change.after === null ? null : JSON.stringify(redact(change.after)),
    ],
  );
}
