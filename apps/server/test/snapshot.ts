import pg from 'pg';

/** Row count and digest of one table's contents. */
export interface TableDigest {
  rows: number;
  md5: string;
}

/**
 * A digest of every data table (audit_log included): per table, the row count and the md5 of
 * its rows as text in primary-key order. Two snapshots are equal exactly when no row was
 * inserted, changed or deleted, so a test of a refused mutation asserts "nothing changed" with
 * `expect(await snapshotDatabase(url)).toEqual(before)`. Sequences are left out: a refused
 * INSERT may use up an id, which changes no data.
 */
export async function snapshotDatabase(url: string): Promise<Record<string, TableDigest>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string; key: string | null }>(
      `SELECT t.table_name,
              (SELECT string_agg(format('%I', k.column_name), ', ' ORDER BY k.ordinal_position)
                 FROM information_schema.table_constraints c
                 JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
                WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') AS key
         FROM information_schema.tables t
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> 'migrations'
        ORDER BY t.table_name`,
    );
    const digest: Record<string, TableDigest> = {};
    for (const { table_name: table, key } of tables) {
      const order = key ?? 'x::text';
      const { rows } = await client.query<{ n: number; md5: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM ${pg.escapeIdentifier(table)} x`,
      );
      digest[table] = { rows: rows[0]!.n, md5: rows[0]!.md5 };
    }
    return digest;
  } finally {
    await client.end();
  }
}
