import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Principal } from './principal.js';

/**
 * Where a principal bound to areas (district officer, street worker, area-bound integration token)
 * may read and write: enforced by PostgreSQL row-level security (migration
 * 1764748800000-row-level-security), not by checks in resolvers. For such a request the server
 * takes one pool connection, switches it to the role `liangxin_scoped` with the principal's
 * settings, serves every statement of the request on it (reads, mutations, imports, exports), and
 * resets it before it goes back to the pool. City roles use the pool as the owner, unrestricted.
 */
export interface ScopedConnection {
  /** Every statement of the request goes through this manager (its own connection). */
  readonly manager: EntityManager;
  /** Resets the connection and returns it to the pool (destroys it if that fails). Idempotent. */
  release(): Promise<void>;
}

/**
 * The areas a principal's areas give it, read as the owner: the reach (every area whose ancestor
 * path meets the principal's areas), the visible areas (the reach and its ancestors), and the
 * areas shown as places (those and the pools of instructors assigned in the reach, with their
 * ancestors: Instructor.poolArea is never null; their parks, committees and counts stay out of
 * sight). Costs tens of milliseconds for a district, so it is remembered for REACH_TTL_MS.
 */
const AREAS_OF = `WITH reach AS (
  SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM area WHERE path && $1::int[]
), visible AS (
  SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids
    FROM (SELECT id FROM area WHERE path && $1::int[] UNION SELECT unnest(path) FROM area WHERE id = ANY($1::int[])) v
), places AS (
  SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids
    FROM (SELECT unnest(ids) AS id FROM visible
          UNION SELECT unnest(a.path) FROM area a
                 WHERE a.id IN (SELECT i.pool_area_id FROM liaison_point lp
                                  JOIN organization o ON o.id = lp.organization_id
                                  JOIN instructor i ON i.id = lp.instructor_id
                                 WHERE lp.instructor_id IS NOT NULL AND o.street_id IN (SELECT id FROM area WHERE path && $1::int[]))) p
)
SELECT reach.ids::text AS reach, visible.ids::text AS visible, places.ids::text AS places FROM reach, visible, places`;

/** The switch: the settings the policies read, then the role. */
const ENTER = `SELECT set_config('liangxin.reach', $1, false), set_config('liangxin.visible_areas', $2, false),
  set_config('liangxin.place_areas', $3, false), set_config('liangxin.account_id', $4, false), set_config('role', 'liangxin_scoped', false)`;

const LEAVE = 'RESET ROLE; RESET liangxin.reach; RESET liangxin.visible_areas; RESET liangxin.place_areas; RESET liangxin.account_id';

/**
 * How long a principal's areas are remembered. Areas and instructors' assignments change rarely;
 * a new assignment shows its instructor's pool as a place within this time.
 */
const REACH_TTL_MS = 60_000;

interface Areas {
  reach: string;
  visible: string;
  places: string;
}

const remembered = new WeakMap<DataSource, Map<string, { at: number; areas: Promise<Areas> }>>();

function areasOf(dataSource: DataSource, principal: Principal, send: QueryRunner['query']): Promise<Areas> {
  let byKey = remembered.get(dataSource);
  if (!byKey) remembered.set(dataSource, (byKey = new Map()));
  const key = [...principal.areaIds].sort((a, b) => a - b).join(',');
  const hit = byKey.get(key);
  if (hit && Date.now() - hit.at < REACH_TTL_MS) return hit.areas;
  const areas = (send(AREAS_OF, [principal.areaIds]) as Promise<Areas[]>).then((rows) => rows[0]!);
  byKey.set(key, { at: Date.now(), areas });
  areas.catch(() => byKey.delete(key));
  return areas;
}

/**
 * A connection for the principal's request, taken lazily: nothing is sent until the request's first
 * statement, which is preceded by the switch (so a request refused before execution costs no SQL
 * and no connection). Every statement on the runner waits for the switch; if it failed, they fail.
 */
export function openScopedConnection(dataSource: DataSource, principal: Principal): ScopedConnection {
  if (principal.areaIds.length === 0) throw new Error('openScopedConnection: the principal is not bound to areas');
  const runner = dataSource.createQueryRunner();
  const send = runner.query.bind(runner) as QueryRunner['query'];
  let entered: Promise<void> | undefined;
  const enter = () =>
    (entered ??= areasOf(dataSource, principal, send).then(async (a) => {
      await send(ENTER, [a.reach, a.visible, a.places, principal.kind === 'account' ? String(principal.id) : '']);
    }));
  // Own property: TypeORM's manager, transactions and repositories all send through runner.query.
  // The request's resolvers ask in parallel, but one connection answers one statement at a time:
  // they are queued here in the order asked (node-postgres would queue them too, but warns that
  // it will stop doing so).
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((query: string, parameters?: unknown[], structured?: boolean) => {
    const result = tail.then(enter).then(() => send(query, parameters, structured as never));
    tail = result.catch(() => undefined);
    return result;
  }) as QueryRunner['query'];
  let released: Promise<void> | undefined;
  return {
    manager: runner.manager,
    release: () => (released ??= entered === undefined ? runner.release() : entered.then(() => leave(runner), () => destroy(runner, new Error('the switch to the scoped role failed')))),
  };
}

/** What of TypeORM's PostgresQueryRunner `leave` relies on (checked by reach.test.ts). */
interface PostgresRunnerInternals {
  isReleased: boolean;
  isTransactionActive: boolean;
  databaseConnection?: { query(text: string): Promise<unknown> };
  releaseCallback?: (error?: Error) => void;
  driver?: { connectedQueryRunners?: QueryRunner[] };
}

/**
 * Resets the connection and gives it back. The runner is marked released first, synchronously,
 * so no statement of the request can slip in behind the reset and run unrestricted (TypeORM
 * refuses queries on a released runner). A transaction still open means the request was cut off
 * mid-mutation: the connection is closed instead, and the transaction dies with it.
 */
async function leave(runner: QueryRunner): Promise<void> {
  const internals = runner as unknown as PostgresRunnerInternals;
  const client = internals.databaseConnection;
  const giveBack = internals.releaseCallback;
  if (!client || !giveBack) return destroy(runner, new Error('scoped connection without a client'));
  const inTransaction = internals.isTransactionActive;
  internals.isReleased = true;
  internals.releaseCallback = undefined;
  const connected = internals.driver?.connectedQueryRunners;
  if (connected?.includes(runner)) connected.splice(connected.indexOf(runner), 1);
  if (inTransaction) return giveBack(new Error('released inside a transaction'));
  try {
    await client.query(LEAVE);
    giveBack();
  } catch (error) {
    giveBack(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Returns the connection to the pool with an error, which makes the pool close it. */
async function destroy(runner: QueryRunner, error: unknown): Promise<void> {
  const pgRunner = runner as QueryRunner & { releasePostgresConnection?: (err?: unknown) => Promise<void> };
  if (pgRunner.releasePostgresConnection) await pgRunner.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
  else await runner.release();
}

/**
 * Runs `work` with the manager the principal's statements must use: the pool for city roles, a
 * scoped connection (released afterwards) for area-bound ones. For HTTP routes outside GraphQL
 * (imports, exports); GraphQL requests get theirs from the context.
 */
export async function withPrincipalManager<T>(dataSource: DataSource, principal: Principal | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!principal || principal.areaIds.length === 0) return work(dataSource.manager);
  const scoped = openScopedConnection(dataSource, principal);
  try {
    return await work(scoped.manager);
  } finally {
    await scoped.release();
  }
}
