import { loadDataset } from '@liangxin/datagen';
import { createTestDatabase, startTestPostgres, type TestDatabase, type TestPostgres } from '@liangxin/db';
import { createServer, ensureDemoAccounts, silentLogger, type Listener, type LiangxinServer } from '@liangxin/server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real thing the browser talks to in the end-to-end tests: a fresh database on the
 * PostgreSQL of DATABASE_URL (else an embedded one, as every package's tests), migrated, holding
 * a small demo data set (the generator's, scale 0.05 by default ≈ 3,000 organizations; as of
 * today in Asia/Shanghai, as `npm start` loads it), the demo accounts of the README, and the
 * server itself in this process on a free port, serving the built web app (apps/web/dist) as
 * `npm start` does.
 */

export const WEB_DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface E2eStack {
  baseUrl: string;
  databaseUrl: string;
  scale: number;
  close(): Promise<void>;
}

/** The server's demo accounts, as `npm start` makes them on a first start: the e2e signs in with exactly the README's accounts. */
async function makeDemoAccounts(url: string): Promise<void> {
  const outcome = await ensureDemoAccounts(url);
  if (!outcome) throw new Error('the demo accounts were not made (no 历下区 in the data set, or accounts already present)');
}

export async function startE2eStack(options: { scale?: number; log?: (message: string) => void } = {}): Promise<E2eStack> {
  const scale = options.scale ?? 0.05;
  const log = options.log ?? (() => {});
  if (!existsSync(`${WEB_DIST}index.html`)) {
    throw new Error(`apps/web/dist/index.html is missing: the end-to-end tests drive the built app (npm run build -w @liangxin/web, or npm test at the root, which builds first)`);
  }
  const started = Date.now();
  let postgres: TestPostgres | undefined;
  let database: TestDatabase | undefined;
  let server: LiangxinServer | undefined;
  let listener: Listener | undefined;
  const close = async () => {
    await listener?.close().catch(() => {});
    await server?.close().catch(() => {});
    await database?.drop().catch(() => {});
    await postgres?.close().catch(() => {});
  };
  try {
    postgres = await startTestPostgres('web-e2e');
    database = await createTestDatabase(postgres.serverUrl, postgres.templateDatabase);
    log(`database ${database.name} (${Date.now() - started} ms)`);
    await loadDataset(database.url, { scale, seed: 1 });
    log(`demo data set scale ${scale} loaded (${Date.now() - started} ms)`);
    await makeDemoAccounts(database.url);
    server = await createServer({
      databaseUrl: database.url,
      logger: silentLogger(),
      // Several sign-ins a minute from one address, as a person would not: the brake is off here.
      rateLimits: { perPrincipalPerMinute: 0, signInPerMinute: 0 },
    });
    listener = await server.listen(0, '127.0.0.1');
    log(`server at ${listener.url} (${Date.now() - started} ms)`);
    return { baseUrl: `http://127.0.0.1:${listener.port}`, databaseUrl: database.url, scale, close };
  } catch (error) {
    await close();
    throw error;
  }
}
