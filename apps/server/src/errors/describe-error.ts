/**
 * Logged under the key `error`, not `err`: pino's `err` serializer would rewrite it.
 *
 * What of an error goes into a log line: its kind, message, SQL state and constraint, the SQL
 * text (placeholders only) and the stack. Not `parameters` nor pg's `detail`, which repeat the
 * values of the row (a member's identity number in a unique-violation detail, for one).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
    query?: unknown;
    driverError?: unknown;
  };
  const driver = (e.driverError ?? {}) as { code?: unknown; constraint?: unknown; table?: unknown };
  const out: Record<string, unknown> = { type: e.name || e.constructor?.name, message: e.message };
  const code = e.code ?? driver.code;
  if (typeof code === 'string') out.code = code;
  const constraint = e.constraint ?? driver.constraint;
  if (typeof constraint === 'string') out.constraint = constraint;
  const table = e.table ?? driver.table;
  if (typeof table === 'string') out.table = table;
  if (typeof e.query === 'string') out.sql = e.query;
  if (e.stack) out.stack = e.stack;
  if (e.cause !== undefined && e.cause !== error) out.cause = describeError(e.cause);
  return out;
}
